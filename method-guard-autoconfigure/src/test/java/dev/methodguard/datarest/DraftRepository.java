package dev.methodguard.datarest;

import org.springframework.data.repository.CrudRepository;
import org.springframework.data.rest.core.annotation.RepositoryRestResource;

/**
 * Not exported: its path is no resource.
 */
@RepositoryRestResource(exported = false)
public interface DraftRepository extends CrudRepository<Draft, Long> {

}
