package dev.methodguard.test.broken;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application that breaks its method contract by hand, where method-guard cannot see it:
 * a 405 without {@code Allow} from a listed method, an {@code OPTIONS} that lies, a listed
 * method that answers 405. One route is fine.
 */
@SpringBootApplication
public class BrokenApplication {

	/**
	 * The broken routes.
	 */
	@RestController
	static class BrokenController {

		@GetMapping("/broken/fine")
		String fine() {
			return "fine";
		}

		@PostMapping("/broken/no-allow")
		ResponseEntity<Void> noAllow() {
			return ResponseEntity.status(405).build();
		}

		@GetMapping("/broken/lying-options")
		String lyingOptionsGet() {
			return "fine";
		}

		@RequestMapping(path = "/broken/lying-options", method = RequestMethod.OPTIONS)
		ResponseEntity<Void> lyingOptions() {
			return ResponseEntity.ok().header("Allow", "GET, PUT, DELETE, OPTIONS").build();
		}

		@GetMapping("/broken/refuses")
		ResponseEntity<Void> refuses() {
			return ResponseEntity.status(405).header("Allow", "POST").build();
		}

	}

}
