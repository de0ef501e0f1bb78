package dev.methodguard.allow;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;

/**
 * One registration of a handler: the paths it serves, the methods it takes on them, and
 * where it comes from.
 *
 * @param pattern the paths the handler serves
 * @param methods the methods it takes there
 * @param kind the kind of handler
 * @param handler a description of the handler (controller method, router function, servlet
 * class)
 * @param explicitOptions whether the handler answers {@code OPTIONS} itself, so that
 * method-guard leaves {@code OPTIONS} there to it: it maps {@code OPTIONS}, or it takes
 * every method and so receives {@code OPTIONS} in plain Spring (a functional route without a
 * method predicate, an {@code HttpRequestHandler}, a servlet that overrides
 * {@code service})
 * @param acceptPatch the media types a {@code PATCH} there consumes, for the
 * {@code Accept-Patch} header
 * @param presence a further check a path must pass to be a resource, such as the
 * existence of a static file; it receives the path within the application
 */
public record Route(RoutePattern pattern, AllowedMethods methods, RouteKind kind, String handler,
		boolean explicitOptions, List<MediaType> acceptPatch, Predicate<PathContainer> presence) {

	/** The presence check of a route whose every matching path is a resource. */
	public static final Predicate<PathContainer> ALWAYS_PRESENT = (path) -> true;

	/**
	 * Validate and copy the components.
	 */
	public Route {
		Objects.requireNonNull(pattern, "pattern");
		Objects.requireNonNull(methods, "methods");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(handler, "handler");
		acceptPatch = List.copyOf(acceptPatch);
		Objects.requireNonNull(presence, "presence");
	}

	/**
	 * A route whose paths are all resources.
	 * @param pattern the paths the handler serves
	 * @param methods the methods it takes there
	 * @param kind the kind of handler
	 * @param handler a description of the handler
	 * @return the route
	 */
	public static Route of(RoutePattern pattern, AllowedMethods methods, RouteKind kind, String handler) {
		return new Route(pattern, methods, kind, handler, false, List.of(), ALWAYS_PRESENT);
	}

	/**
	 * Whether every path the pattern matches is a resource, with no presence check.
	 * @return {@code true} if the presence check is {@link #ALWAYS_PRESENT}
	 */
	boolean alwaysPresent() {
		return this.presence == ALWAYS_PRESENT;
	}

}
