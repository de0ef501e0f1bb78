package dev.methodguard.actuate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.methodguard.allow.AllowedMethods;
import dev.methodguard.allow.MethodIndex;
import dev.methodguard.allow.PathPolicy;
import dev.methodguard.allow.Resolution;
import dev.methodguard.allow.Route;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.Selector.Match;

/**
 * The {@code methods} endpoint: which methods each route pattern of the application takes,
 * and which methods one concrete path takes — exactly what a 405 or {@code OPTIONS} there
 * answers, read from the same {@link MethodIndex}.
 */
@Endpoint(id = "methods")
public class MethodsEndpoint {

	private final Supplier<MethodIndex> index;

	private final PathPolicy policy;

	private final boolean showConcealed;

	/**
	 * Create the endpoint.
	 * @param index the method index
	 * @param policy the path policy, whose concealed routes are hidden
	 * @param showConcealed whether to list concealed routes all the same
	 */
	public MethodsEndpoint(Supplier<MethodIndex> index, PathPolicy policy, boolean showConcealed) {
		this.index = index;
		this.policy = policy;
		this.showConcealed = showConcealed;
	}

	/**
	 * Every route pattern, sorted, with its methods, sources and handlers.
	 * @return the descriptor
	 */
	@ReadOperation
	public MethodsDescriptor methods() {
		Map<String, List<Route>> byPattern = new LinkedHashMap<>();
		for (Route route : this.index.get().routes()) {
			String pattern = route.pattern().value();
			if (this.showConcealed || !this.policy.concealsRoute(pattern)) {
				byPattern.computeIfAbsent(pattern, (key) -> new ArrayList<>()).add(route);
			}
		}
		List<RouteDescriptor> routes = new ArrayList<>();
		byPattern.forEach((pattern, patternRoutes) -> routes.add(describe(pattern, patternRoutes)));
		routes.sort(Comparator.comparing(RouteDescriptor::pattern));
		return new MethodsDescriptor(routes);
	}

	/**
	 * What one concrete path resolves to.
	 * @param path the path within the application, as segments
	 * @return the descriptor, or {@code null} (404) where no route serves the path or the
	 * path is concealed
	 */
	@ReadOperation
	public @Nullable PathDescriptor path(@Selector(match = Match.ALL_REMAINING) String[] path) {
		String value = "/" + String.join("/", path);
		if (!this.showConcealed && this.policy.isConcealed(value)) {
			return null;
		}
		Resolution resolution = this.index.get().lookup(value).orElse(null);
		if (resolution == null) {
			return null;
		}
		return new PathDescriptor(value, resolution.patterns(), resolution.allowed().methods(),
				resolution.allowed().toHeaderValue());
	}

	private RouteDescriptor describe(String pattern, List<Route> routes) {
		Set<String> sources = new LinkedHashSet<>();
		List<String> handlers = new ArrayList<>();
		for (Route route : routes) {
			sources.add(route.kind().name().toLowerCase(Locale.ROOT));
			if (!handlers.contains(route.handler())) {
				handlers.add(route.handler());
			}
		}
		AllowedMethods methods = this.index.get().allowedFor(routes);
		return new RouteDescriptor(pattern, methods.methods(), List.copyOf(sources), handlers);
	}

	/**
	 * Every route pattern of the application.
	 *
	 * @param routes the routes, sorted by pattern
	 */
	public record MethodsDescriptor(List<RouteDescriptor> routes) {
	}

	/**
	 * One route pattern.
	 *
	 * @param pattern the pattern, such as {@code /api/products/{id}}
	 * @param methods the methods it takes, in canonical order
	 * @param sources the kinds of handler behind it: annotated, functional, resource,
	 * handler, servlet, actuator
	 * @param handlers descriptions of the handlers (controller method, router function
	 * predicate, servlet class)
	 */
	public record RouteDescriptor(String pattern, List<String> methods, List<String> sources,
			List<String> handlers) {
	}

	/**
	 * One concrete path.
	 *
	 * @param path the path
	 * @param patterns the patterns that serve it
	 * @param methods the methods it takes, as a 405 or {@code OPTIONS} there lists them
	 * @param allow the {@code Allow} header value
	 */
	public record PathDescriptor(String path, List<String> patterns, List<String> methods, String allow) {
	}

}
