package dev.methodguard.internal.servlet;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.methodguard.internal.servlet.BrowserApplication.RecordedRejections;
import dev.methodguard.testapp.ExpectedContainer;
import dev.methodguard.testapp.LocalHttpClient;
import dev.methodguard.testapp.TestApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static dev.methodguard.testapp.LocalHttpClient.BROWSER_ACCEPT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, over real HTTP (on Tomcat, and on Jetty in the {@code jetty-test} execution): a
 * browser gets the application's own error page for every kind of rejection, rendered by
 * Spring Boot's error handling ({@code error/405}, {@code error/4xx}, the whitelabel page where
 * the application has no page), with the truthful {@code Allow} and the allowed methods in the
 * model; an API client gets the problem for the same request; the listeners are told once.
 * {@link BrowserWithoutMethodGuardHttpTests} shows the same application without method-guard.
 */
@SpringBootTest(classes = { TestApplication.class, BrowserApplication.class },
		webEnvironment = WebEnvironment.RANDOM_PORT, properties = "method-guard.conceal-paths=/hidden/**")
class BrowserHttpTests {

	private static final Pattern ALLOW_ON_THE_PAGE = Pattern.compile("<p id=\"allow\">([^<]*)</p>");

	@LocalServerPort
	private int port;

	@Autowired
	private WebServerApplicationContext context;

	@Autowired
	private RecordedRejections recorded;

	@Test
	void runsOnTheExpectedContainer() {
		ExpectedContainer.assertRunsOn(this.context);
	}

	@Test
	void wrongMethodOnAnAnnotatedRouteIsTheApplicationsPageWithTheTruthfulAllow() throws Exception {
		assertBothFaces("PUT", "/reports", "GET, HEAD, OPTIONS");
	}

	@Test
	void wrongMethodOnAFunctionalRouteIsTheApplicationsPage() throws Exception {
		assertBothFaces("DELETE", "/fn/hello", "GET, HEAD, POST, OPTIONS");
	}

	@Test
	void wrongMethodOnAStaticResourceIsTheApplicationsPage() throws Exception {
		assertBothFaces("POST", "/hello.txt", "GET, HEAD, OPTIONS");
	}

	@Test
	void wrongMethodOnAPlainServletIsTheApplicationsPageWithTheServletsAllow() throws Exception {
		assertBothFaces("POST", "/plain/anything", "GET, HEAD, PUT, OPTIONS");
	}

	/**
	 * Tomcat refuses {@code TRACE} in its connector and method-guard answers on the error page
	 * dispatch; Jetty lets it through and method-guard's filter answers it.
	 */
	@Test
	void traceIsTheApplicationsPageAndNeverEchoed() throws Exception {
		HttpResponse<String> page = send("TRACE", "/reports", "Accept", BROWSER_ACCEPT, "X-Secret", "do-not-echo");
		assertPage(page, 405, "GET, HEAD, OPTIONS");
		assertThat(page.body()).doesNotContain("do-not-echo");
		assertProblem(send("TRACE", "/reports", "Accept", "application/json"), 405);
	}

	@Test
	void unknownMethodIsSpringBootsWhitelabelPageWithoutAllow() throws Exception {
		long before = this.recorded.of("/reports");
		HttpResponse<String> page = send("FOO", "/reports", "Accept", BROWSER_ACCEPT);
		assertThat(page.statusCode()).isEqualTo(501);
		assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/html"));
		assertThat(page.headers().allValues("Allow")).isEmpty();
		assertThat(page.body()).contains("Whitelabel Error Page").contains("type=Not Implemented, status=501");
		assertThat(this.recorded.of("/reports")).isEqualTo(before + 1);
		assertProblem(send("FOO", "/reports", "Accept", "application/json"), 501);
	}

	@Test
	void wrongMethodOnAConcealedPathIsTheApplications4xxPage() throws Exception {
		HttpResponse<String> page = send("PUT", "/hidden/report", "Accept", BROWSER_ACCEPT);
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.headers().allValues("Allow")).isEmpty();
		assertThat(page.body()).contains("The test application's own 4xx page")
			.contains("<p id=\"status\">404 Not Found</p>")
			.contains("<p id=\"path\">/hidden/report</p>");
		assertProblem(send("PUT", "/hidden/report", "Accept", "application/json"), 404);
	}

	@Test
	void concealedOptionsIsTheApplications4xxPage() throws Exception {
		HttpResponse<String> page = send("OPTIONS", "/hidden/report", "Accept", BROWSER_ACCEPT);
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("The test application's own 4xx page");
	}

	/**
	 * A bare {@code sendError(405)} of a filter that follows method-guard's, confirmed by the
	 * index, is answered on the error page dispatch: the page with the index's {@code Allow}
	 * for a browser, the problem for an API client; a method no handler implements gets the
	 * 501 page, a concealed path the 404 page (the status the error page renders is
	 * method-guard's, although Jetty does not let the error attributes of its request be
	 * changed).
	 */
	@Test
	void aFiltersOwn405IsThePageWithTheIndexsAllow() throws Exception {
		long before = this.recorded.of("/reports");
		assertPage(send("DELETE", "/reports", "Accept", BROWSER_ACCEPT, "X-Refuse", "yes"), 405, "GET, HEAD, OPTIONS");
		assertThat(this.recorded.of("/reports")).isEqualTo(before + 1);
		HttpResponse<String> problem = send("DELETE", "/reports", "Accept", "application/json", "X-Refuse", "yes");
		assertProblem(problem, 405);
		assertThat(problem.headers().allValues("Allow")).containsExactly("GET, HEAD, OPTIONS");
		HttpResponse<String> unknown = send("FOO", "/reports", "Accept", BROWSER_ACCEPT, "X-Refuse", "yes");
		assertThat(unknown.statusCode()).isEqualTo(501);
		assertThat(unknown.headers().allValues("Allow")).isEmpty();
		assertThat(unknown.body()).contains("Whitelabel Error Page").contains("status=501");
		HttpResponse<String> concealed = send("PUT", "/hidden/report", "Accept", BROWSER_ACCEPT, "X-Refuse", "yes");
		assertThat(concealed.statusCode()).isEqualTo(404);
		assertThat(concealed.headers().allValues("Allow")).isEmpty();
		assertThat(concealed.body()).contains("The test application's own 4xx page");
	}

	@Test
	void aFiltersOwn405OfAMethodTheRouteTakesIsLeftToSpringBoot() throws Exception {
		long before = this.recorded.of("/reports");
		HttpResponse<String> page = send("GET", "/reports", "Accept", BROWSER_ACCEPT, "X-Refuse", "yes");
		assertThat(page.statusCode()).isEqualTo(405);
		assertThat(page.body()).contains("The test application's own 405 page").doesNotContain("<p id=\"allow\">");
		assertThat(this.recorded.of("/reports")).isEqualTo(before);
	}

	@Test
	void headHasThePagesStatusAndAllowButNoBody() throws Exception {
		HttpResponse<String> head = send("HEAD", "/commands", "Accept", BROWSER_ACCEPT);
		assertThat(head.statusCode()).isEqualTo(405);
		assertThat(head.headers().allValues("Allow")).containsExactly("POST, OPTIONS");
		assertThat(head.body()).isEmpty();
	}

	@Test
	void wildcardAloneIsAnApiClient() throws Exception {
		assertProblem(send("PUT", "/reports", "Accept", "*/*"), 405);
		assertProblem(send("PUT", "/reports"), 405);
	}

	@Test
	void textWildcardIsABrowser() throws Exception {
		assertPage(send("PUT", "/reports", "Accept", "text/*"), 405, "GET, HEAD, OPTIONS");
	}

	@Test
	void anEncodedScriptInThePathIsNeverMarkup() throws Exception {
		HttpResponse<String> page = send("POST", "/items/%3Cscript%3Ealert(1)%3C", "Accept",
				BROWSER_ACCEPT);
		assertPage(page, 405, "GET, HEAD, PUT, PATCH, DELETE, OPTIONS");
		assertThat(page.body()).doesNotContain("<script").doesNotContain("</script");
	}

	/**
	 * A literal {@code <script>} in the path or the method token, sent over a raw socket:
	 * whatever the container does with it (refuse it with a 400, or pass it on), the answer
	 * carries no markup of the client's.
	 */
	@Test
	void aLiteralScriptInThePathOrTheMethodIsNeverMarkup() throws Exception {
		for (String requestLine : new String[] { "POST /items/<script>alert(1)</script> HTTP/1.1",
				"X<script> /items/1 HTTP/1.1", "X<script>alert(1)</script> /reports HTTP/1.1" }) {
			String response = raw(requestLine);
			assertThat(response).as(requestLine).startsWith("HTTP/1.1 ");
			assertThat(response.toLowerCase(Locale.ROOT)).as(requestLine).doesNotContain("<script");
		}
	}

	private void assertBothFaces(String method, String path, String allow) throws Exception {
		long before = this.recorded.of(path);
		assertPage(send(method, path, "Accept", BROWSER_ACCEPT), 405, allow);
		assertThat(this.recorded.of(path)).as("listeners told of the page").isEqualTo(before + 1);
		HttpResponse<String> problem = send(method, path, "Accept", "application/json");
		assertProblem(problem, 405);
		assertThat(problem.headers().allValues("Allow")).containsExactly(allow);
		assertThat(this.recorded.of(path)).as("listeners told of the problem").isEqualTo(before + 2);
	}

	private static void assertPage(HttpResponse<String> page, int status, String allow) {
		assertThat(page.statusCode()).isEqualTo(status);
		assertThat(page.headers().allValues("Allow")).containsExactly(allow);
		assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/html"));
		assertThat(page.body()).contains("The test application's own 405 page")
			.contains("<p id=\"status\">405 Method Not Allowed</p>");
		Matcher listed = ALLOW_ON_THE_PAGE.matcher(page.body());
		assertThat(listed.find()).as("the page lists the allowed methods").isTrue();
		assertThat(listed.group(1)).isEqualTo(allow);
	}

	private static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"status\":" + status).doesNotContain("<");
	}

	private HttpResponse<String> send(String method, String path, String... headers)
			throws IOException, InterruptedException {
		return new LocalHttpClient(this.port).send(method, path, headers);
	}

	private String raw(String requestLine) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write((requestLine + "\r\nHost: localhost\r\nAccept: " + BROWSER_ACCEPT
					+ "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
		}
	}

}
