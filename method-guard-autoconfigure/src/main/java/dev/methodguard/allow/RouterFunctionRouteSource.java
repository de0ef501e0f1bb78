package dev.methodguard.allow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.methodguard.allow.PredicateAlternatives.Alternative;

import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.web.util.pattern.PatternParseException;

/**
 * Routes of the functional endpoints (WebMvc.fn) of a {@link RouterFunctionMapping}, read
 * with {@link RouterFunctions.Visitor} and {@code RequestPredicates.Visitor}, nested routes
 * and {@code path(...)} prefixes included, without executing any predicate; each carries the
 * order of the mapping and the media types of its {@code contentType(...)} and
 * {@code accept(...)} conditions. A predicate that
 * cannot be read exactly (a custom one) makes its route take every method; that is logged
 * once, at DEBUG. Functional resource lookups ({@code RouterFunctions.resources}), router
 * functions not built with the DSL and paths that are not {@code PathPattern}s cannot be read
 * without a request: they are reported unread.
 */
public final class RouterFunctionRouteSource implements RouteSource {

	private static final Log logger = LogFactory.getLog(RouterFunctionRouteSource.class);

	private final RouterFunctionMapping mapping;

	private final String servletPrefix;

	/**
	 * Create a source.
	 * @param mapping the handler mapping to read
	 * @param servletPrefix the path prefix of the {@code DispatcherServlet}, {@code ""} for
	 * {@code /}
	 */
	public RouterFunctionRouteSource(RouterFunctionMapping mapping, String servletPrefix) {
		this.mapping = mapping;
		this.servletPrefix = servletPrefix;
	}

	@Override
	public List<Route> routes() {
		return read().routes();
	}

	@Override
	public Reading read() {
		RouterFunction<?> routerFunction = this.mapping.getRouterFunction();
		if (routerFunction == null) {
			return new Reading(List.of(), List.of());
		}
		Reader reader = new Reader();
		routerFunction.accept(reader);
		if (!reader.approximated.isEmpty() && logger.isDebugEnabled()) {
			logger.debug("method-guard read these functional routes as taking every method: " + reader.approximated);
		}
		return new Reading(reader.routes, reader.unread);
	}

	private static List<MediaType> orEmpty(@Nullable List<MediaType> mediaTypes) {
		return (mediaTypes != null) ? mediaTypes : List.of();
	}

	private final class Reader implements RouterFunctions.Visitor {

		private final Deque<List<Alternative>> nesting = new ArrayDeque<>();

		private final Deque<String> descriptions = new ArrayDeque<>();

		private final List<Route> routes = new ArrayList<>();

		private final List<String> approximated = new ArrayList<>();

		private final List<String> unread = new ArrayList<>();

		@Override
		public void startNested(RequestPredicate predicate) {
			this.nesting.addLast(read(predicate));
			this.descriptions.addLast(predicate.toString());
		}

		@Override
		public void endNested(RequestPredicate predicate) {
			this.nesting.removeLast();
			this.descriptions.removeLast();
		}

		@Override
		public void route(RequestPredicate predicate, HandlerFunction<?> handlerFunction) {
			List<Alternative> alternatives = read(predicate);
			for (Iterator<List<Alternative>> outers = this.nesting.descendingIterator(); outers.hasNext();) {
				alternatives = PredicateAlternatives.combine(alternatives, outers.next(), Alternative::nestedIn);
			}
			String description = String.join(" => ", this.descriptions) + (this.descriptions.isEmpty() ? "" : " => ")
					+ predicate;
			for (Alternative alternative : alternatives) {
				add(alternative, description);
			}
		}

		private void add(Alternative alternative, String description) {
			String path = (alternative.path() != null) ? alternative.path() : "/**";
			try {
				PathPatternParser parser = (RouterFunctionRouteSource.this.mapping.getPatternParser() != null)
						? RouterFunctionRouteSource.this.mapping.getPatternParser() : PathPatternParser.defaultInstance;
				RoutePattern pattern = new RoutePattern(RouterFunctionRouteSource.this.servletPrefix,
						parser.parse(parser.initFullPathPattern(path)), parser.isCaseSensitive());
				AllowedMethods methods = (alternative.methods() != null) ? AllowedMethods.of(alternative.methods())
						: AllowedMethods.any();
				boolean explicitOptions = alternative.methods() == null || alternative.methods().contains("OPTIONS");
				this.routes.add(new Route(pattern, methods, RouteKind.FUNCTIONAL, description, explicitOptions,
						List.of(), Route.ALWAYS_PRESENT, RouterFunctionRouteSource.this.mapping.getOrder(),
						orEmpty(alternative.consumes()), orEmpty(alternative.produces())));
			}
			catch (PatternParseException ex) {
				this.unread.add("functional route " + description + " (pattern " + path + ")");
			}
		}

		private List<Alternative> read(RequestPredicate predicate) {
			PredicateAlternatives reader = PredicateAlternatives.read(predicate);
			if (reader.approximate()) {
				this.approximated.add(predicate.toString());
			}
			return reader.alternatives();
		}

		@Override
		public void resources(Function<ServerRequest, Optional<Resource>> lookupFunction) {
			this.unread.add("functional resources " + lookupFunction);
		}

		@Override
		public void attributes(Map<String, Object> attributes) {
		}

		@Override
		public void unknown(RouterFunction<?> routerFunction) {
			this.unread.add("router function " + routerFunction);
		}

	}

}
