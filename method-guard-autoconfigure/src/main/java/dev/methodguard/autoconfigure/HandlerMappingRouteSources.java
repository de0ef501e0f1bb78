package dev.methodguard.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

import dev.methodguard.allow.RequestMappingRouteSource;
import dev.methodguard.allow.RouteSource;
import dev.methodguard.allow.UrlHandlerRouteSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.ClassUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * The route sources of an application: one per handler mapping the {@code DispatcherServlet}
 * consults, in its order, then the application's own {@link RouteSource} beans.
 */
final class HandlerMappingRouteSources implements Supplier<List<RouteSource>> {

	private static final List<String> ERROR_CONTROLLER_TYPES = List.of(
			"org.springframework.boot.webmvc.error.ErrorController",
			"org.springframework.boot.web.servlet.error.ErrorController");

	private final ObjectProvider<HandlerMapping> handlerMappings;

	private final ObjectProvider<RouteSource> customSources;

	private final Supplier<String> servletPrefix;

	HandlerMappingRouteSources(ObjectProvider<HandlerMapping> handlerMappings,
			ObjectProvider<RouteSource> customSources, Supplier<String> servletPrefix) {
		this.handlerMappings = handlerMappings;
		this.customSources = customSources;
		this.servletPrefix = servletPrefix;
	}

	@Override
	public List<RouteSource> get() {
		String prefix = this.servletPrefix.get();
		Predicate<HandlerMethod> infrastructure = HandlerMappingRouteSources::isErrorController;
		List<RouteSource> sources = new ArrayList<>();
		this.handlerMappings.orderedStream().forEach((mapping) -> {
			if (mapping instanceof RequestMappingInfoHandlerMapping infoMapping) {
				sources.add(new RequestMappingRouteSource(infoMapping, prefix, infrastructure));
			}
			else if (mapping instanceof AbstractUrlHandlerMapping urlMapping) {
				sources.add(new UrlHandlerRouteSource(urlMapping, prefix));
			}
		});
		this.customSources.orderedStream().forEach(sources::add);
		return sources;
	}

	/**
	 * Boot's error controller maps {@code /error} with no method condition: it is
	 * infrastructure, not a resource that implements every method.
	 */
	private static boolean isErrorController(HandlerMethod handlerMethod) {
		ClassLoader classLoader = handlerMethod.getBeanType().getClassLoader();
		for (String typeName : ERROR_CONTROLLER_TYPES) {
			if (ClassUtils.isPresent(typeName, classLoader)
					&& ClassUtils.resolveClassName(typeName, classLoader).isAssignableFrom(handlerMethod.getBeanType())) {
				return true;
			}
		}
		return false;
	}

}
