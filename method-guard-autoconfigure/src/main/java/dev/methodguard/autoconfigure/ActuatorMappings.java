package dev.methodguard.autoconfigure;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Recognizes the handler mappings of Actuator's web endpoints by their type (Spring Boot's
 * endpoint handler mappings, and every subclass of them), not by the name of their package:
 * Actuator need not be on the class path, so the types are looked up by name once.
 */
final class ActuatorMappings {

	private static final List<Class<?>> TYPES = Stream
		.of("org.springframework.boot.webmvc.actuate.endpoint.web.AbstractWebMvcEndpointHandlerMapping",
				"org.springframework.boot.webmvc.actuate.endpoint.web.ControllerEndpointHandlerMapping")
		.map(ActuatorMappings::load)
		.filter(Objects::nonNull)
		.toList();

	private ActuatorMappings() {
	}

	/**
	 * Whether a handler mapping serves Actuator's web endpoints.
	 * @param mapping the handler mapping
	 * @return {@code true} if it is one of Spring Boot's endpoint handler mappings
	 */
	static boolean isActuators(HandlerMapping mapping) {
		for (Class<?> type : TYPES) {
			if (type.isInstance(mapping)) {
				return true;
			}
		}
		return false;
	}

	private static @Nullable Class<?> load(String name) {
		ClassLoader loader = ActuatorMappings.class.getClassLoader();
		return ClassUtils.isPresent(name, loader) ? ClassUtils.resolveClassName(name, loader) : null;
	}

}
