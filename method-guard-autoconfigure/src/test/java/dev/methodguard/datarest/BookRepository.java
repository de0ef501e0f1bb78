package dev.methodguard.datarest;

import java.util.List;

import org.springframework.data.repository.CrudRepository;
import org.springframework.data.repository.query.Param;

/**
 * Every CRUD method exported, and one search.
 */
public interface BookRepository extends CrudRepository<Book, Long> {

	/**
	 * The books of a title.
	 * @param title the title
	 * @return the books
	 */
	List<Book> findByTitle(@Param("title") String title);

}
