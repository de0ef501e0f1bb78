package dev.methodguard.allow;

import java.util.Objects;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import org.springframework.http.server.PathContainer;

/**
 * Which of the paths a route's pattern matches are resources: all of them
 * ({@link #always()}), or those a check accepts ({@link #checkedBy(Predicate)}), such as the
 * paths of static files that exist. A value, not a sentinel: a route is "always present" by
 * what it says, never by the identity of a predicate. A checked route may cost I/O, so the
 * method index asks its check only where no route that is always present decides the answer,
 * and never before Spring's handler lookup.
 */
public final class Presence {

	private static final Presence ALWAYS = new Presence(null);

	private final @Nullable Predicate<PathContainer> check;

	private Presence(@Nullable Predicate<PathContainer> check) {
		this.check = check;
	}

	/**
	 * Every path the pattern matches is a resource.
	 * @return the presence of such a route
	 */
	public static Presence always() {
		return ALWAYS;
	}

	/**
	 * A path the pattern matches is a resource only if the check accepts it.
	 * @param check the check; it receives the path within the application
	 * @return the presence of such a route
	 */
	public static Presence checkedBy(Predicate<PathContainer> check) {
		return new Presence(Objects.requireNonNull(check, "check"));
	}

	/**
	 * Whether every matching path is a resource, without a check.
	 * @return {@code true} for {@link #always()}
	 */
	public boolean isAlways() {
		return this.check == null;
	}

	/**
	 * Whether a path the pattern matches is a resource.
	 * @param path the path within the application
	 * @return {@code true} if it is
	 */
	public boolean test(PathContainer path) {
		return this.check == null || this.check.test(path);
	}

	@Override
	public String toString() {
		return isAlways() ? "always" : "checked";
	}

}
