package dev.methodguard.internal.allow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BinaryOperator;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RequestPredicates;

/**
 * Reads a functional {@link RequestPredicate} without executing it, as the alternatives of
 * path pattern, methods and media types it accepts (a disjunction: the predicate matches if
 * one of them does). The {@code Content-Type} and {@code Accept} conditions of
 * {@code contentType(...)} and {@code accept(...)} are kept as media types, the API version
 * of {@code version(...)} as declared ({@code "1.1"}, {@code "1.1+"}); conditions on other
 * headers, parameters and extensions do not change which methods a path takes, so they are
 * read as "anything". Of two version conditions that must both hold, the first is kept
 * (more than the conjunction accepts, never less). What cannot be read exactly (a custom predicate, a
 * negation) is read as "any path", "any method" or "any media type", never as less than it
 * accepts; {@link #approximate()} tells when that happened.
 */
final class PredicateAlternatives implements RequestPredicates.Visitor {

	/**
	 * One way to satisfy a predicate.
	 *
	 * @param path the path pattern, or {@code null} for any path
	 * @param methods the methods, or {@code null} for any method
	 * @param consumes the request content types it takes, or {@code null} for any
	 * @param produces the media types a request must accept, or {@code null} for any
	 * @param version the API version as declared, or {@code null} for any
	 */
	record Alternative(@Nullable String path, @Nullable Set<String> methods, @Nullable List<MediaType> consumes,
			@Nullable List<MediaType> produces, @Nullable String version) {

		static final Alternative ANYTHING = new Alternative(null, null, null, null, null);

		/**
		 * Both alternatives at once: the first path, the common methods; of two media type
		 * conditions both are kept as one (more than the conjunction accepts, never less).
		 */
		Alternative and(Alternative other) {
			String combinedPath = (this.path != null) ? this.path : other.path;
			Set<String> combinedMethods;
			if (this.methods == null || other.methods == null) {
				combinedMethods = (this.methods != null) ? this.methods : other.methods;
			}
			else {
				combinedMethods = new LinkedHashSet<>(this.methods);
				combinedMethods.retainAll(other.methods);
			}
			return new Alternative(combinedPath, combinedMethods, either(this.consumes, other.consumes),
					either(this.produces, other.produces), (this.version != null) ? this.version : other.version);
		}

		/**
		 * This alternative below a nesting prefix: paths concatenate, methods intersect.
		 */
		Alternative nestedIn(Alternative outer) {
			Alternative both = and(outer);
			return new Alternative(concat(outer.path, this.path), both.methods, both.consumes, both.produces,
					both.version);
		}

		private static @Nullable List<MediaType> either(@Nullable List<MediaType> first,
				@Nullable List<MediaType> second) {
			if (first == null || second == null) {
				return (first != null) ? first : second;
			}
			Set<MediaType> both = new LinkedHashSet<>(first);
			both.addAll(second);
			return List.copyOf(both);
		}

		private static @Nullable String concat(@Nullable String prefix, @Nullable String path) {
			if (prefix == null) {
				return path;
			}
			if (path == null) {
				return prefix.endsWith("**") || prefix.contains("{*") ? prefix
						: (prefix.endsWith("/") ? prefix + "**" : prefix + "/**");
			}
			if (prefix.endsWith("/") && path.startsWith("/")) {
				return prefix + path.substring(1);
			}
			return prefix + path;
		}

	}

	private final Deque<List<List<Alternative>>> operands = new ArrayDeque<>();

	private boolean approximate;

	private PredicateAlternatives() {
		this.operands.push(new ArrayList<>());
	}

	/**
	 * The alternatives of a predicate.
	 * @param predicate the predicate
	 * @return the reader, with its result
	 */
	static PredicateAlternatives read(RequestPredicate predicate) {
		PredicateAlternatives reader = new PredicateAlternatives();
		predicate.accept(reader);
		return reader;
	}

	/**
	 * The alternatives the predicate accepts.
	 * @return the alternatives; a single "anything" where nothing was read
	 */
	List<Alternative> alternatives() {
		List<List<Alternative>> top = this.operands.peek();
		return (top == null || top.isEmpty()) ? List.of(Alternative.ANYTHING) : and(top);
	}

	/**
	 * Whether part of the predicate could only be read as more than it accepts.
	 * @return {@code true} if the alternatives are an approximation
	 */
	boolean approximate() {
		return this.approximate;
	}

	private void add(List<Alternative> alternatives) {
		this.operands.peek().add(alternatives);
	}

	@Override
	public void method(Set<HttpMethod> methods) {
		Set<String> names = new LinkedHashSet<>();
		methods.forEach((method) -> names.add(method.name()));
		add(List.of(new Alternative(null, names, null, null, null)));
	}

	@Override
	public void path(String pattern) {
		add(List.of(new Alternative(pattern, null, null, null, null)));
	}

	@Override
	public void pathExtension(String extension) {
		add(List.of(Alternative.ANYTHING));
	}

	/**
	 * A header condition: {@code contentType(...)} and {@code accept(...)} report their media
	 * types as the value of {@code Content-Type} and {@code Accept}, one type or several in
	 * brackets; any other header, or a value that does not parse, is read as "anything".
	 */
	@Override
	public void header(String name, String value) {
		List<MediaType> mediaTypes = HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)
				|| HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? mediaTypes(value) : null;
		if (mediaTypes == null) {
			add(List.of(Alternative.ANYTHING));
		}
		else if (HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
			add(List.of(new Alternative(null, null, mediaTypes, null, null)));
		}
		else {
			add(List.of(new Alternative(null, null, null, mediaTypes, null)));
		}
	}

	private static @Nullable List<MediaType> mediaTypes(String value) {
		String list = (value.startsWith("[") && value.endsWith("]")) ? value.substring(1, value.length() - 1)
				: value;
		try {
			List<MediaType> mediaTypes = MediaType.parseMediaTypes(list);
			return mediaTypes.isEmpty() ? null : List.copyOf(mediaTypes);
		}
		catch (InvalidMediaTypeException ex) {
			return null;
		}
	}

	@Override
	public void param(String name, String value) {
		add(List.of(Alternative.ANYTHING));
	}

	@Override
	public void version(String version) {
		add(List.of(new Alternative(null, null, null, null, version)));
	}

	@Override
	public void startAnd() {
		this.operands.push(new ArrayList<>());
	}

	@Override
	public void and() {
	}

	@Override
	public void endAnd() {
		add(and(this.operands.pop()));
	}

	@Override
	public void startOr() {
		this.operands.push(new ArrayList<>());
	}

	@Override
	public void or() {
	}

	@Override
	public void endOr() {
		List<Alternative> union = new ArrayList<>();
		this.operands.pop().forEach(union::addAll);
		add(union);
	}

	@Override
	public void startNegate() {
		this.operands.push(new ArrayList<>());
	}

	@Override
	public void endNegate() {
		this.operands.pop();
		this.approximate = true;
		add(List.of(Alternative.ANYTHING));
	}

	@Override
	public void unknown(RequestPredicate predicate) {
		this.approximate = true;
		add(List.of(Alternative.ANYTHING));
	}

	private static List<Alternative> and(List<List<Alternative>> conjuncts) {
		List<Alternative> result = List.of(Alternative.ANYTHING);
		for (List<Alternative> conjunct : conjuncts) {
			result = combine(result, conjunct, Alternative::and);
		}
		return result;
	}

	/**
	 * Every pairing of a left and a right alternative, combined, but those left with no
	 * method.
	 * @param left the left alternatives
	 * @param right the right alternatives
	 * @param combiner how two alternatives combine
	 * @return the combined alternatives
	 */
	static List<Alternative> combine(List<Alternative> left, List<Alternative> right,
			BinaryOperator<Alternative> combiner) {
		List<Alternative> result = new ArrayList<>();
		for (Alternative first : left) {
			for (Alternative second : right) {
				Alternative both = combiner.apply(first, second);
				if (both.methods() == null || !both.methods().isEmpty()) {
					result.add(both);
				}
			}
		}
		return result;
	}

}
