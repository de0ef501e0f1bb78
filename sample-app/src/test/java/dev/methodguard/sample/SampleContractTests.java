package dev.methodguard.sample;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.methodguard.test.MethodContract;
import dev.methodguard.test.MethodSurface;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample application's whole method contract, over real HTTP against the embedded
 * server: method-guard-test verifies every route in one call (every listed method works,
 * every other standard method, TRACE included, is a 405 problem with the truthful
 * {@code Allow}, {@code OPTIONS} agrees with it, {@code FOO} is 501) and holds the routes to
 * the reviewed {@code method-surface.txt}; the tests below pin what one call cannot: the
 * {@code Allow} of chosen URLs, more unimplemented tokens, HEAD on the wire, metrics, CORS,
 * and unknown paths staying 404.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@SuppressWarnings("unchecked")
class SampleContractTests {

	/** Each URL of the contract (and an Actuator endpoint), and its Allow. */
	private static final Map<String, String> ALLOW = Map.of("/api/products", "GET, HEAD, POST, OPTIONS",
			"/api/products/7", "GET, HEAD, PUT, PATCH, DELETE, OPTIONS", "/api/catalog/info", "GET, HEAD, OPTIONS",
			"/api/orders", "POST, OPTIONS", "/fn/greetings", "GET, HEAD, POST, OPTIONS", "/fn/greetings/alice",
			"GET, HEAD, OPTIONS", "/index.html", "GET, HEAD, OPTIONS", "/legacy/ping", "GET, HEAD, OPTIONS",
			"/actuator/health", "GET, HEAD, OPTIONS", "/catalog", "GET, HEAD, OPTIONS");

	/** What a browser sends as {@code Accept} when it follows a link or posts a form. */
	private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	private static final Pattern ALLOWED_ON_THE_PAGE = Pattern.compile("<span id=\"allowed\">([^<]*)</span>");

	private static final List<String> STANDARD = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "QUERY",
			"TRACE");

	private static final List<String> UNIMPLEMENTED = List.of("FOO", "get", "PROPFIND", "X".repeat(200));

	private static final String PRODUCT = "{\"name\":\"Thing\",\"price\":3.5}";

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Autowired
	private WebServerApplicationContext context;

	@LocalServerPort
	private int port;

	/**
	 * The build runs this class on Tomcat and, in a second execution with Jetty in Tomcat's
	 * place, on Jetty ({@code sample.expected-server}).
	 */
	@Test
	void runsOnTheExpectedContainer() {
		String expected = System.getProperty("sample.expected-server", "tomcat");
		assertThat(this.context.getWebServer().getClass().getSimpleName().toLowerCase(Locale.ROOT))
			.startsWith(expected);
	}

	/**
	 * Every route the application registers keeps its method contract: OPTIONS and 405s list
	 * the same truthful {@code Allow}, every listed safe method is served, every other
	 * standard method (QUERY and TRACE included) is a 405 problem, {@code FOO} is 501.
	 */
	@Test
	void everyRouteKeepsItsMethodContract() {
		MethodContract.of(this.context)
			.example("/api/products/{id}", "/api/products/7")
			.example("/**", "/index.html")
			.verify(URI.create("http://localhost:" + this.port));
	}

	/**
	 * The routes and their methods are the reviewed ones of {@code method-surface.txt}.
	 */
	@Test
	void methodSurfaceIsTheReviewedOne() {
		MethodSurface.of(this.context).matchesSnapshot("method-surface.txt");
	}

	static Stream<String> urls() {
		return ALLOW.keySet().stream();
	}

	@ParameterizedTest(name = "Accept: {0}")
	@MethodSource("acceptVariants")
	void everyClientGetsThe405WithItsAllow(String accept) throws Exception {
		HttpResponse<String> response = send("PUT", "/api/catalog/info", "Accept", accept);
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD, OPTIONS");
		if (accept.equals("text/html")) {
			assertThat(response.body()).contains("This address does not take that method");
		}
		else {
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(response.body()).doesNotContain("<html");
		}
	}

	/**
	 * The browser face: every URL's wrong method is the sample's own 405 page
	 * ({@code templates/error/405.html}), with the truthful {@code Allow}, which the page
	 * lists too; an API client gets the problem for the same request.
	 */
	@ParameterizedTest(name = "a browser's wrong method on {0}")
	@MethodSource("urls")
	void browsersGetTheSamplesOwnPageWithTheTruthfulAllow(String path) throws Exception {
		String allow = ALLOW.get(path);
		String method = STANDARD.stream()
			.filter((candidate) -> !List.of(allow.split(", ")).contains(candidate))
			.findFirst()
			.orElseThrow();
		HttpResponse<String> page = send(method, path, "Accept", BROWSER);
		assertThat(page.statusCode()).as("%s %s", method, path).isEqualTo(405);
		assertThat(page.headers().allValues("Allow")).containsExactly(allow);
		assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/html"));
		assertThat(page.body()).contains("This address does not take that method")
			.contains("<code id=\"path\">" + path + "</code>");
		Matcher listed = ALLOWED_ON_THE_PAGE.matcher(page.body());
		assertThat(listed.find()).as("the page lists the allowed methods").isTrue();
		assertThat(listed.group(1)).isEqualTo(allow);
		HttpResponse<String> problem = send(method, path, "Accept", "application/json");
		assertThat(problem.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(problem.headers().allValues("Allow")).containsExactly(allow);
	}

	@Test
	void browsersGetSpringBootsFallbackPageForAMethodNoHandlerImplements() throws Exception {
		HttpResponse<String> page = send("FOO", "/catalog", "Accept", BROWSER);
		assertThat(page.statusCode()).isEqualTo(501);
		assertThat(page.headers().allValues("Allow")).isEmpty();
		assertThat(page.body()).contains("Whitelabel Error Page").contains("status=501");
	}

	@Test
	void theCatalogPageServesBrowsersAndItsFormMeetsThe405Page() throws Exception {
		HttpResponse<String> catalog = send("GET", "/catalog", "Accept", BROWSER);
		assertThat(catalog.statusCode()).isEqualTo(200);
		assertThat(catalog.body()).contains("Widget").contains("<form method=\"post\" action=\"/catalog\">");
		HttpResponse<String> posted = send("POST", "/catalog", "Accept", BROWSER);
		assertThat(posted.statusCode()).isEqualTo(405);
		assertThat(posted.headers().allValues("Allow")).containsExactly("GET, HEAD, OPTIONS");
		Matcher listed = ALLOWED_ON_THE_PAGE.matcher(posted.body());
		assertThat(listed.find()).as("the page lists the allowed methods").isTrue();
		assertThat(listed.group(1)).isEqualTo("GET, HEAD, OPTIONS");
	}

	static Stream<String> acceptVariants() {
		return Stream.of("application/json", "application/problem+json", "text/html", "application/xml");
	}

	static Stream<Arguments> unimplemented() {
		return ALLOW.keySet()
			.stream()
			.flatMap((path) -> UNIMPLEMENTED.stream().map((method) -> Arguments.of(path, method)));
	}

	@ParameterizedTest(name = "{1} {0}")
	@MethodSource("unimplemented")
	void methodsNoHandlerImplementsAre501(String path, String method) throws Exception {
		HttpResponse<String> response = send(method, path, "Accept", "application/json");
		assertThat(response.statusCode()).isEqualTo(501);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"title\":\"Not Implemented\"").hasSizeLessThan(1000);
		assertThat(response.headers().allValues("Allow")).as("a 501 reveals nothing of the resource").isEmpty();
		assertThat(response.body()).doesNotContain("allowedMethods");
	}

	@ParameterizedTest(name = "HEAD {0} from the wire")
	@MethodSource("urls")
	void headResponsesHaveNoBodyOnTheWire(String path) throws Exception {
		String response = rawHead(path);
		int end = response.indexOf("\r\n\r\n");
		assertThat(end).isPositive();
		assertThat(response.substring(end + 4)).as("bytes after the headers of HEAD %s", path).isEmpty();
		int status = Integer.parseInt(response.substring("HTTP/1.1 ".length(), "HTTP/1.1 ".length() + 3));
		if (List.of(ALLOW.get(path).split(", ")).contains("HEAD")) {
			assertThat(status).as("HEAD %s", path).isNotIn(405, 501);
		}
		else {
			assertThat(status).as("HEAD %s", path).isEqualTo(405);
		}
	}

	@Test
	void headOnAFunctionalRouteCarriesGetsHeaders() throws Exception {
		HttpResponse<String> get = send("GET", "/fn/greetings/alice");
		HttpResponse<String> head = send("HEAD", "/fn/greetings/alice");
		assertThat(head.statusCode()).isEqualTo(200);
		assertThat(head.headers().firstValue("Content-Type")).isEqualTo(get.headers().firstValue("Content-Type"));
		assertThat(head.body()).isEmpty();
	}

	@Test
	void traceIsNeverEchoed() throws Exception {
		for (String path : ALLOW.keySet()) {
			HttpResponse<String> response = send("TRACE", path, "X-Secret", "never-echo-me");
			assertThat(response.statusCode()).isEqualTo(405);
			assertThat(response.body()).doesNotContain("never-echo-me");
		}
	}

	@Test
	void methodsEndpointListsEveryPatternOfTheContractWithItsSet() throws Exception {
		HttpResponse<String> response = send("GET", "/actuator/methods");
		assertThat(response.statusCode()).isEqualTo(200);
		List<Map<String, Object>> routes = JsonPath.read(response.body(), "$.routes");
		Map<String, String> methods = new LinkedHashMap<>();
		Map<String, Object> sources = new LinkedHashMap<>();
		for (Map<String, Object> route : routes) {
			methods.put((String) route.get("pattern"), String.join(", ", (List<String>) route.get("methods")));
			sources.put((String) route.get("pattern"), route.get("sources"));
		}
		assertThat(methods).containsEntry("/api/products", "GET, HEAD, POST, OPTIONS")
			.containsEntry("/api/products/{id}", "GET, HEAD, PUT, PATCH, DELETE, OPTIONS")
			.containsEntry("/api/catalog/info", "GET, HEAD, OPTIONS")
			.containsEntry("/api/orders", "POST, OPTIONS")
			.containsEntry("/fn/greetings", "GET, HEAD, POST, OPTIONS")
			.containsEntry("/fn/greetings/{name}", "GET, HEAD, OPTIONS")
			.containsEntry("/**", "GET, HEAD, OPTIONS")
			.containsEntry("/legacy/ping", "GET, HEAD, OPTIONS")
			.containsEntry("/actuator/health", "GET, HEAD, OPTIONS");
		assertThat(sources).containsEntry("/api/products", List.of("annotated"))
			.containsEntry("/fn/greetings/{name}", List.of("functional"))
			.containsEntry("/**", List.of("resource"))
			.containsEntry("/legacy/ping", List.of("servlet"))
			.containsEntry("/actuator/health", List.of("actuator"));
		assertThat(List.copyOf(methods.keySet())).isSorted().doesNotContain("/error");
		List<String> handlers = JsonPath.read(response.body(), "$.routes[?(@.pattern == '/legacy/ping')].handlers[0]");
		assertThat(handlers).singleElement().asString().contains(LegacyPingServlet.class.getName());
	}

	@ParameterizedTest(name = "methods endpoint resolves {0}")
	@MethodSource("urls")
	void methodsEndpointResolvesEachPathToTheAllowOfItsResponses(String path) throws Exception {
		HttpResponse<String> response = send("GET", "/actuator/methods" + path);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(response.body(), "$.allow")).isEqualTo(ALLOW.get(path))
			.isEqualTo(send("OPTIONS", path).headers().firstValue("Allow").orElseThrow());
	}

	@Test
	void methodsEndpointNamesThePatternsOfAPathAnd404sForAnUnknownOne() throws Exception {
		HttpResponse<String> response = send("GET", "/actuator/methods/api/products/42");
		assertThat((List<String>) JsonPath.read(response.body(), "$.patterns")).containsExactly("/api/products/{id}");
		assertThat(send("GET", "/actuator/methods/does-not-exist").statusCode()).isEqualTo(404);
		assertThat(send("GET", "/actuator").body()).contains("/actuator/methods");
	}

	@Test
	void rejectionsAreCountedByStatusMethodAndPattern() throws Exception {
		double before = count("405", "PUT", "/api/catalog/info");
		double unknownBefore = count("501", "OTHER", "/fn/greetings/{name}");
		for (int i = 0; i < 3; i++) {
			assertThat(send("PUT", "/api/catalog/info").statusCode()).isEqualTo(405);
		}
		assertThat(send("FOO", "/fn/greetings/zoe").statusCode()).isEqualTo(501);
		assertThat(send("GET", "/api/catalog/info").statusCode()).isEqualTo(200);
		assertThat(count("405", "PUT", "/api/catalog/info")).isEqualTo(before + 3);
		assertThat(count("501", "OTHER", "/fn/greetings/{name}")).isEqualTo(unknownBefore + 1);
	}

	private double count(String status, String method, String pattern) throws Exception {
		HttpResponse<String> response = send("GET", "/actuator/metrics/method.guard.rejections?tag=status:" + status
				+ "&tag=method:" + method + "&tag=pattern:" + URLEncoder.encode(pattern, StandardCharsets.UTF_8));
		if (response.statusCode() == 404) {
			return 0;
		}
		return ((Number) JsonPath.read(response.body(), "$.measurements[0].value")).doubleValue();
	}

	@Test
	void corsPreflightIsAnsweredBySpringsCorsHandling() throws Exception {
		HttpResponse<String> allowed = send("OPTIONS", "/api/products/1", "Origin", "http://localhost:3000",
				"Access-Control-Request-Method", "DELETE");
		assertThat(allowed.statusCode()).isEqualTo(200);
		assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");
		assertThat(allowed.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET,POST,PUT,PATCH,DELETE");
		HttpResponse<String> refused = send("OPTIONS", "/api/products/1", "Origin", "http://evil.example",
				"Access-Control-Request-Method", "DELETE");
		assertThat(refused.statusCode()).isEqualTo(403);
	}

	@Test
	void productsFollowTheirContract() throws Exception {
		assertThat(send("GET", "/api/products/1").statusCode()).isEqualTo(200);
		assertThat(send("GET", "/api/products/42").body()).contains("\"id\":42");
		assertThat(send("GET", "/api/products").body()).contains("\"id\":1").contains("\"id\":42");
		assertThat(send("POST", "/api/products").statusCode()).isEqualTo(201);
		assertThat(send("PUT", "/api/products/500").statusCode()).isEqualTo(201);
		assertThat(send("PUT", "/api/products/500").statusCode()).isEqualTo(200);
		HttpResponse<String> patched = sendBody("PATCH", "/api/products/500", "{\"price\":7}");
		assertThat(patched.statusCode()).isEqualTo(200);
		assertThat(patched.body()).contains("\"name\":\"Thing\"").contains("\"price\":7");
		assertThat(send("DELETE", "/api/products/500").statusCode()).isEqualTo(204);
		assertThat(send("GET", "/api/products/500").statusCode()).isEqualTo(404);
	}

	@Test
	void ordersAreAcceptedWithOrWithoutBody() throws Exception {
		assertThat(send("POST", "/api/orders").statusCode()).isEqualTo(202);
		assertThat(sendBody("POST", "/api/orders", "").statusCode()).isEqualTo(202);
	}

	@Test
	void functionalRoutesAndTheServletServeTheirMethods() throws Exception {
		assertThat(send("GET", "/fn/greetings").statusCode()).isEqualTo(200);
		assertThat(send("POST", "/fn/greetings").statusCode()).isEqualTo(201);
		assertThat(send("GET", "/fn/greetings/alice").body()).contains("Hello, alice!");
		HttpResponse<String> ping = send("GET", "/legacy/ping");
		assertThat(ping.statusCode()).isEqualTo(200);
		assertThat(ping.body()).isEqualTo("pong");
		assertThat(send("GET", "/index.html").body()).contains("method-guard sample");
	}

	@Test
	void unknownPathStays404() throws Exception {
		for (String method : List.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS")) {
			assertThat(send(method, "/does-not-exist").statusCode()).as(method).isEqualTo(404);
		}
		assertThat(send("PUT", "/fn/greetings/alice/bob").statusCode()).isEqualTo(404);
		assertThat(send("POST", "/missing.html").statusCode()).isEqualTo(404);
	}

	@Test
	void unknownMethodOnAnUnknownPathIs501WithoutAllow() throws Exception {
		HttpResponse<String> response = send("FOO", "/does-not-exist");
		assertThat(response.statusCode()).isEqualTo(501);
		assertThat(response.headers().firstValue("Allow")).isEmpty();
	}

	private String rawHead(String path) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("HEAD " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
		}
	}

	private HttpResponse<String> send(String method, String path, String... headers)
			throws IOException, InterruptedException {
		boolean withBody = List.of("POST", "PUT", "PATCH").contains(method);
		return sendBody(method, path, withBody ? PRODUCT : null, headers);
	}

	private HttpResponse<String> sendBody(String method, String path, String body, String... headers)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method, (body != null) ? BodyPublishers.ofString(body) : BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return this.client.send(request.build(), BodyHandlers.ofString());
	}

}
