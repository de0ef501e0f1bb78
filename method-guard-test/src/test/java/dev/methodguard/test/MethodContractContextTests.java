package dev.methodguard.test;

import org.junit.jupiter.api.Test;

import dev.methodguard.actuate.MethodGuardEndpointAutoConfiguration;
import dev.methodguard.autoconfigure.MethodGuardAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Where the routes come from: method-guard's {@code methods} endpoint bean, which Actuator
 * creates only where the endpoint is exposed; without it, both entry points say what to do.
 */
class MethodContractContextTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DispatcherServletAutoConfiguration.class,
				WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
				JacksonAutoConfiguration.class, MethodGuardAutoConfiguration.class,
				MethodGuardEndpointAutoConfiguration.class))
		.withUserConfiguration(PingConfiguration.class);

	@Test
	void readsTheRoutesFromTheEndpointBeanWhereTheEndpointIsExposed() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=methods")
			.run((context) -> assertThat(MethodSurface.of(context).render())
				.contains("\n/ping | GET, HEAD, OPTIONS | annotated\n"));
	}

	@Test
	void saysHowToMakeTheEndpointAvailableWhereItIsNot() {
		this.runner.run((context) -> {
			assertThatIllegalStateException().isThrownBy(() -> MethodContract.of(context))
				.withMessageContaining("management.endpoints.web.exposure.include=methods");
			assertThatIllegalStateException().isThrownBy(() -> MethodSurface.of(context))
				.withMessageContaining("no MethodsEndpoint bean");
		});
	}

	@Test
	void saysSoWhereMethodGuardIsDisabled() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=methods", "method-guard.enabled=false")
			.run((context) -> assertThatIllegalStateException().isThrownBy(() -> MethodContract.of(context))
				.withMessageContaining("method-guard.enabled"));
	}

	@Configuration(proxyBeanMethods = false)
	static class PingConfiguration {

		@Bean
		PingController pingController() {
			return new PingController();
		}

	}

	@RestController
	static class PingController {

		@GetMapping("/ping")
		String ping() {
			return "pong";
		}

	}

}
