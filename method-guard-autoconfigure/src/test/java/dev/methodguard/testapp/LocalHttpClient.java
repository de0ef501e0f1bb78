package dev.methodguard.testapp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

/**
 * An HTTP/1.1 client of an application on a local port, for requests with any method token
 * ({@code FOO} included), with or without a body. It retries nothing of its own.
 *
 * @param port the port of the application
 */
public record LocalHttpClient(int port) {

	/** What a browser sends as {@code Accept} when it follows a link or posts a form. */
	public static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	/**
	 * Send a request without a body.
	 * @param method the method, any token
	 * @param path the raw path, context path included
	 * @param headers header names and values, alternately
	 * @return the response
	 * @throws IOException on a failure to send or receive
	 * @throws InterruptedException if interrupted while waiting
	 */
	public HttpResponse<String> send(String method, String path, String... headers)
			throws IOException, InterruptedException {
		return send(method, path, BodyPublishers.noBody(), headers);
	}

	/**
	 * Send a request with a text body.
	 * @param method the method, any token
	 * @param path the raw path, context path included
	 * @param body the body, sent as UTF-8
	 * @param headers header names and values, alternately
	 * @return the response
	 * @throws IOException on a failure to send or receive
	 * @throws InterruptedException if interrupted while waiting
	 */
	public HttpResponse<String> sendBody(String method, String path, String body, String... headers)
			throws IOException, InterruptedException {
		return send(method, path, BodyPublishers.ofString(body), headers);
	}

	private HttpResponse<String> send(String method, String path, HttpRequest.BodyPublisher body, String... headers)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method, body);
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return CLIENT.send(request.build(), BodyHandlers.ofString());
	}

}
