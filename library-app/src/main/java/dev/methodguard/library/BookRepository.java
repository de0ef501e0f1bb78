package dev.methodguard.library;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.repository.query.Param;
import org.springframework.data.rest.core.annotation.RestResource;

/**
 * Books at {@code /api/books}: every CRUD method exported, and the search
 * {@code /api/books/search/titled}.
 */
public interface BookRepository extends JpaRepository<Book, Long> {

	/**
	 * The books whose title contains a text, whatever its case.
	 * @param title the text
	 * @return the books
	 */
	@RestResource(path = "titled", rel = "titled")
	List<Book> findByTitleContainingIgnoreCase(@Param("title") String title);

}
