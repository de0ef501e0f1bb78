package dev.methodguard.internal.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.methodguard.internal.routing.CandidateTable.Entry;

import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Opt-in fast routing for one mapping of annotated controllers: a lookup evaluates only the
 * mappings whose patterns may match the request's path (found in a trie of their literal
 * prefixes, see {@link CandidateTable}), not every registered one, and otherwise does what
 * Spring's {@code AbstractHandlerMethodMapping.lookupHandlerMethod} does.
 * <p>
 * Why the result is Spring's: Spring evaluates every registered mapping in the iteration
 * order of its registry (a {@code HashMap}), keeps those whose conditions all match, sorts
 * them with a stable sort, and hands the partial matches to {@code handleNoMatch} in the
 * same order; a mapping's conditions only read the request, and one whose pattern cannot
 * match the path is never a match nor a partial match. Fast routing keeps a {@code HashMap}
 * of the mappings that goes through exactly the registry's insertions and removals, so it
 * iterates in the same order; it evaluates its candidates in that order, so the list of
 * matches, the sort, the best match, the ambiguity error, {@code handleMatch}, and the partial
 * matches are Spring's. Where Spring looks a literal path up in its own map first, and for
 * CORS preflights (whose ambiguity answer is Spring's private handler), Spring's own lookup
 * runs, told to skip the mappings that are not candidates ({@link #admits}); so it does
 * while the order is not known (mappings registered before fast routing could see them, or a
 * change of the registry it has not been told of yet).
 * <p>
 * Off, with one log line naming why, wherever it cannot vouch for the mappings (see
 * {@link CandidateTable#of}); then the lookup is Spring's. Mappings registered or
 * unregistered at run time are announced by the mapping, after its registry holds the
 * change; the next lookup reads the mappings again.
 * <p>
 * One instance serves one handler mapping (a bean of this type is declared in prototype
 * scope). Thread-safe.
 */
public final class FastRouting {

	private static final Log logger = LogFactory.getLog(FastRouting.class);

	private final UnaryOperator<Candidates> narrowing;

	private final AtomicLong generation = new AtomicLong();

	private final ThreadLocal<@Nullable Candidates> current = new ThreadLocal<>();

	private final HashMap<RequestMappingInfo, Boolean> registry = new HashMap<>();

	private volatile CandidateTable table = CandidateTable.off(-1, "not started");

	private volatile @Nullable Supplier<Map<RequestMappingInfo, HandlerMethod>> handlerMethods;

	private volatile boolean versionStrategy;

	/**
	 * Whether the registry's history is known from its first registration on, so that the
	 * order of {@link #registry} is the registry's: once some registration was missed, equal
	 * contents no longer mean an equal order (a {@code HashMap} never shrinks its table).
	 */
	private volatile boolean orderKnown = true;

	private String name = "";

	private @Nullable String loggedOff;

	private boolean started;

	/**
	 * Create fast routing for one handler mapping, to be told of every registration from
	 * the first one on and {@link #start started} once the handler methods are detected.
	 */
	public FastRouting() {
		this(UnaryOperator.identity());
	}

	/**
	 * Create fast routing whose candidates pass through the given operator: for tests that
	 * prove a wrong narrowing is detected.
	 */
	FastRouting(UnaryOperator<Candidates> narrowing) {
		this.narrowing = narrowing;
	}

	/**
	 * Tell of a mapping the handler mapping's registry now holds (registered anew, or
	 * registered again for the same handler method): to be called once the registration
	 * returned, for every registration, from the first one on. Where registrations were
	 * missed before {@link #start}, lookups run Spring's own lookup, narrowed, for good.
	 * @param mapping the mapping, as given to the registry
	 */
	public void registered(RequestMappingInfo mapping) {
		synchronized (this.registry) {
			this.registry.put(mapping, Boolean.TRUE);
		}
		this.generation.incrementAndGet();
	}

	/**
	 * Tell of a mapping the handler mapping's registry no longer holds: to be called once
	 * the unregistration returned.
	 * @param mapping the mapping, as given to the registry
	 */
	public void unregistered(RequestMappingInfo mapping) {
		synchronized (this.registry) {
			this.registry.remove(mapping);
		}
		this.generation.incrementAndGet();
	}

	/**
	 * Start routing for a handler mapping whose handler methods have all been detected.
	 * @param name the name of the handler mapping, for the log
	 * @param registered the handler method of each registered mapping, now
	 * @param handlerMethods reads them again after a change, as the registry holds them; called
	 * while the handler mapping holds its registry's read lock
	 * @param patternParser whether the handler mapping matches with a {@code PathPatternParser}
	 * (with a {@code PathMatcher}, fast routing stays off)
	 * @param versionStrategy whether the handler mapping has an API version strategy
	 */
	public synchronized void start(String name, Map<RequestMappingInfo, HandlerMethod> registered,
			Supplier<Map<RequestMappingInfo, HandlerMethod>> handlerMethods, boolean patternParser,
			boolean versionStrategy) {
		this.name = Objects.requireNonNull(name, "name");
		this.versionStrategy = versionStrategy;
		if (!patternParser) {
			publish(CandidateTable.off(this.generation.get(), "it matches patterns with a PathMatcher "
					+ "(AntPathMatcher), not a PathPatternParser"));
			return;
		}
		long generation = this.generation.get();
		long start = System.nanoTime();
		CandidateTable table = timed(CandidateTable.of(generation, registryOrder(), registered, versionStrategy),
				start);
		this.orderKnown = table.ordered();
		publish(table);
		this.handlerMethods = handlerMethods;
	}

	/**
	 * Look the handler method of a request up, as Spring's {@code lookupHandlerMethod}
	 * does. To be called while the handler mapping holds its registry's read lock, with the
	 * request's path parsed (Spring MVC's {@code initLookupPath}).
	 * @param lookupPath the lookup path
	 * @param request the request
	 * @param mapping the handler mapping's own steps
	 * @return the handler method, or {@code null}
	 * @throws Exception as Spring's lookup
	 */
	public @Nullable HandlerMethod lookup(String lookupPath, HttpServletRequest request, Lookup mapping)
			throws Exception {
		CandidateTable table = currentTable();
		if (table.off() != null || !ServletRequestPathUtils.hasParsedRequestPath(request)) {
			return mapping.lookUpAsSpringDoes(lookupPath, request);
		}
		Candidates candidates = this.narrowing
			.apply(table.candidates(ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication()));
		if (!table.ordered() || table.isDirectPath(lookupPath) || CorsUtils.isPreFlightRequest(request)) {
			Candidates previous = this.current.get();
			this.current.set(candidates);
			try {
				return mapping.lookUpAsSpringDoes(lookupPath, request);
			}
			finally {
				restore(previous);
			}
		}
		Entry[] entries = candidates.inRegistryOrder();
		List<Match> matches = new ArrayList<>();
		for (Entry entry : entries) {
			RequestMappingInfo match = mapping.match(entry.mapping(), request);
			if (match != null) {
				matches.add(new Match(match, entry.handlerMethod()));
			}
		}
		if (matches.isEmpty()) {
			Set<RequestMappingInfo> partial = new LinkedHashSet<>();
			for (Entry entry : entries) {
				partial.add(entry.mapping());
			}
			return mapping.handleNoMatch(partial, lookupPath, request);
		}
		Match best = matches.get(0);
		if (matches.size() > 1) {
			Comparator<RequestMappingInfo> infos = mapping.comparator(request);
			Comparator<Match> comparator = (one, other) -> infos.compare(one.mapping(), other.mapping());
			matches.sort(comparator);
			best = matches.get(0);
			Match second = matches.get(1);
			if (comparator.compare(best, second) == 0) {
				throw new IllegalStateException("Ambiguous handler methods mapped for '" + request.getRequestURI()
						+ "': {" + best.handlerMethod().getMethod() + ", " + second.handlerMethod().getMethod() + "}");
			}
		}
		request.setAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, best.handlerMethod());
		mapping.handleMatch(best.mapping(), lookupPath, request);
		return best.handlerMethod();
	}

	/**
	 * Whether Spring's own lookup, run by {@link #lookup}, should evaluate a mapping.
	 * @param mapping a registered mapping
	 * @return {@code false} only during such a lookup, for a mapping whose patterns cannot
	 * match the request's path
	 */
	public boolean admits(RequestMappingInfo mapping) {
		Candidates candidates = this.current.get();
		return candidates == null || candidates.contains(mapping);
	}

	/**
	 * The mappings among the given ones that are {@link #admits(RequestMappingInfo)
	 * admitted}, in their order.
	 * @param mappings the registered mappings
	 * @return the admitted ones, the given set itself outside Spring's own lookup run by
	 * {@link #lookup}
	 */
	public Set<RequestMappingInfo> admitted(Set<RequestMappingInfo> mappings) {
		Candidates candidates = this.current.get();
		if (candidates == null) {
			return mappings;
		}
		Set<RequestMappingInfo> admitted = new LinkedHashSet<>();
		for (RequestMappingInfo mapping : mappings) {
			if (candidates.contains(mapping)) {
				admitted.add(mapping);
			}
		}
		return admitted;
	}

	/**
	 * Whether fast routing narrows lookups now, for the mappings as last read.
	 * @return {@code true} if it is on
	 */
	public boolean isOn() {
		return currentTable().off() == null;
	}

	/**
	 * Whether lookups evaluate the candidates alone, in the registry's order, rather than run
	 * Spring's own lookup told to skip the others.
	 * @return {@code true} where fast routing is on and knows the registry's order
	 */
	boolean isOrdered() {
		CandidateTable table = currentTable();
		return table.off() == null && table.ordered();
	}

	private void restore(@Nullable Candidates previous) {
		if (previous != null) {
			this.current.set(previous);
		}
		else {
			this.current.remove();
		}
	}

	private List<RequestMappingInfo> registryOrder() {
		synchronized (this.registry) {
			return new ArrayList<>(this.registry.keySet());
		}
	}

	private CandidateTable currentTable() {
		CandidateTable table = this.table;
		long generation = this.generation.get();
		Supplier<Map<RequestMappingInfo, HandlerMethod>> handlerMethods = this.handlerMethods;
		if (table.generation() == generation || handlerMethods == null) {
			return table;
		}
		long start = System.nanoTime();
		List<RequestMappingInfo> order = this.orderKnown ? registryOrder() : List.of();
		table = timed(CandidateTable.of(generation, order, handlerMethods.get(), this.versionStrategy), start);
		publish(table);
		return table;
	}

	private CandidateTable timed(CandidateTable table, long start) {
		if (logger.isDebugEnabled()) {
			logger.debug("method-guard fast routing read " + table.size() + " mappings of " + this.name + " in "
					+ (System.nanoTime() - start) / 1_000_000 + " ms");
		}
		return table;
	}

	/**
	 * Keep the table built last (a table of a later generation is never replaced by an older
	 * one) and log when fast routing starts, turns off, or turns on again.
	 */
	private synchronized void publish(CandidateTable built) {
		if (built.generation() < this.table.generation()) {
			return;
		}
		boolean first = !this.started;
		this.started = true;
		this.table = built;
		String off = built.off();
		if (off != null && !off.equals(this.loggedOff)) {
			logger.info("method-guard fast routing is off for " + this.name + ", which is Spring's own lookup, "
					+ "because " + off);
		}
		else if (off == null && (first || this.loggedOff != null)) {
			logger.info("method-guard fast routing is on for " + this.name + " (" + built.size() + " mappings"
					+ (built.ordered() ? ")" : "; it narrows Spring's own lookup only, as some were registered "
							+ "before it could see them)"));
		}
		this.loggedOff = off;
	}

	/**
	 * The steps of a handler mapping's lookup that fast routing uses: its protected methods.
	 */
	public interface Lookup {

		/**
		 * Spring's own {@code lookupHandlerMethod}.
		 * @param lookupPath the lookup path
		 * @param request the request
		 * @return the handler method, or {@code null}
		 * @throws Exception as Spring's lookup
		 */
		@Nullable HandlerMethod lookUpAsSpringDoes(String lookupPath, HttpServletRequest request) throws Exception;

		/**
		 * The mapping's {@code getMatchingMapping}.
		 * @param mapping a registered mapping
		 * @param request the request
		 * @return the matching mapping, or {@code null}
		 */
		@Nullable RequestMappingInfo match(RequestMappingInfo mapping, HttpServletRequest request);

		/**
		 * The mapping's {@code getMappingComparator}.
		 * @param request the request
		 * @return the comparator
		 */
		Comparator<RequestMappingInfo> comparator(HttpServletRequest request);

		/**
		 * The mapping's {@code handleMatch}.
		 * @param mapping the best match
		 * @param lookupPath the lookup path
		 * @param request the request
		 */
		void handleMatch(RequestMappingInfo mapping, String lookupPath, HttpServletRequest request);

		/**
		 * The mapping's {@code handleNoMatch}.
		 * @param mappings the mappings that may match the path partially, in registry order
		 * @param lookupPath the lookup path
		 * @param request the request
		 * @return the handler method, or {@code null}
		 * @throws Exception as Spring's {@code handleNoMatch}
		 */
		@Nullable HandlerMethod handleNoMatch(Set<RequestMappingInfo> mappings, String lookupPath,
				HttpServletRequest request) throws Exception;

	}

	/**
	 * A match: the matching mapping (conditions narrowed to the request) and the handler
	 * method of the registered one.
	 */
	private record Match(RequestMappingInfo mapping, HandlerMethod handlerMethod) {
	}

}
