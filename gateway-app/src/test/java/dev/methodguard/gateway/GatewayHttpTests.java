package dev.methodguard.gateway;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import dev.methodguard.gateway.Backend.Exchange;
import dev.methodguard.gateway.GatewayClient.Sent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A gateway with method-guard, over real HTTP: every method a route takes is forwarded to
 * the backend as it was sent ({@code HEAD} as {@code HEAD}), every other standard method is
 * a 405 problem with the truthful {@code Allow} that never reaches the backend, for the
 * routes of {@code application.yml} and of the Java DSL alike; {@code OPTIONS} is answered
 * from the same set, unknown paths stay 404, and the {@code methods} endpoint lists the
 * routes by their ids.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class GatewayHttpTests {

	/** Each URL of the gateway and the methods its routes take. */
	private static final Map<String, String> ALLOW = Map.of("/api/products", "GET, HEAD, POST, OPTIONS",
			"/api/products/7", "GET, HEAD, OPTIONS", "/api/search", "GET, HEAD, OPTIONS, QUERY", "/api/orders",
			"GET, HEAD, POST, OPTIONS", "/api/orders/7", "GET, HEAD, DELETE, OPTIONS");

	private static final List<String> STANDARD = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "QUERY",
			"TRACE");

	private static final Backend BACKEND = startBackend();

	@Autowired
	private WebServerApplicationContext context;

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void backend(DynamicPropertyRegistry registry) {
		registry.add("backend.uri", BACKEND::uri);
	}

	@AfterAll
	static void stopBackend() {
		BACKEND.close();
	}

	static Stream<Arguments> everyStandardMethodOnEveryRoute() {
		return ALLOW.keySet()
			.stream()
			.sorted()
			.flatMap((path) -> STANDARD.stream().map((method) -> Arguments.of(path, method)));
	}

	@Test
	void runsOnTheExpectedContainer() {
		GatewayClient.assertRunsOnTheExpectedContainer(this.context);
	}

	@ParameterizedTest(name = "{1} {0}")
	@MethodSource("everyStandardMethodOnEveryRoute")
	void aMethodTheRouteTakesReachesTheBackendAsSentAndAnyOtherIsA405WithTheTruthfulAllow(String path,
			String method) throws Exception {
		String allow = ALLOW.get(path);
		Sent sent = client().send(method, path);
		List<Exchange> seen = BACKEND.seenWith(sent.probe());
		if (List.of(allow.split(", ")).contains(method)) {
			assertThat(sent.status()).isIn(200, 204);
			assertThat(seen).containsExactly(new Exchange(method, path, sent.probe()));
			assertThat(sent.response().headers().firstValue("X-Backend-Method")).hasValue(method);
		}
		else {
			assertThat(sent.status()).isEqualTo(405);
			assertThat(sent.allow()).isEqualTo(allow);
			assertThat(sent.response().headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat((Integer) JsonPath.read(sent.response().body(), "$.status")).isEqualTo(405);
			assertThat(seen).isEmpty();
		}
	}

	@ParameterizedTest(name = "OPTIONS {0}")
	@MethodSource("paths")
	void optionsIsAnsweredByTheGatewayFromTheSameSet(String path) throws Exception {
		Sent sent = client().send("OPTIONS", path);
		assertThat(sent.status()).isEqualTo(200);
		assertThat(sent.allow()).isEqualTo(ALLOW.get(path));
		assertThat(BACKEND.seenWith(sent.probe())).isEmpty();
	}

	static Stream<String> paths() {
		return ALLOW.keySet().stream().sorted();
	}

	@Test
	void headHasTheHeadersOfGetAndNoBody() throws Exception {
		Sent get = client().send("GET", "/api/products/7");
		Sent head = client().send("HEAD", "/api/products/7");
		assertThat(head.status()).isEqualTo(get.status()).isEqualTo(200);
		assertThat(head.response().body()).isEmpty();
		assertThat(head.response().headers().firstValue("Content-Type"))
			.isEqualTo(get.response().headers().firstValue("Content-Type"));
		assertThat(BACKEND.seenWith(head.probe())).extracting(Exchange::method).containsExactly("HEAD");
	}

	@Test
	void unknownPathsStay404AndNeverReachTheBackend() throws Exception {
		for (String method : List.of("GET", "PUT", "DELETE", "OPTIONS")) {
			for (String path : List.of("/api/nothing", "/api/products/7/more", "/")) {
				Sent sent = client().send(method, path);
				assertThat(sent.status()).as(method + " " + path).isEqualTo(404);
				assertThat(BACKEND.seenWith(sent.probe())).isEmpty();
			}
		}
	}

	@Test
	void aMethodNoRouteImplementsIsA501ThatNeverReachesTheBackend() throws Exception {
		Sent sent = client().send("FOO", "/api/products");
		assertThat(sent.status()).isEqualTo(501);
		assertThat(sent.allow()).isNull();
		assertThat(BACKEND.seenWith(sent.probe())).isEmpty();
	}

	@Test
	void theMethodsEndpointListsTheRoutesByTheirIds() throws Exception {
		String report = client().send("GET", "/actuator/methods").response().body();
		assertThat((List<String>) JsonPath.read(report, "$.routes[?(@.pattern == '/api/products')].handlers[*]"))
			.singleElement()
			.asString()
			.startsWith("route products: ");
		assertThat((List<String>) JsonPath.read(report, "$.routes[?(@.pattern == '/api/orders/{id}')].handlers[*]"))
			.singleElement()
			.asString()
			.startsWith("route order: ");
		assertThat((List<List<String>>) JsonPath.read(report, "$.routes[?(@.pattern == '/api/products/{id}')].methods"))
			.containsExactly(List.of("GET", "HEAD", "OPTIONS"));
	}

	private GatewayClient client() {
		return new GatewayClient(this.port);
	}

	private static Backend startBackend() {
		try {
			return Backend.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("The backend could not start", ex);
		}
	}

}
