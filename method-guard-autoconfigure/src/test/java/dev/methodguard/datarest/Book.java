package dev.methodguard.datarest;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Reference;
import org.springframework.data.keyvalue.annotation.KeySpace;

/**
 * A book of the test library, with its author as an association.
 */
@KeySpace("books")
public class Book {

	@Id
	private Long id;

	private String title;

	@Reference
	private Author author;

	/**
	 * Create an empty book, for Spring Data REST.
	 */
	public Book() {
	}

	Book(Long id, String title, Author author) {
		this.id = id;
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
	 * Set the id.
	 * @param id the id
	 */
	public void setId(Long id) {
		this.id = id;
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
	 * @return the author
	 */
	public Author getAuthor() {
		return this.author;
	}

	/**
	 * Set the author.
	 * @param author the author
	 */
	public void setAuthor(Author author) {
		this.author = author;
	}

}
