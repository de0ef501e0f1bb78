package dev.methodguard.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.methodguard.gateway.Backend.Exchange;
import dev.methodguard.gateway.GatewayClient.Sent;
import dev.methodguard.internal.allow.MethodIndexHolder;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routes changed at run time, as gateway operators change them: the routes of an external
 * configuration file, edited, then {@code POST /actuator/refresh}. Right after the refresh
 * the new methods reach the backend, the methods taken away are 405s with the new
 * {@code Allow}, {@code OPTIONS} and the {@code methods} endpoint agree, and method-guard
 * answers rejections before Spring's handler lookup again. The application is started
 * here, not by the test framework, so that its configuration file exists, with the first
 * version of the routes, before it starts.
 */
class GatewayRefreshTests {

	/** Version A of the routes: a product can only be read, the list read and added to. */
	private static final String VERSION_A = routes("GET", "GET,POST");

	/** Version B of the routes: a product can be changed and deleted, the list only read. */
	private static final String VERSION_B = routes("GET,PUT,PATCH,DELETE", "GET");

	@TempDir
	static Path directory;

	private static Backend backend;

	private static Path routesFile;

	private static ConfigurableApplicationContext context;

	private static GatewayClient client;

	@BeforeAll
	static void startTheGateway() throws IOException {
		backend = Backend.start();
		routesFile = directory.resolve("routes.yml");
		Files.writeString(routesFile, VERSION_A);
		context = SpringApplication.run(GatewayApplication.class, "--server.port=0", "--backend.uri=" + backend.uri(),
				"--spring.config.import=file:" + routesFile);
		client = new GatewayClient(((WebServerApplicationContext) context).getWebServer().getPort());
	}

	@AfterAll
	static void stopTheGateway() {
		if (context != null) {
			context.close();
		}
		if (backend != null) {
			backend.close();
		}
	}

	@Test
	void runsOnTheExpectedContainer() {
		GatewayClient.assertRunsOnTheExpectedContainer((WebServerApplicationContext) context);
	}

	@Test
	void theIndexFollowsEveryRefreshOfTheRoutesAtOnce() throws Exception {
		assertVersionA();
		refreshWith(VERSION_B);
		for (String method : List.of("PUT", "PATCH", "DELETE")) {
			assertForwarded(method, "/api/products/7");
		}
		assertRejected("POST", "/api/products/7", "GET, HEAD, PUT, PATCH, DELETE, OPTIONS");
		assertRejected("POST", "/api/products", "GET, HEAD, OPTIONS");
		assertForwarded("GET", "/api/products");
		assertThat(client.send("OPTIONS", "/api/products").allow()).isEqualTo("GET, HEAD, OPTIONS");
		assertThat(client.send("OPTIONS", "/api/products/7").allow())
			.isEqualTo("GET, HEAD, PUT, PATCH, DELETE, OPTIONS");
		assertThat(reportedMethods("/api/products/{id}")).containsExactly("GET", "HEAD", "PUT", "PATCH", "DELETE",
				"OPTIONS");
		assertThat(reportedMethods("/api/products")).containsExactly("GET", "HEAD", "OPTIONS");
		refreshWith(VERSION_A);
		assertVersionA();
	}

	@Test
	void theDslRoutesStayAsTheyAre() throws Exception {
		refreshWith(VERSION_B);
		assertForwarded("DELETE", "/api/orders/7");
		assertRejected("PUT", "/api/orders/7", "GET, HEAD, DELETE, OPTIONS");
		refreshWith(VERSION_A);
		assertForwarded("DELETE", "/api/orders/7");
		assertRejected("PUT", "/api/orders/7", "GET, HEAD, DELETE, OPTIONS");
	}

	/**
	 * Requests sent while the routes are refreshed again and again: each gets the answer of
	 * one of the versions or, while a method is being taken away, Spring's own 404 (the routes
	 * no longer take it, the index has not been rebuilt yet); never an error, never another
	 * {@code Allow}. Once the last refresh has returned, version A's answer alone.
	 */
	@Test
	void requestsDuringRefreshesGetOneVersionsAnswerOrSpringsOwn() throws Exception {
		AtomicBoolean refreshing = new AtomicBoolean(true);
		Set<String> seen = ConcurrentHashMap.newKeySet();
		ExecutorService clients = Executors.newFixedThreadPool(2);
		try {
			List<Future<?>> running = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				running.add(clients.submit(() -> {
					while (refreshing.get()) {
						Sent sent = client.send("PUT", "/api/products/7");
						seen.add(sent.status() + " " + sent.allow());
					}
					return null;
				}));
			}
			for (int round = 0; round < 3; round++) {
				refreshWith(VERSION_B);
				refreshWith(VERSION_A);
			}
			refreshing.set(false);
			for (Future<?> future : running) {
				future.get();
			}
		}
		finally {
			clients.shutdown();
		}
		assertThat(seen).isNotEmpty().isSubsetOf("405 GET, HEAD, OPTIONS", "200 null", "404 null");
		assertRejected("PUT", "/api/products/7", "GET, HEAD, OPTIONS");
	}

	private static void assertVersionA() throws Exception {
		for (String method : List.of("PUT", "PATCH", "DELETE")) {
			assertRejected(method, "/api/products/7", "GET, HEAD, OPTIONS");
		}
		assertForwarded("POST", "/api/products");
		assertForwarded("HEAD", "/api/products/7");
		assertThat(client.send("OPTIONS", "/api/products").allow()).isEqualTo("GET, HEAD, POST, OPTIONS");
		assertThat(reportedMethods("/api/products/{id}")).containsExactly("GET", "HEAD", "OPTIONS");
		assertThat(reportedMethods("/api/products")).containsExactly("GET", "HEAD", "POST", "OPTIONS");
	}

	private static void refreshWith(String routes) throws Exception {
		Files.writeString(routesFile, routes);
		Sent refresh = client.send("POST", "/actuator/refresh");
		assertThat(refresh.status()).isEqualTo(200);
		assertThat(context.getBean(MethodIndexHolder.class).isSettled()).as("early rejection answers again").isTrue();
	}

	private static void assertForwarded(String method, String path) throws Exception {
		Sent sent = client.send(method, path);
		assertThat(sent.status()).as(method + " " + path).isIn(200, 204);
		assertThat(backend.seenWith(sent.probe())).containsExactly(new Exchange(method, path, sent.probe()));
	}

	private static void assertRejected(String method, String path, String allow) throws Exception {
		Sent sent = client.send(method, path);
		assertThat(sent.status()).as(method + " " + path).isEqualTo(405);
		assertThat(sent.allow()).as(method + " " + path).isEqualTo(allow);
		assertThat(backend.seenWith(sent.probe())).isEmpty();
	}

	private static List<String> reportedMethods(String pattern) throws Exception {
		String report = client.send("GET", "/actuator/methods").response().body();
		List<List<String>> methods = JsonPath.read(report, "$.routes[?(@.pattern == '" + pattern + "')].methods");
		assertThat(methods).hasSize(1);
		return methods.get(0);
	}

	/**
	 * The external routes file: the {@code products} and {@code product} routes with the
	 * given methods. Its list of routes takes the place of the one in
	 * {@code application.yml}.
	 */
	private static String routes(String productMethods, String productsMethods) {
		return """
				spring.cloud.gateway.server.webmvc.routes:
				  - id: products
				    uri: ${backend.uri}
				    predicates:
				      - Path=/api/products
				      - Method=%s
				  - id: product
				    uri: ${backend.uri}
				    predicates:
				      - Path=/api/products/{id}
				      - Method=%s
				""".formatted(productsMethods, productMethods);
	}

}
