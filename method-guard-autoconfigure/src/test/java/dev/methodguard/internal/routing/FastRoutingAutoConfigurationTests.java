package dev.methodguard.internal.routing;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

import dev.methodguard.autoconfigure.MethodGuardAutoConfiguration;
import dev.methodguard.servlet.UnionRequestMappingHandlerMapping;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.config.annotation.PathMatchConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.condition.RequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When fast routing applies ({@code method-guard.fast-routing.enabled}), and where it turns
 * itself off with a log line because it cannot vouch for the mappings.
 */
@ExtendWith(OutputCaptureExtension.class)
class FastRoutingAutoConfigurationTests {

	private static final String ON = "method-guard fast routing is on for 'requestMappingHandlerMapping'";

	private static final String OFF = "method-guard fast routing is off for 'requestMappingHandlerMapping', "
			+ "which is Spring's own lookup, because ";

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DispatcherServletAutoConfiguration.class,
				WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
				JacksonAutoConfiguration.class, MethodGuardAutoConfiguration.class))
		.withUserConfiguration(Items.class);

	@Test
	void isOffByDefault(CapturedOutput output) {
		this.runner.run((context) -> {
			assertThat(context).doesNotHaveBean(FastRouting.class);
			assertThat(context.getBean(RequestMappingHandlerMapping.class))
				.isInstanceOf(UnionRequestMappingHandlerMapping.class);
			assertThat(handler(context, "GET", "/items/7")).isEqualTo("item");
		});
		assertThat(output).doesNotContain("method-guard fast routing");
	}

	@Test
	void thePropertyTurnsItOnForTheMappingOfAnnotatedControllers(CapturedOutput output) {
		this.runner.withPropertyValues("method-guard.fast-routing.enabled=true").run((context) -> {
			String[] names = context.getBeanNamesForType(FastRouting.class);
			assertThat(names).hasSize(1);
			assertThat(context.getBeanFactory().getBeanDefinition(names[0]).isPrototype()).isTrue();
			assertThat(output).contains(ON + " (");
			assertThat(handler(context, "GET", "/items/7")).isEqualTo("item");
			assertThat(handler(context, "PUT", "/items/7")).isEqualTo("replace");
			assertThat(handler(context, "GET", "/other/7")).isNull();
		});
		assertThat(output).doesNotContain("method-guard fast routing is off");
	}

	@Test
	void isNotThereWhereMethodGuardIsDisabled(CapturedOutput output) {
		this.runner.withPropertyValues("method-guard.fast-routing.enabled=true", "method-guard.enabled=false")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(FastRouting.class);
				assertThat(context.getBean(RequestMappingHandlerMapping.class))
					.isNotInstanceOf(UnionRequestMappingHandlerMapping.class);
			});
		assertThat(output).doesNotContain("method-guard fast routing");
	}

	@Test
	void turnsItselfOffWithAnAntPathMatcher(CapturedOutput output) {
		this.runner
			.withPropertyValues("method-guard.fast-routing.enabled=true",
					"spring.mvc.pathmatch.matching-strategy=ant-path-matcher")
			.run((context) -> assertThat(handler(context, "GET", "/items/7")).isEqualTo("item"));
		assertThat(output).contains(OFF + "it matches patterns with a PathMatcher (AntPathMatcher)")
			.doesNotContain(ON);
	}

	@Test
	void turnsItselfOffWherePatternsAreMatchedCaseInsensitively(CapturedOutput output) {
		this.runner.withPropertyValues("method-guard.fast-routing.enabled=true")
			.withUserConfiguration(CaseInsensitive.class)
			.run((context) -> assertThat(handler(context, "GET", "/ITEMS/7")).isEqualTo("item"));
		assertThat(output).contains(OFF + "the pattern /items/{id} is not matched case-sensitively")
			.doesNotContain(ON);
	}

	@Test
	void aMappingWithACustomConditionTurnsItOffUntilItIsUnregistered(CapturedOutput output) {
		this.runner.withPropertyValues("method-guard.fast-routing.enabled=true").run((context) -> {
			RequestMappingHandlerMapping mapping = context.getBean(RequestMappingHandlerMapping.class);
			RequestMappingInfo custom = RequestMappingInfo.paths("/custom/{id}")
				.customCondition(new Always())
				.options(mapping.getBuilderConfiguration())
				.build();
			Method method = ReflectionUtils.findMethod(Items.class, "item", String.class);
			mapping.registerMapping(custom, context.getBean(Items.class), method);
			assertThat(handler(context, "GET", "/custom/7")).isEqualTo("item");
			assertThat(output).contains(OFF + "the mapping " + custom + " has a custom request condition");
			mapping.unregisterMapping(custom);
			assertThat(handler(context, "GET", "/custom/7")).isNull();
			assertThat(handler(context, "GET", "/items/7")).isEqualTo("item");
		});
		assertThat(output.toString().split(ON, -1)).as("times fast routing was on").hasSize(3);
	}

	@Test
	void thePropertyIsDocumentedInTheMetadata() throws Exception {
		try (InputStream metadata = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(metadata).isNotNull();
			String json = new String(metadata.readAllBytes(), StandardCharsets.UTF_8);
			assertThat(json).containsPattern("\"name\": \"method-guard.fast-routing.enabled\",\\s+\"type\": "
					+ "\"java.lang.Boolean\",\\s+\"description\": \"Whether the mapping of annotated controllers "
					+ "evaluates, for a request, only the mappings whose patterns may match its path");
		}
	}

	private static @Nullable String handler(AssertableWebApplicationContext context, String method, String path)
			throws Exception {
		RequestMappingHandlerMapping mapping = context.getBean(RequestMappingHandlerMapping.class);
		HandlerExecutionChain chain = mapping.getHandler(new MockHttpServletRequest(method, path));
		return (chain != null) ? ((HandlerMethod) chain.getHandler()).getMethod().getName() : null;
	}

	@RestController
	static class Items {

		@GetMapping("/items/{id}")
		String item(@PathVariable String id) {
			return id;
		}

		@PutMapping("/items/{id}")
		String replace(@PathVariable String id) {
			return id;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CaseInsensitive {

		@Bean
		WebMvcConfigurer caseInsensitivePatterns() {
			return new WebMvcConfigurer() {

				@Override
				public void configurePathMatch(PathMatchConfigurer configurer) {
					PathPatternParser parser = new PathPatternParser();
					parser.setCaseSensitive(false);
					configurer.setPatternParser(parser);
				}

			};
		}

	}

	/**
	 * A custom condition fast routing does not know.
	 */
	static final class Always implements RequestCondition<Always> {

		@Override
		public Always combine(Always other) {
			return this;
		}

		@Override
		public Always getMatchingCondition(HttpServletRequest request) {
			return this;
		}

		@Override
		public int compareTo(Always other, HttpServletRequest request) {
			return 0;
		}

	}

}
