package dev.methodguard.versions;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
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
 * Early rejection, which resolves the request's API version itself before Spring's handler
 * lookup, answers every request of a versioned application exactly as the normal way does:
 * every method on every path, in every version, without one, and with invalid and
 * unsupported ones.
 */
class ApiVersionEarlyRejectionTests {

	private static final List<String> VERSIONS = Arrays.asList(null, "1.0", "1.0.0", "1.1", "1.2", "abc", "1.3");

	private static final List<String> PATHS = List.of("/api/loans", "/api/rates", "/api/terms", "/api/offers",
			"/api/plain");

	private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "FOO");

	@Test
	void earlyRejectionChangesNoAnswer() {
		List<String> early = new ArrayList<>();
		List<String> normal = new ArrayList<>();
		runner().run((context) -> early.addAll(answers(context)));
		runner().withPropertyValues("method-guard.early-rejection.enabled=false")
			.run((context) -> normal.addAll(answers(context)));
		assertThat(early).hasSize(VERSIONS.size() * PATHS.size() * METHODS.size())
			.anyMatch((answer) -> answer.contains(" 405 "))
			.anyMatch((answer) -> answer.contains(" 404 "))
			.anyMatch((answer) -> answer.contains(" 400 "));
		assertThat(early).containsExactlyElementsOf(normal);
	}

	private static WebApplicationContextRunner runner() {
		return new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DispatcherServletAutoConfiguration.class,
					WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class,
					HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
					MethodGuardAutoConfiguration.class))
			.withUserConfiguration(VersionedRoutes.class)
			.withPropertyValues(VersionedRoutes.PROPERTIES);
	}

	private static List<String> answers(WebApplicationContext context) throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
		List<String> answers = new ArrayList<>();
		for (String version : VERSIONS) {
			for (String path : PATHS) {
				for (String method : METHODS) {
					MockHttpServletRequestBuilder request = request(method, URI.create(path));
					if (version != null) {
						request.header(VersionedRoutes.HEADER, version);
					}
					MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
					TreeMap<String, List<String>> headers = new TreeMap<>();
					response.getHeaderNames().forEach((name) -> headers.put(name, response.getHeaders(name)));
					answers.add(method + " " + path + " " + version + ": " + response.getStatus() + " " + headers + " "
							+ response.getContentAsString() + " " + response.getErrorMessage());
				}
			}
		}
		return answers;
	}

}
