package dev.methodguard.datarest;

import java.util.Map;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.data.map.repository.config.EnableMapRepositories;
import org.springframework.data.rest.webmvc.BasePathAwareController;
import org.springframework.data.rest.webmvc.RepositoryRestController;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * A small Spring Data REST application below {@code /api}: books (every CRUD method, a
 * search, an author association), authors (delete not exported, a collection association),
 * genres (read-only), drafts (not exported), and the application's own controllers in Spring
 * Data REST's two handler mappings. Repositories are in-memory maps.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableMapRepositories
@Import({ DataRestApplication.StatsController.class, DataRestApplication.SummaryController.class })
public class DataRestApplication {

	/**
	 * A controller in Spring Data REST's base path mapping: {@code /api/stats}.
	 */
	@BasePathAwareController
	static class StatsController {

		@GetMapping("/stats")
		@ResponseBody
		Map<String, Object> stats() {
			return Map.of("books", 1);
		}

	}

	/**
	 * A controller in Spring Data REST's repository mapping: its route below an exported
	 * resource is served, the one below no resource never is.
	 */
	@RepositoryRestController
	static class SummaryController {

		@GetMapping("/books/{id}/summary")
		@ResponseBody
		Map<String, Object> summary(@PathVariable long id) {
			return Map.of("book", id);
		}

		@GetMapping("/nothing/here")
		@ResponseBody
		Map<String, Object> nowhere() {
			return Map.of("never", true);
		}

	}

}
