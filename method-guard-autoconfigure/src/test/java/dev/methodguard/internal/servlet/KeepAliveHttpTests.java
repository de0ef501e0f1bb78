package dev.methodguard.internal.servlet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.methodguard.testapp.ExpectedContainer;
import dev.methodguard.testapp.LocalHttpClient;
import dev.methodguard.testapp.TestApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every kind of answer method-guard writes leaves a kept-alive HTTP/1.1 connection in a state
 * the client can trust (RFC 9112 §9.6): after a request with a body sent with the headers,
 * 100 ms after them, 300 KB at once or chunked, the next request on the same socket is
 * answered, or the first response said {@code Connection: close}; and it says so only where
 * the container closes on its own. Raw sockets, so that no client library retries or
 * reconnects behind the test's back.
 */
@SpringBootTest(classes = { TestApplication.class, KeepAliveHttpTests.Servlets.class },
		webEnvironment = WebEnvironment.RANDOM_PORT)
class KeepAliveHttpTests {

	private static final int TIMEOUT_MILLIS = 10_000;

	@LocalServerPort
	private int port;

	@Autowired
	private WebServerApplicationContext context;

	@Test
	void runsOnTheExpectedContainer() {
		ExpectedContainer.assertRunsOn(this.context);
	}

	static Stream<Arguments> rejectionsAndBodies() {
		List<Arguments> cases = new ArrayList<>();
		for (Rejection rejection : Rejection.values()) {
			for (Body body : Body.values()) {
				cases.add(Arguments.of(rejection, body));
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} with {1} body")
	@MethodSource("rejectionsAndBodies")
	void theNextRequestOnTheConnectionIsAnsweredOrTheRejectionSaidClose(Rejection rejection, Body body)
			throws Exception {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(TIMEOUT_MILLIS);
			OutputStream out = socket.getOutputStream();
			InputStream in = socket.getInputStream();
			body.send(out, rejection.requestHead(body));
			Response first = Response.read(in);
			assertThat(first).as("first response").isNotNull();
			assertThat(first.status()).as(first.toString()).isEqualTo(rejection.status);
			if (first.says("Connection", "close")) {
				assertThat(closesOnItsOwn(first)).as("Connection: close on %s", first).isTrue();
				return;
			}
			Response second;
			try {
				out.write(("GET /reports HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
				out.flush();
				second = Response.read(in);
			}
			catch (IOException ex) {
				second = null;
			}
			if (second == null) {
				fail("The connection was closed after %s without Connection: close", first);
			}
			assertThat(second.status()).as(second.toString()).isEqualTo(200);
		}
	}

	/**
	 * Whether the container closes the connection after this answer whatever method-guard
	 * does: Tomcat after every 501 (its {@code Http11Processor.statusDropsConnection}). Every
	 * other answer keeps the connection, as the body is within {@code max-drain-size}.
	 */
	private boolean closesOnItsOwn(Response response) {
		return response.status() == 501
				&& this.context.getWebServer().getClass().getSimpleName().startsWith("Tomcat");
	}

	/** A kind of rejection method-guard answers, by the path that leads to its writer. */
	enum Rejection {

		/** An annotated controller's 405, written early and directly. */
		ANNOTATED("PUT", "/reports", null, 405),

		/** The same 405, negotiated through the exception resolvers and the advice. */
		ANNOTATED_NEGOTIATED("PUT", "/reports", "application/json, application/problem+json;q=0.9", 405),

		/** A functional route's 405. */
		FUNCTIONAL("PUT", "/fn/hello", null, 405),

		/** A static file's 405. */
		STATIC_FILE("PUT", "/hello.txt", null, 405),

		/** A plain servlet's {@code sendError(405)}, answered by the filter. */
		PLAIN_SERVLET("POST", "/plain/x", null, 405),

		/** A method no handler implements. */
		UNKNOWN_METHOD("FOO", "/reports", null, 501),

		/** {@code TRACE} on a known resource. */
		TRACE("TRACE", "/reports", null, 405),

		/** {@code TRACE} where no route serves the path: the container's error page. */
		TRACE_UNKNOWN_PATH("TRACE", "/nowhere", null, 405),

		/** {@code OPTIONS} answered from the index. */
		OPTIONS("OPTIONS", "/reports", null, 200),

		/** An annotated controller's 405, the application's error page for a browser. */
		ANNOTATED_PAGE("PUT", "/reports", LocalHttpClient.BROWSER_ACCEPT, 405),

		/** A plain servlet's {@code sendError(405)}, the error page for a browser. */
		PLAIN_SERVLET_PAGE("POST", "/plain/x", LocalHttpClient.BROWSER_ACCEPT, 405),

		/** A method no handler implements, the error page for a browser. */
		UNKNOWN_METHOD_PAGE("FOO", "/reports", LocalHttpClient.BROWSER_ACCEPT, 501),

		/** {@code TRACE} on a known resource, the error page for a browser. */
		TRACE_PAGE("TRACE", "/reports", LocalHttpClient.BROWSER_ACCEPT, 405);

		private final String method;

		private final String path;

		private final String accept;

		private final int status;

		Rejection(String method, String path, String accept, int status) {
			this.method = method;
			this.path = path;
			this.accept = accept;
			this.status = status;
		}

		String requestHead(Body body) {
			StringBuilder head = new StringBuilder(this.method + " " + this.path + " HTTP/1.1\r\n");
			head.append("Host: localhost\r\n").append("Content-Type: application/json\r\n");
			if (this.accept != null) {
				head.append("Accept: ").append(this.accept).append("\r\n");
			}
			head.append(body.framing()).append("\r\n");
			return head.toString();
		}

	}

	/** How the request body travels. */
	enum Body {

		/** A small body in the same write as the headers. */
		WITH_HEADERS(json(40)),

		/** A small body sent 100 ms after the headers. */
		LATE(json(40)),

		/** 300 KB in one go. */
		LARGE(json(300 * 1024)),

		/** A small body in two chunks. */
		CHUNKED(json(40));

		private final byte[] content;

		Body(byte[] content) {
			this.content = content;
		}

		String framing() {
			return (this == CHUNKED) ? "Transfer-Encoding: chunked\r\n"
					: "Content-Length: " + this.content.length + "\r\n";
		}

		void send(OutputStream out, String head) throws IOException, InterruptedException {
			byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
			switch (this) {
				case LATE -> {
					out.write(headBytes);
					out.flush();
					Thread.sleep(100);
					out.write(this.content);
				}
				case CHUNKED -> {
					int half = this.content.length / 2;
					ByteArrayOutputStream chunked = new ByteArrayOutputStream();
					chunked.write(headBytes);
					writeChunk(chunked, this.content, 0, half);
					writeChunk(chunked, this.content, half, this.content.length - half);
					chunked.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
					out.write(chunked.toByteArray());
				}
				default -> {
					ByteArrayOutputStream whole = new ByteArrayOutputStream();
					whole.write(headBytes);
					whole.write(this.content);
					out.write(whole.toByteArray());
				}
			}
			out.flush();
		}

		private static void writeChunk(ByteArrayOutputStream out, byte[] content, int offset, int length)
				throws IOException {
			out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
			out.write(content, offset, length);
			out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
		}

		private static byte[] json(int size) {
			String prefix = "{\"name\":\"";
			String suffix = "\"}";
			return (prefix + "a".repeat(size - prefix.length() - suffix.length()) + suffix)
				.getBytes(StandardCharsets.US_ASCII);
		}

	}

	/**
	 * An HTTP/1.1 response read off a socket: status line, headers and a body framed by
	 * {@code Content-Length}, chunked encoding or the end of the connection.
	 */
	record Response(String statusLine, Map<String, String> headers, int bodyLength) {

		int status() {
			return Integer.parseInt(this.statusLine.split(" ")[1]);
		}

		boolean says(String header, String token) {
			String value = this.headers.get(header.toLowerCase(Locale.ROOT));
			return value != null && value.toLowerCase(Locale.ROOT).contains(token);
		}

		/** The response, or {@code null} where the connection ended before a status line. */
		static Response read(InputStream in) throws IOException {
			String statusLine = readLine(in);
			if (statusLine == null || statusLine.isEmpty()) {
				return null;
			}
			Map<String, String> headers = new LinkedHashMap<>();
			for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
				int colon = line.indexOf(':');
				headers.merge(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
						line.substring(colon + 1).trim(), (a, b) -> a + ", " + b);
			}
			int bodyLength;
			if (headers.containsKey("content-length")) {
				bodyLength = Integer.parseInt(headers.get("content-length"));
				in.readNBytes(bodyLength);
			}
			else if (headers.getOrDefault("transfer-encoding", "").contains("chunked")) {
				bodyLength = readChunks(in);
			}
			else {
				bodyLength = in.readAllBytes().length;
			}
			return new Response(statusLine, headers, bodyLength);
		}

		private static int readChunks(InputStream in) throws IOException {
			int total = 0;
			for (String size = readLine(in); size != null; size = readLine(in)) {
				int length = Integer.parseInt(size.split(";")[0].trim(), 16);
				if (length == 0) {
					readLine(in);
					break;
				}
				total += in.readNBytes(length).length;
				readLine(in);
			}
			return total;
		}

		private static String readLine(InputStream in) throws IOException {
			ByteArrayOutputStream line = new ByteArrayOutputStream();
			for (int b = in.read(); b != -1; b = in.read()) {
				if (b == '\n') {
					return line.toString(StandardCharsets.ISO_8859_1).stripTrailing();
				}
				line.write(b);
			}
			return (line.size() > 0) ? line.toString(StandardCharsets.ISO_8859_1) : null;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Servlets {

		@Bean
		ServletRegistrationBean<GetOnlyServlet> getOnlyServlet() {
			return new ServletRegistrationBean<>(new GetOnlyServlet(), "/plain/*");
		}

	}

	static class GetOnlyServlet extends HttpServlet {

		@Override
		protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
			response.getWriter().write("plain GET");
		}

	}

}
