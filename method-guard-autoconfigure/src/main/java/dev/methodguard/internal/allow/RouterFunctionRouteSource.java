package dev.methodguard.internal.allow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.methodguard.allow.AllowedMethods;
import dev.methodguard.allow.Presence;
import dev.methodguard.allow.Route;
import dev.methodguard.allow.RouteKind;
import dev.methodguard.allow.RoutePattern;
import dev.methodguard.allow.RouteSource;
import dev.methodguard.allow.RouteVersion;
import dev.methodguard.internal.allow.PredicateAlternatives.Alternative;

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
 * order of the mapping, the media types of its {@code contentType(...)} and
 * {@code accept(...)} conditions and the API version of its {@code version(...)} condition,
 * parsed with the mapping's {@code ApiVersionStrategy}. A predicate that
 * cannot be read exactly (a custom one) makes its route take every method; that is logged
 * once, at DEBUG. Functional resource lookups ({@code RouterFunctions.resources}), router
 * functions not built with the DSL and paths that are not {@code PathPattern}s cannot be read
 * without a request: they are reported unread.
 * <p>
 * A route that carries an id in its attributes, as Spring Cloud Gateway's routes do
 * ({@value #GATEWAY_ROUTE_ID_ATTRIBUTE}), is described by that id and its predicate. As
 * {@link RouterFunctions.Visitor#attributes(Map)} defines it, attributes apply to the route
 * or nested router function that follows them: a nested function passes its id on to its
 * routes.
 * <p>
 * The reading stays {@link Reading#unchanged() unchanged} while the mapping holds the very
 * router function it was read from: a router function replaced
 * ({@code setRouterFunction}) or built again ({@code afterPropertiesSet}) has the index
 * built anew before its next use.
 */
public final class RouterFunctionRouteSource implements RouteSource {

	/**
	 * The attribute in which Spring Cloud Gateway Server Web MVC keeps the id of a route
	 * ({@code MvcUtils.GATEWAY_ROUTE_ID_ATTR}).
	 */
	public static final String GATEWAY_ROUTE_ID_ATTRIBUTE = "GatewayServerMvc.gatewayRouteId";

	private static final List<String> ROUTE_ID_ATTRIBUTES = List.of(GATEWAY_ROUTE_ID_ATTRIBUTE);

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
		BooleanSupplier unchanged = () -> this.mapping.getRouterFunction() == routerFunction;
		if (routerFunction == null) {
			return new Reading(List.of(), List.of(), unchanged);
		}
		Reader reader = new Reader();
		routerFunction.accept(reader);
		if (!reader.approximated.isEmpty() && logger.isDebugEnabled()) {
			logger.debug("method-guard read these functional routes as taking every method: " + reader.approximated);
		}
		return new Reading(reader.routes, reader.unread, unchanged);
	}

	/**
	 * A route described by its id, where it has one, and its predicates, such as
	 * {@code route products: (/api/products && [GET, POST])}.
	 */
	private static String describe(@Nullable String id, String predicates) {
		return (id != null) ? "route " + id + ": " + predicates : predicates;
	}

	private static List<MediaType> orEmpty(@Nullable List<MediaType> mediaTypes) {
		return (mediaTypes != null) ? mediaTypes : List.of();
	}

	private final class Reader implements RouterFunctions.Visitor {

		private final Deque<List<Alternative>> nesting = new ArrayDeque<>();

		private final Deque<String> descriptions = new ArrayDeque<>();

		/** The route id of each nested router function, {@code ""} for none. */
		private final Deque<String> nestedIds = new ArrayDeque<>();

		private final List<Route> routes = new ArrayList<>();

		private final List<String> approximated = new ArrayList<>();

		private final List<String> unread = new ArrayList<>();

		/** The route id of the attributes announced for the next route or nested function. */
		private @Nullable String pendingId;

		@Override
		public void startNested(RequestPredicate predicate) {
			String id = takeId();
			this.nesting.addLast(read(predicate, id));
			this.descriptions.addLast(predicate.toString());
			this.nestedIds.addLast((id != null) ? id : "");
		}

		@Override
		public void endNested(RequestPredicate predicate) {
			this.nesting.removeLast();
			this.descriptions.removeLast();
			this.nestedIds.removeLast();
			this.pendingId = null;
		}

		@Override
		public void route(RequestPredicate predicate, HandlerFunction<?> handlerFunction) {
			String id = takeId();
			List<Alternative> alternatives = read(predicate, id);
			for (Iterator<List<Alternative>> outers = this.nesting.descendingIterator(); outers.hasNext();) {
				alternatives = PredicateAlternatives.combine(alternatives, outers.next(), Alternative::nestedIn);
			}
			String predicates = String.join(" => ", this.descriptions) + (this.descriptions.isEmpty() ? "" : " => ")
					+ predicate;
			for (Alternative alternative : alternatives) {
				add(alternative, id, predicates);
			}
		}

		/**
		 * The id announced for what follows, else that of the innermost nested function
		 * that has one; what was announced is used up.
		 */
		private @Nullable String takeId() {
			String id = this.pendingId;
			this.pendingId = null;
			if (id != null) {
				return id;
			}
			for (Iterator<String> ids = this.nestedIds.descendingIterator(); ids.hasNext();) {
				String nested = ids.next();
				if (!nested.isEmpty()) {
					return nested;
				}
			}
			return null;
		}

		private void add(Alternative alternative, @Nullable String id, String predicates) {
			String description = describe(id, predicates);
			String path = (alternative.path() != null) ? alternative.path() : "/**";
			try {
				PathPatternParser parser = (RouterFunctionRouteSource.this.mapping.getPatternParser() != null)
						? RouterFunctionRouteSource.this.mapping.getPatternParser() : PathPatternParser.defaultInstance;
				RoutePattern pattern = new RoutePattern(RouterFunctionRouteSource.this.servletPrefix,
						parser.parse(parser.initFullPathPattern(path)), parser.isCaseSensitive());
				AllowedMethods methods = (alternative.methods() != null) ? AllowedMethods.of(alternative.methods())
						: AllowedMethods.any();
				boolean explicitOptions = alternative.methods() == null || alternative.methods().contains("OPTIONS");
				RouteVersion version = version(alternative.version(), description);
				this.routes.add(new Route(pattern, methods, RouteKind.FUNCTIONAL, description, explicitOptions,
						List.of(), Presence.always(), RouterFunctionRouteSource.this.mapping.getOrder(),
						orEmpty(alternative.consumes()), orEmpty(alternative.produces()), version));
			}
			catch (PatternParseException ex) {
				this.unread.add("functional " + ((id != null) ? describe(id, predicates) : "route " + predicates)
						+ " (pattern " + path + ")");
			}
		}

		/**
		 * The version condition of a route; one its mapping's strategy cannot parse (Spring
		 * fails such a route's requests) is read as none, more than it accepts.
		 */
		private RouteVersion version(@Nullable String declared, String description) {
			try {
				return RouteVersion.parse(declared, RouterFunctionRouteSource.this.mapping.getApiVersionStrategy());
			}
			catch (RuntimeException ex) {
				this.approximated.add(description + " (version " + declared + ")");
				return RouteVersion.NONE;
			}
		}

		private List<Alternative> read(RequestPredicate predicate, @Nullable String id) {
			PredicateAlternatives reader = PredicateAlternatives.read(predicate);
			if (reader.approximate()) {
				this.approximated.add(describe(id, predicate.toString()));
			}
			return reader.alternatives();
		}

		@Override
		public void resources(Function<ServerRequest, Optional<Resource>> lookupFunction) {
			this.unread.add(describe(takeId(), "functional resources " + lookupFunction));
		}

		@Override
		public void attributes(Map<String, Object> attributes) {
			for (String name : ROUTE_ID_ATTRIBUTES) {
				Object id = attributes.get(name);
				if (id != null && !id.toString().isEmpty()) {
					this.pendingId = id.toString();
				}
			}
		}

		@Override
		public void unknown(RouterFunction<?> routerFunction) {
			this.unread.add(describe(takeId(), "router function " + routerFunction));
		}

	}

}
