package dev.methodguard.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The service behind the gateway: a JDK HTTP server on a free loopback port that answers
 * every request and records each one it receives (method, path, and the {@code X-Probe}
 * header the tests set), so that a test can tell whether a request reached it, and with
 * which method. It answers {@code 204} to {@code DELETE}, headers only to {@code HEAD}, and
 * otherwise {@code 200} with a text body naming the method and path; every answer carries
 * {@code X-Backend-Method}.
 */
final class Backend implements AutoCloseable {

	/** The header a test sets to find its own requests among those the backend saw. */
	static final String PROBE = "X-Probe";

	private final HttpServer server;

	private final Queue<Exchange> seen = new ConcurrentLinkedQueue<>();

	private Backend(HttpServer server) {
		this.server = server;
	}

	/**
	 * Start a backend on a free loopback port.
	 * @return the running backend
	 * @throws IOException if the port cannot be bound
	 */
	static Backend start() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		Backend backend = new Backend(server);
		server.createContext("/", backend::answer);
		server.start();
		return backend;
	}

	/**
	 * The base URI of the backend.
	 * @return the URI, such as {@code http://127.0.0.1:54321}
	 */
	URI uri() {
		InetSocketAddress address = this.server.getAddress();
		return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
	}

	/**
	 * The requests the backend received with a probe value.
	 * @param probe the value of the {@code X-Probe} header
	 * @return those requests, in the order received
	 */
	List<Exchange> seenWith(String probe) {
		return this.seen.stream().filter((exchange) -> probe.equals(exchange.probe())).toList();
	}

	private void answer(HttpExchange exchange) throws IOException {
		try (exchange) {
			try (InputStream body = exchange.getRequestBody()) {
				body.transferTo(OutputStream.nullOutputStream());
			}
			String method = exchange.getRequestMethod();
			String path = exchange.getRequestURI().getRawPath();
			this.seen.add(new Exchange(method, path, exchange.getRequestHeaders().getFirst(PROBE)));
			exchange.getResponseHeaders().add("X-Backend-Method", method);
			if ("DELETE".equals(method)) {
				exchange.sendResponseHeaders(204, -1);
				return;
			}
			byte[] content = (method + " " + path).getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "text/plain;charset=UTF-8");
			if ("HEAD".equals(method)) {
				exchange.sendResponseHeaders(200, -1);
				return;
			}
			exchange.sendResponseHeaders(200, content.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(content);
			}
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/**
	 * One request the backend received.
	 *
	 * @param method its method
	 * @param path its raw path
	 * @param probe its {@code X-Probe} header, or {@code null}
	 */
	record Exchange(String method, String path, String probe) {
	}

}
