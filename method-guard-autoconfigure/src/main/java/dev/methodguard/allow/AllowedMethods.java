package dev.methodguard.allow;

import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An immutable, normalized set of HTTP methods in canonical order: {@code GET, HEAD, POST,
 * PUT, PATCH, DELETE, OPTIONS} (RFC 9110's order, with RFC 5789's PATCH), then
 * {@code QUERY} (RFC 10008, a later addition, so that no existing {@code Allow} changes),
 * then any other method alphabetically. Method tokens are case-sensitive (RFC 9110 section
 * 9.1), so {@code get} is not {@code GET}.
 * <p>
 * A set is either a list of explicit methods or "any method", the set of a mapping that has
 * no method condition. "Any method" contains every method but {@code TRACE}, and renders as
 * the standard methods such a mapping takes: those Spring lists for it, and {@code QUERY}.
 */
public final class AllowedMethods {

	/** The standard methods in canonical order. */
	static final List<String> CANONICAL = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
			"QUERY");

	/** The methods defined by RFC 9110, RFC 5789 and RFC 10008; all others are extension methods. */
	public static final List<String> STANDARD = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
			"QUERY", "TRACE", "CONNECT");

	private static final Comparator<String> ORDER = Comparator
		.comparingInt((String method) -> rank(method))
		.thenComparing(Comparator.naturalOrder());

	private static final int MAX_CACHED = 256;

	/** Shared instances of the sets the application's routes use, a handful in practice. */
	private static final Map<List<String>, AllowedMethods> CACHE = new ConcurrentHashMap<>();

	private static final AllowedMethods NONE = new AllowedMethods(List.of(), false);

	private static final AllowedMethods ANY = new AllowedMethods(CANONICAL, true);

	private static final AllowedMethods OPTIONS_ONLY = new AllowedMethods(List.of("OPTIONS"), false);

	private final List<String> methods;

	private final boolean any;

	private AllowedMethods withOptions;

	private AllowedMethods(List<String> methods, boolean any) {
		this.methods = methods;
		this.any = any;
	}

	/**
	 * The empty set.
	 * @return a set without methods
	 */
	public static AllowedMethods none() {
		return NONE;
	}

	/**
	 * The set of a handler that takes every method (no method condition).
	 * @return the "any method" set
	 */
	public static AllowedMethods any() {
		return ANY;
	}

	/**
	 * A set of the given methods, with {@code HEAD} added where {@code GET} is present.
	 * @param methods the method tokens, case-sensitive
	 * @return the normalized set
	 */
	public static AllowedMethods of(Collection<String> methods) {
		TreeSet<String> sorted = new TreeSet<>(ORDER);
		for (String method : methods) {
			sorted.add(Objects.requireNonNull(method, "method"));
		}
		if (sorted.contains("GET")) {
			sorted.add("HEAD");
		}
		if (sorted.isEmpty()) {
			return NONE;
		}
		List<String> key = List.copyOf(sorted);
		AllowedMethods cached = CACHE.get(key);
		if (cached != null) {
			return cached;
		}
		AllowedMethods created = new AllowedMethods(key, false);
		if (CACHE.size() < MAX_CACHED) {
			CACHE.putIfAbsent(key, created);
		}
		return created;
	}

	/**
	 * A set of the given methods, with {@code HEAD} added where {@code GET} is present.
	 * @param methods the method tokens, case-sensitive
	 * @return the normalized set
	 */
	public static AllowedMethods of(String... methods) {
		return of(List.of(methods));
	}

	/**
	 * Whether a method is one that RFC 9110, RFC 5789 or RFC 10008 defines.
	 * @param method the method token
	 * @return {@code true} for GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, QUERY, TRACE and
	 * CONNECT
	 */
	public static boolean isStandard(String method) {
		return STANDARD.contains(method);
	}

	/**
	 * Whether a request with this method is taken by a handler behind this set.
	 * @param method the method token
	 * @return {@code true} if it is in the set
	 */
	public boolean contains(String method) {
		boolean listed = Collections.binarySearch(this.methods, method, ORDER) >= 0;
		return listed || (this.any && !"TRACE".equals(method));
	}

	/**
	 * Whether this is the set of a handler that takes every method.
	 * @return {@code true} for the "any method" set
	 */
	public boolean isAny() {
		return this.any;
	}

	/**
	 * Whether the set has no method.
	 * @return {@code true} if empty
	 */
	public boolean isEmpty() {
		return this.methods.isEmpty();
	}

	/**
	 * The union of this set and another.
	 * @param other the other set
	 * @return a set with the methods of both
	 */
	public AllowedMethods union(AllowedMethods other) {
		if (other.isEmpty() || equals(other)) {
			return this;
		}
		if (isEmpty()) {
			return other;
		}
		TreeSet<String> all = new TreeSet<>(ORDER);
		all.addAll(this.methods);
		all.addAll(other.methods);
		return new AllowedMethods(List.copyOf(all), this.any || other.any);
	}

	/**
	 * This set with {@code OPTIONS} added.
	 * @return a set that contains {@code OPTIONS}
	 */
	public AllowedMethods withOptions() {
		AllowedMethods result = this.withOptions;
		if (result == null) {
			result = contains("OPTIONS") ? this : union(OPTIONS_ONLY);
			this.withOptions = result;
		}
		return result;
	}

	/**
	 * The methods in canonical order.
	 * @return an unmodifiable list
	 */
	public List<String> methods() {
		return this.methods;
	}

	/**
	 * The value of an {@code Allow} header for this set.
	 * @return the methods in canonical order, separated by {@code ", "}
	 */
	public String toHeaderValue() {
		return String.join(", ", this.methods);
	}

	private static int rank(String method) {
		int index = CANONICAL.indexOf(method);
		return (index >= 0) ? index : CANONICAL.size();
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof AllowedMethods that) && this.any == that.any && this.methods.equals(that.methods);
	}

	@Override
	public int hashCode() {
		return this.methods.hashCode() * 31 + Boolean.hashCode(this.any);
	}

	@Override
	public String toString() {
		return this.any ? "ANY" + this.methods : this.methods.toString();
	}

}
