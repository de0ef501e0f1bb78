package dev.methodguard.library;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;

import org.springframework.data.rest.core.annotation.RestResource;

/**
 * An author, exported by Spring Data REST with the books written as the association
 * {@code works}.
 */
@Entity
public class Author {

	@Id
	@GeneratedValue
	private Long id;

	private String name;

	@OneToMany(mappedBy = "author")
	@RestResource(path = "works", rel = "works")
	private List<Book> books = new ArrayList<>();

	/**
	 * Create an empty author, for JPA and Spring Data REST.
	 */
	public Author() {
	}

	/**
	 * Create an author.
	 * @param name the name
	 */
	public Author(String name) {
		this.name = name;
	}

	/**
	 * The id.
	 * @return the id
	 */
	public Long getId() {
		return this.id;
	}

	/**
	 * The name.
	 * @return the name
	 */
	public String getName() {
		return this.name;
	}

	/**
	 * Set the name.
	 * @param name the name
	 */
	public void setName(String name) {
		this.name = name;
	}

	/**
	 * The books written.
	 * @return the books
	 */
	public List<Book> getBooks() {
		return this.books;
	}

	/**
	 * Set the books written.
	 * @param books the books
	 */
	public void setBooks(List<Book> books) {
		this.books = books;
	}

}
