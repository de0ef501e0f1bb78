package dev.methodguard.autoconfigure;

import dev.methodguard.actuate.ActuateNamedHandlerMapping;
import org.junit.jupiter.api.Test;

import org.springframework.boot.webmvc.actuate.endpoint.web.WebMvcEndpointHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Actuator's handler mappings are recognized by their type, not by a package name.
 */
class ActuatorMappingsTests {

	@Test
	void actuatorsEndpointMappingsAreActuators() {
		assertThat(ActuatorMappings.isActuators(mock(WebMvcEndpointHandlerMapping.class))).isTrue();
	}

	@Test
	void anApplicationsMappingInAPackageNamedActuateIsNot() {
		assertThat(ActuatorMappings.isActuators(new ActuateNamedHandlerMapping())).isFalse();
		assertThat(ActuatorMappings.isActuators(new RequestMappingHandlerMapping())).isFalse();
	}

}
