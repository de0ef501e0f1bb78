package dev.methodguard.allow;

import java.util.Comparator;

import org.jspecify.annotations.Nullable;

import org.springframework.web.accept.ApiVersionStrategy;

/**
 * The API version condition of a {@link Route}: none, a fixed version ({@code "1.1"}: that
 * version only) or a baseline ({@code "1.1+"}: that version and every later one), as
 * {@code @RequestMapping(version = ...)} and {@code RequestPredicates.version(...)} declare
 * it. The version is kept as the application's {@link ApiVersionStrategy} parsed it, so that
 * {@code "1.0"} and {@code "1.0.0"} compare as the application compares them.
 *
 * @param value the version as declared, without the {@code +} of a baseline; {@code null}
 * for no condition
 * @param baseline whether later versions match too
 * @param version the parsed version; {@code null} for no condition
 */
public record RouteVersion(@Nullable String value, boolean baseline, @Nullable Comparable<?> version) {

	/** No version condition: the route serves every version. */
	public static final RouteVersion NONE = new RouteVersion(null, false, null);

	/**
	 * The order conditions are reported in: none first, then by version, a fixed version
	 * before the baseline of the same version; versions that do not compare, by their text.
	 */
	public static final Comparator<RouteVersion> ORDER = RouteVersion::compareForReport;

	/**
	 * Check the components.
	 */
	public RouteVersion {
		if ((value == null) != (version == null)) {
			throw new IllegalArgumentException("A version condition needs both its value and its parsed version");
		}
	}

	/**
	 * The condition a route declares.
	 * @param declared the version as declared, such as {@code "1.1"} or {@code "1.1+"};
	 * {@code null} or blank for none
	 * @param strategy the strategy that parses it, the one of the route's handler mapping
	 * @return the condition; {@link #NONE} where nothing is declared or no strategy can parse
	 * it (Spring then has no version to match either)
	 */
	public static RouteVersion parse(@Nullable String declared, @Nullable ApiVersionStrategy strategy) {
		if (declared == null || declared.isBlank() || strategy == null) {
			return NONE;
		}
		boolean baseline = declared.endsWith("+");
		String value = baseline ? declared.substring(0, declared.length() - 1) : declared;
		return new RouteVersion(value, baseline, strategy.parseVersion(value));
	}

	/**
	 * Whether the route has a version condition.
	 * @return {@code false} for {@link #NONE}
	 */
	public boolean isVersioned() {
		return this.version != null;
	}

	/**
	 * Whether a request of a version is served: always without a condition or without a
	 * request version (Spring matches every version then); else the same version for a fixed
	 * condition, the same or a later one for a baseline.
	 * @param requested the parsed version of the request, or {@code null}
	 * @return {@code true} if the route serves it
	 */
	public boolean accepts(@Nullable Comparable<?> requested) {
		if (this.version == null || requested == null) {
			return true;
		}
		Integer comparison = compare(this.version, requested);
		if (comparison == null) {
			return true;
		}
		return this.baseline ? comparison <= 0 : comparison == 0;
	}

	/**
	 * Whether a fixed condition is earlier than a request version: Spring's annotated
	 * mappings then still match it as a baseline, prefer it to earlier versions of the same
	 * mapping, and reject the request it was chosen for.
	 * @param requested the parsed version of the request
	 * @return {@code true} for a fixed version earlier than the request's
	 */
	public boolean capsBelow(Comparable<?> requested) {
		if (this.version == null || this.baseline) {
			return false;
		}
		Integer comparison = compare(this.version, requested);
		return comparison != null && comparison < 0;
	}

	/**
	 * Whether this condition is preferred to another by Spring's annotated mappings for a
	 * request with a version: a later version, or any version to none.
	 * @param other the other condition
	 * @return {@code true} if this one wins
	 */
	public boolean isLaterThan(RouteVersion other) {
		if (this.version == null) {
			return false;
		}
		if (other.version == null) {
			return true;
		}
		Integer comparison = compare(this.version, other.version);
		return comparison != null && comparison > 0;
	}

	/**
	 * The condition as declared.
	 * @return such as {@code "1.1"} or {@code "1.1+"}; {@code ""} for none
	 */
	@Override
	public String toString() {
		return (this.value != null) ? this.value + (this.baseline ? "+" : "") : "";
	}

	private static int compareForReport(RouteVersion first, RouteVersion second) {
		if (first.version == null || second.version == null) {
			return Boolean.compare(first.version != null, second.version != null);
		}
		Integer comparison = compare(first.version, second.version);
		int order = (comparison != null) ? comparison : String.valueOf(first.value).compareTo(second.value);
		return (order != 0) ? order : Boolean.compare(first.baseline, second.baseline);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static @Nullable Integer compare(Comparable first, Object second) {
		try {
			return first.compareTo(second);
		}
		catch (ClassCastException ex) {
			return null;
		}
	}

}
