package dev.methodguard.internal.servlet;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.methodguard.autoconfigure.MethodGuardAutoConfiguration;
import dev.methodguard.testapp.LocalHttpClient;
import dev.methodguard.testapp.TestControllers;
import dev.methodguard.testapp.TestRoutes;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * {@code method-guard.html-error-pages.enabled}: on (the default), a browser's rejection is
 * sent to the error page, which MockMvc does not render (its status, {@code Allow} and error
 * message are what the page gets; {@code BrowserHttpTests} renders it over real HTTP); off,
 * the browser gets the problem like everyone else. API clients get the same bytes either way.
 */
class BrowserErrorPagesSwitchTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DispatcherServletAutoConfiguration.class,
				WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class,
				HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
				MethodGuardAutoConfiguration.class))
		.withUserConfiguration(TestControllers.class, TestRoutes.class);

	private static List<MockHttpServletRequestBuilder> fromABrowser() {
		return List.of(browser("PUT", "/reports"), browser("DELETE", "/fn/hello"), browser("FOO", "/reports"),
				browser("POST", "/hello.txt"));
	}

	private static List<MockHttpServletRequestBuilder> fromAnApiClient() {
		return List.of(request("PUT", URI.create("/reports")),
				request("PUT", URI.create("/reports")).header(HttpHeaders.ACCEPT, "application/json"),
				request("PUT", URI.create("/reports")).header(HttpHeaders.ACCEPT, "*/*"),
				request("DELETE", URI.create("/fn/hello")).header(HttpHeaders.ACCEPT, "application/xml"),
				request("FOO", URI.create("/reports")).header(HttpHeaders.ACCEPT, "application/problem+json"));
	}

	@Test
	void browsersAreSentToTheErrorPageByDefault() {
		this.runner.run((context) -> {
			for (MockHttpServletResponse response : answers(context, fromABrowser())) {
				assertThat(response.getStatus()).isIn(405, 501);
				assertThat(response.getErrorMessage()).startsWith("Method ");
				assertThat(response.getContentAsString()).isEmpty();
			}
		});
	}

	@Test
	void browsersGetTheProblemWhenPagesAreSwitchedOff() {
		this.runner.withPropertyValues("method-guard.html-error-pages.enabled=false").run((context) -> {
			for (MockHttpServletResponse response : answers(context, fromABrowser())) {
				assertThat(response.getStatus()).isIn(405, 501);
				assertThat(response.getErrorMessage()).isNull();
				assertThat(response.getContentType()).isEqualTo("application/problem+json");
			}
		});
	}

	@Test
	void apiClientsGetTheSameBytesWhetherPagesAreOnOrOff() {
		List<String> on = new ArrayList<>();
		List<String> off = new ArrayList<>();
		this.runner.run((context) -> on.addAll(described(answers(context, fromAnApiClient()))));
		this.runner.withPropertyValues("method-guard.html-error-pages.enabled=false")
			.run((context) -> off.addAll(described(answers(context, fromAnApiClient()))));
		assertThat(on).hasSize(fromAnApiClient().size()).containsExactlyElementsOf(off);
		assertThat(on).allSatisfy((answer) -> assertThat(answer).contains("application/problem+json"));
	}

	private static MockHttpServletRequestBuilder browser(String method, String path) {
		return request(method, URI.create(path)).header(HttpHeaders.ACCEPT, LocalHttpClient.BROWSER_ACCEPT);
	}

	private static List<MockHttpServletResponse> answers(WebApplicationContext context,
			List<MockHttpServletRequestBuilder> requests) throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
		List<MockHttpServletResponse> answers = new ArrayList<>();
		for (MockHttpServletRequestBuilder request : requests) {
			answers.add(mvc.perform(request).andReturn().getResponse());
		}
		return answers;
	}

	private static List<String> described(List<MockHttpServletResponse> responses) throws Exception {
		List<String> described = new ArrayList<>();
		for (MockHttpServletResponse response : responses) {
			described.add(response.getStatus() + " " + response.getHeader(HttpHeaders.ALLOW) + " "
					+ response.getContentType() + " " + response.getErrorMessage() + " "
					+ response.getContentAsString());
		}
		return described;
	}

}
