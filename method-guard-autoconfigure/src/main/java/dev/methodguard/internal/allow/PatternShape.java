package dev.methodguard.internal.allow;

import java.util.ArrayList;
import java.util.List;

import dev.methodguard.allow.RoutePattern;


/**
 * What the {@link MethodIndex} reads from a {@link RoutePattern} to find it without asking
 * every pattern: the literal segments every matching path starts with, and, for a simple
 * pattern, its segments, so that it is matched on a raw path's segments.
 */
final class PatternShape {

	private final RoutePattern pattern;

	private final List<String> literalSegments;

	private final String[] simpleSegments;

	private PatternShape(RoutePattern pattern, List<String> literalSegments, String[] simpleSegments) {
		this.pattern = pattern;
		this.literalSegments = literalSegments;
		this.simpleSegments = simpleSegments;
	}

	/**
	 * The shape of a pattern.
	 * @param pattern the pattern
	 * @return its shape
	 */
	static PatternShape of(RoutePattern pattern) {
		List<String> prefixSegments = segments(pattern.prefix());
		String value = pattern.pathPattern().getPatternString();
		String[] parts = (pattern.isCaseSensitive() && value.startsWith("/")) ? split(value) : null;
		return (parts != null)
				? new PatternShape(pattern, literalSegments(prefixSegments, parts), simpleSegments(prefixSegments, parts))
				: new PatternShape(pattern, prefixSegments, null);
	}

	/**
	 * The pattern this is the shape of.
	 * @return the pattern
	 */
	RoutePattern pattern() {
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

}
