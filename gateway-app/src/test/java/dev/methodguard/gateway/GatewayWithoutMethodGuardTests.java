package dev.methodguard.gateway;

import java.io.IOException;

import dev.methodguard.gateway.GatewayClient.Sent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same gateway with {@code method-guard.enabled=false}: the gateway's own answers, to
 * tell the difference. A method no route takes is a 404, and so are {@code OPTIONS} and
 * {@code HEAD} on a {@code GET} route; the routes still work.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "method-guard.enabled=false")
class GatewayWithoutMethodGuardTests {

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

	@Test
	void runsOnTheExpectedContainer() {
		GatewayClient.assertRunsOnTheExpectedContainer(this.context);
	}

	@Test
	void aWrongMethodIsTheGatewaysPlain404() throws Exception {
		for (String method : new String[] { "PUT", "DELETE", "HEAD" }) {
			Sent sent = client().send(method, "/api/products/7");
			assertThat(sent.status()).as(method).isEqualTo(404);
			assertThat(sent.allow()).as(method).isNull();
			assertThat(BACKEND.seenWith(sent.probe())).isEmpty();
		}
		assertThat(client().send("GET", "/api/products/7").status()).isEqualTo(200);
	}

	/**
	 * A 404 whatever the container; Jetty adds the {@code Allow} of {@code HttpServlet}'s
	 * {@code doOptions}, every method the servlet API knows, TRACE included.
	 */
	@Test
	void optionsIsA404() throws Exception {
		Sent sent = client().send("OPTIONS", "/api/products/7");
		assertThat(sent.status()).isEqualTo(404);
		assertThat(BACKEND.seenWith(sent.probe())).isEmpty();
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
