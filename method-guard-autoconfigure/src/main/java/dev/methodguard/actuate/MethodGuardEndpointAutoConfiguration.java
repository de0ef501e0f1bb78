package dev.methodguard.actuate;

import dev.methodguard.autoconfigure.MethodGuardAutoConfiguration;
import dev.methodguard.autoconfigure.MethodGuardProperties;
import dev.methodguard.internal.allow.ApiVersionStrategies;
import dev.methodguard.internal.allow.MethodIndexHolder;
import dev.methodguard.internal.allow.PathPolicy;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Auto-configuration of the {@code methods} Actuator endpoint. Like every endpoint but
 * health, it is exposed over HTTP only where the application includes it. It sits beside
 * the endpoint, whose constructor is not part of the API.
 */
@AutoConfiguration(after = MethodGuardAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
@ConditionalOnBean(MethodIndexHolder.class)
@ConditionalOnAvailableEndpoint(MethodsEndpoint.class)
public final class MethodGuardEndpointAutoConfiguration {

	@Bean
	MethodsEndpoint methodsEndpoint(MethodIndexHolder index, PathPolicy policy, MethodGuardProperties properties,
			ObjectProvider<HandlerMapping> handlerMappings) {
		return new MethodsEndpoint(index, policy, properties.getActuator().isShowConcealed(),
				ApiVersionStrategies.first(handlerMappings));
	}

}
