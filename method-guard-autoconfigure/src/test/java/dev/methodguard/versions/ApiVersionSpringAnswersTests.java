package dev.methodguard.versions;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import dev.methodguard.autoconfigure.MethodGuardAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * The version errors Spring raises itself stay Spring's: a request whose API version is
 * invalid, unsupported or missing gets the same status, headers and body with method-guard as
 * without it, and with it disabled; so do the requests of a version that Spring answers
 * without method-guard deciding anything.
 */
class ApiVersionSpringAnswersTests {

	private static final AutoConfigurations SPRING = AutoConfigurations.of(DispatcherServletAutoConfiguration.class,
			WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class,
			HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class);

	private static final AutoConfigurations METHOD_GUARD = AutoConfigurations.of(MethodGuardAutoConfiguration.class);

	@Test
	void invalidAndUnsupportedVersionsGetSpringsAnswers() {
		List<MockHttpServletRequestBuilder> requests = List.of(versioned("GET", "/api/loans", "abc"),
				versioned("PUT", "/api/loans", "abc"), versioned("OPTIONS", "/api/loans", "abc"),
				versioned("OPTIONS", "/api/plain", "abc"), versioned("GET", "/api/rates", "abc"),
				versioned("GET", "/api/offers", "abc"), versioned("GET", "/api/loans", "1.3"),
				versioned("OPTIONS", "/api/loans", "1.3"), versioned("PUT", "/api/loans", "1.3"),
				versioned("GET", "/api/loans", "1.1"),
				versioned("PUT", "/api/loans", "1.1"), versioned("GET", "/api/rates", "1.0"),
				versioned("PUT", "/api/offers", "abc"), versioned("DELETE", "/api/offers", "1.3"));
		assertSameAnswers(runner(VersionedRoutes.PROPERTIES), requests, 400);
	}

	@Test
	void aMissingRequiredVersionGetsSpringsAnswer() {
		List<MockHttpServletRequestBuilder> requests = List.of(request("GET", URI.create("/api/loans")),
				request("PUT", URI.create("/api/loans")), request("OPTIONS", URI.create("/api/loans")),
				request("OPTIONS", URI.create("/api/plain")), request("GET", URI.create("/api/offers")));
		assertSameAnswers(runner(VersionedRoutes.USE_HEADER, "spring.mvc.apiversion.required=true"), requests,
				400);
	}

	/**
	 * Assert that every request gets the same answer from an application without
	 * method-guard, one with it disabled, and one with it, and that those answers include the
	 * given status.
	 */
	private static void assertSameAnswers(WebApplicationContextRunner runner,
			List<MockHttpServletRequestBuilder> requests, int expectedStatus) {
		List<String> withoutMethodGuard = new ArrayList<>();
		List<String> disabled = new ArrayList<>();
		List<String> enabled = new ArrayList<>();
		runner.run((context) -> withoutMethodGuard.addAll(answers(context, requests)));
		runner.withConfiguration(METHOD_GUARD)
			.withPropertyValues("method-guard.enabled=false")
			.run((context) -> disabled.addAll(answers(context, requests)));
		runner.withConfiguration(METHOD_GUARD).run((context) -> enabled.addAll(answers(context, requests)));
		assertThat(withoutMethodGuard).hasSize(requests.size())
			.anyMatch((answer) -> answer.startsWith(expectedStatus + " "));
		assertThat(disabled).containsExactlyElementsOf(withoutMethodGuard);
		assertThat(enabled).containsExactlyElementsOf(withoutMethodGuard);
	}

	private static WebApplicationContextRunner runner(String... properties) {
		return new WebApplicationContextRunner().withConfiguration(SPRING)
			.withUserConfiguration(VersionedRoutes.class)
			.withPropertyValues(properties);
	}

	private static MockHttpServletRequestBuilder versioned(String method, String path, String version) {
		return request(method, URI.create(path)).header(VersionedRoutes.HEADER, version);
	}

	private static List<String> answers(WebApplicationContext context, List<MockHttpServletRequestBuilder> requests)
			throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
		List<String> answers = new ArrayList<>();
		for (MockHttpServletRequestBuilder request : requests) {
			MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
			TreeMap<String, List<String>> headers = new TreeMap<>();
			response.getHeaderNames().forEach((name) -> headers.put(name, response.getHeaders(name)));
			answers.add(response.getStatus() + " " + headers + " " + response.getContentAsString() + " "
					+ response.getErrorMessage());
		}
		return answers;
	}

}
