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

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import org.jspecify.annotations.Nullable;

import dev.methodguard.allow.AllowedMethods;
import dev.methodguard.allow.Route;
import dev.methodguard.allow.RouteVersion;
import dev.methodguard.internal.allow.MethodIndex;
import dev.methodguard.internal.allow.PathPolicy;
import dev.methodguard.internal.allow.Resolution;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.Selector.Match;
import org.springframework.web.accept.ApiVersionStrategy;

/**
 * The {@code methods} endpoint: which methods each route pattern of the application takes,
 * and which methods one concrete path takes — exactly what a 405 or {@code OPTIONS} there
 * answers, read from the same index. Where routes have API version
 * conditions, a pattern is reported once per version condition, with that condition, and a
 * path can be asked for in one version.
 */
@Endpoint(id = "methods")
public final class MethodsEndpoint {

	private final Supplier<MethodIndex> index;

	private final PathPolicy policy;

	private final boolean showConcealed;

	private final Supplier<? extends @Nullable ApiVersionStrategy> versionStrategy;

	/**
	 * Create the endpoint for an application without API versioning.
	 * @param index the method index
	 * @param policy the path policy, whose concealed routes are hidden
	 * @param showConcealed whether to list concealed routes all the same
	 */
	MethodsEndpoint(Supplier<MethodIndex> index, PathPolicy policy, boolean showConcealed) {
		this(index, policy, showConcealed, () -> null);
	}

	/**
	 * Create the endpoint.
	 * @param index the method index
	 * @param policy the path policy, whose concealed routes are hidden
	 * @param showConcealed whether to list concealed routes all the same
	 * @param versionStrategy the application's API version strategy, to parse the version a
	 * path is asked for in; it may supply {@code null} (no API versioning)
	 */
	MethodsEndpoint(Supplier<MethodIndex> index, PathPolicy policy, boolean showConcealed,
			Supplier<? extends @Nullable ApiVersionStrategy> versionStrategy) {
		this.index = index;
		this.policy = policy;
		this.showConcealed = showConcealed;
		this.versionStrategy = versionStrategy;
	}

	/**
	 * Every route pattern, sorted, with its methods, sources and handlers; once per API
	 * version condition where its routes have several, sorted by version.
	 * @return the descriptor
	 */
	@ReadOperation
	public MethodsDescriptor methods() {
		Map<PatternVersion, List<Route>> byPattern = new LinkedHashMap<>();
		for (Route route : this.index.get().routes()) {
			String pattern = route.pattern().value();
			if (this.showConcealed || !this.policy.concealsRoute(pattern)) {
				byPattern.computeIfAbsent(new PatternVersion(pattern, route.version()), (key) -> new ArrayList<>())
					.add(route);
			}
		}
		List<PatternVersion> keys = new ArrayList<>(byPattern.keySet());
		keys.sort(PatternVersion.ORDER);
		List<RouteDescriptor> routes = new ArrayList<>();
		for (PatternVersion key : keys) {
			routes.add(describe(key, byPattern.get(key)));
		}
		return new MethodsDescriptor(routes);
	}

	/**
	 * What one concrete path resolves to.
	 * @param path the path within the application, as segments
	 * @return the descriptor, or {@code null} (404) where no route serves the path or the
	 * path is concealed
	 */
	public @Nullable PathDescriptor path(String[] path) {
		return path(path, null);
	}

	/**
	 * What one concrete path resolves to, for every API version or for one.
	 * @param path the path within the application, as segments
	 * @param version the API version to resolve the path for, parsed with the application's
	 * strategy; {@code null} for the routes of every version
	 * @return the descriptor, or {@code null} (404) where no route serves the path (in that
	 * version) or the path is concealed
	 * @throws InvalidEndpointRequestException (400) for a version the application's strategy
	 * cannot parse, or where the application does not version its API
	 */
	@ReadOperation
	public @Nullable PathDescriptor path(@Selector(match = Match.ALL_REMAINING) String[] path,
			@Nullable String version) {
		String value = "/" + String.join("/", path);
		if (!this.showConcealed && this.policy.isConcealed(value)) {
			return null;
		}
		Comparable<?> parsed = (version != null) ? parse(version) : null;
		Resolution resolution = this.index.get().lookup(value, () -> parsed).orElse(null);
		if (resolution == null) {
			return null;
		}
		return new PathDescriptor(value, resolution.patterns(), resolution.allowed().methods(),
				resolution.allowed().toHeaderValue(), version);
	}

	private Comparable<?> parse(String version) {
		ApiVersionStrategy strategy = this.versionStrategy.get();
		if (strategy == null) {
			throw new InvalidEndpointRequestException("The application does not version its API",
					"No API versioning");
		}
		try {
			return strategy.parseVersion(version);
		}
		catch (RuntimeException ex) {
			throw new InvalidEndpointRequestException("Invalid API version '" + version + "'", "Invalid API version");
		}
	}

	private RouteDescriptor describe(PatternVersion key, List<Route> routes) {
		Set<String> sources = new LinkedHashSet<>();
		List<String> handlers = new ArrayList<>();
		for (Route route : routes) {
			sources.add(route.kind().name().toLowerCase(Locale.ROOT));
			if (!handlers.contains(route.handler())) {
				handlers.add(route.handler());
			}
		}
		AllowedMethods methods = this.index.get().allowedFor(routes);
		return new RouteDescriptor(key.pattern(), methods.methods(), List.copyOf(sources), handlers,
				key.version().isVersioned() ? key.version().toString() : null);
	}

	/**
	 * The key routes are reported by: their pattern and their version condition, sorted by
	 * pattern, then without a condition first, then by version, a fixed version before the
	 * baseline of the same version.
	 */
	private record PatternVersion(String pattern, RouteVersion version) {

		static final Comparator<PatternVersion> ORDER = Comparator.comparing(PatternVersion::pattern)
			.thenComparing(PatternVersion::version, RouteVersion.ORDER);

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
	 * @param versions the API version condition of these routes, such as {@code "1.1"} (that
	 * version only) or {@code "1.1+"} (that version and later ones); {@code null} where they
	 * have none, and then left out of the JSON
	 */
	public record RouteDescriptor(String pattern, List<String> methods, List<String> sources,
			List<String> handlers, @JsonInclude(Include.NON_NULL) @Nullable String versions) {

		/**
		 * A pattern whose routes have no API version condition.
		 * @param pattern the pattern
		 * @param methods the methods it takes, in canonical order
		 * @param sources the kinds of handler behind it
		 * @param handlers descriptions of the handlers
		 */
		public RouteDescriptor(String pattern, List<String> methods, List<String> sources, List<String> handlers) {
			this(pattern, methods, sources, handlers, null);
		}

	}

	/**
	 * One concrete path.
	 *
	 * @param path the path
	 * @param patterns the patterns that serve it
	 * @param methods the methods it takes, as a 405 or {@code OPTIONS} there lists them
	 * @param allow the {@code Allow} header value
	 * @param version the API version the path was resolved for, {@code null} for every
	 * version, and then left out of the JSON
	 */
	public record PathDescriptor(String path, List<String> patterns, List<String> methods, String allow,
			@JsonInclude(Include.NON_NULL) @Nullable String version) {

		/**
		 * A path resolved for every API version.
		 * @param path the path
		 * @param patterns the patterns that serve it
		 * @param methods the methods it takes
		 * @param allow the {@code Allow} header value
		 */
		public PathDescriptor(String path, List<String> patterns, List<String> methods, String allow) {
			this(path, patterns, methods, allow, null);
		}

	}

}
