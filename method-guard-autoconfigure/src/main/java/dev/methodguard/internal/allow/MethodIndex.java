package dev.methodguard.internal.allow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.methodguard.allow.AllowedMethods;
import dev.methodguard.allow.Route;
import dev.methodguard.allow.RouteKind;
import dev.methodguard.allow.RouteSource;

import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.PathContainer.Element;
import org.springframework.http.server.PathContainer.PathSegment;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Which methods the resource at a path supports: the one place where an {@code Allow} set is
 * computed. Built once from the routes of every {@link RouteSource}; looked up in time that
 * depends on the depth of the path and the number of patterns that share its literal
 * prefix, not on the number of routes.
 * <p>
 * A path that a plain servlet's URL mapping serves is served by that servlet alone: the
 * container never hands it to the {@code DispatcherServlet}, so the routes of the other
 * kinds do not count there.
 * <p>
 * Where routes have API version conditions, a lookup for a request counts only the routes that
 * serve the {@link RequestVersion request's version}: the methods of a path are those that
 * work for this request. A version is asked for only where a route of the path has a version
 * condition.
 * <p>
 * Routes are kept in a trie keyed by the leading literal segments of their pattern
 * ({@code /api/products/{id}} sits under {@code api → products}); a lookup walks the
 * path's segments down the trie and tries only the patterns it passes.
 */
public final class MethodIndex {

	private static final Log logger = LogFactory.getLog(MethodIndex.class);

	private final List<Route> routes;

	private final Node root = new Node();

	private final Set<String> implemented;

	private final boolean anyMethodRoute;

	private final boolean optionsEverywhere;

	private final boolean versioned;

	private final List<String> unread;

	private final BooleanSupplier[] unchanged;

	private MethodIndex(Collection<Route> routes, boolean optionsEverywhere, List<String> unread,
			List<BooleanSupplier> unchanged) {
		this.routes = List.copyOf(routes);
		this.optionsEverywhere = optionsEverywhere;
		this.unread = List.copyOf(unread);
		this.unchanged = unchanged.toArray(new BooleanSupplier[0]);
		Set<String> methods = new LinkedHashSet<>(AllowedMethods.STANDARD);
		boolean any = false;
		boolean anyVersioned = false;
		for (int i = 0; i < this.routes.size(); i++) {
			Route route = this.routes.get(i);
			PatternShape shape = PatternShape.of(route.pattern());
			this.root.insert(shape.literalSegments(), 0, new Entry(i, route, shape, allowedFor(List.of(route))));
			methods.addAll(route.methods().methods());
			any |= route.methods().isAny();
			anyVersioned |= route.version().isVersioned();
		}
		this.root.freeze();
		this.implemented = Set.copyOf(methods);
		this.anyMethodRoute = any;
		this.versioned = anyVersioned;
	}

	/**
	 * An index of the given routes.
	 * @param routes the routes, in the order their handlers are consulted
	 * @return the index
	 */
	public static MethodIndex of(Collection<Route> routes) {
		return new MethodIndex(routes, true, List.of(), List.of());
	}

	/**
	 * An index of the given routes.
	 * @param routes the routes, in the order their handlers are consulted
	 * @param optionsEverywhere whether {@code OPTIONS} is answered on every known path (by
	 * method-guard); if not, only where a route's own handler answers it (every kind but
	 * functional routes, which answer only an explicit {@code OPTIONS})
	 * @return the index
	 */
	public static MethodIndex of(Collection<Route> routes, boolean optionsEverywhere) {
		return new MethodIndex(routes, optionsEverywhere, List.of(), List.of());
	}

	/**
	 * An index of the routes of the given sources, read now; incomplete where a source could
	 * not read everything (logged once, at INFO, with what was not read). It stays
	 * {@link #isUnchanged() unchanged} while the check of every reading says so.
	 * @param sources the route sources
	 * @param optionsEverywhere whether {@code OPTIONS} is answered on every known path
	 * @return the index
	 */
	public static MethodIndex build(Collection<? extends RouteSource> sources, boolean optionsEverywhere) {
		List<Route> routes = new ArrayList<>();
		List<String> unread = new ArrayList<>();
		List<BooleanSupplier> unchanged = new ArrayList<>();
		for (RouteSource source : sources) {
			RouteSource.Reading reading = source.read();
			routes.addAll(reading.routes());
			unread.addAll(reading.unread());
			if (reading.unchanged() != RouteSource.Reading.ALWAYS_UNCHANGED) {
				unchanged.add(reading.unchanged());
			}
		}
		if (!unread.isEmpty() && logger.isInfoEnabled()) {
			logger.info("method-guard rejects nothing from its route index alone (no early rejection, no 405 or 501 "
					+ "where Spring found no handler), as it could not read: " + unread);
		}
		return new MethodIndex(routes, optionsEverywhere, unread, unchanged);
	}

	/**
	 * Whether the routes this index was built from are still, as far as their sources can
	 * tell cheaply, the routes the handlers serve: {@code false} once a handler mapping
	 * replaced what a source read (a {@code RouterFunctionMapping} given another router
	 * function). Costs one identity comparison per source that can tell, nothing for the
	 * others.
	 * @return {@code true} if no source saw a change since the index was built
	 */
	public boolean isUnchanged() {
		for (BooleanSupplier check : this.unchanged) {
			if (!check.getAsBoolean()) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether every route source was read completely, so that the index may reject a request
	 * on its own: answer 405 or 501 before Spring's handler lookup, or where Spring found no
	 * handler. An incomplete index still adds the truthful {@code Allow} to the rejections
	 * Spring decides.
	 * @return {@code true} if nothing was left unread
	 */
	public boolean isComplete() {
		return this.unread.isEmpty();
	}

	/**
	 * What the route sources could not read.
	 * @return a description of each unread handler or pattern, empty for a complete index
	 */
	public List<String> unread() {
		return this.unread;
	}

	/**
	 * Whether some route has an API version condition, so that the methods of its paths
	 * depend on the version of the request.
	 * @return {@code true} if a route is versioned
	 */
	public boolean isVersioned() {
		return this.versioned;
	}

	/**
	 * All routes of the index, in the order they were given.
	 * @return the routes
	 */
	public List<Route> routes() {
		return this.routes;
	}

	/**
	 * Whether some handler of the application takes this method, on any path. Every standard
	 * method counts as implemented (a wrong one is a 405, not a 501); an extension method
	 * only if a handler maps it, or takes every method.
	 * @param method the method token, case-sensitive
	 * @return {@code true} if the method is implemented
	 */
	public boolean isImplemented(String method) {
		return this.anyMethodRoute || this.implemented.contains(method);
	}

	/**
	 * What the index knows of a path.
	 * @param path the raw (still encoded) path within the application, without the context
	 * path
	 * @return the resolution, or empty if no route serves the path
	 */
	public Optional<Resolution> lookup(String path) {
		return lookup(path, RequestVersion.NONE);
	}

	/**
	 * What the index knows of a path, for a request of a version: only the routes that serve
	 * that version count.
	 * @param path the raw (still encoded) path within the application, without the context
	 * path
	 * @param version the version of the request, asked for only where a route of the path
	 * has a version condition
	 * @return the resolution, or empty if no route serves the path in that version
	 */
	public Optional<Resolution> lookup(String path, RequestVersion version) {
		Probe probe = Probe.of(path);
		return (probe != null) ? resolve(candidates(probe), probe, true, version) : Optional.empty();
	}

	/**
	 * What the index knows of a path without any I/O: empty where the answer would depend
	 * on the presence of a static resource. For answers that may omit the methods of a path,
	 * such as a 501, whose {@code Allow} is optional: a flood of unknown methods on random
	 * paths then costs no resource lookup.
	 * @param path the raw (still encoded) path within the application, without the context
	 * path
	 * @return the resolution, or empty if no route serves the path or presence would decide
	 */
	public Optional<Resolution> lookupWithoutIo(String path) {
		return lookupWithoutIo(path, RequestVersion.NONE);
	}

	/**
	 * As {@link #lookupWithoutIo(String)}, for a request of a version.
	 * @param path the raw (still encoded) path within the application, without the context
	 * path
	 * @param version the version of the request
	 * @return the resolution, or empty if no route serves the path in that version or
	 * presence would decide
	 */
	public Optional<Resolution> lookupWithoutIo(String path, RequestVersion version) {
		Probe probe = Probe.of(path);
		return (probe != null) ? resolve(candidates(probe), probe, false, version) : Optional.empty();
	}

	/**
	 * Every route whose pattern matches a path, in index order, whether or not a resource is
	 * present there: no I/O. For decisions that a route which may serve the path is enough
	 * for, such as handing a request on to the handler mapping of that route.
	 * @param path the raw (still encoded) path within the application, without the context
	 * path
	 * @return the routes, empty where none matches
	 */
	public List<Route> routesMatching(String path) {
		return routesMatching(path, RequestVersion.NONE);
	}

	/**
	 * As {@link #routesMatching(String)}, for a request of a version: only the routes that
	 * serve that version.
	 * @param path the raw (still encoded) path within the application, without the context
	 * path
	 * @param version the version of the request
	 * @return the routes, empty where none matches
	 */
	public List<Route> routesMatching(String path, RequestVersion version) {
		Probe probe = Probe.of(path);
		if (probe == null) {
			return List.of();
		}
		List<Entry> matching = new ArrayList<>(2);
		boolean anyVersioned = false;
		for (Entry candidate : candidates(probe)) {
			if (candidate.matchesPattern(probe)) {
				matching.add(candidate);
				anyVersioned |= candidate.versioned;
			}
		}
		if (anyVersioned) {
			Comparable<?> requested = version.get();
			if (requested != null) {
				matching = servingVersion(matching, requested);
			}
		}
		List<Route> routes = new ArrayList<>(matching.size());
		for (Entry entry : matching) {
			routes.add(entry.route());
		}
		return routes;
	}

	/**
	 * What the index knows of a path.
	 * @param path the parsed path within the application
	 * @return the resolution, or empty if no route serves the path
	 */
	public Optional<Resolution> lookup(PathContainer path) {
		Probe probe = new Probe(path.value(), null, path);
		return resolve(candidates(probe), probe, true, RequestVersion.NONE);
	}

	/**
	 * The resolution of a path whose routes certainly do not take a method, or empty if some
	 * route serving the path may take it, or no route serves the path. A route whose paths
	 * are resources only where a file exists, and that takes the method, makes the answer
	 * empty without looking the file up: a request a static resource serves pays no I/O here,
	 * and one it does not serve is rejected the normal way.
	 * @param path the raw path within the application
	 * @param method the method of the request
	 * @return the resolution of a path the method is rejected on, or empty
	 */
	public Optional<Resolution> lookupRejecting(String path, String method) {
		return lookupRejecting(path, method, RequestVersion.NONE);
	}

	/**
	 * As {@link #lookupRejecting(String, String)}, for a request of a version: the method is
	 * rejected where the routes that serve the path in that version do not take it, and
	 * none is where no route serves the path in that version.
	 * @param path the raw path within the application
	 * @param method the method of the request
	 * @param version the version of the request
	 * @return the resolution of a path the method is rejected on, or empty
	 */
	public Optional<Resolution> lookupRejecting(String path, String method, RequestVersion version) {
		Probe probe = Probe.of(path);
		return (probe != null) ? lookupRejecting(probe, method, version) : Optional.empty();
	}

	/**
	 * As {@link #lookupRejecting(String, String)}, for a path Spring MVC already parsed.
	 * @param path the parsed path within the application
	 * @param method the method of the request
	 * @return the resolution of a path the method is rejected on, or empty
	 */
	public Optional<Resolution> lookupRejecting(PathContainer path, String method) {
		return lookupRejecting(path, method, RequestVersion.NONE);
	}

	/**
	 * As {@link #lookupRejecting(String, String, RequestVersion)}, for a path Spring MVC
	 * already parsed.
	 * @param path the parsed path within the application
	 * @param method the method of the request
	 * @param version the version of the request
	 * @return the resolution of a path the method is rejected on, or empty
	 */
	public Optional<Resolution> lookupRejecting(PathContainer path, String method, RequestVersion version) {
		return lookupRejecting(new Probe(path.value(), null, path), method, version);
	}

	/**
	 * A route that takes the method leaves the request alone: one without a version
	 * condition at once, one with a condition where it serves the request's version. Else
	 * the routes of the path in this version decide; where there are none, the request is
	 * left alone too.
	 */
	private Optional<Resolution> lookupRejecting(Probe probe, String method, RequestVersion version) {
		List<Entry> candidates = candidates(probe);
		for (Entry candidate : candidates) {
			if (candidate.route().methods().contains(method) && candidate.matchesPattern(probe)
					&& (!candidate.versioned || candidate.route().version().accepts(version.get()))) {
				return Optional.empty();
			}
		}
		return resolve(candidates, probe, true, version);
	}

	private List<Entry> candidates(Probe probe) {
		List<Entry> candidates = new ArrayList<>();
		Node node = this.root;
		node.collect(candidates);
		if (probe.segments != null) {
			for (String segment : probe.segments) {
				node = node.child(segment);
				if (node == null) {
					break;
				}
				node.collect(candidates);
			}
		}
		else {
			for (Element element : probe.parsed().elements()) {
				if (element instanceof PathSegment segment) {
					node = node.child(segment.valueToMatch());
					if (node == null) {
						break;
					}
					node.collect(candidates);
				}
			}
		}
		if (candidates.size() > 1) {
			candidates.sort(null);
		}
		return candidates;
	}

	/**
	 * The resolution of the routes among the candidates that serve the path. Simple patterns
	 * are matched on the raw segments where the path has them; the others, and presence
	 * checks, on the parsed path, parsed at most once. The presence of a resource (I/O) is
	 * checked only where it can change the methods of the path: where no other route serves
	 * it, or the resource takes a method the others do not; without {@code presenceIo}, such a
	 * path resolves to nothing.
	 */
	private Optional<Resolution> resolve(List<Entry> candidates, Probe probe, boolean presenceIo,
			RequestVersion version) {
		if (candidates.isEmpty()) {
			return Optional.empty();
		}
		List<Entry> matched = new ArrayList<>(2);
		List<Entry> presenceChecked = null;
		AllowedMethods served = AllowedMethods.none();
		boolean servlet = false;
		boolean anyVersioned = false;
		for (Entry candidate : candidates) {
			Route route = candidate.route();
			if (!candidate.matchesPattern(probe)) {
				continue;
			}
			anyVersioned |= candidate.versioned;
			if (route.presence().isAlways()) {
				matched.add(candidate);
				served = served.union(route.methods());
				servlet |= route.kind() == RouteKind.SERVLET;
			}
			else {
				presenceChecked = (presenceChecked != null) ? presenceChecked : new ArrayList<>(1);
				presenceChecked.add(candidate);
			}
		}
		Comparable<?> requested = anyVersioned ? version.get() : null;
		if (requested != null) {
			matched = servingVersion(matched, requested);
			presenceChecked = (presenceChecked != null) ? servingVersion(presenceChecked, requested) : null;
			served = AllowedMethods.none();
			servlet = false;
			for (Entry entry : matched) {
				served = served.union(entry.route().methods());
				servlet |= entry.route().kind() == RouteKind.SERVLET;
			}
		}
		if (presenceChecked != null) {
			for (Entry candidate : presenceChecked) {
				Route route = candidate.route();
				if (matched.isEmpty() || !served.union(route.methods()).equals(served)) {
					if (!presenceIo) {
						return Optional.empty();
					}
					PathContainer path = probe.parsed();
					if (path != null && route.presence().test(path)) {
						matched.add(candidate);
					}
				}
			}
			if (matched.size() > 1) {
				matched.sort(null);
			}
		}
		if (servlet) {
			matched.removeIf((entry) -> entry.route().kind() != RouteKind.SERVLET);
		}
		if (matched.isEmpty()) {
			return Optional.empty();
		}
		if (matched.size() == 1) {
			return Optional.of(matched.get(0).single);
		}
		List<Route> routes = new ArrayList<>(matched.size());
		boolean explicitOptions = false;
		Set<MediaType> acceptPatch = new LinkedHashSet<>();
		for (Entry entry : matched) {
			Route route = entry.route();
			routes.add(route);
			explicitOptions |= route.explicitOptions();
			acceptPatch.addAll(route.acceptPatch());
		}
		return Optional.of(new Resolution(routes, allowedFor(routes), explicitOptions, List.copyOf(acceptPatch)));
	}

	/**
	 * The entries that serve a request version, as Spring MVC chooses among them: a route
	 * whose version condition does not accept the version does not serve it; among the
	 * annotated routes of one handler mapping, a route of a fixed version earlier than the
	 * request's takes its methods from every route it wins over, that is of a less specific
	 * pattern, or of the same specificity and an earlier version (Spring prefers it, then
	 * rejects the request as not of that version). A route that takes every method keeps them
	 * all. Other conditions Spring compares before versions (parameters, headers, media
	 * types) are not weighed.
	 */
	private List<Entry> servingVersion(List<Entry> entries, Comparable<?> requested) {
		List<Entry> serving = new ArrayList<>(entries.size());
		for (Entry entry : entries) {
			Route route = entry.route();
			if (!route.version().accepts(requested)) {
				continue;
			}
			AllowedMethods capped = (route.kind() == RouteKind.ANNOTATED) ? capped(route, entries, requested)
					: AllowedMethods.none();
			if (capped.isEmpty() || route.methods().isAny()) {
				serving.add(entry);
				continue;
			}
			List<String> remaining = new ArrayList<>();
			for (String method : route.methods().methods()) {
				if (!capped.contains(method)) {
					remaining.add(method);
				}
			}
			if (!remaining.isEmpty()) {
				Route taking = route.withMethods(AllowedMethods.of(remaining));
				serving.add(new Entry(entry.order, taking, entry.shape, allowedFor(List.of(taking))));
			}
		}
		return serving;
	}

	private static AllowedMethods capped(Route route, List<Entry> entries, Comparable<?> requested) {
		AllowedMethods capped = AllowedMethods.none();
		for (Entry entry : entries) {
			Route other = entry.route();
			if (other != route && other.kind() == RouteKind.ANNOTATED && other.order() == route.order()
					&& other.version().capsBelow(requested) && winsOver(other, route)) {
				capped = capped.union(other.methods());
			}
		}
		return capped;
	}

	/**
	 * Whether Spring's annotated mapping prefers one route to another for a request with a
	 * version that both match: the more specific pattern, then the later version.
	 */
	private static boolean winsOver(Route route, Route other) {
		int specificity = PathPattern.SPECIFICITY_COMPARATOR.compare(route.pattern().pathPattern(),
				other.pattern().pathPattern());
		return specificity < 0 || (specificity == 0 && route.version().isLaterThan(other.version()));
	}

	/**
	 * The union of the methods of routes that serve one path, with {@code OPTIONS} where it
	 * is answered there: the {@code Allow} of a path those routes serve.
	 * @param routes the routes
	 * @return the methods
	 */
	public AllowedMethods allowedFor(List<Route> routes) {
		AllowedMethods allowed = AllowedMethods.none();
		boolean optionsAnswered = this.optionsEverywhere;
		for (Route route : routes) {
			allowed = allowed.union(route.methods());
			optionsAnswered |= route.kind() != RouteKind.FUNCTIONAL;
		}
		return optionsAnswered ? allowed.withOptions() : allowed;
	}

	/**
	 * A path being looked up: its raw segments where it has neither percent-encoding nor
	 * matrix parameters, and its parsed form, made at most once and only when needed.
	 */
	private static final class Probe {

		private final String raw;

		private final String[] segments;

		private PathContainer parsed;

		private boolean parseFailed;

		Probe(String raw, String[] segments, PathContainer parsed) {
			this.raw = raw;
			this.segments = segments;
			this.parsed = parsed;
		}

		static Probe of(String path) {
			if (path.isEmpty() || path.charAt(0) != '/' || path.indexOf('%') >= 0 || path.indexOf(';') >= 0) {
				Probe probe = new Probe(path, null, null);
				return (probe.parsed() != null) ? probe : null;
			}
			return new Probe(path, PatternShape.split(path), null);
		}

		PathContainer parsed() {
			if (this.parsed == null && !this.parseFailed) {
				try {
					this.parsed = PathContainer.parsePath(this.raw);
				}
				catch (IllegalArgumentException ex) {
					this.parseFailed = true;
				}
			}
			return this.parsed;
		}

	}

	/**
	 * A route in the trie, with what matching it on raw segments needs inline, and its
	 * resolution when it is the only route that serves a path.
	 */
	private static final class Entry implements Comparable<Entry> {

		private final int order;

		private final Route route;

		private final PatternShape shape;

		private final int length;

		private final long variables;

		private final boolean quick;

		private final boolean versioned;

		private final Resolution single;

		Entry(int order, Route route, PatternShape shape, AllowedMethods allowed) {
			this.order = order;
			this.route = route;
			this.shape = shape;
			this.length = shape.simpleLength();
			this.quick = this.length >= 0 && this.length <= 64 && !shape.hasLiteralAfterPrefix();
			this.variables = this.quick ? shape.variableMask() : 0;
			this.versioned = route.version().isVersioned();
			this.single = new Resolution(List.of(route), allowed, route.explicitOptions(), route.acceptPatch());
		}

		Route route() {
			return this.route;
		}

		/**
		 * Whether the pattern of this entry matches the path: on its raw segments where
		 * both allow it, else with Spring's matcher on the parsed path.
		 */
		boolean matchesPattern(Probe probe) {
			if (probe.segments != null && this.length >= 0) {
				return matches(probe.segments);
			}
			PathContainer path = probe.parsed();
			return path != null && this.route.pattern().matches(path);
		}

		/**
		 * Whether the raw segments of a path, whose literal prefix the trie already
		 * matched, match this entry's simple pattern.
		 */
		boolean matches(String[] segments) {
			if (segments.length != this.length) {
				return false;
			}
			if (!this.quick) {
				return this.shape.matchesSegments(segments);
			}
			for (long rest = this.variables; rest != 0; rest &= rest - 1) {
				if (segments[Long.numberOfTrailingZeros(rest)].isEmpty()) {
					return false;
				}
			}
			return true;
		}

		@Override
		public int compareTo(Entry other) {
			return Integer.compare(this.order, other.order);
		}

	}

	private static final class Node {

		private static final Entry[] NO_ENTRIES = new Entry[0];

		private final Map<String, Node> children = new HashMap<>();

		private List<Entry> pending = new ArrayList<>();

		private Entry[] entries = NO_ENTRIES;

		void insert(List<String> segments, int depth, Entry entry) {
			if (depth == segments.size()) {
				this.pending.add(entry);
				return;
			}
			this.children.computeIfAbsent(segments.get(depth), (key) -> new Node()).insert(segments, depth + 1, entry);
		}

		Node child(String segment) {
			return this.children.get(segment);
		}

		void collect(List<Entry> into) {
			for (Entry entry : this.entries) {
				into.add(entry);
			}
		}

		void freeze() {
			this.entries = this.pending.isEmpty() ? NO_ENTRIES : this.pending.toArray(NO_ENTRIES);
			this.pending = null;
			this.children.values().forEach(Node::freeze);
		}

	}

}
