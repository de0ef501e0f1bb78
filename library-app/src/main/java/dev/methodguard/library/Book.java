package dev.methodguard.library;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/**
 * A book, exported by Spring Data REST with its author as an association.
 */
@Entity
public class Book {

	@Id
	@GeneratedValue
	private Long id;

	private String title;

	@ManyToOne
	private Author author;

	/**
	 * Create an empty book, for JPA and Spring Data REST.
	 */
	public Book() {
	}

	/**
	 * Create a book.
	 * @param title the title
	 * @param author the author
	 */
	public Book(String title, Author author) {
		this.title = title;
		this.author = author;
	}

	/**
	 * The id.
	 * @return the id
	 */
	public Long getId() {
		return this.id;
	}

	/**
	 * The title.
	 * @return the title
	 */
	public String getTitle() {
		return this.title;
	}

	/**
	 * Set the title.
	 * @param title the title
	 */
	public void setTitle(String title) {
		this.title = title;
	}

	/**
	 * The author.
	 * @return the author, or {@code null}
	 */
	public Author getAuthor() {
		return this.author;
	}

	/**
	 * Set the author.
	 * @param author the author, or {@code null}
	 */
	public void setAuthor(Author author) {
		this.author = author;
	}

}
