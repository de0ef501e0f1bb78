package dev.methodguard.internal.servlet;

import java.lang.reflect.Method;
import java.net.URI;

import org.junit.jupiter.api.Test;

import dev.methodguard.autoconfigure.MethodGuardAutoConfiguration;
import dev.methodguard.servlet.UnionRequestMappingHandlerMapping;
import dev.methodguard.testapp.TestControllers;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * method-guard does not take the single {@link WebMvcRegistrations} slot from the application
 * or another library, and never answers from routes it cannot see change: where the mapping
 * of annotated controllers is not its own, routes registered at run time are served.
 */
class OwnWebMvcRegistrationsTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DispatcherServletAutoConfiguration.class,
				WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class,
				HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
				MethodGuardAutoConfiguration.class))
		.withUserConfiguration(TestControllers.class);

	@Test
	void aRouteRegisteredAtRunTimeInTheApplicationsOwnMappingIsServed() {
		this.runner.withUserConfiguration(OwnRegistrations.class).run((context) -> {
			RequestMappingHandlerMapping mapping = context.getBean(RequestMappingHandlerMapping.class);
			assertThat(mapping).isInstanceOf(OwnMapping.class);
			MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
			mvc.perform(request("PUT", URI.create("/reports"))).andExpect(status().isMethodNotAllowed());
			assertThat(answeredEarly(context, "PUT", "/reports")).isFalse();
			register(mapping, "/reports");
			mvc.perform(request("PUT", URI.create("/reports"))).andExpect(status().isOk());
			mvc.perform(request("DELETE", URI.create("/reports")))
				.andExpect(status().isMethodNotAllowed())
				.andExpect(header().string(HttpHeaders.ALLOW, "GET, HEAD, PUT, OPTIONS"));
		});
	}

	@Test
	void ownRegistrationsReturningTheUnionMappingKeepEarlyRejectionAndSeeRunTimeRoutes() {
		this.runner.withUserConfiguration(OwnUnionRegistrations.class).run((context) -> {
			assertThat(context).getBean(WebMvcRegistrations.class).isSameAs(context.getBean("ownUnionRegistrations"));
			RequestMappingHandlerMapping mapping = context.getBean(RequestMappingHandlerMapping.class);
			assertThat(mapping).isInstanceOf(OwnUnionMapping.class);
			assertThat(answeredEarly(context, "PUT", "/reports")).isTrue();
			RequestMappingInfo info = register(mapping, "/reports");
			MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
			mvc.perform(request("PUT", URI.create("/reports"))).andExpect(status().isOk());
			mvc.perform(request("DELETE", URI.create("/reports")))
				.andExpect(status().isMethodNotAllowed())
				.andExpect(header().string(HttpHeaders.ALLOW, "GET, HEAD, PUT, OPTIONS"));
			assertThat(answeredEarly(context, "DELETE", "/reports")).isTrue();
			mapping.unregisterMapping(info);
			mvc.perform(request("PUT", URI.create("/reports")))
				.andExpect(status().isMethodNotAllowed())
				.andExpect(header().string(HttpHeaders.ALLOW, "GET, HEAD, OPTIONS"));
			assertThat(answeredEarly(context, "PUT", "/reports")).isTrue();
		});
	}

	@Test
	void anotherLibrarysRegistrationsDeclaredAfterMethodGuardAreTheOnesUsed() {
		this.runner.withConfiguration(AutoConfigurations.of(LibraryAutoConfiguration.class)).run((context) -> {
			assertThat(context.getBean(RequestMappingHandlerMapping.class)).isInstanceOf(LibraryMapping.class);
			assertThat(context).getBean(WebMvcRegistrations.class).isInstanceOf(LibraryRegistrations.class);
		});
	}

	@Test
	void anotherLibrarysRegistrationsThatBackOffWhenOthersExistAreUsedToo() {
		this.runner.withConfiguration(AutoConfigurations.of(ConditionalLibraryAutoConfiguration.class))
			.run((context) -> assertThat(context.getBean(RequestMappingHandlerMapping.class))
				.isInstanceOf(LibraryMapping.class));
	}

	@Test
	void withoutOtherRegistrationsTheAnnotatedMappingIsMethodGuardsAndAnswersEarly() {
		this.runner.run((context) -> {
			RequestMappingHandlerMapping mapping = context.getBean(RequestMappingHandlerMapping.class);
			assertThat(mapping).isInstanceOf(UnionRequestMappingHandlerMapping.class);
			assertThat(answeredEarly(context, "PUT", "/reports")).isTrue();
		});
	}

	private static boolean answeredEarly(WebApplicationContext context, String method, String path)
			throws Exception {
		MvcResult result = MockMvcBuilders.webAppContextSetup(context)
			.build()
			.perform(request(method, URI.create(path)))
			.andReturn();
		return result.getHandler() instanceof RejectionHandler;
	}

	private static RequestMappingInfo register(RequestMappingHandlerMapping mapping, String path) {
		RequestMappingInfo info = RequestMappingInfo.paths(path)
			.methods(RequestMethod.PUT)
			.options(mapping.getBuilderConfiguration())
			.build();
		Method put = ReflectionUtils.findMethod(Handler.class, "put");
		mapping.registerMapping(info, new Handler(), put);
		return info;
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnRegistrations {

		@Bean
		WebMvcRegistrations ownRegistrations() {
			return new WebMvcRegistrations() {
				@Override
				public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
					return new OwnMapping();
				}
			};
		}

	}

	static class OwnMapping extends RequestMappingHandlerMapping {

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnUnionRegistrations {

		@Bean
		WebMvcRegistrations ownUnionRegistrations() {
			return new WebMvcRegistrations() {
				@Override
				public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
					return new OwnUnionMapping();
				}
			};
		}

	}

	static class OwnUnionMapping extends UnionRequestMappingHandlerMapping {

	}

	@AutoConfiguration(after = MethodGuardAutoConfiguration.class)
	static class LibraryAutoConfiguration {

		@Bean
		LibraryRegistrations libraryRegistrations() {
			return new LibraryRegistrations();
		}

	}

	@AutoConfiguration(after = MethodGuardAutoConfiguration.class)
	static class ConditionalLibraryAutoConfiguration {

		@Bean
		@ConditionalOnMissingBean(WebMvcRegistrations.class)
		LibraryRegistrations libraryRegistrations() {
			return new LibraryRegistrations();
		}

	}

	static class LibraryRegistrations implements WebMvcRegistrations {

		@Override
		public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
			return new LibraryMapping();
		}

	}

	static class LibraryMapping extends RequestMappingHandlerMapping {

	}

	@ResponseBody
	static class Handler {

		public String put() {
			return "put";
		}

	}

}
