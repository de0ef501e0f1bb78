package dev.methodguard.sample;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import org.springframework.boot.json.JsonParserFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What scanners and broken clients get, sent byte for byte over a raw socket (so that any
 * method token, path or header reaches the server as written): generated method tokens of
 * random bytes, non-token characters and 8 KiB; paths with encoded slashes, matrix
 * parameters, empty segments, NUL, dot segments in every encoding, 8 KiB and non-ASCII;
 * garbage {@code Accept} headers; {@code X-HTTP-Method-Override}; the hidden {@code _method}
 * form field. Every answer must be a 4xx or a 501 (never another 5xx), within a few KiB,
 * without a stack trace or the raw input in HTML; every 405 must carry the {@code Allow} that
 * {@code OPTIONS} gives for the same path, and every problem body must have the RFC 9457
 * shape. The generators are seeded: a failure names the request and repeats.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.mvc.hiddenmethod.filter.enabled=true")
class SampleHostileInputTests {

	private static final int MAX_RESPONSE_BYTES = 8 * 1024;

	private static final String KNOWN_PATH = "/api/catalog/info";

	/** Status codes seen per test, printed at the end for the record. */
	private static final Map<String, Map<Integer, Integer>> SEEN = new TreeMap<>();

	@LocalServerPort
	private int port;

	private String family;

	@BeforeEach
	void family(TestInfo test) {
		this.family = test.getDisplayName();
	}

	@AfterAll
	static void printStatusesSeen() {
		SEEN.forEach((family, statuses) -> System.out.println("hostile input " + family + ": " + statuses));
	}

	@Test
	void methodTokensOfRandomBytes() throws IOException {
		Random random = new Random(6);
		for (int i = 0; i < 150; i++) {
			byte[] method = new byte[1 + random.nextInt(24)];
			random.nextBytes(method);
			check(request(method, pathBytes(KNOWN_PATH), List.of()));
		}
	}

	@Test
	void methodTokensWithNonTokenCharacters() throws IOException {
		for (String method : List.of("GE(T", "G{T}", "\"GET\"", "<script>", "GET/1", "G\tT", "PO@ST", "DE;LETE",
				"[PUT]", "G\u00e9T", "M\u00fcLL", "\u0000GET", "GET\u007f")) {
			check(request(method.getBytes(StandardCharsets.UTF_8), pathBytes(KNOWN_PATH), List.of()));
		}
	}

	@Test
	void longMethodTokens() throws IOException {
		for (int length : new int[] { 64, 1024, 8 * 1024 }) {
			check(request("X".repeat(length).getBytes(StandardCharsets.US_ASCII), pathBytes(KNOWN_PATH), List.of()));
			check(request("PROP".repeat(length / 4).getBytes(StandardCharsets.US_ASCII), pathBytes("/fn/greetings"),
					List.of()));
		}
	}

	@Test
	void hostilePaths() throws IOException {
		List<String> paths = new ArrayList<>(List.of("/api/products%2F1", "/api%2Fproducts", "/api/products;x=1",
				"/api/products;jsessionid=1/7", "/api/products/7;v=1", "//api//products", "/api/products//7",
				"/api/products/%00", "/api/products%00/7", "/api/../api/products", "/api/products/../catalog/info",
				"/api/%2e%2e/api/products", "/api/%2E%2E/actuator/health", "/api/.%2e/api/products",
				"/api/products/%252e%252e/7", "/api/products/..%2f..%2factuator", "/api/products/%c0%ae%c0%ae/7",
				"/api/products/..;/7", "/./api/products", "/api/products/.", "/%2e/api/products",
				"/api/products/%C3%A9t%C3%A9", "/fn/greetings/%E2%9C%93", "/api/products/%", "/api/products/%zz",
				"/api/products/" + "a".repeat(8 * 1024), "/" + "x/".repeat(2048), "/api/products/%3Cscript%3E",
				"/api/products/<script>alert(1)</script>", "/api/products?x=<script>", "/legacy/ping/..",
				"/legacy//ping", "/index.html%00.txt", "/index.html;.txt", "*", "/actuator/methods/..%2f..%2f"));
		for (String path : paths) {
			for (String method : List.of("PUT", "DELETE", "TRACE", "FOO")) {
				check(request(method.getBytes(StandardCharsets.US_ASCII), pathBytes(path), List.of()));
			}
		}
		byte[] utf8 = "/api/products/\u00e9t\u00e9/\u2713".getBytes(StandardCharsets.UTF_8);
		byte[] latin1 = "/api/products/\u00e9".getBytes(StandardCharsets.ISO_8859_1);
		for (byte[] path : List.of(utf8, latin1)) {
			for (String method : List.of("PUT", "DELETE", "FOO")) {
				check(request(method.getBytes(StandardCharsets.US_ASCII), path, List.of()));
			}
		}
	}

	@Test
	void randomPaths() throws IOException {
		Random random = new Random(9);
		String[] pieces = { "api", "products", "catalog", "info", "fn", "greetings", "7", "%2F", "%2e", "..", ".",
				";x=1", "", "%00", "%C3%A9", "legacy", "ping", "index.html", "{id}", "%", "~", "actuator", "*" };
		String[] methods = { "GET", "PUT", "POST", "DELETE", "PATCH", "TRACE", "OPTIONS", "FOO", "get", "CONNECT" };
		for (int i = 0; i < 300; i++) {
			StringBuilder path = new StringBuilder();
			for (int segment = random.nextInt(5); segment >= 0; segment--) {
				path.append('/').append(pieces[random.nextInt(pieces.length)]);
			}
			String method = methods[random.nextInt(methods.length)];
			check(request(method.getBytes(StandardCharsets.US_ASCII), pathBytes(path.toString()), List.of()));
		}
	}

	@Test
	void garbageAcceptHeaders() throws IOException {
		for (String accept : List.of("garbage", "text/html;q=abc", "*/*;q=2", "application/json;q=0", ";;;", "/",
				"application/problem+json;q=0.5, text/html;q=0.9", "text/html", "application/xml", "image/png",
				"*/*;q=-1", "application/json;charset=\"", "a".repeat(2048) + "/b", "text/\u00e9")) {
			Response wrong = check(request(bytes("PUT"), pathBytes(KNOWN_PATH), List.of("Accept: " + accept)));
			assertThat(wrong.status).as("PUT with Accept %s", accept).isEqualTo(405);
			Response unknown = check(request(bytes("FOO"), pathBytes(KNOWN_PATH), List.of("Accept: " + accept)));
			assertThat(unknown.status).as("FOO with Accept %s", accept).isEqualTo(501);
		}
	}

	@Test
	void methodOverrideHeadersAreNotHonoured() throws IOException {
		for (String override : List.of("GET", "DELETE", "TRACE", "FOO", "<script>", "g e t")) {
			for (String header : List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override")) {
				Response response = check(
						request(bytes("POST"), pathBytes(KNOWN_PATH), List.of(header + ": " + override)));
				assertThat(response.status).as("POST with %s: %s", header, override).isEqualTo(405);
				assertThat(response.text()).contains("Method POST is not supported");
			}
		}
	}

	@Test
	void hiddenMethodFormField() throws IOException {
		Response put = check(form("/api/products/1", "_method=PUT&name=x"));
		assertThat(put.status).isNotIn(405, 501);
		Response delete = check(form(KNOWN_PATH, "_method=DELETE"));
		assertThat(delete.status).isEqualTo(405);
		assertThat(delete.text()).contains("Method DELETE is not supported");
		for (String value : List.of("TRACE", "FOO", "CONNECT", "<script>", "get", "", "%00", "x".repeat(4096))) {
			Response response = check(form(KNOWN_PATH, "_method=" + value));
			assertThat(response.status).as("_method=%s", value).isEqualTo(405);
			assertThat(response.text()).as("_method=%s", value).contains("Method POST is not supported");
		}
	}

	private Response form(String path, String body) throws IOException {
		byte[] content = body.getBytes(StandardCharsets.US_ASCII);
		return request(bytes("POST"), pathBytes(path), List.of("Content-Type: application/x-www-form-urlencoded",
				"Content-Length: " + content.length), content);
	}

	/**
	 * The checks every answer must pass, whatever was sent.
	 */
	private Response check(Response response) throws IOException {
		SEEN.computeIfAbsent(this.family, (key) -> new TreeMap<>()).merge(response.status, 1, Integer::sum);
		String what = response.description;
		assertThat(response.status).as("status of %s", what).isBetween(100, 599);
		assertThat(response.status >= 500 && response.status != 501).as("5xx other than 501 for %s", what)
			.isFalse();
		assertThat(response.size).as("size of the answer to %s", what).isLessThan(MAX_RESPONSE_BYTES);
		String text = response.text();
		assertThat(text).as("answer to %s", what)
			.doesNotContain("Exception", "\tat ", "at java.", "at org.springframework");
		String contentType = response.header("content-type");
		if (contentType != null && contentType.startsWith("text/html")) {
			assertThat(text).as("HTML answer to %s", what).doesNotContain("<script", "alert(", "\u0000");
		}
		if (contentType != null && contentType.contains("problem")) {
			assertThat(text).as("problem answering %s", what).doesNotContain("<", ">", "\\u0000");
		}
		if (response.status == 405) {
			List<String> allow = response.headers.get("allow");
			assertThat(allow).as("Allow of the 405 to %s", what).isNotNull().hasSize(1);
			Response options = request(bytes("OPTIONS"), response.path, List.of());
			if (options.status == 200) {
				assertThat(options.header("allow")).as("OPTIONS Allow beside the 405 to %s", what)
					.isEqualTo(allow.get(0));
			}
		}
		if (response.status == 501) {
			assertThat(response.headers.get("allow")).as("Allow of the 501 to %s", what).isNull();
		}
		if ("application/problem+json".equals(contentType)) {
			Map<String, Object> problem = JsonParserFactory.getJsonParser().parseMap(text);
			assertThat(problem).as("problem answering %s", what)
				.containsKeys("type", "title", "status", "detail", "instance");
			assertThat(problem.get("status")).as("problem status for %s", what).isEqualTo(response.status);
			if (response.status == 405) {
				assertThat(String.join(", ", allowedMethods(problem))).as("allowedMethods for %s", what)
					.isEqualTo(response.header("allow"));
			}
		}
		return response;
	}

	@SuppressWarnings("unchecked")
	private static List<String> allowedMethods(Map<String, Object> problem) {
		return (List<String>) problem.get("allowedMethods");
	}

	private Response request(byte[] method, byte[] path, List<String> headers) throws IOException {
		return request(method, path, headers, new byte[0]);
	}

	private Response request(byte[] method, byte[] path, List<String> headers, byte[] body) throws IOException {
		ByteArrayOutputStream request = new ByteArrayOutputStream();
		request.write(method);
		request.write(' ');
		request.write(path);
		request.write(bytes(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"));
		for (String header : headers) {
			request.write(header.getBytes(StandardCharsets.UTF_8));
			request.write(bytes("\r\n"));
		}
		request.write(bytes("\r\n"));
		request.write(body);
		String description = new String(method, StandardCharsets.ISO_8859_1) + " "
				+ new String(path, StandardCharsets.ISO_8859_1) + " " + headers;
		if (description.length() > 200) {
			description = description.substring(0, 200) + "...";
		}
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			try {
				out.write(request.toByteArray());
				out.flush();
			}
			catch (IOException ex) {
				// the server may close the connection before reading a long request
			}
			return Response.parse(readBounded(socket.getInputStream()), path, description);
		}
	}

	private static byte[] readBounded(InputStream in) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[4096];
		try {
			for (int n = in.read(buffer); n != -1 && out.size() <= 4 * MAX_RESPONSE_BYTES; n = in.read(buffer)) {
				out.write(buffer, 0, n);
			}
		}
		catch (IOException ex) {
			// a reset after the answer: keep what was read
		}
		return out.toByteArray();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	private static byte[] pathBytes(String path) {
		return path.getBytes(StandardCharsets.UTF_8);
	}

	/** An answer as read from the wire. */
	private record Response(int status, Map<String, List<String>> headers, byte[] body, int size, byte[] path,
			String description) {

		static Response parse(byte[] raw, byte[] path, String description) {
			String text = new String(raw, StandardCharsets.ISO_8859_1);
			int end = text.indexOf("\r\n\r\n");
			assertThat(text).as("answer to %s", description).startsWith("HTTP/1.1 ");
			assertThat(end).as("end of the headers of the answer to %s", description).isPositive();
			String[] lines = text.substring(0, end).split("\r\n");
			int status = Integer.parseInt(lines[0].substring(9, 12));
			Map<String, List<String>> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
						(key) -> new ArrayList<>())
					.add(lines[i].substring(colon + 1).trim());
			}
			byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
			List<String> encoding = headers.get("transfer-encoding");
			if (encoding != null && encoding.contains("chunked")) {
				body = dechunk(body);
			}
			return new Response(status, headers, body, raw.length, path, description);
		}

		private static byte[] dechunk(byte[] chunked) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			String text = new String(chunked, StandardCharsets.ISO_8859_1);
			int position = 0;
			while (position < text.length()) {
				int lineEnd = text.indexOf("\r\n", position);
				if (lineEnd < 0) {
					break;
				}
				int size = Integer.parseInt(text.substring(position, lineEnd).split(";")[0].trim(), 16);
				if (size == 0) {
					break;
				}
				out.write(chunked, lineEnd + 2, size);
				position = lineEnd + 2 + size + 2;
			}
			return out.toByteArray();
		}

		String header(String name) {
			List<String> values = this.headers.get(name);
			return (values != null) ? values.get(0) : null;
		}

		String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

}
