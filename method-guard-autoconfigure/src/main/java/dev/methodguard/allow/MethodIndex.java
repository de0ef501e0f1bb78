package dev.methodguard.allow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.PathContainer.Element;
import org.springframework.http.server.PathContainer.PathSegment;

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
 * Routes are kept in a trie keyed by the leading literal segments of their pattern
 * ({@code /api/products/{id}} sits under {@code api → products}); a lookup walks the
 * path's segments down the trie and tries only the patterns it passes.
 */
public final class MethodIndex {

	private final List<Route> routes;

	private final Node root = new Node();

	private final Set<String> implemented;

	private final boolean anyMethodRoute;

	private MethodIndex(Collection<Route> routes) {
		this.routes = List.copyOf(routes);
		Set<String> methods = new LinkedHashSet<>(AllowedMethods.STANDARD);
		boolean any = false;
		for (int i = 0; i < this.routes.size(); i++) {
			Route route = this.routes.get(i);
			this.root.insert(route.pattern().literalSegments(), 0, new Entry(i, route));
			methods.addAll(route.methods().methods());
			any |= route.methods().isAny();
		}
		this.root.freeze();
		this.implemented = Set.copyOf(methods);
		this.anyMethodRoute = any;
	}

	/**
	 * An index of the given routes.
	 * @param routes the routes, in the order their handlers are consulted
	 * @return the index
	 */
	public static MethodIndex of(Collection<Route> routes) {
		return new MethodIndex(routes);
	}

	/**
	 * An index of the routes of the given sources, read now.
	 * @param sources the route sources
	 * @return the index
	 */
	public static MethodIndex build(Collection<? extends RouteSource> sources) {
		List<Route> routes = new ArrayList<>();
		for (RouteSource source : sources) {
			routes.addAll(source.routes());
		}
		return new MethodIndex(routes);
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
		PathContainer parsed;
		try {
			parsed = PathContainer.parsePath(path);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		return lookup(parsed);
	}

	/**
	 * What the index knows of a path.
	 * @param path the parsed path within the application
	 * @return the resolution, or empty if no route serves the path
	 */
	public Optional<Resolution> lookup(PathContainer path) {
		List<Entry> candidates = new ArrayList<>();
		Node node = this.root;
		node.collect(candidates);
		for (Element element : path.elements()) {
			if (element instanceof PathSegment segment) {
				node = node.child(segment.valueToMatch());
				if (node == null) {
					break;
				}
				node.collect(candidates);
			}
		}
		if (candidates.isEmpty()) {
			return Optional.empty();
		}
		candidates.sort(null);
		List<Route> matched = new ArrayList<>();
		boolean servlet = false;
		for (Entry candidate : candidates) {
			Route route = candidate.route();
			if (route.serves(path)) {
				matched.add(route);
				servlet |= route.kind() == RouteKind.SERVLET;
			}
		}
		if (servlet) {
			matched.removeIf((route) -> route.kind() != RouteKind.SERVLET);
		}
		if (matched.isEmpty()) {
			return Optional.empty();
		}
		AllowedMethods allowed = AllowedMethods.none();
		boolean explicitOptions = false;
		Set<MediaType> acceptPatch = new LinkedHashSet<>();
		for (Route route : matched) {
			allowed = allowed.union(route.methods());
			explicitOptions |= route.explicitOptions();
			acceptPatch.addAll(route.acceptPatch());
		}
		return Optional.of(new Resolution(matched, allowed.withOptions(), explicitOptions, List.copyOf(acceptPatch)));
	}

	private record Entry(int order, Route route) implements Comparable<Entry> {

		@Override
		public int compareTo(Entry other) {
			return Integer.compare(this.order, other.order);
		}

	}

	private static final class Node {

		private Map<String, Node> children = new HashMap<>();

		private List<Entry> entries = new ArrayList<>();

		void insert(List<String> segments, int depth, Entry entry) {
			if (depth == segments.size()) {
				this.entries.add(entry);
				return;
			}
			this.children.computeIfAbsent(segments.get(depth), (key) -> new Node()).insert(segments, depth + 1, entry);
		}

		Node child(String segment) {
			return this.children.get(segment);
		}

		void collect(List<Entry> into) {
			into.addAll(this.entries);
		}

		void freeze() {
			this.entries = List.copyOf(this.entries);
			this.children.values().forEach(Node::freeze);
			this.children = Map.copyOf(this.children);
		}

	}

}
