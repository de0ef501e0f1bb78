package dev.methodguard.internal.servlet;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.methodguard.allow.AllowedMethods;
import dev.methodguard.problem.MethodRejection;
import dev.methodguard.testapp.ExpectedContainer;
import dev.methodguard.testapp.LocalHttpClient;
import dev.methodguard.testapp.TestApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a client of a real Tomcat sees, with a context path, a {@code DispatcherServlet} below
 * a servlet path, plain servlets beside it and the application's own error controller: the
 * container's own 405s and a servlet's {@code sendError} become the same problem as Spring
 * MVC's.
 */
@SpringBootTest(classes = { TestApplication.class, ContainerHttpTests.Servlets.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.servlet.context-path=/ctx", "spring.mvc.servlet.path=/mvc",
				"method-guard.log.level=INFO" })
@ExtendWith(OutputCaptureExtension.class)
class ContainerHttpTests {

	@LocalServerPort
	private int port;

	@Autowired
	private WebServerApplicationContext context;

	@Test
	void runsOnTheExpectedContainer() {
		ExpectedContainer.assertRunsOn(this.context);
	}

	@Test
	void wrongMethodOnAPlainServletIsTheProblemWithTheServletsAllow() throws Exception {
		HttpResponse<String> response = send("POST", "/ctx/plain/anything");
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.headers().allValues("Allow")).containsExactly("GET, HEAD, PUT, OPTIONS");
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"instance\":\"/ctx/plain/anything\"")
			.contains("Method POST is not supported for /ctx/plain/anything");
	}

	@Test
	void plainServletMethodsWork() throws Exception {
		assertThat(send("GET", "/ctx/plain").body()).isEqualTo("plain GET");
		assertThat(send("PUT", "/ctx/plain/a/b").body()).isEqualTo("plain PUT");
		assertThat(send("POST", "/ctx/reports/monthly.legacy").body()).isEqualTo("legacy POST");
	}

	@Test
	void containersOwnTraceRejectionGetsTheIndexsAllowAndNeverEchoes() throws Exception {
		HttpResponse<String> response = send("TRACE", "/ctx/mvc/reports", "X-Secret", "do-not-echo");
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.headers().allValues("Allow")).containsExactly("GET, HEAD, OPTIONS");
		assertThat(response.body()).contains("\"status\":405").doesNotContain("do-not-echo");
	}

	@Test
	void extensionMappedServletRejectsWithItsOwnSet() throws Exception {
		HttpResponse<String> response = send("DELETE", "/ctx/reports/monthly.legacy");
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.headers().allValues("Allow")).containsExactly("POST, OPTIONS");
	}

	@Test
	void unknownMethodOnAPlainServletIs501() throws Exception {
		HttpResponse<String> response = send("FOO", "/ctx/plain/x");
		assertThat(response.statusCode()).isEqualTo(501);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"title\":\"Not Implemented\"");
	}

	@Test
	void annotatedRoutesLiveBelowTheServletPath() throws Exception {
		HttpResponse<String> response = send("PUT", "/ctx/mvc/reports");
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.headers().allValues("Allow")).containsExactly("GET, HEAD, OPTIONS");
		assertThat(response.body()).contains("\"instance\":\"/ctx/mvc/reports\"");
		assertThat(send("GET", "/ctx/mvc/reports").statusCode()).isEqualTo(200);
		assertThat(send("OPTIONS", "/ctx/mvc/fn/hello").headers().allValues("Allow"))
			.containsExactly("GET, HEAD, POST, OPTIONS");
		assertThat(send("POST", "/ctx/mvc/hello.txt").headers().allValues("Allow"))
			.containsExactly("GET, HEAD, OPTIONS");
	}

	@Test
	void queryIsAStandardMethodRejectedWithTheResourcesAllowNeverA501() throws Exception {
		Map<String, String> allowByPath = Map.of("/ctx/mvc/reports", "GET, HEAD, OPTIONS", "/ctx/mvc/fn/hello",
				"GET, HEAD, POST, OPTIONS", "/ctx/plain/x", "GET, HEAD, PUT, OPTIONS", "/ctx/mvc/hello.txt",
				"GET, HEAD, OPTIONS");
		for (Map.Entry<String, String> expected : allowByPath.entrySet()) {
			String path = expected.getKey();
			HttpResponse<String> response = send("QUERY", path);
			assertThat(response.statusCode()).as(path).isEqualTo(405);
			assertThat(response.headers().allValues("Allow")).as(path).containsExactly(expected.getValue());
			assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
		}
		assertThat(send("QUERY", "/ctx/mvc/nothing-here").statusCode()).isEqualTo(404);
	}

	@Test
	void aRouteMappingQueryListsItWithTheMediaTypesItTakes() throws Exception {
		HttpResponse<String> options = send("OPTIONS", "/ctx/mvc/finder");
		assertThat(options.headers().allValues("Allow")).containsExactly("GET, HEAD, OPTIONS, QUERY");
		assertThat(options.headers().allValues("Accept-Query")).containsExactly("application/json");
		assertThat(new LocalHttpClient(this.port).sendBody("QUERY", "/ctx/mvc/finder", "{\"q\":1}", "Content-Type",
				"application/json")
			.body()).isEqualTo("query {\"q\":1}");
		HttpResponse<String> post = send("POST", "/ctx/mvc/finder");
		assertThat(post.statusCode()).isEqualTo(405);
		assertThat(post.headers().allValues("Allow")).containsExactly("GET, HEAD, OPTIONS, QUERY");
	}

	@Test
	void headOnAFunctionalGetRouteHasTheHeadersOfGetNoBodyAndReachesTheHandlerAsHead() throws Exception {
		HttpResponse<String> get = send("GET", "/ctx/mvc/finder");
		HttpResponse<String> head = send("HEAD", "/ctx/mvc/finder");
		assertThat(head.statusCode()).isEqualTo(get.statusCode()).isEqualTo(200);
		assertThat(head.body()).isEmpty();
		assertThat(get.body()).isEqualTo("search form");
		for (String name : new String[] { "Content-Type", "Content-Length" }) {
			assertThat(head.headers().allValues(name)).as(name).isEqualTo(get.headers().allValues(name));
		}
		assertThat(get.headers().firstValue("Content-Length")).hasValue("11");
		assertThat(get.headers().firstValue("X-Seen-Method")).hasValue("GET");
		assertThat(head.headers().firstValue("X-Seen-Method")).hasValue("HEAD");
	}

	@Test
	void queryDoesNotImplyHead() throws Exception {
		assertThat(send("QUERY", "/ctx/mvc/lookup").body()).isEqualTo("lookup");
		HttpResponse<String> head = send("HEAD", "/ctx/mvc/lookup");
		assertThat(head.statusCode()).isEqualTo(405);
		assertThat(head.headers().allValues("Allow")).containsExactly("OPTIONS, QUERY");
		assertThat(send("OPTIONS", "/ctx/mvc/lookup").headers().allValues("Accept-Query")).isEmpty();
	}

	@Test
	void eachRejectionIsLoggedOnceWithoutHeadersOrBody(CapturedOutput output) throws Exception {
		send("PATCH", "/ctx/mvc/reports", "X-Secret", "header-value-never-logged");
		String expected = "Rejected PATCH /ctx/mvc/reports with 405 (pattern /mvc/reports, Allow: GET, HEAD, OPTIONS)";
		assertThat(output.getOut()).contains(expected).doesNotContain("header-value-never-logged");
		assertThat(output.getOut().split(Pattern.quote(expected), -1)).hasSize(2);
	}

	@Test
	void aFunctionalRouteRefusingTheContentTypeIs415WithAcceptBesideAnAnnotatedSibling() throws Exception {
		HttpResponse<String> response = send("POST", "/ctx/mvc/orders", "Content-Type", "text/plain");
		assertThat(response.statusCode()).isEqualTo(415);
		assertThat(response.headers().allValues("Accept")).containsExactly("application/json");
		assertThat(send("POST", "/ctx/mvc/orders", "Content-Type", "application/json").body())
			.isEqualTo("functional order");
	}

	@Test
	void aRouteBelowTheServletPathIsNotMistakenForAPlainServletsPath() throws Exception {
		HttpResponse<String> response = send("POST", "/ctx/mvc/plain/a");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("mvc POST a");
		assertThat(send("DELETE", "/ctx/mvc/plain/a").headers().allValues("Allow")).containsExactly("POST, OPTIONS");
	}

	/**
	 * Issue 12: where the application replaced Spring Boot's error controller, a browser gets
	 * that controller's page, below a context path and a servlet path, for Spring MVC's
	 * rejections and a plain servlet's alike.
	 */
	@Test
	void browserGetsThePageOfTheApplicationsOwnErrorController() throws Exception {
		for (String[] request : new String[][] { { "PUT", "/ctx/mvc/reports", "GET, HEAD, OPTIONS" },
				{ "POST", "/ctx/plain/anything", "GET, HEAD, PUT, OPTIONS" },
				{ "TRACE", "/ctx/mvc/reports", "GET, HEAD, OPTIONS" } }) {
			HttpResponse<String> page = send(request[0], request[1], "Accept", LocalHttpClient.BROWSER_ACCEPT);
			assertThat(page.statusCode()).as("%s %s", request[0], request[1]).isEqualTo(405);
			assertThat(page.headers().allValues("Allow")).containsExactly(request[2]);
			assertThat(page.body()).isEqualTo("<p>own page, allowed: " + request[2] + "</p>");
		}
		HttpResponse<String> unknown = send("FOO", "/ctx/mvc/reports", "Accept", "text/html");
		assertThat(unknown.statusCode()).isEqualTo(501);
		assertThat(unknown.body()).isEqualTo("<p>own page, allowed: none</p>");
	}

	@Test
	void applicationsOwnErrorControllerStillAnswersOtherErrors() throws Exception {
		HttpResponse<String> response = send("GET", "/ctx/mvc/nowhere");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("\"custom\":true");
	}

	private HttpResponse<String> send(String method, String path, String... headers)
			throws IOException, InterruptedException {
		return new LocalHttpClient(this.port).send(method, path, headers);
	}

	@Configuration(proxyBeanMethods = false)
	static class Servlets {

		@Bean
		ServletRegistrationBean<PlainServlet> plainServlet() {
			return new ServletRegistrationBean<>(new PlainServlet(), "/plain/*");
		}

		@Bean
		ServletRegistrationBean<LegacyServlet> legacyServlet() {
			return new ServletRegistrationBean<>(new LegacyServlet(), "*.legacy");
		}

		@Bean
		OwnErrorController ownErrorController() {
			return new OwnErrorController();
		}

		@Bean
		UploadController uploadController() {
			return new UploadController();
		}

	}

	static class PlainServlet extends HttpServlet {

		@Override
		protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
			response.getWriter().write("plain GET");
		}

		@Override
		protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
			response.getWriter().write("plain PUT");
		}

	}

	static class LegacyServlet extends HttpServlet {

		@Override
		protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
			response.getWriter().write("legacy POST");
		}

	}

	/** A route below the servlet path whose path within it is also a plain servlet's path. */
	@RestController
	static class UploadController {

		@PostMapping("/plain/{name}")
		String upload(@PathVariable String name) {
			return "mvc POST " + name;
		}

	}

	@RestController
	static class OwnErrorController implements ErrorController {

		@RequestMapping("/error")
		Map<String, Object> error() {
			return Map.of("custom", true);
		}

		/** The page for browsers, which reads the rejection method-guard leaves on the request. */
		@RequestMapping(path = "/error", produces = MediaType.TEXT_HTML_VALUE)
		String page(HttpServletRequest request) {
			Object rejection = request.getAttribute(MethodRejection.REQUEST_ATTRIBUTE);
			AllowedMethods allowed = (rejection instanceof MethodRejection rejected) ? rejected.allowed() : null;
			return "<p>own page, allowed: " + ((allowed != null) ? allowed.toHeaderValue() : "none") + "</p>";
		}

	}

}
