package dev.methodguard.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Locale;
import java.util.UUID;

import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An HTTP/1.1 client of the gateway on a local port, for requests with any method token. Each
 * request carries a fresh {@link Backend#PROBE} header, so that a test finds in the backend's
 * records exactly the requests that got through. It retries nothing.
 *
 * @param port the port of the gateway
 */
record GatewayClient(int port) {

	private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	/**
	 * Send a request, with a short body for the methods that usually carry one.
	 * @param method the method, any token
	 * @param path the raw path
	 * @return the response and the probe it carried
	 * @throws IOException on a failure to send or receive
	 * @throws InterruptedException if interrupted while waiting
	 */
	Sent send(String method, String path) throws IOException, InterruptedException {
		String probe = UUID.randomUUID().toString();
		boolean withBody = method.equals("POST") || method.equals("PUT") || method.equals("PATCH")
				|| method.equals("QUERY");
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method, withBody ? BodyPublishers.ofString("{\"name\":\"thing\"}") : BodyPublishers.noBody())
			.header(Backend.PROBE, probe);
		if (withBody) {
			request.header("Content-Type", "application/json");
		}
		return new Sent(CLIENT.send(request.build(), BodyHandlers.ofString()), probe);
	}

	/**
	 * Assert that the application runs on the server the build meant: Tomcat, or Jetty in the
	 * Surefire execution that puts Jetty in Tomcat's place and sets
	 * {@code gateway.expected-server}.
	 * @param context the application context
	 */
	static void assertRunsOnTheExpectedContainer(WebServerApplicationContext context) {
		String expected = System.getProperty("gateway.expected-server", "tomcat");
		assertThat(context.getWebServer().getClass().getSimpleName().toLowerCase(Locale.ROOT)).startsWith(expected);
	}

	/**
	 * A response, and the probe its request carried.
	 *
	 * @param response the response
	 * @param probe the value of the request's {@link Backend#PROBE} header
	 */
	record Sent(HttpResponse<String> response, String probe) {

		int status() {
			return this.response.statusCode();
		}

		String allow() {
			return this.response.headers().firstValue("Allow").orElse(null);
		}

	}

}
