package dev.methodguard.internal.allow;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.methodguard.allow.Route;
import dev.methodguard.allow.RouteKind;
import dev.methodguard.allow.RouteSource;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading functional routes into patterns and methods, without executing them.
 */
class RouterFunctionRouteSourceTests {

	private static Map<String, String> read(RouterFunction<ServerResponse> routes) {
		return read(routes, "");
	}

	private static Map<String, String> read(RouterFunction<ServerResponse> routes, String prefix) {
		RouterFunctionMapping mapping = new RouterFunctionMapping(routes);
		List<Route> read = new RouterFunctionRouteSource(mapping, prefix).routes();
		assertThat(read).allSatisfy((route) -> assertThat(route.kind()).isEqualTo(RouteKind.FUNCTIONAL));
		return read.stream()
			.collect(Collectors.toMap((route) -> route.pattern().value(),
					(route) -> route.methods().toHeaderValue() + (route.methods().isAny() ? " (any)" : ""),
					(left, right) -> left + " | " + right, TreeMap::new));
	}

	private static ServerResponse ok() {
		return ServerResponse.ok().build();
	}

	@Test
	void readsMethodAndPathOfEachRoute() {
		assertThat(read(RouterFunctions.route()
			.GET("/a", (request) -> ok())
			.POST("/a", (request) -> ok())
			.DELETE("/b/{id}", (request) -> ok())
			.build())).containsExactly(Map.entry("/a", "GET, HEAD | POST"), Map.entry("/b/{id}", "DELETE"));
	}

	@Test
	void nestedPathPrefixesConcatenate() {
		assertThat(read(RouterFunctions.route()
			.path("/fn/greetings", (greetings) -> greetings.GET("", (request) -> ok())
				.POST("", (request) -> ok())
				.GET("/{name}", (request) -> ok()))
			.build())).containsExactly(Map.entry("/fn/greetings", "GET, HEAD | POST"),
					Map.entry("/fn/greetings/{name}", "GET, HEAD"));
	}

	@Test
	void deeplyNestedRoutesWithMethodNesting() {
		assertThat(read(RouterFunctions.route()
			.nest(RequestPredicates.path("/v1"), (v1) -> v1.nest(RequestPredicates.path("/items"),
					(items) -> items.GET("/{id}", (request) -> ok()).PUT("/{id}", (request) -> ok())))
			.build())).containsExactly(Map.entry("/v1/items/{id}", "GET, HEAD | PUT"));
	}

	@Test
	void methodOnlyNestAppliesToEveryRouteBelowIt() {
		assertThat(read(RouterFunctions.route()
			.nest(RequestPredicates.method(HttpMethod.GET),
					(gets) -> gets.route(RequestPredicates.path("/x"), (request) -> ok()))
			.build())).containsExactly(Map.entry("/x", "GET, HEAD"));
	}

	@Test
	void routeWithoutPathPredicateServesEveryPathBelowItsNest() {
		assertThat(read(RouterFunctions.route()
			.path("/files", (files) -> files.route(RequestPredicates.method(HttpMethod.PUT),
					(request) -> ok()))
			.build())).containsExactly(Map.entry("/files/**", "PUT"));
	}

	@Test
	void orPredicatesGiveOneRoutePerAlternative() {
		assertThat(read(RouterFunctions.route(
				RequestPredicates.GET("/a").or(RequestPredicates.POST("/b")), (request) -> ok())))
			.containsExactly(Map.entry("/a", "GET, HEAD"), Map.entry("/b", "POST"));
	}

	@Test
	void headerAndParamConditionsDoNotChangeTheMethods() {
		assertThat(read(RouterFunctions.route(RequestPredicates.GET("/a")
			.and(RequestPredicates.param("q", "1"))
			.and(RequestPredicates.headers((headers) -> true)), (request) -> ok())))
			.containsExactly(Map.entry("/a", "GET, HEAD"));
	}

	@Test
	void customPredicateMakesTheRouteTakeEveryMethod() {
		assertThat(read(RouterFunctions.route(RequestPredicates.path("/custom").and((request) -> true),
				(request) -> ok())))
			.containsExactly(Map.entry("/custom", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, QUERY (any)"));
	}

	@Test
	void negatedMethodIsReadAsEveryMethod() {
		assertThat(read(RouterFunctions.route(RequestPredicates.path("/n")
			.and(RequestPredicates.method(HttpMethod.GET).negate()), (request) -> ok())))
			.containsExactly(Map.entry("/n", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, QUERY (any)"));
	}

	@Test
	void servletPrefixIsPrepended() {
		assertThat(read(RouterFunctions.route().GET("/a", (request) -> ok()).build(), "/mvc"))
			.containsExactly(Map.entry("/mvc/a", "GET, HEAD"));
	}

	@Test
	void explicitOptionsRouteIsMarked() {
		List<Route> routes = new RouterFunctionRouteSource(new RouterFunctionMapping(RouterFunctions.route()
			.OPTIONS("/o", (request) -> ok())
			.GET("/o", (request) -> ok())
			.build()), "").routes();
		assertThat(routes).extracting(Route::explicitOptions).containsExactly(true, false);
	}

	@Test
	void routesBuiltWithTheDslAreReadCompletely() {
		RouteSource.Reading reading = new RouterFunctionRouteSource(new RouterFunctionMapping(RouterFunctions.route()
			.GET("/a", (request) -> ok())
			.nest(RequestPredicates.path("/b"), (nested) -> nested.POST("/c", (request) -> ok()))
			.build()), "").read();
		assertThat(reading.unread()).isEmpty();
		assertThat(reading.routes()).hasSize(2);
	}

	@Test
	void functionalResourcesAndHandWrittenRouterFunctionsAreReportedUnread() {
		RouterFunction<ServerResponse> resources = RouterFunctions.resources("/docs/**",
				new ClassPathResource("docs/"));
		RouterFunction<ServerResponse> handWritten = (request) -> Optional.empty();
		RouteSource.Reading reading = new RouterFunctionRouteSource(new RouterFunctionMapping(
				RouterFunctions.route().GET("/a", (request) -> ok()).build().and(resources).and(handWritten)), "")
			.read();
		assertThat(reading.routes()).extracting((route) -> route.pattern().value()).containsExactly("/a");
		assertThat(reading.unread()).hasSize(2)
			.anySatisfy((unread) -> assertThat(unread).startsWith("functional resources"))
			.anySatisfy((unread) -> assertThat(unread).startsWith("router function"));
	}

	@Test
	void contentTypeAndAcceptConditionsAndTheMappingsOrderAreKept() {
		RouterFunctionMapping mapping = new RouterFunctionMapping(RouterFunctions.route()
			.POST("/c", RequestPredicates.contentType(MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML),
					(request) -> ok())
			.PUT("/c", RequestPredicates.accept(MediaType.TEXT_PLAIN)
				.and(RequestPredicates.contentType(MediaType.parseMediaType("application/merge-patch+json"))),
					(request) -> ok())
			.GET("/c", RequestPredicates.contentType(MediaType.TEXT_PLAIN).negate(), (request) -> ok())
			.DELETE("/c", RequestPredicates.headers((headers) -> true), (request) -> ok())
			.build());
		mapping.setOrder(7);
		List<Route> routes = new RouterFunctionRouteSource(mapping, "").routes();
		assertThat(routes).extracting(Route::order).containsOnly(7);
		assertThat(routes).extracting((route) -> route.methods().toHeaderValue() + " " + route.consumes() + " "
				+ route.produces())
			.containsExactly("POST [application/json, application/xml] []",
					"PUT [application/merge-patch+json] [text/plain]", "GET, HEAD [] []", "DELETE [] []");
	}

	@Test
	void noRouterFunctionNoRoutes() {
		assertThat(new RouterFunctionRouteSource(new RouterFunctionMapping(), "").routes()).isEmpty();
	}

	/**
	 * As {@code RouterFunctions.Visitor#attributes} defines it, attributes apply to the one
	 * route or nested function that follows them: of a router function built with several
	 * routes and given attributes afterwards, only the first route.
	 */
	@Test
	void aRouteIdInTheAttributesDescribesTheRouteThatFollowsThem() {
		String id = RouterFunctionRouteSource.GATEWAY_ROUTE_ID_ATTRIBUTE;
		RouterFunction<ServerResponse> routes = RouterFunctions.route()
			.route(RequestPredicates.path("/products").and(RequestPredicates.methods(HttpMethod.GET, HttpMethod.POST)),
					(request) -> ok())
			.withAttribute(id, "products")
			.GET("/plain", (request) -> ok())
			.build()
			.and(RouterFunctions.route().GET("/orders", (request) -> ok()).POST("/orders", (request) -> ok()).build()
				.withAttribute(id, "orders"))
			.and(RouterFunctions.route().GET("/other", (request) -> ok()).build().withAttribute("color", "blue"));
		List<Route> read = new RouterFunctionRouteSource(new RouterFunctionMapping(routes), "").routes();
		assertThat(read).extracting(Route::handler)
			.containsExactly("route products: (/products && [GET, POST])", "(GET && /plain)",
					"route orders: (GET && /orders)", "(POST && /orders)", "(GET && /other)");
	}

	@Test
	void aNestedRouterFunctionPassesItsIdOnToItsRoutes() {
		RouterFunction<ServerResponse> routes = RouterFunctions.route()
			.path("/v1", (v1) -> v1.GET("/a", (request) -> ok()).DELETE("/b", (request) -> ok()))
			.withAttribute(RouterFunctionRouteSource.GATEWAY_ROUTE_ID_ATTRIBUTE, "v1")
			.GET("/c", (request) -> ok())
			.build();
		List<Route> read = new RouterFunctionRouteSource(new RouterFunctionMapping(routes), "").routes();
		assertThat(read).extracting(Route::handler)
			.containsExactly("route v1: /v1 => (GET && /a)", "route v1: /v1 => (DELETE && /b)", "(GET && /c)");
	}

	@Test
	void aReadingStaysUnchangedOnlyWhileTheMappingHoldsTheRouterFunctionItWasReadFrom() {
		RouterFunction<ServerResponse> routes = RouterFunctions.route().GET("/a", (request) -> ok()).build();
		RouterFunctionMapping mapping = new RouterFunctionMapping(routes);
		RouteSource.Reading reading = new RouterFunctionRouteSource(mapping, "").read();
		assertThat(reading.unchanged().getAsBoolean()).isTrue();
		mapping.setRouterFunction(RouterFunctions.route().GET("/a", (request) -> ok()).build());
		assertThat(reading.unchanged().getAsBoolean()).isFalse();
		mapping.setRouterFunction(routes);
		assertThat(reading.unchanged().getAsBoolean()).isTrue();
		mapping.setRouterFunction(null);
		assertThat(reading.unchanged().getAsBoolean()).isFalse();
	}

}
