package dev.methodguard.internal.allow;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServlet;

import dev.methodguard.allow.AllowedMethods;
import dev.methodguard.allow.Presence;
import dev.methodguard.allow.Route;
import dev.methodguard.allow.RouteKind;
import dev.methodguard.allow.RoutePattern;
import dev.methodguard.allow.RouteSource;

import org.springframework.http.server.PathContainer;
import org.springframework.http.server.PathContainer.Element;
import org.springframework.http.server.PathContainer.PathSegment;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.web.util.pattern.PatternParseException;

/**
 * Routes of a plain servlet registered with the container. Its methods are derived the way
 * {@code HttpServlet.doOptions} derives them, from the {@code doXxx} methods the class
 * overrides ({@code doGet} brings {@code HEAD}; {@code OPTIONS} is always answered, by
 * {@code HttpServlet} itself or by an override; {@code TRACE} only if {@code doTrace} is
 * overridden). A servlet that overrides {@code service}, or is not an {@code HttpServlet},
 * takes every method, and answers {@code OPTIONS} itself. Its URL mappings become patterns within the application: an exact
 * path, a {@code /prefix/*} (any depth below the prefix) or a {@code *.ext} (any path with
 * that extension); the default mapping {@code /} makes no path a resource.
 */
public final class ServletRouteSource implements RouteSource {

	private static final Map<String, String> DO_METHODS = Map.of("doGet", "GET", "doHead", "HEAD", "doPost", "POST",
			"doPut", "PUT", "doPatch", "PATCH", "doDelete", "DELETE", "doTrace", "TRACE");

	private final Class<?> servletClass;

	private final Collection<String> urlMappings;

	private final String name;

	/**
	 * Create a source.
	 * @param servletClass the class of the servlet
	 * @param urlMappings its URL mappings, relative to the context path
	 * @param name the name of the servlet
	 */
	public ServletRouteSource(Class<?> servletClass, Collection<String> urlMappings, String name) {
		this.servletClass = servletClass;
		this.urlMappings = List.copyOf(urlMappings);
		this.name = name;
	}

	@Override
	public List<Route> routes() {
		AllowedMethods methods = methodsOf(this.servletClass);
		boolean explicitOptions = methods.isAny() || overrides(this.servletClass, "doOptions");
		String handler = this.name + " (" + this.servletClass.getName() + ")";
		List<Route> routes = new ArrayList<>();
		for (String mapping : this.urlMappings) {
			Route route = route(mapping, methods, explicitOptions, handler);
			if (route != null) {
				routes.add(route);
			}
		}
		return routes;
	}

	private static Route route(String mapping, AllowedMethods methods, boolean explicitOptions, String handler) {
		try {
			if (mapping.startsWith("*.")) {
				String extension = mapping.substring(1);
				return new Route(pattern("/**"), methods, RouteKind.SERVLET, handler, explicitOptions, List.of(),
						Presence.checkedBy((path) -> lastSegment(path).endsWith(extension)));
			}
			if ("/".equals(mapping)) {
				return null;
			}
			String value = mapping.isEmpty() ? "/" : mapping;
			if (value.endsWith("/*")) {
				value = value.substring(0, value.length() - 1) + "**";
			}
			return new Route(pattern(value), methods, RouteKind.SERVLET, handler, explicitOptions, List.of(),
					Presence.always());
		}
		catch (PatternParseException ex) {
			return null;
		}
	}

	private static RoutePattern pattern(String value) {
		return new RoutePattern("", PathPatternParser.defaultInstance.parse(value));
	}

	private static String lastSegment(PathContainer path) {
		List<Element> elements = path.elements();
		return (!elements.isEmpty() && elements.get(elements.size() - 1) instanceof PathSegment segment)
				? segment.valueToMatch() : "";
	}

	/**
	 * The methods a servlet class takes, as {@code HttpServlet.doOptions} lists them.
	 * @param servletClass the class
	 * @return the methods
	 */
	static AllowedMethods methodsOf(Class<?> servletClass) {
		if (!HttpServlet.class.isAssignableFrom(servletClass) || overrides(servletClass, "service")) {
			return AllowedMethods.any();
		}
		Set<String> methods = new LinkedHashSet<>();
		DO_METHODS.forEach((doMethod, method) -> {
			if (overrides(servletClass, doMethod)) {
				methods.add(method);
			}
		});
		methods.add("OPTIONS");
		return AllowedMethods.of(methods);
	}

	private static boolean overrides(Class<?> servletClass, String name) {
		for (Class<?> type = servletClass; type != null && type != HttpServlet.class; type = type.getSuperclass()) {
			for (Method method : type.getDeclaredMethods()) {
				if (method.getName().equals(name) && method.getParameterCount() == 2 && !method.isBridge()) {
					return true;
				}
			}
		}
		return false;
	}

}
