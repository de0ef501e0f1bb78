package dev.methodguard.datarest;

import java.util.ArrayList;
import java.util.List;

/**
 * The data every request of the Spring Data REST tests starts from: book 1 by author 1, who
 * wrote book 1, and genre 1.
 */
final class LibraryFixtures {

	private LibraryFixtures() {
	}

	/**
	 * Store the fixtures anew, whatever earlier requests changed.
	 * @param books the book repository
	 * @param authors the author repository
	 * @param genres the genre repository
	 */
	static void reset(BookRepository books, AuthorRepository authors, GenreRepository genres) {
		books.deleteAll();
		authors.deleteAll();
		Author author = new Author(1L, "Ursula");
		Book book = new Book(1L, "Earthsea", author);
		author.setBooks(new ArrayList<>(List.of(book)));
		authors.save(author);
		books.save(book);
		genres.save(new Genre(1L, "Fantasy"));
	}

}
