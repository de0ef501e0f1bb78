package dev.methodguard.security;

import org.junit.jupiter.api.Test;

import dev.methodguard.autoconfigure.MethodGuardAutoConfiguration;
import dev.methodguard.autoconfigure.MethodGuardSecurityAutoConfiguration;
import dev.methodguard.internal.servlet.FirewallRejectionHandler;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
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

	@Test
	void methodRefusedByTheFirewallIsThe501WithoutAllowByDefault() {
		this.runner.run((context) -> {
			MockHttpServletResponse response = refuseTrace(context.getBean(RequestRejectedHandler.class));
			assertThat(response.getStatus()).isEqualTo(501);
			assertThat(response.getHeader(HttpHeaders.ALLOW)).isNull();
		});
	}

	@Test
	void revealingBeforeAuthenticationLeavesAMissingPathToSecuritysAnswer() {
		this.runner.withPropertyValues("method-guard.security.reveal-before-authentication=true")
			.run((context) -> assertThat(refuseTrace(context.getBean(RequestRejectedHandler.class)).getStatus())
				.isEqualTo(400));
	}

	/** Let the handler answer the firewall's refusal of {@code TRACE} on a path no route serves. */
	private static MockHttpServletResponse refuseTrace(RequestRejectedHandler handler) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("TRACE", "/private/nothing-here");
		MockHttpServletResponse response = new MockHttpServletResponse();
		handler.handle(request, response, new RequestRejectedException("TRACE is not allowed"));
		return response;
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnHandler {

		@Bean
		RequestRejectedHandler ownHandler() {
			return new HttpStatusRequestRejectedHandler(418);
		}

	}

}
