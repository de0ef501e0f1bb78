package dev.methodguard.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An HTTP/1.1 client of the secured application, with or without HTTP Basic credentials.
 *
 * @param port the port of the application
 */
record SecuredClient(int port) {

	private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	/**
	 * Send a request without a body.
	 * @param method the method, any token
	 * @param path the raw path
	 * @param credentials {@code user:password}, or {@code null} for none
	 * @return the response
	 * @throws Exception on a failure to send
	 */
	HttpResponse<String> send(String method, String path, String credentials) throws Exception {
		return send(method, path, credentials, null);
	}

	/**
	 * Send a request without a body.
	 * @param method the method, any token
	 * @param path the raw path
	 * @param credentials {@code user:password}, or {@code null} for none
	 * @param accept the {@code Accept} header, or {@code null} for none
	 * @return the response
	 * @throws Exception on a failure to send
	 */
	HttpResponse<String> send(String method, String path, String credentials, String accept) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (accept != null) {
			request.header("Accept", accept);
		}
		if (credentials != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
