package dev.methodguard.allow;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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

	private final List<String> literalSegments;

	/**
	 * Create a pattern.
	 * @param prefix the servlet path prefix, such as {@code /mvc}, or {@code ""}
	 * @param pattern the pattern within that servlet
	 */
	public RoutePattern(String prefix, PathPattern pattern) {
		this.prefix = normalizePrefix(prefix);
		this.prefixSegments = segments(this.prefix);
		this.pattern = Objects.requireNonNull(pattern, "pattern");
		this.literalSegments = literalSegments(this.prefixSegments, pattern.getPatternString());
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
	 * The leading segments every matching path starts with, as decoded literals.
	 * @return the literal segments, possibly empty
	 */
	List<String> literalSegments() {
		return this.literalSegments;
	}

	/**
	 * The part of a path within the application that the pattern itself sees, or
	 * {@code null} if the path is not below the servlet prefix.
	 * @param path a path within the application
	 * @return the path within the servlet, or {@code null}
	 */
	PathContainer withinServlet(PathContainer path) {
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

	private static List<String> literalSegments(List<String> prefixSegments, String pattern) {
		List<String> result = new ArrayList<>(prefixSegments);
		String[] parts = pattern.split("/", -1);
		for (int i = 1; i < parts.length && !parts[i].isEmpty() && isLiteral(parts[i]); i++) {
			result.add(parts[i]);
		}
		return List.copyOf(result);
	}

	private static boolean isLiteral(String segment) {
		for (int i = 0; i < segment.length(); i++) {
			char c = segment.charAt(i);
			if (c == '{' || c == '}' || c == '*' || c == '?' || c == '%' || c == ';' || c == '\\') {
				return false;
			}
		}
		return true;
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
