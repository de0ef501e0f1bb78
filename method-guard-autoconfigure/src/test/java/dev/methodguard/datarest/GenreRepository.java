package dev.methodguard.datarest;

import java.util.Optional;

import org.springframework.data.repository.Repository;
import org.springframework.data.rest.core.annotation.RestResource;

/**
 * Read-only: a collection and items to read, nothing to write.
 */
public interface GenreRepository extends Repository<Genre, Long> {

	/**
	 * Every genre.
	 * @return the genres
	 */
	Iterable<Genre> findAll();

	/**
	 * One genre.
	 * @param id the id
	 * @return the genre
	 */
	Optional<Genre> findById(Long id);

	/**
	 * Store a genre, not exported.
	 * @param genre the genre
	 * @return the stored genre
	 */
	@RestResource(exported = false)
	Genre save(Genre genre);

}
