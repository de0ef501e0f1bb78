package dev.methodguard.sample;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only catalog information: {@code GET /api/catalog/info}.
 */
@RestController
class CatalogController {

	@GetMapping("/api/catalog/info")
	Map<String, Object> info() {
		return Map.of("name", "method-guard sample catalog", "currency", "EUR");
	}

}
