package dev.methodguard.testapp;

import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * Annotated endpoints of the test application.
 */
@RestController
public class TestControllers {

	@GetMapping("/items")
	Map<String, String> list() {
		return Map.of("items", "all");
	}

	@PostMapping("/items")
	ResponseEntity<Void> create() {
		return ResponseEntity.status(201).build();
	}

	@GetMapping("/items/{id}")
	Map<String, String> get(@PathVariable String id) {
		return Map.of("id", id);
	}

	@PutMapping("/items/{id}")
	Map<String, String> put(@PathVariable String id) {
		return Map.of("id", id);
	}

	@PatchMapping(path = "/items/{id}", consumes = "application/merge-patch+json")
	Map<String, String> patch(@PathVariable String id) {
		return Map.of("id", id);
	}

	@DeleteMapping("/items/{id}")
	ResponseEntity<Void> delete(@PathVariable String id) {
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/items/custom")
	Map<String, String> custom() {
		return Map.of("custom", "yes");
	}

	@GetMapping("/reports")
	Map<String, String> reports() {
		return Map.of("report", "ok");
	}

	@PostMapping("/commands")
	ResponseEntity<Void> command() {
		return ResponseEntity.accepted().build();
	}

	@GetMapping("/own-options")
	String ownOptionsGet() {
		return "get";
	}

	@RequestMapping(path = "/own-options", method = RequestMethod.OPTIONS)
	ResponseEntity<Void> ownOptions() {
		return ResponseEntity.ok().header(HttpHeaders.ALLOW, "GET,OPTIONS").header("X-Own-Options", "yes").build();
	}

	@GetMapping("/mixed")
	String mixed() {
		return "annotated get";
	}

	@GetMapping("/api/cors")
	String cors() {
		return "cors";
	}

	@GetMapping("/orders")
	String orders() {
		return "annotated orders";
	}

	@GetMapping(path = "/reports/export", produces = "text/csv")
	String export() {
		return "report,ok";
	}

	@GetMapping(path = "/search", params = "q")
	String search() {
		return "found";
	}

}
