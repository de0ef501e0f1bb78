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

	private final String[] simpleSegments;

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
		String value = pattern.getPatternString();
		String[] parts = value.startsWith("/") ? split(value) : null;
		this.literalSegments = (caseSensitive && parts != null) ? literalSegments(this.prefixSegments, parts)
				: this.prefixSegments;
		this.simpleSegments = (caseSensitive && parts != null) ? simpleSegments(this.prefixSegments, parts) : null;
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
	 * The number of segments every path this pattern matches has, where the pattern is simple:
	 * made of literal and plain {@code {name}} segments only, and case-sensitive, so that
	 * {@link #matchesSegments(String[])} can match it on raw segments.
	 * @return the number of segments, or {@code -1} if the pattern is not simple
	 */
	int simpleLength() {
		return (this.simpleSegments != null) ? this.simpleSegments.length : -1;
	}

	/**
	 * Whether this simple pattern has a literal segment after its leading literal prefix,
	 * which {@link #matchesSegments(String[])} must compare.
	 * @return {@code true} if a literal follows a variable
	 */
	boolean hasLiteralAfterPrefix() {
		for (int i = this.literalSegments.size(); i < this.simpleSegments.length; i++) {
			if (this.simpleSegments[i] != null) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The positions of the variables of this simple pattern, as bits.
	 * @return bit {@code i} set where segment {@code i} is a variable (first 64 segments)
	 */
	long variableMask() {
		long mask = 0;
		for (int i = 0; i < Math.min(64, this.simpleSegments.length); i++) {
			if (this.simpleSegments[i] == null) {
				mask |= 1L << i;
			}
		}
		return mask;
	}

	/**
	 * Whether the segments of a path without percent-encoding and matrix parameters match
	 * this simple pattern, exactly as the Spring pattern would: literal segments equal, a
	 * variable takes one non-empty segment. The leading literal segments are not compared
	 * again: the index only asks a pattern whose literal prefix the path already has.
	 * @param segments the segments of the path, as {@link #split(String)} gives them
	 * @return {@code true} on a match
	 */
	boolean matchesSegments(String[] segments) {
		String[] simple = this.simpleSegments;
		if (segments.length != simple.length) {
			return false;
		}
		for (int i = this.literalSegments.size(); i < simple.length; i++) {
			String literal = simple[i];
			if ((literal != null) ? !literal.equals(segments[i]) : segments[i].isEmpty()) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The segments of a raw path that starts with {@code /}: {@code /a/b} gives
	 * {@code [a, b]}, {@code /a/} gives {@code [a, ""]} and {@code /} gives {@code [""]}.
	 * @param path the path
	 * @return the segments
	 */
	static String[] split(String path) {
		int count = 1;
		for (int i = 1; i < path.length(); i++) {
			if (path.charAt(i) == '/') {
				count++;
			}
		}
		String[] segments = new String[count];
		int start = 1;
		for (int n = 0; n < count; n++) {
			int end = path.indexOf('/', start);
			if (end < 0) {
				end = path.length();
			}
			segments[n] = path.substring(start, end);
			start = end + 1;
		}
		return segments;
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

	private static List<String> literalSegments(List<String> prefixSegments, String[] parts) {
		List<String> result = new ArrayList<>(prefixSegments);
		for (int i = 0; i < parts.length && !parts[i].isEmpty() && isLiteral(parts[i]); i++) {
			result.add(parts[i]);
		}
		return List.copyOf(result);
	}

	private static String[] simpleSegments(List<String> prefixSegments, String[] parts) {
		List<String> segments = new ArrayList<>(prefixSegments);
		for (int i = 0; i < parts.length; i++) {
			String part = parts[i];
			boolean variable = part.length() > 2 && part.charAt(0) == '{' && part.charAt(part.length() - 1) == '}'
					&& isIdentifier(part, 1, part.length() - 1);
			if (!variable && (!isLiteral(part) || (part.isEmpty() && i < parts.length - 1))) {
				return null;
			}
			segments.add(variable ? null : part);
		}
		return segments.toArray(new String[0]);
	}

	private static boolean isIdentifier(String text, int start, int end) {
		for (int i = start; i < end; i++) {
			if (!Character.isJavaIdentifierPart(text.charAt(i))) {
				return false;
			}
		}
		return true;
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
