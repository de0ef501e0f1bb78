package dev.methodguard.datarest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.ServletException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.methodguard.allow.AllowedMethods;
import dev.methodguard.allow.Route;
import dev.methodguard.allow.RouteSource.Reading;
import dev.methodguard.internal.allow.MethodIndex;
import dev.methodguard.internal.allow.Resolution;
import dev.methodguard.internal.allow.datarest.DataRestRouteSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.repository.support.Repositories;
import org.springframework.data.rest.core.config.RepositoryRestConfiguration;
import org.springframework.data.rest.core.mapping.RepositoryResourceMappings;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * The routes the {@link DataRestRouteSource} reads agree with what Spring Data REST itself
 * does, without method-guard: every method the index lists on a path reaches a handler that
 * serves it there, every other one does not, and where Spring Data REST answers
 * {@code OPTIONS} itself, its {@code Allow} (with {@code HEAD} where {@code GET} is, and
 * {@code OPTIONS}) is the route's set. Every request starts from the same data.
 */
@SpringBootTest(classes = DataRestApplication.class,
		properties = { "spring.data.rest.base-path=/api", "method-guard.enabled=false" })
class DataRestAgreementTests {

	private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");

	/** Paths no route serves: unknown and unexported repositories, searches and properties. */
	private static final List<String> UNKNOWN = List.of("/api/nothing", "/api/nothing/1", "/api/nothing/search",
			"/api/drafts", "/api/drafts/1", "/api/genres/1/books", "/api/books/1/title", "/api/profile/nothing",
			"/api/profile/drafts", "/api/nothing/here");

	@Autowired
	private WebApplicationContext context;

	@Autowired
	private BookRepository books;

	@Autowired
	private AuthorRepository authors;

	@Autowired
	private GenreRepository genres;

	private MockMvc mvc;

	@BeforeEach
	void setUp() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).build();
	}

	@Test
	void theSourceReadsEverythingAndNoPatternThatStandsForEveryRepository() {
		Reading reading = source().read();
		assertThat(reading.unread()).isEmpty();
		Map<String, String> methods = new LinkedHashMap<>();
		reading.routes().forEach((route) -> methods.merge(route.pattern().value(), route.methods().toHeaderValue(),
				(a, b) -> a + " | " + b));
		assertThat(methods).doesNotContainKeys("/api/{repository}", "/api/{repository}/{id}");
		assertThat(methods.keySet()).noneMatch((pattern) -> pattern.contains("{repository}"));
		assertThat(methods).containsEntry("/api/books", "GET, HEAD, POST, OPTIONS")
			.containsEntry("/api/books/{id}", "GET, HEAD, PUT, PATCH, DELETE, OPTIONS")
			.containsEntry("/api/authors/{id}", "GET, HEAD, PUT, PATCH, OPTIONS")
			.containsEntry("/api/genres", "GET, HEAD, OPTIONS")
			.containsEntry("/api/genres/{id}", "GET, HEAD, OPTIONS")
			.containsEntry("/api/books/search", "GET, HEAD, OPTIONS")
			.containsEntry("/api/books/search/findByTitle", "GET, HEAD, OPTIONS")
			.containsEntry("/api/books/{id}/author", "GET, HEAD, PUT, DELETE")
			.containsEntry("/api/authors/{id}/books", "GET, HEAD, POST, PUT, PATCH")
			.containsEntry("/api/profile/books", "GET, HEAD, OPTIONS")
			.containsEntry("/api/stats", "GET, HEAD")
			.containsEntry("/api/books/{id}/summary", "GET, HEAD")
			.doesNotContainKeys("/api/drafts", "/api/genres/search", "/api/nothing/here");
	}

	@Test
	void everyMethodTheIndexListsOnAPathIsServedThereAndNoOtherIs() throws Exception {
		MethodIndex index = MethodIndex.of(source().read().routes());
		Map<String, AllowedMethods> paths = new LinkedHashMap<>();
		for (Route route : index.routes()) {
			String path = concrete(route.pattern().value());
			paths.put(path, index.lookup(path).map(Resolution::allowed).orElseThrow());
		}
		UNKNOWN.forEach((path) -> assertThat(index.lookup(path)).as(path).isEmpty());
		UNKNOWN.forEach((path) -> paths.put(path, AllowedMethods.none()));
		List<String> disagreements = new ArrayList<>();
		for (Map.Entry<String, AllowedMethods> entry : paths.entrySet()) {
			for (String method : METHODS) {
				Outcome outcome = outcome(request(HttpMethod.valueOf(method), entry.getKey()));
				if (outcome.served() != entry.getValue().contains(method)) {
					disagreements.add(method + " " + entry.getKey() + ": index " + entry.getValue()
							+ ", Spring Data REST " + outcome);
				}
			}
		}
		assertThat(disagreements).isEmpty();
		assertThat(paths).hasSizeGreaterThan(UNKNOWN.size() + 10);
	}

	@Test
	void whereSpringDataRestAnswersOptionsItsAllowIsThePatternsSet() throws Exception {
		Map<String, List<Route>> patterns = new LinkedHashMap<>();
		source().read().routes().forEach((route) -> patterns
			.computeIfAbsent(route.pattern().value(), (pattern) -> new ArrayList<>())
			.add(route));
		List<String> compared = new ArrayList<>();
		for (Map.Entry<String, List<Route>> pattern : patterns.entrySet()) {
			String path = concrete(pattern.getKey());
			MvcResult result = perform(request(HttpMethod.OPTIONS, path));
			if (result.getHandler() instanceof HandlerMethod && result.getResponse().getStatus() == 200) {
				Resolution own = MethodIndex.of(pattern.getValue()).lookup(path).orElseThrow();
				assertThat(normalized(result.getResponse().getHeader(HttpHeaders.ALLOW))).as("OPTIONS %s", path)
					.isEqualTo(own.allowed());
				if (own.allowed().contains("PATCH")) {
					assertThat(String.join(", ", result.getResponse().getHeaders("Accept-Patch")))
						.as("Accept-Patch of %s", path)
						.isEqualTo(MediaType.toString(own.acceptPatch()));
				}
				compared.add(path);
			}
		}
		assertThat(compared).contains("/api", "/api/books", "/api/books/1", "/api/authors/1", "/api/genres",
				"/api/books/search", "/api/books/search/findByTitle", "/api/profile");
	}

	private DataRestRouteSource source() {
		return new DataRestRouteSource(this.context.getBean("restHandlerMapping", HandlerMapping.class), "",
				this.context.getBean(Repositories.class), this.context.getBean(RepositoryResourceMappings.class),
				this.context.getBean(RepositoryRestConfiguration.class));
	}

	private MvcResult perform(MockHttpServletRequestBuilder request) throws Exception {
		LibraryFixtures.reset(this.books, this.authors, this.genres);
		return this.mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn();
	}

	/**
	 * What Spring Data REST makes of a request: its status, and whether a handler method
	 * took it. Its argument resolver of a repository that is not exported throws a 404 that
	 * nothing handles (a 500 on a real server); that counts as the 404 it says.
	 */
	private Outcome outcome(MockHttpServletRequestBuilder request) throws Exception {
		try {
			MvcResult result = perform(request);
			return new Outcome(result.getResponse().getStatus(), result.getHandler() instanceof HandlerMethod,
					String.valueOf(result.getHandler()));
		}
		catch (ServletException ex) {
			if (ex.getCause() instanceof HttpStatusCodeException failure) {
				return new Outcome(failure.getStatusCode().value(), true, failure.toString());
			}
			throw ex;
		}
	}

	private static AllowedMethods normalized(String allow) {
		Set<String> methods = new LinkedHashSet<>();
		for (String method : allow.split(",")) {
			if (!method.isBlank()) {
				methods.add(method.trim());
			}
		}
		return AllowedMethods.of(methods).withOptions();
	}

	/**
	 * What Spring Data REST answered.
	 *
	 * @param status the status
	 * @param handled whether a handler method took the request
	 * @param by the handler, or the failure
	 */
	private record Outcome(int status, boolean handled, String by) {

		/**
		 * Whether a handler served the request: one took it, and it answered neither 405
		 * (the method is not supported there) nor 404 (the fixtures exist, so a 404 says
		 * there is no such resource).
		 */
		boolean served() {
			return this.handled && this.status != 404 && this.status != 405;
		}

	}

	/** A path of a pattern, with the ids of the fixtures. */
	private static String concrete(String pattern) {
		return pattern.replace("{id}", "1").replace("{propertyId}", "1");
	}

}
