package dev.methodguard.allow;

import org.springframework.context.ApplicationEvent;

/**
 * Tells method-guard that the routes of the application changed at run time in a way it
 * does not detect itself: published by the code that changed them (a library that
 * registers handlers in a handler mapping of its own, a router function that changes what
 * it routes to), after the change. The next request that needs the index has it built
 * again. Annotated controllers registered or unregistered through Spring MVC's own mapping,
 * replaced router function beans and refreshes of Spring Cloud's refresh scope are detected
 * without it; a {@link RouteSource} of the application's own rather gives its reading a
 * check ({@link RouteSource.Reading#unchanged()}).
 */
public final class RoutesChangedEvent extends ApplicationEvent {

	private static final long serialVersionUID = 1L;

	/**
	 * Create the event.
	 * @param source what changed the routes
	 */
	public RoutesChangedEvent(Object source) {
		super(source);
	}

}
