package dev.methodguard.allow;

import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Reads the {@link Route routes} of one kind of handler from what the application
 * registered.
 */
@FunctionalInterface
public interface RouteSource {

	/**
	 * The routes this source knows, read when method-guard builds its index.
	 * @return the routes
	 */
	List<Route> routes();

	/**
	 * Read this source: its routes, and what of its handlers it could not read. Only an index
	 * whose every source was read completely is trusted to reject a request on its own;
	 * answers that only add the truthful {@code Allow} to a rejection Spring decided need no
	 * such trust. The default reads {@link #routes()} and claims it complete: a source of
	 * the application's own knows what it reports.
	 * @return the reading
	 */
	default Reading read() {
		return new Reading(routes(), List.of());
	}

	/**
	 * What a source read.
	 *
	 * @param routes the routes it read
	 * @param unread a description of each handler or pattern it could not read, empty if
	 * it read everything
	 * @param unchanged whether what was read is still what the handlers serve: a cheap check,
	 * such as the identity of the object the routes were read from, made before every use of
	 * the index built from this reading (a {@code false} has the index built again); always
	 * {@code true} for a source whose routes never change, or whose changes are announced
	 * with a {@link RoutesChangedEvent}
	 */
	record Reading(List<Route> routes, List<String> unread, BooleanSupplier unchanged) {

		/** The check of a reading whose routes never change on their own. */
		public static final BooleanSupplier ALWAYS_UNCHANGED = () -> true;

		/**
		 * Copy the components.
		 */
		public Reading {
			routes = List.copyOf(routes);
			unread = List.copyOf(unread);
			Objects.requireNonNull(unchanged, "unchanged");
		}

		/**
		 * A reading whose routes never change on their own.
		 * @param routes the routes read
		 * @param unread a description of each handler or pattern not read
		 */
		public Reading(List<Route> routes, List<String> unread) {
			this(routes, unread, ALWAYS_UNCHANGED);
		}

		/**
		 * A reading of a handler mapping the index does not know at all.
		 * @param description what was not read
		 * @return the reading, with no route
		 */
		public static Reading unreadable(String description) {
			return new Reading(List.of(), List.of(description));
		}

	}

}
