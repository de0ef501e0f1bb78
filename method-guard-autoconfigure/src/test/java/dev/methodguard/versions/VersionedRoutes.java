package dev.methodguard.versions;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Routes with API version conditions: annotated and functional ones, a route without a
 * condition, and a fixed version that caps an earlier baseline ({@code GET /api/terms}: 1.0
 * and later, but 1.1 fixed, so that Spring rejects a 1.2 request with 400).
 */
@Configuration(proxyBeanMethods = false)
@Import(VersionedRoutes.Loans.class)
class VersionedRoutes {

	/** The header that carries the version. */
	static final String HEADER = "X-API-Version";

	/** The version is read from the {@link #HEADER}. */
	static final String USE_HEADER = "spring.mvc.apiversion.use.header=" + HEADER;

	/** A request without a version is of version 1.0. */
	static final String DEFAULT_VERSION = "spring.mvc.apiversion.default=1.0";

	/** Versions 1.0 to 1.2 are supported; any other is Spring's 400. */
	static final String SUPPORTED = "spring.mvc.apiversion.supported=1.0,1.1,1.2";

	/** The {@code methods} endpoint is exposed. */
	static final String EXPOSE_METHODS = "management.endpoints.web.exposure.include=methods";

	/** Every property the routes are run with. */
	static final String[] PROPERTIES = { USE_HEADER, DEFAULT_VERSION, SUPPORTED, EXPOSE_METHODS };

	/**
	 * {@code GET /api/offers} from 1.1 on, {@code POST /api/offers} in 1.2 only.
	 * @return the routes
	 */
	@Bean
	RouterFunction<ServerResponse> offers() {
		return RouterFunctions.route()
			.GET("/api/offers", RequestPredicates.version("1.1+"), (request) -> ServerResponse.ok().body("offers"))
			.POST("/api/offers", RequestPredicates.version("1.2"), (request) -> ServerResponse.ok().body("offered"))
			.build();
	}

	@RestController
	static class Loans {

		@GetMapping(path = "/api/loans", version = "1.0+")
		String loans() {
			return "loans";
		}

		@PutMapping(path = "/api/loans", version = "1.1")
		String replaceLoans() {
			return "replaced";
		}

		@GetMapping(path = "/api/rates", version = "1.2")
		String rates() {
			return "rates";
		}

		@GetMapping(path = "/api/terms", version = "1.0+")
		String terms() {
			return "terms";
		}

		@GetMapping(path = "/api/terms", version = "1.1")
		String termsOfVersion11() {
			return "terms 1.1";
		}

		@PostMapping(path = "/api/terms", version = "1.0+")
		String addTerm() {
			return "added";
		}

		@GetMapping("/api/plain")
		String plain() {
			return "plain";
		}

	}

}
