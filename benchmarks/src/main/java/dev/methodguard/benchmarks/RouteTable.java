package dev.methodguard.benchmarks;

import java.util.ArrayList;
import java.util.List;

import dev.methodguard.allow.AllowedMethods;
import dev.methodguard.allow.Route;
import dev.methodguard.allow.RouteKind;
import dev.methodguard.allow.RoutePattern;

import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Route tables of realistic shape for the benchmarks: groups of three routes under
 * {@code /api/v1..v3/}, a collection, an item below a {@code {var}} and a nested item, with
 * several methods each, and the paths that hit and miss them.
 */
final class RouteTable {

	private RouteTable() {
	}

	/**
	 * A table of the given size.
	 * @param size the number of routes
	 * @return the routes
	 */
	static List<Route> routes(int size) {
		List<Route> routes = new ArrayList<>(size);
		for (int i = 0; routes.size() < size; i++) {
			String base = "/api/v" + (i % 3 + 1) + "/resource" + i;
			add(routes, size, base, "GET", "POST");
			add(routes, size, base + "/{id}", "GET", "PUT", "PATCH", "DELETE");
			add(routes, size, base + "/{id}/items/{itemId}", "GET", "DELETE");
		}
		return routes;
	}

	private static void add(List<Route> routes, int size, String pattern, String... methods) {
		if (routes.size() < size) {
			routes.add(Route.of(new RoutePattern("", PathPatternParser.defaultInstance.parse(pattern)),
					AllowedMethods.of(methods), RouteKind.ANNOTATED, pattern));
		}
	}

	/**
	 * Paths that the routes of a table of this size serve.
	 * @param size the number of routes
	 * @param count how many paths
	 * @return the paths
	 */
	static String[] hits(int size, int count) {
		int groups = Math.max(1, size / 3);
		String[] paths = new String[count];
		for (int n = 0; n < count; n++) {
			int i = (int) ((n * 2654435761L) % groups);
			String base = "/api/v" + (i % 3 + 1) + "/resource" + i;
			paths[n] = switch (n % 3) {
				case 0 -> base;
				case 1 -> base + "/" + n;
				default -> base + "/" + n + "/items/" + (n * 7);
			};
		}
		return paths;
	}

	/**
	 * Paths that no route of the table serves, some under a known prefix.
	 * @param size the number of routes
	 * @param count how many paths
	 * @return the paths
	 */
	static String[] misses(int size, int count) {
		int groups = Math.max(1, size / 3);
		String[] paths = new String[count];
		for (int n = 0; n < count; n++) {
			int i = (int) ((n * 2654435761L) % groups);
			paths[n] = switch (n % 3) {
				case 0 -> "/api/v" + (i % 3 + 1) + "/resource" + i + "/" + n + "/unknown";
				case 1 -> "/api/v9/resource" + i;
				default -> "/static/assets/file" + n + ".js";
			};
		}
		return paths;
	}

}
