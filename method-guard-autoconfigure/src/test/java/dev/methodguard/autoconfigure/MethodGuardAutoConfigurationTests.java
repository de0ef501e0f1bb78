package dev.methodguard.autoconfigure;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import dev.methodguard.allow.AllowedMethods;
import dev.methodguard.allow.MethodIndex;
import dev.methodguard.allow.MethodIndexHolder;
import dev.methodguard.problem.MethodProblemFactory;
import dev.methodguard.problem.MethodRejection;
import dev.methodguard.servlet.MethodGuardAdvice;
import dev.methodguard.servlet.MethodGuardExceptionResolver;
import dev.methodguard.servlet.MethodRejections;
import dev.methodguard.servlet.OptionsHandlerMapping;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.DispatcherServlet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When {@link MethodGuardAutoConfiguration} applies, what it registers, and how its
 * properties bind.
 */
class MethodGuardAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DispatcherServletAutoConfiguration.class,
				WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
				JacksonAutoConfiguration.class, MethodGuardAutoConfiguration.class));

	@Test
	void registersEveryPieceInAServletWebApplication() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(MethodIndexHolder.class)
			.hasSingleBean(MethodProblemFactory.class)
			.hasSingleBean(MethodRejections.class)
			.hasSingleBean(MethodGuardExceptionResolver.class)
			.hasSingleBean(MethodGuardAdvice.class)
			.hasSingleBean(OptionsHandlerMapping.class)
			.hasSingleBean(MethodGuardProperties.class));
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withPropertyValues("method-guard.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MethodIndexHolder.class)
				.doesNotHaveBean(MethodGuardAdvice.class)
				.doesNotHaveBean(MethodGuardExceptionResolver.class)
				.doesNotHaveBean(OptionsHandlerMapping.class)
				.doesNotHaveBean(MethodGuardProperties.class));
	}

	@Test
	void backsOffOutsideAWebApplication() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MethodGuardAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(MethodIndexHolder.class));
	}

	@Test
	void backsOffInAReactiveWebApplication() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MethodGuardAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(MethodIndexHolder.class));
	}

	@Test
	void backsOffWithoutSpringMvc() {
		new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(MethodGuardAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(DispatcherServlet.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MethodIndexHolder.class));
	}

	@Test
	void userDefinedBeansReplaceEachPiece() {
		this.runner.withUserConfiguration(UserBeans.class).run((context) -> {
			assertThat(context).hasSingleBean(MethodIndexHolder.class)
				.hasSingleBean(MethodProblemFactory.class)
				.hasSingleBean(MethodRejections.class)
				.hasSingleBean(MethodGuardExceptionResolver.class)
				.hasSingleBean(MethodGuardAdvice.class)
				.hasSingleBean(OptionsHandlerMapping.class);
			assertThat(context.getBean(MethodIndexHolder.class)).isSameAs(context.getBean("userIndex"));
			assertThat(context.getBean(MethodProblemFactory.class)).isSameAs(context.getBean("userProblems"));
			assertThat(context.getBean(MethodRejections.class)).isSameAs(context.getBean("userRejections"));
			assertThat(context.getBean(MethodGuardExceptionResolver.class)).isSameAs(context.getBean("userResolver"));
			assertThat(context.getBean(MethodGuardAdvice.class)).isSameAs(context.getBean("userAdvice"));
			assertThat(context.getBean(OptionsHandlerMapping.class)).isSameAs(context.getBean("userOptions"));
		});
	}

	@Test
	void problemTypeIsConfigurable() {
		this.runner.withPropertyValues("method-guard.problem.type=https://errors.example.com/method")
			.run((context) -> assertThat(problemOf(context.getBean(MethodProblemFactory.class)).getType())
				.isEqualTo(URI.create("https://errors.example.com/method")));
	}

	@Test
	void problemTypeDefaultsToAboutBlank() {
		this.runner.run((context) -> assertThat(problemOf(context.getBean(MethodProblemFactory.class)).getType())
			.isEqualTo(URI.create("about:blank")));
	}

	@Test
	void allowedMethodsMemberCanBeLeftOut() {
		this.runner.withPropertyValues("method-guard.problem.include-allowed-methods=false")
			.run((context) -> assertThat(problemOf(context.getBean(MethodProblemFactory.class)).getProperties())
				.isNullOrEmpty());
	}

	@Test
	void malformedProblemTypeFailsTheStartNamingTheProperty() {
		this.runner.withPropertyValues("method-guard.problem.type=not a uri")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("Failed to bind properties under 'method-guard.problem.type'"));
	}

	@Test
	void relativeProblemTypeFailsTheStartNamingTheProperty() {
		this.runner.withPropertyValues("method-guard.problem.type=problems/method")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("method-guard.problem.type must be an absolute URI"));
	}

	@Test
	void unknownMethodStatusOtherThan405Or501FailsTheStartNamingTheProperty() {
		this.runner.withPropertyValues("method-guard.unknown-method-status=404")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("method-guard.unknown-method-status must be 501 or 405"));
	}

	@Test
	void unknownMethodStatusAccepts405() {
		this.runner.withPropertyValues("method-guard.unknown-method-status=405")
			.run((context) -> assertThat(context.getBean(MethodGuardProperties.class).getUnknownMethodStatus())
				.isEqualTo(405));
	}

	private static ProblemDetail problemOf(MethodProblemFactory factory) {
		return factory.create(new MethodRejection(405, "PUT", "/x", AllowedMethods.of("GET"),
				List.of("/x")), Locale.ENGLISH);
	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeans {

		private final Supplier<MethodIndex> empty = () -> MethodIndex.of(List.of());

		@Bean
		MethodIndexHolder userIndex() {
			return new MethodIndexHolder(List::of);
		}

		@Bean
		MethodProblemFactory userProblems() {
			return new MethodProblemFactory(URI.create("about:blank"), null, true, List.of());
		}

		@Bean
		MethodRejections userRejections() {
			return new MethodRejections(this.empty, userProblems(), 501);
		}

		@Bean
		MethodGuardExceptionResolver userResolver() {
			return new MethodGuardExceptionResolver(userRejections(), () -> null);
		}

		@Bean
		MethodGuardAdvice userAdvice() {
			return new MethodGuardAdvice(userRejections());
		}

		@Bean
		OptionsHandlerMapping userOptions() {
			return new OptionsHandlerMapping(this.empty, () -> null);
		}

	}

}
