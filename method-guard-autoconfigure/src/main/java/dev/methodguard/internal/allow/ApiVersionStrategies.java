package dev.methodguard.internal.allow;

import java.util.Optional;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.accept.ApiVersionStrategy;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

/**
 * The API version strategy of the application's handler mappings.
 */
public final class ApiVersionStrategies {

	private ApiVersionStrategies() {
	}

	/**
	 * The API version strategy of the application's handler mappings (Spring MVC gives the
	 * one of {@code spring.mvc.apiversion.*} and {@code configureApiVersioning} to its
	 * mappings of annotated controllers and router functions): the first one a mapping has,
	 * looked for once, when first asked for.
	 * @param handlerMappings the handler mappings
	 * @return the strategy, supplying {@code null} where the application does not version
	 * its API
	 */
	public static Supplier<@Nullable ApiVersionStrategy> first(ObjectProvider<HandlerMapping> handlerMappings) {
		SingletonSupplier<Optional<ApiVersionStrategy>> strategy = SingletonSupplier.of(() -> handlerMappings
			.orderedStream()
			.filter(AbstractHandlerMapping.class::isInstance)
			.map((mapping) -> Optional.ofNullable(((AbstractHandlerMapping) mapping).getApiVersionStrategy()))
			.flatMap(Optional::stream)
			.findFirst());
		return () -> strategy.obtain().orElse(null);
	}

}
