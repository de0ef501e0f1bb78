package dev.methodguard.gateway;

import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.methodguard.autoconfigure.MethodGuardAutoConfiguration;
import dev.methodguard.autoconfigure.MethodGuardRefreshAutoConfiguration;
import dev.methodguard.internal.allow.MethodIndexHolder;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.cloud.autoconfigure.RefreshAutoConfiguration;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.cloud.context.scope.refresh.RefreshScopeRefreshedEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Spring Cloud Context's refresh scope, method-guard listens to its refreshes: an
 * environment change of the application's own context begins a change of routes, the
 * refresh of the refresh scope ends it. Without Spring Cloud, with the refresh scope
 * switched off, or with method-guard disabled, nothing listens.
 */
class GatewayAutoConfigurationTests {

	private static final String LISTENER = "methodGuardRefreshScopeRouteChanges";

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DispatcherServletAutoConfiguration.class,
				WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
				JacksonAutoConfiguration.class, RefreshAutoConfiguration.class, MethodGuardAutoConfiguration.class,
				MethodGuardRefreshAutoConfiguration.class));

	@Test
	void springCloudsRefreshEventsBeginAndEndAChangeOfRoutes() {
		this.runner.run((context) -> {
			assertThat(context).hasBean(LISTENER);
			MethodIndexHolder index = context.getBean(MethodIndexHolder.class);
			assertThat(index.isSettled()).isTrue();
			context.publishEvent(new EnvironmentChangeEvent(context.getSourceApplicationContext(), Set.of("some.key")));
			assertThat(index.isSettled()).isFalse();
			context.publishEvent(new RefreshScopeRefreshedEvent());
			assertThat(index.isSettled()).isTrue();
		});
	}

	@Test
	void anEnvironmentChangeOfAnotherContextBeginsNothing() {
		this.runner.run((context) -> {
			MethodIndexHolder index = context.getBean(MethodIndexHolder.class);
			context.publishEvent(new EnvironmentChangeEvent(Set.of("some.key")));
			assertThat(index.isSettled()).isTrue();
		});
	}

	@Test
	void nothingListensWithoutSpringCloudContext() {
		this.runner.withClassLoader(new FilteredClassLoader(RefreshScopeRefreshedEvent.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(LISTENER));
	}

	@Test
	void nothingListensWhereTheRefreshScopeIsSwitchedOff() {
		this.runner.withPropertyValues("spring.cloud.refresh.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(LISTENER));
	}

	@Test
	void nothingListensWhenMethodGuardIsDisabled() {
		this.runner.withPropertyValues("method-guard.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(LISTENER));
	}

}
