package dev.methodguard.allow;

import java.util.List;
import java.util.Objects;

import org.springframework.core.Ordered;
import org.springframework.http.MediaType;

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
 * @param presence which of the matching paths are resources: all of them, or those a check
 * accepts, such as the paths of static files that exist
 * @param order the order of the handler mapping that holds the route ({@code Ordered}, the
 * lower the earlier the {@code DispatcherServlet} consults it);
 * {@link Ordered#HIGHEST_PRECEDENCE} where no handler mapping holds it (a plain servlet) or
 * its source does not say
 * @param consumes the media types a request body must have for the route to take the
 * request; empty for any
 * @param produces the media types the route answers with, one of which the request must
 * accept; empty for any
 * @param version the API version condition of the handler, {@link RouteVersion#NONE} for
 * none
 */
public record Route(RoutePattern pattern, AllowedMethods methods, RouteKind kind, String handler,
		boolean explicitOptions, List<MediaType> acceptPatch, Presence presence, int order,
		List<MediaType> consumes, List<MediaType> produces, RouteVersion version) {

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
		consumes = List.copyOf(consumes);
		produces = List.copyOf(produces);
		Objects.requireNonNull(version, "version");
	}

	/**
	 * A route without an API version condition.
	 * @param pattern the paths the handler serves
	 * @param methods the methods it takes there
	 * @param kind the kind of handler
	 * @param handler a description of the handler
	 * @param explicitOptions whether the handler answers {@code OPTIONS} itself
	 * @param acceptPatch the media types a {@code PATCH} there consumes
	 * @param presence which of the matching paths are resources
	 * @param order the order of the handler mapping that holds the route
	 * @param consumes the media types a request body must have, empty for any
	 * @param produces the media types the route answers with, empty for any
	 */
	public Route(RoutePattern pattern, AllowedMethods methods, RouteKind kind, String handler,
			boolean explicitOptions, List<MediaType> acceptPatch, Presence presence, int order,
			List<MediaType> consumes, List<MediaType> produces) {
		this(pattern, methods, kind, handler, explicitOptions, acceptPatch, presence, order, consumes, produces,
				RouteVersion.NONE);
	}

	/**
	 * A route of no known handler mapping order, without media type conditions.
	 * @param pattern the paths the handler serves
	 * @param methods the methods it takes there
	 * @param kind the kind of handler
	 * @param handler a description of the handler
	 * @param explicitOptions whether the handler answers {@code OPTIONS} itself
	 * @param acceptPatch the media types a {@code PATCH} there consumes
	 * @param presence which of the matching paths are resources
	 */
	public Route(RoutePattern pattern, AllowedMethods methods, RouteKind kind, String handler,
			boolean explicitOptions, List<MediaType> acceptPatch, Presence presence) {
		this(pattern, methods, kind, handler, explicitOptions, acceptPatch, presence, Ordered.HIGHEST_PRECEDENCE,
				List.of(), List.of());
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
		return new Route(pattern, methods, kind, handler, false, List.of(), Presence.always());
	}

	/**
	 * This route taking other methods, everything else the same.
	 * @param taken the methods it takes
	 * @return the route with those methods
	 */
	public Route withMethods(AllowedMethods taken) {
		return new Route(this.pattern, taken, this.kind, this.handler, this.explicitOptions, this.acceptPatch,
				this.presence, this.order, this.consumes, this.produces, this.version);
	}

}
