package dev.methodguard.internal.allow;

import java.util.List;

import dev.methodguard.allow.AllowedMethods;
import dev.methodguard.allow.Route;

import org.springframework.http.MediaType;

/**
 * What the {@link MethodIndex} knows of one path: the routes that serve it and the methods
 * they take together.
 *
 * @param routes the routes whose pattern matches the path, in index order
 * @param allowed the union of their methods, {@code OPTIONS} included
 * @param explicitOptions whether one of them answers {@code OPTIONS} itself
 * @param acceptPatch the media types a {@code PATCH} there consumes
 */
public record Resolution(List<Route> routes, AllowedMethods allowed, boolean explicitOptions,
		List<MediaType> acceptPatch) {

	/**
	 * Copy the components.
	 */
	public Resolution {
		routes = List.copyOf(routes);
		acceptPatch = List.copyOf(acceptPatch);
	}

	/**
	 * The distinct patterns of the routes, in index order.
	 * @return the patterns as text
	 */
	public List<String> patterns() {
		return this.routes.stream().map((route) -> route.pattern().value()).distinct().toList();
	}

}
