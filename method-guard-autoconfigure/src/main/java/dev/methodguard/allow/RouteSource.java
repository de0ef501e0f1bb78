package dev.methodguard.allow;

import java.util.List;

/**
 * Reads the {@link Route routes} of one kind of handler from what the application
 * registered.
 */
@FunctionalInterface
public interface RouteSource {

	/**
	 * The routes this source knows, read when the {@link MethodIndex} is built.
	 * @return the routes
	 */
	List<Route> routes();

}
