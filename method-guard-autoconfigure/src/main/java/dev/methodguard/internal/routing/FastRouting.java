package dev.methodguard.internal.routing;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Opt-in fast routing for one mapping of annotated controllers: while the mapping looks a
 * request up, only the mappings whose patterns may match the request's path are
 * {@link #admits(RequestMappingInfo) admitted}; Spring's own lookup runs as always over its
 * own registrations, in their order, but asks no condition of the others, whose patterns
 * could not match. Spring evaluates a mapping's pattern after its methods, parameters,
 * headers, media types and version, which only read the request; so a mapping left out
 * would have been no match either, and what Spring does with the matches (its best-match
 * ordering, its ambiguity check, CORS preflights, {@code handleMatch}) and with partial
 * matches ({@code handleNoMatch}: 405, 415, 406, 400, {@code OPTIONS}) is unchanged.
 * Direct literal matches still come from Spring's own map first.
 * <p>
 * Off, with one log line naming why, wherever it cannot vouch for the mappings (see
 * {@link CandidateTable#of}): then the mapping is exactly Spring's. Mappings registered or
 * unregistered at run time are {@linkplain #routesChanged() announced} by the mapping; the
 * next lookup reads the mappings again.
 * <p>
 * One instance serves one handler mapping (a bean of this type is declared in prototype
 * scope). Thread-safe: the candidates of a lookup are held by its thread.
 */
public final class FastRouting {

	private static final Log logger = LogFactory.getLog(FastRouting.class);

	private final UnaryOperator<Candidates> narrowing;

	private final AtomicLong generation = new AtomicLong();

	private final ThreadLocal<@Nullable Candidates> current = new ThreadLocal<>();

	private volatile CandidateTable table = CandidateTable.off(-1, "not started");

	private @Nullable Supplier<? extends Collection<RequestMappingInfo>> mappings;

	private boolean versionStrategy;

	private String name = "";

	private @Nullable String loggedOff;

	private boolean started;

	/**
	 * Create fast routing for one handler mapping, to be {@link #start started} by it.
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
	 * Start routing for a handler mapping whose handler methods have all been detected.
	 * @param name the name of the handler mapping, for the log
	 * @param registered the mappings registered now
	 * @param mappings reads the registered mappings again after a change, as the registered
	 * instances; called while the handler mapping holds its registry's read lock
	 * @param patternParser whether the handler mapping matches with a {@code PathPatternParser}
	 * (with a {@code PathMatcher}, fast routing stays off)
	 * @param versionStrategy whether the handler mapping has an API version strategy
	 */
	public synchronized void start(String name, Collection<RequestMappingInfo> registered,
			Supplier<? extends Collection<RequestMappingInfo>> mappings, boolean patternParser,
			boolean versionStrategy) {
		this.name = Objects.requireNonNull(name, "name");
		this.versionStrategy = versionStrategy;
		if (!patternParser) {
			publish(CandidateTable.off(this.generation.get(), "it matches patterns with a PathMatcher "
					+ "(AntPathMatcher), not a PathPatternParser"));
			return;
		}
		this.mappings = mappings;
		publish(CandidateTable.of(this.generation.get(), registered, versionStrategy));
	}

	/**
	 * Announce that mappings were registered or unregistered: the next lookup reads them
	 * again. To be called after the change, once the mapping's registry holds it.
	 */
	public void routesChanged() {
		this.generation.incrementAndGet();
	}

	/**
	 * Begin the lookup of a request: from now on and until {@link #end(Object)}, this thread
	 * {@link #admits(RequestMappingInfo) admits} only the mappings whose patterns may match
	 * the request's path. To be called while the handler mapping holds its registry's read
	 * lock, with the request's path parsed (Spring MVC's {@code initLookupPath}).
	 * @param request the request
	 * @return what to pass to {@link #end(Object)}
	 */
	public @Nullable Object begin(HttpServletRequest request) {
		Candidates previous = this.current.get();
		CandidateTable table = currentTable();
		if (table.off() == null && ServletRequestPathUtils.hasParsedRequestPath(request)) {
			this.current.set(this.narrowing
				.apply(table.candidates(ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication())));
		}
		else {
			this.current.remove();
		}
		return previous;
	}

	/**
	 * End the lookup begun by {@link #begin(HttpServletRequest)}.
	 * @param previous what {@code begin} returned
	 */
	public void end(@Nullable Object previous) {
		if (previous instanceof Candidates candidates) {
			this.current.set(candidates);
		}
		else {
			this.current.remove();
		}
	}

	/**
	 * Whether Spring's lookup should evaluate a mapping for the request this thread looks up.
	 * @param mapping a registered mapping
	 * @return {@code false} only during a lookup, for a mapping whose patterns cannot match
	 * the request's path
	 */
	public boolean admits(RequestMappingInfo mapping) {
		Candidates candidates = this.current.get();
		return candidates == null || candidates.contains(mapping);
	}

	/**
	 * The mappings among the given ones that are {@link #admits(RequestMappingInfo)
	 * admitted}, in their order.
	 * @param mappings the registered mappings
	 * @return the admitted ones, the given set itself outside a narrowed lookup
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

	private CandidateTable currentTable() {
		CandidateTable table = this.table;
		long generation = this.generation.get();
		Supplier<? extends Collection<RequestMappingInfo>> mappings = this.mappings;
		if (table.generation() == generation || mappings == null) {
			return table;
		}
		table = CandidateTable.of(generation, mappings.get(), this.versionStrategy);
		publish(table);
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
			logger.info("method-guard fast routing is on for " + this.name + " (" + built.size() + " mappings)");
		}
		this.loggedOff = off;
	}

}
