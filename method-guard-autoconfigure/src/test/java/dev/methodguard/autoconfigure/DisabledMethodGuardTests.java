package dev.methodguard.autoconfigure;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import dev.methodguard.testapp.TestControllers;
import dev.methodguard.testapp.TestWebConfiguration;
import org.junit.jupiter.api.Test;

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
 * {@code method-guard.enabled=false} gives back Spring's default responses exactly: the
 * same requests answered by an application without method-guard and by one with it
 * disabled give the same status, headers and body.
 */
class DisabledMethodGuardTests {

	private static final AutoConfigurations SPRING = AutoConfigurations.of(DispatcherServletAutoConfiguration.class,
			WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class,
			HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class);

	@Test
	void disabledMethodGuardAnswersExactlyAsSpringDoes() {
		List<String> withoutMethodGuard = new ArrayList<>();
		List<String> disabled = new ArrayList<>();
		List<String> enabled = new ArrayList<>();
		runner().run((context) -> withoutMethodGuard.addAll(answers(context)));
		runner().withConfiguration(AutoConfigurations.of(MethodGuardAutoConfiguration.class))
			.withPropertyValues("method-guard.enabled=false")
			.run((context) -> disabled.addAll(answers(context)));
		runner().withConfiguration(AutoConfigurations.of(MethodGuardAutoConfiguration.class))
			.run((context) -> enabled.addAll(answers(context)));
		assertThat(withoutMethodGuard).hasSize(requests().size());
		assertThat(disabled).containsExactlyElementsOf(withoutMethodGuard);
		assertThat(enabled).as("method-guard changes these answers when enabled").isNotEqualTo(withoutMethodGuard);
	}

	private static WebApplicationContextRunner runner() {
		return new WebApplicationContextRunner().withConfiguration(SPRING)
			.withUserConfiguration(TestControllers.class, TestWebConfiguration.class);
	}

	private static List<MockHttpServletRequestBuilder> requests() {
		return List.of(request("PUT", URI.create("/reports")), request("HEAD", URI.create("/commands")),
				request("OPTIONS", URI.create("/reports")), request("OPTIONS", URI.create("/items/3")),
				request("POST", URI.create("/hello.txt")), request("FOO", URI.create("/reports")),
				request("DELETE", URI.create("/nowhere")), request("GET", URI.create("/reports")),
				request("OPTIONS", URI.create("/api/cors")).header(HttpHeaders.ORIGIN, "http://localhost:3000")
					.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PUT"));
	}

	private static List<String> answers(WebApplicationContext context) throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
		List<String> answers = new ArrayList<>();
		for (MockHttpServletRequestBuilder request : requests()) {
			MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
			TreeMap<String, List<String>> headers = new TreeMap<>();
			response.getHeaderNames().forEach((name) -> headers.put(name, response.getHeaders(name)));
			answers.add(response.getStatus() + " " + headers + " " + response.getContentAsString() + " "
					+ response.getErrorMessage());
		}
		return answers;
	}

}
