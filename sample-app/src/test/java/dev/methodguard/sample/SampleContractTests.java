package dev.methodguard.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample application's method contract, over real HTTP against the embedded server:
 * every method of each URL works, every other standard method is a 405 problem with the
 * URL's truthful {@code Allow}, and {@code OPTIONS} agrees with it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SampleContractTests {

	/** Each URL of the annotated, static and Actuator part of the contract, and its Allow. */
	private static final Map<String, String> ALLOW = Map.of("/api/products", "GET, HEAD, POST, OPTIONS",
			"/api/products/7", "GET, HEAD, PUT, PATCH, DELETE, OPTIONS", "/api/catalog/info", "GET, HEAD, OPTIONS",
			"/api/orders", "POST, OPTIONS", "/index.html", "GET, HEAD, OPTIONS", "/actuator/health",
			"GET, HEAD, OPTIONS");

	private static final List<String> STANDARD = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");

	private static final String PRODUCT = "{\"name\":\"Thing\",\"price\":3.5}";

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	private int port;

	static Stream<Arguments> contract() {
		return ALLOW.entrySet()
			.stream()
			.flatMap((entry) -> STANDARD.stream().map((method) -> Arguments.of(entry.getKey(), method)));
	}

	@ParameterizedTest(name = "{1} {0}")
	@MethodSource("contract")
	void everyStandardMethodIsServedOrRejectedWithTheTruthfulAllow(String path, String method) throws Exception {
		String allow = ALLOW.get(path);
		HttpResponse<String> response = send(method, path, "Accept", "application/json");
		if (List.of(allow.split(", ")).contains(method)) {
			assertThat(response.statusCode()).as("%s %s is served", method, path).isNotIn(405, 501);
		}
		else {
			assertThat(response.statusCode()).as("%s %s", method, path).isEqualTo(405);
			assertThat(response.headers().firstValue("Allow")).hasValue(allow);
			if ("HEAD".equals(method)) {
				assertThat(response.body()).isEmpty();
			}
			else {
				assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
				assertThat(response.body()).contains("\"status\":405")
					.contains("\"title\":\"Method Not Allowed\"")
					.contains("\"instance\":\"" + path + "\"")
					.contains("Method " + method + " is not supported for " + path);
			}
		}
	}

	@ParameterizedTest(name = "OPTIONS {0}")
	@MethodSource("urls")
	void optionsAnswersTheSameAllow(String path) throws Exception {
		HttpResponse<String> response = send("OPTIONS", path);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Allow")).hasValue(ALLOW.get(path));
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
		assertThat(response.body()).doesNotContain("<html");
	}

	static Stream<String> acceptVariants() {
		return Stream.of("application/json", "application/problem+json", "text/html", "application/xml");
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
	void unknownMethodIsNotImplemented() throws Exception {
		HttpResponse<String> response = send("FOO", "/api/products", "Accept", "application/json");
		assertThat(response.statusCode()).isEqualTo(501);
		assertThat(response.body()).contains("\"title\":\"Not Implemented\"");
	}

	@Test
	void unknownPathStays404() throws Exception {
		assertThat(send("POST", "/does-not-exist").statusCode()).isEqualTo(404);
		assertThat(send("OPTIONS", "/does-not-exist").statusCode()).isEqualTo(404);
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
