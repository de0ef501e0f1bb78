package dev.methodguard.library;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.methodguard.internal.allow.MethodIndex;
import dev.methodguard.internal.allow.MethodIndexHolder;
import dev.methodguard.internal.servlet.EarlyRejectionHandlerMapping;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The library's whole method contract, over real HTTP against the embedded server (Tomcat,
 * and Jetty in a second run): on every resource (Spring Data REST's collections, items,
 * searches, associations, profile and root; the Thymeleaf page; the view controller; the
 * controller with request conditions; springdoc; Actuator) every listed method is served,
 * every other standard method ({@code TRACE} and {@code QUERY} included) is the 405 problem
 * with the resource's {@code Allow}, which {@code OPTIONS} answers too; a method nothing
 * implements is 501; unknown repositories stay 404; the {@code methods} endpoint lists Spring
 * Data REST's resources; the index is complete, so rejections are answered early. Requests
 * carry no API version, so the contract is that of the default version, 1.0; what another
 * version changes is tested apart. Unsafe methods go to fresh books, authors and loans, so no
 * request changes what another reads.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@SuppressWarnings("unchecked")
class LibraryContractTests {

	/**
	 * Each resource of the contract, as a path with the placeholders {@code {book}},
	 * {@code {author}} and {@code {loan}}, and its {@code Allow}.
	 */
	private static final Map<String, String> ALLOW = allow();

	private static final List<String> STANDARD = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "TRACE",
			"QUERY");

	private static final List<String> UNSAFE = List.of("POST", "PUT", "PATCH", "DELETE");

	/** Paths below the base path that name no exported repository. */
	private static final List<String> UNKNOWN = List.of("/api/nothing", "/api/nothing/1", "/api/nothing/search",
			"/api/nothing/1/author");

	private static final String CARD = "X-Library-Card";

	private static final String VERSION = "X-API-Version";

	private static final String JSON = "application/json";

	private static final String BODY = "{\"title\":\"Contract\",\"name\":\"Contract\",\"bookId\":1}";

	@Autowired
	private WebServerApplicationContext context;

	@Autowired
	private BookRepository books;

	@Autowired
	private AuthorRepository authors;

	@Autowired
	private MethodIndexHolder index;

	@Autowired
	private ObjectProvider<EarlyRejectionHandlerMapping> earlyRejection;

	@LocalServerPort
	private int port;

	private LibraryClient client;

	private Fixture fixture;

	private static Map<String, String> allow() {
		Map<String, String> allow = new LinkedHashMap<>();
		allow.put("/api", "GET, HEAD, OPTIONS");
		allow.put("/api/books", "GET, HEAD, POST, OPTIONS");
		allow.put("/api/books/{book}", "GET, HEAD, PUT, PATCH, DELETE, OPTIONS");
		allow.put("/api/books/search", "GET, HEAD, PUT, PATCH, DELETE, OPTIONS");
		allow.put("/api/books/search/titled", "GET, HEAD, OPTIONS");
		allow.put("/api/books/{book}/author", "GET, HEAD, PUT, DELETE, OPTIONS");
		allow.put("/api/books/{book}/author/{author}", "GET, HEAD, DELETE, OPTIONS");
		allow.put("/api/authors", "GET, HEAD, POST, OPTIONS");
		allow.put("/api/authors/{author}", "GET, HEAD, PUT, PATCH, OPTIONS");
		allow.put("/api/authors/{author}/works", "GET, HEAD, POST, PUT, PATCH, OPTIONS");
		allow.put("/api/authors/{author}/works/{book}", "GET, HEAD, DELETE, OPTIONS");
		allow.put("/api/profile", "GET, HEAD, OPTIONS");
		allow.put("/api/profile/books", "GET, HEAD, OPTIONS");
		allow.put("/shelf", "GET, HEAD, OPTIONS");
		allow.put("/about", "GET, HEAD, OPTIONS");
		allow.put("/api/loans", "GET, HEAD, POST, OPTIONS");
		allow.put("/api/loans/{loan}", "GET, HEAD, DELETE, OPTIONS");
		allow.put("/v3/api-docs", "GET, HEAD, OPTIONS");
		allow.put("/actuator/health", "GET, HEAD, OPTIONS");
		allow.put("/actuator/methods", "GET, HEAD, OPTIONS");
		return allow;
	}

	static Stream<Arguments> contract() {
		return ALLOW.keySet()
			.stream()
			.flatMap((resource) -> STANDARD.stream().map((method) -> Arguments.of(resource, method)));
	}

	static Stream<String> resources() {
		return ALLOW.keySet().stream();
	}

	@BeforeEach
	void setUp() throws Exception {
		this.client = new LibraryClient(this.port);
		Book book = this.books.findByTitleContainingIgnoreCase("wizard").get(0);
		this.fixture = new Fixture(book.getId(), book.getAuthor().getId(), lend());
	}

	/**
	 * The build runs this class on Tomcat and, in a second execution with Jetty in Tomcat's
	 * place, on Jetty ({@code library.expected-server}).
	 */
	@Test
	void runsOnTheExpectedContainer() {
		String expected = System.getProperty("library.expected-server", "tomcat");
		assertThat(this.context.getWebServer().getClass().getSimpleName().toLowerCase(Locale.ROOT))
			.startsWith(expected);
	}

	@Test
	void theIndexReadsEveryHandlerSoRejectionsAreAnsweredEarly() throws Exception {
		MethodIndex methodIndex = this.index.get();
		assertThat(methodIndex.unread()).isEmpty();
		assertThat(methodIndex.isComplete()).isTrue();
		EarlyRejectionHandlerMapping early = this.earlyRejection.getIfAvailable();
		assertThat(early).isNotNull();
		assertThat(early.getHandler(new MockHttpServletRequest("PUT", "/api/books"))).isNotNull();
		assertThat(early.getHandler(new MockHttpServletRequest("GET", "/api/books"))).isNull();
	}

	@ParameterizedTest(name = "{1} {0}")
	@MethodSource("contract")
	void everyStandardMethodIsServedOrRejectedWithTheResourcesAllow(String resource, String method)
			throws Exception {
		String allow = ALLOW.get(resource);
		String path = path(resource, method);
		HttpResponse<String> response = send(method, path);
		if (List.of(allow.split(", ")).contains(method)) {
			assertThat(response.statusCode()).as("%s %s is served", method, path).isNotIn(405, 501);
			return;
		}
		assertThat(response.statusCode()).as("%s %s", method, path).isEqualTo(405);
		assertThat(response.headers().allValues("Allow")).as("Allow of %s %s", method, path).containsExactly(allow);
		if ("HEAD".equals(method)) {
			assertThat(response.body()).isEmpty();
		}
		else {
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(response.body()).contains("\"status\":405").contains("\"instance\":\"" + path + "\"");
		}
	}

	@ParameterizedTest(name = "OPTIONS {0}")
	@MethodSource("resources")
	void optionsAnswersTheSameAllow(String resource) throws Exception {
		HttpResponse<String> response = send("OPTIONS", path(resource, "OPTIONS"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().allValues("Allow")).containsExactly(ALLOW.get(resource));
	}

	@ParameterizedTest(name = "FOO {0}")
	@MethodSource("resources")
	void aMethodNothingImplementsIs501WithoutAllow(String resource) throws Exception {
		HttpResponse<String> response = send("FOO", path(resource, "FOO"));
		assertThat(response.statusCode()).isEqualTo(501);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.headers().allValues("Allow")).isEmpty();
	}

	@Test
	void unknownRepositoriesStay404() throws Exception {
		HttpResponse<String> traceElsewhere = send("TRACE", "/no-such-page");
		for (String path : UNKNOWN) {
			for (String method : List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "QUERY")) {
				assertThat(send(method, path).statusCode()).as("%s %s", method, path).isEqualTo(404);
			}
			HttpResponse<String> trace = send("TRACE", path);
			assertThat(trace.statusCode()).as("TRACE %s", path).isEqualTo(traceElsewhere.statusCode());
			assertThat(trace.headers().allValues("Allow")).as("TRACE %s", path)
				.isEqualTo(traceElsewhere.headers().allValues("Allow"));
			assertThat(send("FOO", path).statusCode()).as("FOO %s", path).isEqualTo(501);
		}
	}

	@Test
	void theMethodsEndpointListsSpringDataRestsResources() throws Exception {
		HttpResponse<String> response = send("GET", "/actuator/methods");
		assertThat(response.statusCode()).isEqualTo(200);
		List<Map<String, Object>> routes = JsonPath.read(response.body(), "$.routes");
		Map<String, String> methods = new LinkedHashMap<>();
		Map<String, Object> sources = new LinkedHashMap<>();
		for (Map<String, Object> route : routes) {
			methods.put((String) route.get("pattern"), String.join(", ", (List<String>) route.get("methods")));
			sources.put((String) route.get("pattern"), route.get("sources"));
		}
		assertThat(methods).containsEntry("/api", "GET, HEAD, OPTIONS")
			.containsEntry("/api/books", "GET, HEAD, POST, OPTIONS")
			.containsEntry("/api/books/{id}", "GET, HEAD, PUT, PATCH, DELETE, OPTIONS")
			.containsEntry("/api/books/search/titled", "GET, HEAD, OPTIONS")
			.containsEntry("/api/books/{id}/author", "GET, HEAD, PUT, DELETE, OPTIONS")
			.containsEntry("/api/authors/{id}", "GET, HEAD, PUT, PATCH, OPTIONS")
			.containsEntry("/api/authors/{id}/works", "GET, HEAD, POST, PUT, PATCH, OPTIONS")
			.containsEntry("/api/profile/authors", "GET, HEAD, OPTIONS");
		assertThat(sources).containsEntry("/api/books", List.of("data_rest"))
			.containsEntry("/api/loans", List.of("annotated"));
		assertThat(methods.keySet()).noneMatch((pattern) -> pattern.contains("{repository}"));
	}

	@ParameterizedTest(name = "methods endpoint on {0}")
	@MethodSource("resources")
	void theMethodsEndpointResolvesEachResourceToItsAllow(String resource) throws Exception {
		HttpResponse<String> response = send("GET", "/actuator/methods" + path(resource, "GET") + "?version=1.0");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(response.body(), "$.allow")).isEqualTo(ALLOW.get(resource));
	}

	@Test
	void booksFollowSpringDataRestsContract() throws Exception {
		HttpResponse<String> created = send("POST", "/api/books", JSON, "{\"title\":\"Parable of the Sower\"}");
		assertThat(created.statusCode()).isEqualTo(201);
		String location = created.headers().firstValue("Location").orElseThrow();
		String path = location.substring(location.indexOf("/api/"));
		assertThat(send("GET", path).body()).contains("Parable of the Sower");
		assertThat(send("PATCH", path, JSON, "{\"title\":\"Parable of the Talents\"}").statusCode()).isIn(200, 204);
		assertThat(send("GET", path).body()).contains("Parable of the Talents");
		String author = this.client.uri("/api/authors/" + this.fixture.author()).toString();
		assertThat(send("PUT", path + "/author", "text/uri-list", author).statusCode()).isEqualTo(204);
		assertThat(send("GET", path + "/author").body()).contains("Ursula K. Le Guin");
		assertThat(send("DELETE", path).statusCode()).isEqualTo(204);
		assertThat(send("GET", path).statusCode()).isEqualTo(404);
		assertThat(send("GET", "/api/books/search/titled?title=EARTHSEA").body()).contains("A Wizard of Earthsea");
		assertThat(send("GET", "/api/authors/" + this.fixture.author() + "/works").body())
			.contains("The Tombs of Atuan");
	}

	@Test
	void theOtherHandlersServeTheirMethods() throws Exception {
		HttpResponse<String> shelf = send("GET", "/shelf");
		assertThat(shelf.statusCode()).isEqualTo(200);
		assertThat(shelf.body()).contains("A Wizard of Earthsea");
		assertThat(send("GET", "/about").body()).contains("About the library");
		assertThat(send("GET", "/v3/api-docs").body()).contains("\"openapi\"");
		assertThat(send("GET", "/api/loans?member=ann").body()).contains("\"member\":\"ann\"");
		assertThat(send("GET", "/api/loans/" + this.fixture.loan()).statusCode()).isEqualTo(200);
		long loan = lend();
		assertThat(send("DELETE", "/api/loans/" + loan).statusCode()).isEqualTo(204);
		assertThat(send("GET", "/api/loans/" + loan).statusCode()).isEqualTo(404);
	}

	@Test
	void apiVersionsDecideTheAllowOfALoan() throws Exception {
		String loan = "/api/loans/" + lend();
		String v10 = "GET, HEAD, DELETE, OPTIONS";
		String v11 = "GET, HEAD, PUT, DELETE, OPTIONS";
		assertThat(send("OPTIONS", loan, null, null, VERSION, "1.0").headers().allValues("Allow")).containsExactly(v10);
		assertThat(send("OPTIONS", loan, null, null, VERSION, "1.1").headers().allValues("Allow")).containsExactly(v11);
		HttpResponse<String> putIn10 = send("PUT", loan, JSON, BODY, VERSION, "1.0");
		assertThat(putIn10.statusCode()).isEqualTo(405);
		assertThat(putIn10.headers().allValues("Allow")).containsExactly(v10);
		assertThat(putIn10.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(send("PUT", loan, JSON, BODY, VERSION, "1.1").statusCode()).isEqualTo(200);
		HttpResponse<String> postIn11 = send("POST", loan, JSON, BODY, VERSION, "1.1");
		assertThat(postIn11.statusCode()).isEqualTo(405);
		assertThat(postIn11.headers().allValues("Allow")).containsExactly(v11);
		assertThat(send("GET", loan, null, null, VERSION, "1.1").statusCode()).isEqualTo(200);
	}

	/**
	 * Spring's own 400 for an invalid or unsupported version stays (Jetty adds its own
	 * {@code Allow} of every method to the error answer of an {@code OPTIONS}, with or without
	 * method-guard).
	 */
	@Test
	void versionErrorsStaySpringsOwn400() throws Exception {
		for (String version : List.of("abc", "9.9")) {
			for (String method : List.of("GET", "PUT", "OPTIONS")) {
				HttpResponse<String> response = send(method, "/api/loans/" + this.fixture.loan(), JSON, BODY, VERSION,
						version);
				assertThat(response.statusCode()).as("%s in version %s", method, version).isEqualTo(400);
				if (!"OPTIONS".equals(method)) {
					assertThat(response.headers().allValues("Allow")).as("%s in version %s", method, version)
						.isEmpty();
				}
			}
		}
	}

	@Test
	void theMethodsEndpointReportsTheVersionOfEachLoanRoute() throws Exception {
		List<Map<String, Object>> routes = JsonPath.read(send("GET", "/actuator/methods").body(),
				"$.routes[?(@.pattern == '/api/loans/{id}')]");
		Map<Object, Object> versions = new LinkedHashMap<>();
		for (Map<String, Object> route : routes) {
			versions.put(route.get("versions"), route.get("methods"));
		}
		assertThat(versions).as(routes.toString()).containsOnlyKeys("1.0+", "1.1", null);
		assertThat((List<String>) versions.get("1.0+")).contains("GET", "HEAD").doesNotContain("PUT", "DELETE");
		assertThat((List<String>) versions.get("1.1")).contains("PUT").doesNotContain("GET", "DELETE");
		assertThat((List<String>) versions.get(null)).contains("DELETE").doesNotContain("GET", "PUT");
	}

	/**
	 * A concrete path of a resource: for the unsafe methods, with a book, an author and a
	 * loan made for this request alone.
	 */
	private String path(String resource, String method) throws Exception {
		Fixture ids = UNSAFE.contains(method) ? freshFixture() : this.fixture;
		return resource.replace("{book}", String.valueOf(ids.book()))
			.replace("{author}", String.valueOf(ids.author()))
			.replace("{loan}", String.valueOf(ids.loan()));
	}

	private Fixture freshFixture() throws Exception {
		Author author = this.authors.save(new Author("Fresh author"));
		Book book = this.books.save(new Book("Fresh book", author));
		return new Fixture(book.getId(), author.getId(), lend());
	}

	private long lend() throws IOException, InterruptedException {
		HttpResponse<String> response = send("POST", "/api/loans", JSON, "{\"bookId\":1}");
		assertThat(response.statusCode()).isEqualTo(201);
		return ((Number) JsonPath.read(response.body(), "$.id")).longValue();
	}

	/** A request of the contract: a JSON body for the methods that carry one, and a card. */
	private HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
		boolean withBody = List.of("POST", "PUT", "PATCH", "QUERY").contains(method);
		return send(method, path, withBody ? JSON : null, withBody ? BODY : null);
	}

	private HttpResponse<String> send(String method, String path, String contentType, String body,
			String... headers) throws IOException, InterruptedException {
		String[] withCard = Stream.concat(Stream.of(headers), Stream.of(CARD, "ann")).toArray(String[]::new);
		return this.client.sendBody(method, path, contentType, body, withCard);
	}

	/**
	 * The ids the placeholders of the contract's paths stand for.
	 *
	 * @param book the id of a book by the author
	 * @param author the id of the author
	 * @param loan the id of a loan
	 */
	private record Fixture(long book, long author, long loan) {
	}

}
