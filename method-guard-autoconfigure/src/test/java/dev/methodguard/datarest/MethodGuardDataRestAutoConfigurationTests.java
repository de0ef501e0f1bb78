package dev.methodguard.datarest;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.methodguard.allow.HandlerMappingReader;
import dev.methodguard.autoconfigure.MethodGuardAutoConfiguration;
import dev.methodguard.autoconfigure.MethodGuardDataRestAutoConfiguration;
import dev.methodguard.internal.allow.MethodIndex;
import dev.methodguard.internal.allow.MethodIndexHolder;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.rest.autoconfigure.DataRestAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.map.repository.config.EnableMapRepositories;
import org.springframework.data.rest.webmvc.RepositoryRestController;
import org.springframework.data.rest.webmvc.config.RepositoryRestMvcConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When {@link MethodGuardDataRestAutoConfiguration} applies, and what reading Spring Data
 * REST's handler mapping does to the completeness of the index.
 */
class MethodGuardDataRestAutoConfigurationTests {

	private static final String READER = "methodGuardDataRestReader";

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DispatcherServletAutoConfiguration.class,
				WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
				JacksonAutoConfiguration.class, DataRestAutoConfiguration.class, MethodGuardAutoConfiguration.class,
				MethodGuardDataRestAutoConfiguration.class))
		.withUserConfiguration(MapRepositories.class)
		.withPropertyValues("spring.data.rest.base-path=/api");

	@Test
	void readsSpringDataRestsMappingSoThatTheIndexStaysComplete() {
		this.runner.run((context) -> {
			assertThat(context).hasBean(READER);
			MethodIndex index = context.getBean(MethodIndexHolder.class).get();
			assertThat(index.unread()).isEmpty();
			assertThat(index.lookup("/api/books")).map((resolution) -> resolution.allowed().toHeaderValue())
				.hasValue("GET, HEAD, POST, OPTIONS");
			assertThat(index.lookup("/api/nothing")).isEmpty();
		});
	}

	@Test
	void withoutItSpringDataRestsMappingLeavesTheIndexIncomplete() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DispatcherServletAutoConfiguration.class,
					WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
					JacksonAutoConfiguration.class, DataRestAutoConfiguration.class,
					MethodGuardAutoConfiguration.class))
			.withUserConfiguration(MapRepositories.class)
			.run((context) -> {
				MethodIndex index = context.getBean(MethodIndexHolder.class).get();
				assertThat(index.isComplete()).isFalse();
				assertThat(index.unread()).anyMatch((unread) -> unread.contains("DelegatingHandlerMapping"));
			});
	}

	@Test
	void backsOffWithoutSpringDataRestOnTheClassPath() {
		this.runner.withClassLoader(new FilteredClassLoader(RepositoryRestMvcConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(READER));
	}

	@Test
	void backsOffWhenMethodGuardIsDisabled() {
		this.runner.withPropertyValues("method-guard.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(READER));
	}

	@Test
	void backsOffForTheApplicationsOwnReader() {
		this.runner.withUserConfiguration(OwnReader.class).run((context) -> {
			assertThat(context.getBean(READER)).isSameAs(context.getBean(OwnReader.class).reader);
			assertThat(context.getBean(MethodIndexHolder.class).get().isComplete()).isFalse();
		});
	}

	@Test
	void aRepositoryControllerRouteItCannotPlaceLeavesTheIndexIncomplete() {
		this.runner.withUserConfiguration(VariableFirstSegment.class).run((context) -> {
			MethodIndex index = context.getBean(MethodIndexHolder.class).get();
			assertThat(index.unread()).singleElement()
				.asString()
				.contains("/api/{repository}/export")
				.contains("first segment");
			assertThat(index.lookup("/api/books")).isPresent();
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableMapRepositories(basePackageClasses = BookRepository.class)
	static class MapRepositories {

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnReader {

		final HandlerMappingReader reader = (mapping, servletPrefix) -> null;

		@Bean(READER)
		HandlerMappingReader ownReader() {
			return this.reader;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import(ExportController.class)
	static class VariableFirstSegment {

	}

	/**
	 * A route of Spring Data REST's repository mapping below every repository: whether it is
	 * served depends on the repository a request names.
	 */
	@RepositoryRestController
	static class ExportController {

		@GetMapping("/{repository}/export")
		@ResponseBody
		Map<String, Object> export() {
			return Map.of();
		}

	}

}
