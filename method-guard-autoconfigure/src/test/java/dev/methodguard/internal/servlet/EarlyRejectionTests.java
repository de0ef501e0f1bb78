package dev.methodguard.internal.servlet;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

import dev.methodguard.autoconfigure.MethodGuardAutoConfiguration;
import dev.methodguard.internal.allow.MethodIndexHolder;
import dev.methodguard.problem.MethodGuardProblemCustomizer;
import dev.methodguard.problem.MethodRejectionListener;
import dev.methodguard.testapp.TestControllers;
import dev.methodguard.testapp.TestRoutes;
import dev.methodguard.testapp.TestWebConfiguration;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Rejections answered from the index before Spring's handler lookup: they are taken where
 * the index is certain, and answer byte for byte as the normal way does.
 */
class EarlyRejectionTests {

	private static final AutoConfigurations AUTO_CONFIGURATIONS = AutoConfigurations.of(
			DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class,
			HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
			MethodGuardAutoConfiguration.class);

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AUTO_CONFIGURATIONS)
		.withUserConfiguration(TestControllers.class, TestRoutes.class, TestWebConfiguration.class);

	private static List<MockHttpServletRequestBuilder> rejections() {
		return List.of(request("PUT", URI.create("/reports")).accept(MediaType.APPLICATION_JSON),
				request("POST", URI.create("/items/3")),
				request("PATCH", URI.create("/reports")), request("PATCH", URI.create("/fn/hello/ann")),
				request("FOO", URI.create("/reports")), request("PROPFIND", URI.create("/nowhere")),
				request("get", URI.create("/fn/hello")).accept(MediaType.TEXT_HTML),
				request("POST", URI.create("/hello.txt")), request("DELETE", URI.create("/mixed")));
	}

	/**
	 * Wrong methods a static location may serve ({@code /**} covers every path): knowing
	 * would take a file lookup, which a request the file serves must not pay, so they go the
	 * normal way.
	 */
	private static List<MockHttpServletRequestBuilder> rejectionsAStaticFileMightServe() {
		return List.of(request("HEAD", URI.create("/commands")), request("GET", URI.create("/commands")));
	}

	@Test
	void rejectionsAreTakenBeforeHandlerLookupAndAnswerExactlyAsTheNormalWay() {
		List<String> early = new ArrayList<>();
		List<String> normal = new ArrayList<>();
		this.runner.run((context) -> early.addAll(answers(context, rejections(), true)));
		this.runner.withPropertyValues("method-guard.early-rejection.enabled=false")
			.run((context) -> normal.addAll(answers(context, rejections(), false)));
		assertThat(early).hasSize(rejections().size()).containsExactlyElementsOf(normal);
		assertThat(early).allSatisfy((answer) -> assertThat(answer).matches("^(405|501) .*"));
	}

	@Test
	void rejectionsAStaticFileMightServeGoTheNormalWayWithTheSameAnswer() {
		List<String> enabled = new ArrayList<>();
		List<String> disabled = new ArrayList<>();
		this.runner.run((context) -> enabled.addAll(answers(context, rejectionsAStaticFileMightServe(), false)));
		this.runner.withPropertyValues("method-guard.early-rejection.enabled=false")
			.run((context) -> disabled.addAll(answers(context, rejectionsAStaticFileMightServe(), false)));
		assertThat(enabled).hasSize(2).containsExactlyElementsOf(disabled);
		assertThat(enabled).allSatisfy((answer) -> assertThat(answer).startsWith("405 "));
	}

	@Test
	void servedRequestsAndUnknownPathsGoTheNormalWay() {
		this.runner.run((context) -> {
			MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
			MvcResult served = mvc.perform(request("GET", URI.create("/reports"))).andReturn();
			assertThat(served.getResponse().getStatus()).isEqualTo(200);
			assertThat(served.getHandler()).isInstanceOf(HandlerMethod.class);
			MvcResult union = mvc.perform(request("POST", URI.create("/mixed"))).andReturn();
			assertThat(union.getResponse().getContentAsString()).isEqualTo("functional post");
			MvcResult unknown = mvc.perform(request("DELETE", URI.create("/nowhere"))).andReturn();
			assertThat(unknown.getResponse().getStatus()).isEqualTo(404);
			assertThat(unknown.getHandler() instanceof RejectionHandler).isFalse();
			MvcResult resource = mvc.perform(request("GET", URI.create("/hello.txt"))).andReturn();
			assertThat(resource.getResponse().getStatus()).isEqualTo(200);
		});
	}

	@Test
	void anUnknownHandlerMappingMakesTheIndexUncertain() {
		this.runner.withUserConfiguration(CustomMapping.class).run((context) -> {
			MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
			MvcResult result = mvc.perform(request("PUT", URI.create("/reports"))).andReturn();
			assertThat(result.getResponse().getStatus()).isEqualTo(405);
			assertThat(result.getHandler() instanceof RejectionHandler).isFalse();
		});
	}

	@Test
	void aChangeOfRoutesInProgressSendsRejectionsTheNormalWayUntilItEnds() {
		this.runner.run((context) -> {
			MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
			MethodIndexHolder index = context.getBean(MethodIndexHolder.class);
			assertThat(mvc.perform(request("PUT", URI.create("/reports"))).andReturn().getHandler())
				.isInstanceOf(RejectionHandler.class);
			index.beginChange();
			MvcResult changing = mvc.perform(request("PUT", URI.create("/reports"))).andReturn();
			assertThat(changing.getResponse().getStatus()).isEqualTo(405);
			assertThat(changing.getResponse().getHeader(HttpHeaders.ALLOW)).isEqualTo("GET, HEAD, OPTIONS");
			assertThat(changing.getHandler() instanceof RejectionHandler).isFalse();
			index.endChange();
			assertThat(mvc.perform(request("PUT", URI.create("/reports"))).andReturn().getHandler())
				.isInstanceOf(RejectionHandler.class);
		});
	}

	/**
	 * Issue 17: deciding is apart from its side effects. Others than the
	 * {@code DispatcherServlet} look handlers up (Spring Security's CORS support does for
	 * every request): a lookup that finds the rejection builds no problem and tells no
	 * listener; the answer, once written, does both once.
	 */
	@Test
	void lookingARejectionUpHasNoSideEffectAndItsAnswerHasThemOnce() {
		this.runner.withUserConfiguration(Counting.class).run((context) -> {
			Counting counting = context.getBean(Counting.class);
			EarlyRejectionHandlerMapping mapping = context.getBean(EarlyRejectionHandlerMapping.class);
			for (int i = 0; i < 3; i++) {
				HandlerExecutionChain chain = mapping.getHandler(new MockHttpServletRequest("PUT", "/reports"));
				assertThat(chain).isNotNull();
				assertThat(chain.getHandler()).isInstanceOf(RejectionHandler.class);
			}
			assertThat(counting.problems).as("problems built by lookups").isEmpty();
			assertThat(counting.told).as("listeners told by lookups").isEmpty();
			MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
			assertThat(mvc.perform(request("PUT", URI.create("/reports"))).andReturn().getResponse().getStatus())
				.isEqualTo(405);
			assertThat(counting.problems).singleElement().isEqualTo("PUT /reports");
			assertThat(counting.told).singleElement().isEqualTo("PUT /reports");
		});
	}

	private static List<String> answers(WebApplicationContext context, List<MockHttpServletRequestBuilder> requests,
			boolean expectEarly) throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
		List<String> answers = new ArrayList<>();
		for (MockHttpServletRequestBuilder request : requests) {
			MvcResult result = mvc.perform(request).andReturn();
			assertThat(result.getHandler() instanceof RejectionHandler).as("%s %s answered early",
					result.getRequest().getMethod(), result.getRequest().getRequestURI())
				.isEqualTo(expectEarly);
			MockHttpServletResponse response = result.getResponse();
			TreeMap<String, List<String>> headers = new TreeMap<>();
			response.getHeaderNames().forEach((name) -> headers.put(name, response.getHeaders(name)));
			answers.add(response.getStatus() + " " + headers + " " + response.getErrorMessage() + " "
					+ response.getContentAsString());
		}
		return answers;
	}

	@Configuration(proxyBeanMethods = false)
	static class Counting {

		final List<String> problems = new ArrayList<>();

		final List<String> told = new ArrayList<>();

		@Bean
		MethodGuardProblemCustomizer countingCustomizer() {
			return (problem, rejection) -> this.problems.add(rejection.method() + " " + rejection.path());
		}

		@Bean
		MethodRejectionListener countingListener() {
			return (rejection) -> this.told.add(rejection.method() + " " + rejection.path());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomMapping {

		@Bean
		AbstractHandlerMapping customHandlerMapping() {
			AbstractHandlerMapping mapping = new AbstractHandlerMapping() {
				@Override
				protected Object getHandlerInternal(HttpServletRequest request) {
					return null;
				}
			};
			mapping.setOrder(Ordered.LOWEST_PRECEDENCE);
			return mapping;
		}

	}

}
