package dev.methodguard.test.versioned;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application with API versions (its tests set the header {@code X-API-Version}, 1.0 by
 * default): a route that keeps its method contract in every version, one whose
 * {@code OPTIONS} lies in version 1.1 only, one that exists from version 1.1, and an
 * unversioned one.
 */
@SpringBootApplication
public class VersionedApplication {

	/**
	 * The versioned routes.
	 */
	@RestController
	static class VersionedController {

		@GetMapping(path = "/versioned/fine", version = "1.0+")
		String fine() {
			return "fine";
		}

		@PutMapping(path = "/versioned/fine", version = "1.1")
		ResponseEntity<Void> replaceFine() {
			return ResponseEntity.noContent().build();
		}

		@GetMapping(path = "/versioned/lying", version = "1.0+")
		String lying() {
			return "fine";
		}

		@RequestMapping(path = "/versioned/lying", method = RequestMethod.OPTIONS, version = "1.1")
		ResponseEntity<Void> lyingOptions() {
			return ResponseEntity.ok().header("Allow", "GET, HEAD, PUT, DELETE, OPTIONS").build();
		}

		@GetMapping(path = "/versioned/new", version = "1.1")
		String added() {
			return "new";
		}

		@GetMapping("/unversioned")
		String unversioned() {
			return "unversioned";
		}

	}

}
