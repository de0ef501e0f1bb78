package dev.methodguard.datarest;

import org.springframework.data.repository.CrudRepository;
import org.springframework.data.rest.core.annotation.RestResource;

/**
 * Every CRUD method exported but delete.
 */
public interface AuthorRepository extends CrudRepository<Author, Long> {

	@Override
	@RestResource(exported = false)
	void deleteById(Long id);

	@Override
	@RestResource(exported = false)
	void delete(Author author);

}
