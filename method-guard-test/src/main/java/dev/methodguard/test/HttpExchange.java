package dev.methodguard.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;

/**
 * Requests over HTTP/1.1 to a running server, with {@link HttpClient}, which sends any
 * method token. The client does not read a body after {@code HEAD}, so this exchange cannot
 * see one.
 */
final class HttpExchange implements Exchange {

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final String base;

	HttpExchange(URI baseUri) {
		String value = baseUri.toString();
		this.base = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
	}

	@Override
	public boolean reachesServlets() {
		return true;
	}

	@Override
	public Answer send(String method, String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.method(method, BodyPublishers.noBody());
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		try {
			HttpResponse<String> response = this.client.send(request.build(), BodyHandlers.ofString());
			List<String> allow = response.headers().allValues("Allow");
			return new Answer(response.statusCode(), allow.isEmpty() ? null : String.join(", ", allow),
					response.headers().firstValue("Content-Type").orElse(null), response.body(), null);
		}
		catch (IOException ex) {
			return Answer.failed(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Answer.failed(ex);
		}
	}

}
