package dev.methodguard.library;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The books and authors the library starts with.
 */
@Component
class LibraryData implements ApplicationRunner {

	private final AuthorRepository authors;

	private final BookRepository books;

	LibraryData(AuthorRepository authors, BookRepository books) {
		this.authors = authors;
		this.books = books;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.authors.count() > 0) {
			return;
		}
		Author leGuin = this.authors.save(new Author("Ursula K. Le Guin"));
		Author butler = this.authors.save(new Author("Octavia E. Butler"));
		this.books.save(new Book("A Wizard of Earthsea", leGuin));
		this.books.save(new Book("The Tombs of Atuan", leGuin));
		this.books.save(new Book("Kindred", butler));
	}

}
