package dev.methodguard.internal.servlet;

import java.io.IOException;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import dev.methodguard.testapp.LocalHttpClient;
import dev.methodguard.testapp.TestApplication;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.methodguard.testapp.LocalHttpClient.BROWSER_ACCEPT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application of {@link BrowserHttpTests} without method-guard: a browser gets the same
 * pages from Spring Boot, but with Spring's own {@code Allow}, which leaves out methods that
 * work ({@code HEAD}, {@code OPTIONS}), and a functional route's wrong method is a 404. What
 * method-guard must keep (the page) and what it changes (the {@code Allow}).
 */
@SpringBootTest(classes = { TestApplication.class, BrowserApplication.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "method-guard.enabled=false", "method-guard.conceal-paths=/hidden/**" })
class BrowserWithoutMethodGuardHttpTests {

	@LocalServerPort
	private int port;

	@Test
	void wrongMethodOnAnAnnotatedRouteIsTheApplicationsPageWithSpringsAllow() throws Exception {
		HttpResponse<String> page = send("PUT", "/reports");
		assertPage(page, 405);
		assertThat(page.headers().allValues("Allow")).containsExactly("GET");
	}

	@Test
	void wrongMethodOnAStaticResourceIsTheApplicationsPageWithSpringsAllow() throws Exception {
		HttpResponse<String> page = send("POST", "/hello.txt");
		assertPage(page, 405);
		assertThat(page.headers().allValues("Allow")).containsExactly("GET, HEAD");
	}

	@Test
	void wrongMethodOnAFunctionalRouteIsThe4xxPageOfA404() throws Exception {
		HttpResponse<String> page = send("DELETE", "/fn/hello");
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("The test application's own 4xx page");
		assertThat(page.headers().allValues("Allow")).isEmpty();
	}

	@Test
	void wrongMethodOnAPlainServletIsTheApplicationsPageWithoutTheServletsSet() throws Exception {
		HttpResponse<String> page = send("POST", "/plain/anything");
		assertPage(page, 405);
		assertThat(page.headers().allValues("Allow")).doesNotContain("GET, HEAD, PUT, OPTIONS");
	}

	private static void assertPage(HttpResponse<String> page, int status) {
		assertThat(page.statusCode()).isEqualTo(status);
		assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/html"));
		assertThat(page.body()).contains("The test application's own 405 page").doesNotContain("<p id=\"allow\">");
	}

	private HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
		return new LocalHttpClient(this.port).send(method, path, "Accept", BROWSER_ACCEPT);
	}

}
