package dev.methodguard.internal.allow;

import org.jspecify.annotations.Nullable;

/**
 * The API version of the request a {@link MethodIndex} lookup is for, asked for only where a
 * route of the looked-up path has a version condition: an application without API
 * versioning, and a path without versioned routes, never resolve it.
 */
@FunctionalInterface
public interface RequestVersion {

	/** No version: every route counts, whatever its version condition. */
	RequestVersion NONE = () -> null;

	/**
	 * The version of the request, parsed as the application's API version strategy parses
	 * it.
	 * @return the version, or {@code null} where every route counts (the request has no
	 * version, or its version is not to be judged)
	 */
	@Nullable Comparable<?> get();

}
