package dev.methodguard.internal.allow;

import java.util.List;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.web.util.pattern.PatternParseException;

/**
 * Which paths method-guard conceals (a wrong method gets a 404, nothing reveals the route)
 * and which it leaves entirely to Spring's default handling. Patterns are Spring
 * {@link PathPattern}s matched against the path within the application.
 */
public final class PathPolicy {

	private static final PathPolicy NONE = new PathPolicy(List.of(), List.of());

	private final List<PathPattern> concealed;

	private final List<PathPattern> excluded;

	private PathPolicy(List<PathPattern> concealed, List<PathPattern> excluded) {
		this.concealed = concealed;
		this.excluded = excluded;
	}

	/**
	 * The policy that conceals and excludes nothing.
	 * @return the empty policy
	 */
	public static PathPolicy none() {
		return NONE;
	}

	/**
	 * A policy of the given patterns.
	 * @param concealed the patterns of concealed paths
	 * @param excluded the patterns of excluded paths
	 * @return the policy
	 * @throws PatternParseException if a pattern is not a valid path pattern
	 */
	public static PathPolicy of(List<String> concealed, List<String> excluded) {
		return new PathPolicy(parse(concealed), parse(excluded));
	}

	/**
	 * Parse path patterns as the policy does.
	 * @param patterns the patterns
	 * @return the parsed patterns
	 * @throws PatternParseException if a pattern is not a valid path pattern
	 */
	public static List<PathPattern> parse(List<String> patterns) {
		PathPatternParser parser = PathPatternParser.defaultInstance;
		return patterns.stream().map((pattern) -> parser.parse(parser.initFullPathPattern(pattern))).toList();
	}

	/**
	 * Whether a wrong method on this path is answered as if the path did not exist.
	 * @param path the raw path within the application
	 * @return {@code true} if a conceal pattern matches
	 */
	public boolean isConcealed(String path) {
		return matches(this.concealed, path);
	}

	/**
	 * Whether method-guard leaves this path to Spring's default handling.
	 * @param path the raw path within the application
	 * @return {@code true} if an exclude pattern matches
	 */
	public boolean isExcluded(String path) {
		return matches(this.excluded, path);
	}

	/**
	 * Whether a route pattern lies below a conceal pattern, read as a path: its literal and
	 * variable segments are matched like the segments of a request path.
	 * @param routePattern the route pattern, such as {@code /admin/users/{id}}
	 * @return {@code true} if the route is concealed
	 */
	public boolean concealsRoute(String routePattern) {
		return matches(this.concealed, routePattern);
	}

	private static boolean matches(List<PathPattern> patterns, String path) {
		if (patterns.isEmpty()) {
			return false;
		}
		PathContainer parsed;
		try {
			parsed = PathContainer.parsePath(path);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		for (PathPattern pattern : patterns) {
			if (pattern.matches(parsed)) {
				return true;
			}
		}
		return false;
	}

}
