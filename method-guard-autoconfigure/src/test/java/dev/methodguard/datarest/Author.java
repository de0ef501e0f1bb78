package dev.methodguard.datarest;

import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Reference;
import org.springframework.data.keyvalue.annotation.KeySpace;

/**
 * An author of the test library, with the books written as a collection association.
 */
@KeySpace("authors")
public class Author {

	@Id
	private Long id;

	private String name;

	@Reference
	private List<Book> books = new ArrayList<>();

	/**
	 * Create an empty author, for Spring Data REST.
	 */
	public Author() {
	}

	Author(Long id, String name) {
		this.id = id;
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
	 * Set the id.
	 * @param id the id
	 */
	public void setId(Long id) {
		this.id = id;
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
	 * The books.
	 * @return the books
	 */
	public List<Book> getBooks() {
		return this.books;
	}

	/**
	 * Set the books.
	 * @param books the books
	 */
	public void setBooks(List<Book> books) {
		this.books = books;
	}

}
