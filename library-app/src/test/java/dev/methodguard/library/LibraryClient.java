package dev.methodguard.library;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

/**
 * An HTTP/1.1 client of the library on its local port, for any method token, with or
 * without a body. It follows no redirect and retries nothing.
 *
 * @param port the port of the application
 */
record LibraryClient(int port) {

	private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	/**
	 * Send a request without a body.
	 * @param method the method, any token
	 * @param path the raw path
	 * @param headers header names and values, alternately
	 * @return the response
	 * @throws IOException on a failure to send or receive
	 * @throws InterruptedException if interrupted while waiting
	 */
	HttpResponse<String> send(String method, String path, String... headers)
			throws IOException, InterruptedException {
		return sendBody(method, path, null, null, headers);
	}

	/**
	 * Send a request.
	 * @param method the method, any token
	 * @param path the raw path
	 * @param contentType the media type of the body, {@code null} for none
	 * @param body the body, {@code null} for none
	 * @param headers header names and values, alternately
	 * @return the response
	 * @throws IOException on a failure to send or receive
	 * @throws InterruptedException if interrupted while waiting
	 */
	HttpResponse<String> sendBody(String method, String path, String contentType, String body, String... headers)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.method(method, (body != null) ? BodyPublishers.ofString(body) : BodyPublishers.noBody());
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return CLIENT.send(request.build(), BodyHandlers.ofString());
	}

	/**
	 * The absolute URI of a path of the application.
	 * @param path the raw path
	 * @return the URI
	 */
	URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
