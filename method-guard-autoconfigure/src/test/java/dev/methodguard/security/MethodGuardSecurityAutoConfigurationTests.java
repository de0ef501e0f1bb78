package dev.methodguard.security;

import dev.methodguard.autoconfigure.MethodGuardAutoConfiguration;
import dev.methodguard.autoconfigure.MethodGuardSecurityAutoConfiguration;
import dev.methodguard.servlet.FirewallRejectionHandler;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When {@link MethodGuardSecurityAutoConfiguration} supplies Spring Security's
 * {@link RequestRejectedHandler}.
 */
class MethodGuardSecurityAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DispatcherServletAutoConfiguration.class,
				WebMvcAutoConfiguration.class, MethodGuardAutoConfiguration.class,
				MethodGuardSecurityAutoConfiguration.class));

	@Test
	void suppliesTheRequestRejectedHandler() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(RequestRejectedHandler.class)
			.hasSingleBean(FirewallRejectionHandler.class));
	}

	@Test
	void backsOffForTheApplicationsOwnHandler() {
		this.runner.withUserConfiguration(OwnHandler.class)
			.run((context) -> assertThat(context).hasSingleBean(RequestRejectedHandler.class)
				.doesNotHaveBean(FirewallRejectionHandler.class));
	}

	@Test
	void backsOffWhenMethodGuardIsDisabled() {
		this.runner.withPropertyValues("method-guard.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(RequestRejectedHandler.class));
	}

	@Test
	void backsOffWithoutSpringSecurity() {
		this.runner.withClassLoader(new FilteredClassLoader(RequestRejectedHandler.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(FirewallRejectionHandler.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnHandler {

		@Bean
		RequestRejectedHandler ownHandler() {
			return new HttpStatusRequestRejectedHandler(418);
		}

	}

}
