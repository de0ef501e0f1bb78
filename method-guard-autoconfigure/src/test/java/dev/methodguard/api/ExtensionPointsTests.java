package dev.methodguard.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.methodguard.allow.AllowedMethods;
import dev.methodguard.allow.HandlerMappingReader;
import dev.methodguard.allow.Route;
import dev.methodguard.allow.RouteKind;
import dev.methodguard.allow.RoutePattern;
import dev.methodguard.allow.RoutesChangedEvent;
import dev.methodguard.autoconfigure.MethodGuardAutoConfiguration;
import dev.methodguard.problem.MethodGuardProblemCustomizer;
import dev.methodguard.problem.MethodRejectionListener;
import dev.methodguard.testapp.TestControllers;

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
import org.springframework.http.server.PathContainer;
import org.springframework.web.HttpRequestHandler;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The extension points of the public API, used as README.md's "Extending it" shows them,
 * from outside method-guard's packages: a problem customizer, a rejection listener, a
 * handler mapping reader with its routes, and the event that announces changed routes.
 */
class ExtensionPointsTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DispatcherServletAutoConfiguration.class,
				WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class,
				HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
				MethodGuardAutoConfiguration.class))
		.withUserConfiguration(TestControllers.class, Extensions.class);

	@Test
	void aCustomizerAddsToEveryProblemAndAListenerIsToldOnce() {
		this.runner.run((context) -> {
			MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
			mvc.perform(request("PUT", URI.create("/reports")))
				.andExpect(status().isMethodNotAllowed())
				.andExpect(jsonPath("$.support").value("https://example.com/help/405"));
			assertThat(context.getBean(Extensions.class).audit).containsExactly("PUT /reports 405");
		});
	}

	@Test
	void aReaderMakesAHandlerMappingOfItsOwnKnownAndItsRoutesTruthful() {
		this.runner.run((context) -> {
			MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
			mvc.perform(request("PUT", URI.create("/legacy/7")))
				.andExpect(status().isMethodNotAllowed())
				.andExpect(header().string("Allow", "GET, HEAD, DELETE, OPTIONS"));
			mvc.perform(request("OPTIONS", URI.create("/legacy/7"))).andExpect(header().string("Allow", "GET, HEAD, DELETE, OPTIONS"));
			mvc.perform(request("FOO", URI.create("/legacy/7"))).andExpect(status().isNotImplemented());
		});
	}

	@Test
	void routesChangedAtRunTimeAreFollowedOnceAnnounced() {
		this.runner.run((context) -> {
			MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
			LegacyHandlerMapping legacy = context.getBean(LegacyHandlerMapping.class);
			legacy.add("/legacy/{id}/notes", "GET");
			mvc.perform(request("PUT", URI.create("/legacy/7/notes"))).andExpect(status().isNotFound());
			context.publishEvent(new RoutesChangedEvent(legacy));
			mvc.perform(request("PUT", URI.create("/legacy/7/notes")))
				.andExpect(status().isMethodNotAllowed())
				.andExpect(header().string("Allow", "GET, HEAD, OPTIONS"));
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class Extensions {

		final List<String> audit = new CopyOnWriteArrayList<>();

		@Bean
		MethodGuardProblemCustomizer supportLink() {
			return (problem, rejection) -> problem.setProperty("support", "https://example.com/help/405");
		}

		@Bean
		MethodRejectionListener audit() {
			return (rejection) -> this.audit.add(rejection.method() + " " + rejection.path() + " " + rejection.status());
		}

		@Bean
		LegacyHandlerMapping legacyHandlerMapping() {
			LegacyHandlerMapping mapping = new LegacyHandlerMapping();
			mapping.add("/legacy/{id}", "GET", "DELETE");
			return mapping;
		}

		@Bean
		HandlerMappingReader legacyRoutes() {
			return (mapping, servletPrefix) -> (mapping instanceof LegacyHandlerMapping legacy)
					? () -> legacy.routes(servletPrefix) : null;
		}

	}

	/**
	 * A handler mapping of the application's own, which method-guard cannot read: it serves
	 * its paths with the methods registered for them.
	 */
	static final class LegacyHandlerMapping extends AbstractHandlerMapping {

		private final List<PathPattern> patterns = new CopyOnWriteArrayList<>();

		private final List<AllowedMethods> methods = new CopyOnWriteArrayList<>();

		LegacyHandlerMapping() {
			setOrder(Ordered.LOWEST_PRECEDENCE - 10);
		}

		void add(String pattern, String... methods) {
			this.patterns.add(PathPatternParser.defaultInstance.parse(pattern));
			this.methods.add(AllowedMethods.of(methods));
		}

		List<Route> routes(String servletPrefix) {
			List<Route> routes = new ArrayList<>();
			for (int i = 0; i < this.patterns.size(); i++) {
				routes.add(Route.of(new RoutePattern(servletPrefix, this.patterns.get(i)), this.methods.get(i),
						RouteKind.HANDLER, "LegacyHandlerMapping"));
			}
			return routes;
		}

		@Override
		protected @Nullable Object getHandlerInternal(HttpServletRequest request) {
			for (int i = 0; i < this.patterns.size(); i++) {
				if (this.patterns.get(i).matches(PathContainer.parsePath(request.getRequestURI()))
						&& this.methods.get(i).contains(request.getMethod())) {
					HttpRequestHandler handler = (req, res) -> res.getWriter().write("legacy");
					return handler;
				}
			}
			return null;
		}

	}

}
