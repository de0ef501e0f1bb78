package dev.methodguard.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-path policy over real HTTP, with Actuator on a separate management port:
 * {@code /api/orders} concealed, {@code /api/catalog/**} excluded.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "method-guard.conceal-paths=/api/orders", "method-guard.exclude-paths=/api/catalog/**",
				"management.server.port=0" })
class SamplePolicyTests {

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@Test
	void concealedPathAnswersAWrongMethodWith404AndNoAllow() throws Exception {
		HttpResponse<String> response = send(this.port, "GET", "/api/orders");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Allow")).isEmpty();
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"status\":404").doesNotContain("POST").doesNotContain("allowedMethods");
		HttpResponse<String> options = send(this.port, "OPTIONS", "/api/orders");
		assertThat(options.statusCode()).isEqualTo(404);
		assertThat(options.headers().firstValue("Allow")).isEmpty();
		assertThat(send(this.port, "POST", "/api/orders").statusCode()).isEqualTo(202);
	}

	@Test
	void concealedPathGetsA501WithoutAllowForAnUnknownMethod() throws Exception {
		HttpResponse<String> response = send(this.port, "FOO", "/api/orders");
		assertThat(response.statusCode()).isEqualTo(501);
		assertThat(response.headers().firstValue("Allow")).isEmpty();
	}

	@Test
	void excludedPathGetsSpringsDefaultAnswers() throws Exception {
		HttpResponse<String> response = send(this.port, "PUT", "/api/catalog/info");
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.headers().allValues("Allow")).containsExactly("GET");
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(response.body()).contains("\"error\":\"Method Not Allowed\"").doesNotContain("\"title\"");
		assertThat(send(this.port, "OPTIONS", "/api/catalog/info").headers().allValues("Allow"))
			.containsExactly("GET,HEAD,OPTIONS");
	}

	@Test
	void otherPathsKeepMethodGuard() throws Exception {
		HttpResponse<String> response = send(this.port, "DELETE", "/api/products");
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.headers().allValues("Allow")).containsExactly("GET, HEAD, POST, OPTIONS");
	}

	@Test
	void methodsEndpointOnTheManagementPortHidesConcealedRoutes() throws Exception {
		HttpResponse<String> all = send(this.managementPort, "GET", "/actuator/methods");
		assertThat(all.statusCode()).isEqualTo(200);
		assertThat(all.body()).contains("\"/api/products\"").doesNotContain("\"/api/orders\"");
		assertThat(send(this.managementPort, "GET", "/actuator/methods/api/orders").statusCode()).isEqualTo(404);
		assertThat(send(this.managementPort, "GET", "/actuator/methods/api/products/1").body())
			.contains("\"allow\":\"GET, HEAD, PUT, PATCH, DELETE, OPTIONS\"");
	}

	private HttpResponse<String> send(int port, String method, String path) throws IOException, InterruptedException {
		return this.client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.method(method, BodyPublishers.noBody())
			.header("Accept", "application/json")
			.build(), BodyHandlers.ofString());
	}

}
