package dev.methodguard.internal.allow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.methodguard.allow.AllowedMethods;
import dev.methodguard.allow.Presence;
import dev.methodguard.allow.Route;
import dev.methodguard.allow.RouteKind;
import dev.methodguard.allow.RoutePattern;
import dev.methodguard.allow.RouteSource;
import dev.methodguard.allow.RouteVersion;

import org.springframework.http.MediaType;
import org.springframework.web.accept.ApiVersionStrategy;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.condition.VersionRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.web.util.pattern.PatternParseException;

/**
 * Routes of annotated handler methods, read from a {@link RequestMappingInfoHandlerMapping}
 * (controllers, and Actuator's web endpoints, which use the same mapping infrastructure).
 * A mapping with no method condition takes every method. A mapping's API version condition
 * ({@code @RequestMapping(version = ...)}) is read, and parsed with the handler mapping's
 * {@link ApiVersionStrategy}.
 */
public final class RequestMappingRouteSource implements RouteSource {

	private static final Log logger = LogFactory.getLog(RequestMappingRouteSource.class);

	private final RequestMappingInfoHandlerMapping mapping;

	private final String servletPrefix;

	private final Predicate<HandlerMethod> infrastructure;

	private final RouteKind kind;

	/**
	 * Create a source of annotated controllers' routes.
	 * @param mapping the handler mapping to read
	 * @param servletPrefix the path prefix of the {@code DispatcherServlet}, {@code ""} for
	 * {@code /}
	 * @param infrastructure handler methods that are infrastructure rather than resources
	 * (such as the error controller), left out of the index
	 */
	public RequestMappingRouteSource(RequestMappingInfoHandlerMapping mapping, String servletPrefix,
			Predicate<HandlerMethod> infrastructure) {
		this(mapping, servletPrefix, infrastructure, RouteKind.ANNOTATED);
	}

	/**
	 * Create a source whose routes are of the given kind.
	 * @param mapping the handler mapping to read
	 * @param servletPrefix the path prefix of the {@code DispatcherServlet}, {@code ""} for
	 * {@code /}
	 * @param infrastructure handler methods that are infrastructure rather than resources
	 * (such as the error controller), left out of the index
	 * @param kind the kind of its routes ({@link RouteKind#ACTUATOR} for the mappings of
	 * Actuator's web endpoints, which the caller recognizes by their type)
	 */
	public RequestMappingRouteSource(RequestMappingInfoHandlerMapping mapping, String servletPrefix,
			Predicate<HandlerMethod> infrastructure, RouteKind kind) {
		this.mapping = mapping;
		this.servletPrefix = servletPrefix;
		this.infrastructure = infrastructure;
		this.kind = kind;
	}

	@Override
	public List<Route> routes() {
		return read().routes();
	}

	/**
	 * Read the mappings; where the mapping matches with {@code AntPathMatcher}
	 * ({@code ant-path-matcher} mode) its patterns are indexed as {@code PathPattern}s where
	 * they parse, for the {@code Allow} of Spring's own rejections, but reported unread:
	 * their matching rules (case, decoding, {@code ;}, {@code //}) are not the index's.
	 */
	@Override
	public Reading read() {
		List<String> unread = new ArrayList<>();
		RouteKind kind = this.kind;
		boolean caseSensitive = isCaseSensitive(this.mapping.getPatternParser());
		ApiVersionStrategy strategy = this.mapping.getApiVersionStrategy();
		List<Route> routes = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : this.mapping.getHandlerMethods().entrySet()) {
			if (this.infrastructure.test(entry.getValue())) {
				continue;
			}
			RequestMappingInfo info = entry.getKey();
			Set<RequestMethod> declared = info.getMethodsCondition().getMethods();
			AllowedMethods methods = declared.isEmpty() ? AllowedMethods.any()
					: AllowedMethods.of(declared.stream().map(RequestMethod::name).toList());
			boolean explicitOptions = declared.contains(RequestMethod.OPTIONS);
			List<MediaType> consumes = List.copyOf(info.getConsumesCondition().getConsumableMediaTypes());
			List<MediaType> produces = List.copyOf(info.getProducesCondition().getProducibleMediaTypes());
			List<MediaType> acceptPatch = declared.contains(RequestMethod.PATCH) ? consumes : List.of();
			RouteVersion version = version(info.getVersionCondition(), strategy);
			for (PathPattern pattern : patterns(info, unread)) {
				routes.add(new Route(new RoutePattern(this.servletPrefix, pattern, caseSensitive), methods, kind,
						entry.getValue().toString(), explicitOptions, acceptPatch, Presence.always(),
						this.mapping.getOrder(), consumes, produces, version));
			}
		}
		return new Reading(routes, unread);
	}

	/**
	 * The version condition of a mapping. Spring keeps whether it is a baseline to itself;
	 * a condition equals the one declared with the same text, so a baseline is the condition
	 * that equals its value declared with a {@code +}.
	 */
	private static RouteVersion version(VersionRequestCondition condition, @Nullable ApiVersionStrategy strategy) {
		String value = condition.getVersion();
		if (value == null || strategy == null) {
			return RouteVersion.NONE;
		}
		boolean baseline = condition.equals(new VersionRequestCondition(value + "+", strategy));
		return RouteVersion.parse(baseline ? value + "+" : value, strategy);
	}

	/**
	 * Whether the patterns of a handler mapping with this parser match case-sensitively.
	 * @param parser the parser of the mapping, or {@code null}
	 * @return {@code true} unless the parser is case-insensitive
	 */
	static boolean isCaseSensitive(PathPatternParser parser) {
		return parser == null || parser.isCaseSensitive();
	}

	private Collection<PathPattern> patterns(RequestMappingInfo info, List<String> unread) {
		PathPatternsRequestCondition condition = info.getPathPatternsCondition();
		if (condition != null) {
			return condition.getPatterns();
		}
		if (unread.isEmpty()) {
			unread.add("ant-path-matcher patterns of " + this.mapping.getClass().getName());
		}
		List<PathPattern> parsed = new ArrayList<>();
		for (String value : info.getPatternValues()) {
			try {
				parsed.add(PathPatternParser.defaultInstance.parse(value));
			}
			catch (PatternParseException ex) {
				logger.debug("Pattern '" + value + "' is not a PathPattern; method-guard leaves it out", ex);
			}
		}
		return parsed;
	}

}
