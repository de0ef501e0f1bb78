package dev.methodguard.allow;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.http.server.PathContainer;
import org.springframework.http.server.PathContainer.Element;
import org.springframework.http.server.PathContainer.PathSegment;
import org.springframework.web.util.pattern.PathPattern;

/**
 * A Spring {@link PathPattern} as the application registered it, optionally below the
 * path prefix of the servlet that serves it (a {@code DispatcherServlet} mapped to
 * {@code /mvc/*} has the prefix {@code /mvc}). Paths are matched within the application,
 * that is without the context path.
 */
public final class RoutePattern {

	private final String prefix;

	private final List<String> prefixSegments;

	private final PathPattern pattern;

	private final boolean caseSensitive;

	/**
	 * Create a pattern.
	 * @param prefix the servlet path prefix, such as {@code /mvc}, or {@code ""}
	 * @param pattern the pattern within that servlet
	 */
	public RoutePattern(String prefix, PathPattern pattern) {
		this(prefix, pattern, true);
	}

	/**
	 * Create a pattern.
	 * @param prefix the servlet path prefix, such as {@code /mvc}, or {@code ""}
	 * @param pattern the pattern within that servlet
	 * @param caseSensitive whether the parser of the pattern matches case-sensitively; a
	 * case-insensitive pattern is always matched by Spring's own matcher
	 */
	public RoutePattern(String prefix, PathPattern pattern, boolean caseSensitive) {
		this.prefix = normalizePrefix(prefix);
		this.prefixSegments = segments(this.prefix);
		this.pattern = Objects.requireNonNull(pattern, "pattern");
		this.caseSensitive = caseSensitive;
	}

	/**
	 * The pattern as text, prefix included.
	 * @return the pattern, such as {@code /api/products/{id}}
	 */
	public String value() {
		return this.prefix + this.pattern.getPatternString();
	}

	/**
	 * The pattern within the servlet.
	 * @return the Spring path pattern
	 */
	public PathPattern pathPattern() {
		return this.pattern;
	}

	/**
	 * The servlet path prefix the pattern is below.
	 * @return the prefix, such as {@code /mvc}, or {@code ""}
	 */
	public String prefix() {
		return this.prefix;
	}

	/**
	 * Whether the parser of the pattern matches case-sensitively.
	 * @return {@code true} if it does
	 */
	public boolean isCaseSensitive() {
		return this.caseSensitive;
	}

	/**
	 * The part of a path within the application that the pattern itself sees.
	 * @param path a path within the application
	 * @return the path within the servlet, or {@code null} if the path is not below the
	 * servlet prefix
	 */
	public @Nullable PathContainer withinServlet(PathContainer path) {
		if (this.prefixSegments.isEmpty()) {
			return path;
		}
		List<Element> elements = path.elements();
		int index = 0;
		for (String segment : this.prefixSegments) {
			if (elements.size() < index + 2 || !(elements.get(index + 1) instanceof PathSegment pathSegment)
					|| !segment.equals(pathSegment.valueToMatch())) {
				return null;
			}
			index += 2;
		}
		return path.subPath(index);
	}

	/**
	 * Whether a path within the application matches this pattern.
	 * @param path the parsed path
	 * @return {@code true} on a match
	 */
	public boolean matches(PathContainer path) {
		PathContainer within = withinServlet(path);
		return within != null && this.pattern.matches(within);
	}

	private static String normalizePrefix(String prefix) {
		if (prefix == null || prefix.isEmpty() || "/".equals(prefix)) {
			return "";
		}
		String value = prefix.startsWith("/") ? prefix : "/" + prefix;
		return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
	}

	private static List<String> segments(String prefix) {
		List<String> result = new ArrayList<>();
		for (String segment : prefix.split("/")) {
			if (!segment.isEmpty()) {
				result.add(segment);
			}
		}
		return List.copyOf(result);
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof RoutePattern that) && this.prefix.equals(that.prefix)
				&& this.pattern.getPatternString().equals(that.pattern.getPatternString());
	}

	@Override
	public int hashCode() {
		return value().hashCode();
	}

	@Override
	public String toString() {
		return value();
	}

}
