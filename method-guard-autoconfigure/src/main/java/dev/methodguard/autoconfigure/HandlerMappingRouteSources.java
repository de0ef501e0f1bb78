package dev.methodguard.autoconfigure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;

import org.jspecify.annotations.Nullable;

import dev.methodguard.allow.HandlerMappingReader;
import dev.methodguard.allow.Route;
import dev.methodguard.allow.RouteKind;
import dev.methodguard.allow.RouteSource;
import dev.methodguard.internal.allow.RequestMappingRouteSource;
import dev.methodguard.internal.allow.RouterFunctionRouteSource;
import dev.methodguard.internal.allow.ServletRouteSource;
import dev.methodguard.internal.allow.UrlHandlerRouteSource;
import dev.methodguard.internal.servlet.EarlyRejectionHandlerMapping;
import dev.methodguard.internal.servlet.ErrorDispatchHandlerMapping;
import dev.methodguard.internal.servlet.FunctionalHeadHandlerMapping;
import dev.methodguard.internal.servlet.OptionsHandlerMapping;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.ClassUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * The route sources of an application: one per handler mapping the {@code DispatcherServlet}
 * consults, in its order (read by the first {@link HandlerMappingReader} that takes it, else
 * by its type), one per other servlet the container has, then the application's own
 * {@link RouteSource} beans.
 */
final class HandlerMappingRouteSources implements Supplier<List<RouteSource>> {

	private static final List<String> ERROR_CONTROLLER_TYPES = List.of(
			"org.springframework.boot.webmvc.error.ErrorController",
			"org.springframework.boot.web.servlet.error.ErrorController");

	private final ObjectProvider<HandlerMapping> handlerMappings;

	private final ObjectProvider<RouteSource> customSources;

	private final ObjectProvider<HandlerMappingReader> readers;

	private final Supplier<String> servletPrefix;

	private final Supplier<ServletContext> servletContext;

	private final Supplier<@Nullable String> unseenRouteChanges;

	HandlerMappingRouteSources(ObjectProvider<HandlerMapping> handlerMappings,
			ObjectProvider<RouteSource> customSources, ObjectProvider<HandlerMappingReader> readers,
			Supplier<String> servletPrefix, Supplier<ServletContext> servletContext,
			Supplier<@Nullable String> unseenRouteChanges) {
		this.handlerMappings = handlerMappings;
		this.customSources = customSources;
		this.readers = readers;
		this.servletPrefix = servletPrefix;
		this.servletContext = servletContext;
		this.unseenRouteChanges = unseenRouteChanges;
	}

	@Override
	public List<RouteSource> get() {
		String prefix = this.servletPrefix.get();
		Predicate<HandlerMethod> infrastructure = HandlerMappingRouteSources::isErrorController;
		List<HandlerMappingReader> mappingReaders = this.readers.orderedStream().toList();
		List<RouteSource> sources = new ArrayList<>();
		this.handlerMappings.orderedStream().forEach((mapping) -> {
			RouteSource read = read(mappingReaders, mapping, prefix);
			if (read != null) {
				sources.add(read);
			}
			else if (mapping instanceof RequestMappingInfoHandlerMapping infoMapping) {
				sources.add(new RequestMappingRouteSource(infoMapping, prefix, infrastructure,
						ActuatorMappings.isActuators(infoMapping) ? RouteKind.ACTUATOR : RouteKind.ANNOTATED));
			}
			else if (mapping instanceof RouterFunctionMapping functionMapping) {
				sources.add(new RouterFunctionRouteSource(functionMapping, prefix));
			}
			else if (mapping instanceof AbstractUrlHandlerMapping urlMapping) {
				sources.add(new UrlHandlerRouteSource(urlMapping, prefix));
			}
			else if (!isMethodGuards(mapping)) {
				sources.add(new Unread("handler mapping " + mapping.getClass().getName()));
			}
		});
		String unseen = this.unseenRouteChanges.get();
		if (unseen != null) {
			sources.add(new Unread(unseen));
		}
		sources.addAll(servletSources());
		this.customSources.orderedStream().forEach(sources::add);
		return sources;
	}

	private static @Nullable RouteSource read(List<HandlerMappingReader> readers, HandlerMapping mapping,
			String prefix) {
		for (HandlerMappingReader reader : readers) {
			RouteSource source = reader.sourceFor(mapping, prefix);
			if (source != null) {
				return source;
			}
		}
		return null;
	}

	/**
	 * Whether a handler mapping is one of method-guard's own, which serve no route of their
	 * own (they answer from the index, or route through the application's mappings).
	 */
	private static boolean isMethodGuards(HandlerMapping mapping) {
		return mapping instanceof OptionsHandlerMapping || mapping instanceof ErrorDispatchHandlerMapping
				|| mapping instanceof FunctionalHeadHandlerMapping || mapping instanceof EarlyRejectionHandlerMapping;
	}

	/**
	 * Something the index cannot read, such as a handler mapping of a type it does not
	 * know: it leaves the index incomplete.
	 * @param description what is not read
	 */
	private record Unread(String description) implements RouteSource {

		@Override
		public List<Route> routes() {
			return List.of();
		}

		@Override
		public Reading read() {
			return Reading.unreadable(this.description);
		}

	}

	/**
	 * One source per servlet the container really has, however it was registered, but the
	 * {@code DispatcherServlet}s, whose routes come from their handler mappings.
	 */
	private List<RouteSource> servletSources() {
		ServletContext context = this.servletContext.get();
		if (context == null) {
			return List.of();
		}
		List<RouteSource> sources = new ArrayList<>();
		ClassLoader classLoader = ClassUtils.getDefaultClassLoader();
		for (ServletRegistration registration : context.getServletRegistrations().values()) {
			Class<?> servletClass = servletClass(registration.getClassName(), classLoader);
			if (!DispatcherServlet.class.isAssignableFrom(servletClass)) {
				sources.add(new ServletRouteSource(servletClass, registration.getMappings(), registration.getName()));
			}
		}
		return sources;
	}

	/**
	 * The names of the servlets registered in the servlet context that are not a Spring MVC
	 * {@code DispatcherServlet}.
	 * @param context the servlet context, or {@code null} outside a servlet container
	 * @return the names
	 */
	static Set<String> plainServletNames(@Nullable ServletContext context) {
		if (context == null) {
			return Set.of();
		}
		Set<String> names = new HashSet<>();
		ClassLoader classLoader = ClassUtils.getDefaultClassLoader();
		for (ServletRegistration registration : context.getServletRegistrations().values()) {
			if (!DispatcherServlet.class.isAssignableFrom(servletClass(registration.getClassName(), classLoader))) {
				names.add(registration.getName());
			}
		}
		return Set.copyOf(names);
	}

	private static Class<?> servletClass(String className, ClassLoader classLoader) {
		if (className != null && ClassUtils.isPresent(className, classLoader)) {
			return ClassUtils.resolveClassName(className, classLoader);
		}
		return Servlet.class;
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
