package dev.methodguard.allow;

/**
 * The kind of handler a {@link Route} comes from.
 */
public enum RouteKind {

	/** An annotated controller method ({@code @RequestMapping} and its variants). */
	ANNOTATED,

	/** A functional route ({@code RouterFunction}, WebMvc.fn). */
	FUNCTIONAL,

	/** A static resource served by a {@code ResourceHttpRequestHandler}. */
	RESOURCE,

	/** Any other handler mapped by URL, such as an {@code HttpRequestHandler}. */
	HANDLER,

	/** A plain servlet registered with the container. */
	SERVLET,

	/** An Actuator endpoint. */
	ACTUATOR,

	/**
	 * A resource Spring Data REST exports (a repository's collection, item, search or
	 * association resource, its profile, the API root), with the methods its metadata
	 * supports there.
	 */
	DATA_REST

}
