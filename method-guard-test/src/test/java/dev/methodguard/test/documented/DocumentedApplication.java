package dev.methodguard.test.documented;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application that serves its own OpenAPI document where springdoc would, at
 * {@code /v3/api-docs}: the document lists {@code GET /things/{id}}, which is served, and
 * {@code POST /things}, which is not; {@code DELETE /things/{id}} is served but not
 * documented.
 */
@SpringBootApplication
public class DocumentedApplication {

	/**
	 * The documented routes and the document.
	 */
	@RestController
	static class ThingController {

		@GetMapping("/things/{id}")
		String get(@PathVariable String id) {
			return id;
		}

		@DeleteMapping("/things/{id}")
		void delete(@PathVariable String id) {
		}

		@GetMapping(path = "/v3/api-docs", produces = MediaType.APPLICATION_JSON_VALUE)
		String document() {
			return """
					{"openapi":"3.1.0","info":{"title":"things","version":"1"},"paths":{
					"/things/{thingId}":{"get":{"responses":{"200":{"description":"a thing"}}}},
					"/things":{"post":{"responses":{"201":{"description":"created"}}}}}}""";
		}

	}

}
