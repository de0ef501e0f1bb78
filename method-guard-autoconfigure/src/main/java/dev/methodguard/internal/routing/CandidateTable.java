package dev.methodguard.internal.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.http.server.PathContainer;
import org.springframework.http.server.PathContainer.Element;
import org.springframework.http.server.PathContainer.PathSegment;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The mappings of one handler mapping, in a trie keyed by the leading literal segments of
 * their patterns ({@code /api/products/{id}} sits under {@code api → products}), so that
 * the mappings whose patterns may match a path are found by walking the path's segments: a
 * pattern whose leading literal segments a path does not have cannot match it, since Spring's
 * {@link PathPattern} compares a literal segment with the decoded segment of the path, matrix
 * variables removed ({@link PathSegment#valueToMatch()}), case-sensitively where the pattern
 * was parsed so. A mapping with several patterns sits under each of them.
 * <p>
 * Built only where every mapping is understood; else the table is {@link #off() off} and
 * names why. Framework 7 has no trailing-slash or suffix matching left to account for.
 */
final class CandidateTable {

	private static final Entry[] NO_ENTRIES = new Entry[0];

	private final long generation;

	private final @Nullable String off;

	private final Node root;

	private final int size;

	private final Set<String> directPaths;

	private final boolean ordered;

	private CandidateTable(long generation, @Nullable String off, Node root, int size, Set<String> directPaths,
			boolean ordered) {
		this.generation = generation;
		this.off = off;
		this.root = root;
		this.size = size;
		this.directPaths = directPaths;
		this.ordered = ordered;
	}

	/**
	 * A table of the given mappings, or one that is off where some mapping cannot be vouched
	 * for: a mapping without a {@link PathPatternsRequestCondition} (patterns matched by a
	 * {@code PathMatcher}), with a custom condition, with an API version condition where the
	 * handler mapping has no version strategy (Spring fails on every request that reaches
	 * that condition, whatever its path), or with a pattern not parsed case-sensitively with
	 * {@code /} as its separator. Where the registered mappings are not exactly the given
	 * ones, the same instances (a change of the registry fast routing has not been told of
	 * yet, or could not see), the table is not {@link #ordered() ordered}: it holds the
	 * registered mappings, in no known order.
	 * @param generation the generation of the routes the mappings were read in
	 * @param ordered the registered mappings, in the order Spring's registry iterates them
	 * @param registered the handler method of each registered mapping, as the handler
	 * mapping's registry holds them
	 * @param versionStrategy whether the handler mapping has an API version strategy
	 * @return the table
	 */
	static CandidateTable of(long generation, List<RequestMappingInfo> ordered,
			Map<RequestMappingInfo, HandlerMethod> registered, boolean versionStrategy) {
		Map<RequestMappingInfo, HandlerMethod> instances = new IdentityHashMap<>(registered.size() * 2);
		instances.putAll(registered);
		boolean known = ordered.size() == registered.size() && instances.keySet().containsAll(ordered);
		List<RequestMappingInfo> mappings = known ? ordered : new ArrayList<>(instances.keySet());
		Node root = new Node();
		Set<String> directPaths = new HashSet<>();
		for (int position = 0; position < mappings.size(); position++) {
			RequestMappingInfo mapping = mappings.get(position);
			String off = unvouched(mapping, versionStrategy);
			if (off != null) {
				return off(generation, off);
			}
			Entry entry = new Entry(mapping, position, instances.get(mapping));
			for (PathPattern pattern : mapping.getPathPatternsCondition().getPatterns()) {
				root.insert(literalSegments(pattern.getPatternString()), 0, entry);
			}
			directPaths.addAll(mapping.getDirectPaths());
		}
		root.freeze();
		return new CandidateTable(generation, null, root, mappings.size(), directPaths, known);
	}

	/**
	 * A table that narrows nothing.
	 * @param generation the generation of the routes
	 * @param reason why fast routing cannot vouch for the routes
	 * @return the table
	 */
	static CandidateTable off(long generation, String reason) {
		return new CandidateTable(generation, reason, new Node(), 0, Set.of(), false);
	}

	private static @Nullable String unvouched(RequestMappingInfo mapping, boolean versionStrategy) {
		if (mapping.getCustomCondition() != null) {
			return "the mapping " + mapping + " has a custom request condition";
		}
		PathPatternsRequestCondition patterns = mapping.getPathPatternsCondition();
		if (patterns == null) {
			return "the mapping " + mapping + " has patterns for a PathMatcher, not a PathPatternParser";
		}
		if (!versionStrategy && mapping.getVersionCondition().getVersion() != null) {
			return "the mapping " + mapping + " has an API version condition, but the handler mapping has no "
					+ "ApiVersionStrategy";
		}
		for (PathPattern pattern : patterns.getPatterns()) {
			if (!caseSensitiveWithSlashes(pattern)) {
				return "the pattern " + pattern.getPatternString()
						+ " is not matched case-sensitively with '/' as separator";
			}
		}
		return null;
	}

	/**
	 * Whether a pattern was parsed case-sensitively with {@code /} as its separator: its hash
	 * code is the one Spring's {@link PathPattern#hashCode()} gives exactly such a pattern
	 * ({@code (text.hashCode() + separator) * 17 + (caseSensitive ? 1 : 0)}; two patterns of
	 * the same text that differ in either give different hash codes). Should Spring compute
	 * it otherwise one day, patterns fail this check and fast routing turns off rather than
	 * guess.
	 */
	private static boolean caseSensitiveWithSlashes(PathPattern pattern) {
		return pattern.hashCode() == (pattern.getPatternString().hashCode() + '/') * 17 + 1;
	}

	/**
	 * The leading segments of a pattern that are plain literals, as a path segment must be
	 * to match them; none for a pattern that does not start with {@code /}. A segment with
	 * pattern syntax, an empty one, or one with characters whose meaning in a pattern could
	 * differ from their meaning in a decoded path segment ends them.
	 */
	static List<String> literalSegments(String pattern) {
		List<String> segments = new ArrayList<>();
		if (!pattern.startsWith("/")) {
			return segments;
		}
		int start = 1;
		while (start < pattern.length()) {
			int end = pattern.indexOf('/', start);
			String segment = pattern.substring(start, (end < 0) ? pattern.length() : end);
			if (segment.isEmpty() || !isLiteral(segment)) {
				break;
			}
			segments.add(segment);
			if (end < 0) {
				break;
			}
			start = end + 1;
		}
		return segments;
	}

	private static boolean isLiteral(String segment) {
		for (int i = 0; i < segment.length(); i++) {
			char c = segment.charAt(i);
			if (c == '{' || c == '}' || c == '*' || c == '?' || c == '%' || c == ';' || c == '\\') {
				return false;
			}
		}
		return true;
	}

	/**
	 * The generation of the routes this table was built from.
	 * @return the generation
	 */
	long generation() {
		return this.generation;
	}

	/**
	 * Why fast routing is off for these routes.
	 * @return the reason, or {@code null} where the table narrows
	 */
	@Nullable String off() {
		return this.off;
	}

	/**
	 * Whether the positions of the entries are the iteration order of Spring's registry.
	 * @return {@code true} if they are
	 */
	boolean ordered() {
		return this.ordered;
	}

	/**
	 * How many mappings the table holds.
	 * @return the number of mappings, 0 where the table is off
	 */
	int size() {
		return this.size;
	}

	/**
	 * Whether a lookup path is the direct path of some mapping, which Spring MVC looks up in
	 * its own map first.
	 * @param lookupPath the lookup path
	 * @return {@code true} if some mapping has this literal path
	 */
	boolean isDirectPath(String lookupPath) {
		return this.directPaths.contains(lookupPath);
	}

	/**
	 * The mappings whose patterns may match a path: those under the nodes the path's
	 * segments pass, root included.
	 * @param path the path, parsed as Spring MVC matches it
	 * @return the candidates
	 */
	Candidates candidates(PathContainer path) {
		List<Entry[]> groups = new ArrayList<>(4);
		int count = this.root.add(groups, 0);
		Node node = this.root;
		for (Element element : path.elements()) {
			if (element instanceof PathSegment segment) {
				node = node.child(segment.valueToMatch());
				if (node == null) {
					break;
				}
				count = node.add(groups, count);
			}
		}
		return new Candidates(groups, count);
	}

	/**
	 * A registered mapping, its position in the iteration order of Spring's registry, and
	 * the handler method the registry holds for it.
	 * @param mapping the mapping, the registered instance
	 * @param position its position
	 * @param handlerMethod its handler method
	 */
	record Entry(RequestMappingInfo mapping, int position, HandlerMethod handlerMethod) {
	}

	/**
	 * A node of the trie: the entries whose patterns' literal prefix ends here, each once,
	 * in registry order (they are inserted in that order, a mapping's patterns one after
	 * the other).
	 */
	private static final class Node {

		private @Nullable Map<String, Node> children;

		private List<Entry> pending = new ArrayList<>(2);

		private Entry[] entries = NO_ENTRIES;

		void insert(List<String> segments, int depth, Entry entry) {
			if (depth == segments.size()) {
				if (this.pending.isEmpty() || this.pending.get(this.pending.size() - 1) != entry) {
					this.pending.add(entry);
				}
				return;
			}
			if (this.children == null) {
				this.children = new HashMap<>(4);
			}
			this.children.computeIfAbsent(segments.get(depth), (key) -> new Node()).insert(segments, depth + 1, entry);
		}

		@Nullable Node child(String segment) {
			return (this.children != null) ? this.children.get(segment) : null;
		}

		int add(List<Entry[]> groups, int count) {
			if (this.entries.length == 0) {
				return count;
			}
			groups.add(this.entries);
			return count + this.entries.length;
		}

		void freeze() {
			this.entries = this.pending.isEmpty() ? NO_ENTRIES : this.pending.toArray(NO_ENTRIES);
			this.pending = null;
			if (this.children != null) {
				this.children.values().forEach(Node::freeze);
			}
		}

	}

}
