package dev.methodguard.library;

import org.springframework.data.repository.CrudRepository;
import org.springframework.data.rest.core.annotation.RestResource;

/**
 * Authors at {@code /api/authors}: an author can be read, created and changed over HTTP, but
 * not deleted.
 */
public interface AuthorRepository extends CrudRepository<Author, Long> {

	@Override
	@RestResource(exported = false)
	void deleteById(Long id);

	@Override
	@RestResource(exported = false)
	void delete(Author author);

}
