package dev.methodguard.versions;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.methodguard.allow.Route;
import dev.methodguard.autoconfigure.MethodGuardAutoConfiguration;
import dev.methodguard.internal.allow.MethodIndex;
import dev.methodguard.internal.allow.MethodIndexHolder;
import dev.methodguard.testapp.TestControllers;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.accept.ApiVersionParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The method index reads the API version conditions of the routes with the strategy the
 * application configures ({@code spring.mvc.apiversion.*}, its own parser), and has none
 * where the application does not version its API.
 */
class ApiVersionAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DispatcherServletAutoConfiguration.class,
				WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
				JacksonAutoConfiguration.class, MethodGuardAutoConfiguration.class));

	@Test
	void versionConditionsAreReadWithTheConfiguredStrategy() {
		this.runner.withUserConfiguration(VersionedRoutes.class)
			.withPropertyValues(VersionedRoutes.PROPERTIES)
			.run((context) -> {
				MethodIndex index = context.getBean(MethodIndexHolder.class).get();
				assertThat(index.isVersioned()).isTrue();
				assertThat(versionsOf(index, "/api/loans")).containsExactly("1.0+", "1.1");
				assertThat(versionsOf(index, "/api/offers")).containsExactly("1.1+", "1.2");
				assertThat(versionsOf(index, "/api/plain")).containsExactly("");
				assertThat(index.lookup("/api/loans", () -> null)).map((known) -> known.allowed().toHeaderValue())
					.hasValue("GET, HEAD, PUT, OPTIONS");
			});
	}

	@Test
	void theApplicationsOwnParserComparesTheVersions() {
		this.runner.withUserConfiguration(VersionedRoutes.class, MajorOnlyParser.class)
			.withPropertyValues(VersionedRoutes.PROPERTIES)
			.run((context) -> {
				MethodIndex index = context.getBean(MethodIndexHolder.class).get();
				List<Route> loans = index.routes()
					.stream()
					.filter((route) -> route.pattern().value().equals("/api/loans"))
					.toList();
				assertThat(loans).map((route) -> (Object) route.version().version()).containsOnly(1);
				assertThat(index.lookup("/api/loans", () -> 1)).map((known) -> known.allowed().toHeaderValue())
					.hasValue("GET, HEAD, PUT, OPTIONS");
			});
	}

	@Test
	void withoutApiVersioningNoRouteIsVersioned() {
		this.runner.withUserConfiguration(TestControllers.class).run((context) -> {
			MethodIndex index = context.getBean(MethodIndexHolder.class).get();
			assertThat(index.routes()).isNotEmpty();
			assertThat(index.isVersioned()).isFalse();
		});
	}

	private static List<String> versionsOf(MethodIndex index, String pattern) {
		return index.routes()
			.stream()
			.filter((route) -> route.pattern().value().equals(pattern))
			.map((route) -> route.version().toString())
			.sorted()
			.toList();
	}

	@Configuration(proxyBeanMethods = false)
	static class MajorOnlyParser {

		/**
		 * A parser that keeps the major version only: {@code 1.0} and {@code 1.1} are one
		 * version.
		 * @return the parser
		 */
		@Bean
		ApiVersionParser<Integer> majorOnly() {
			return (version) -> Integer.valueOf(version.split("\\.")[0]);
		}

	}

}
