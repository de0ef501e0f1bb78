package dev.methodguard.internal.allow;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.methodguard.allow.AllowedMethods;
import dev.methodguard.allow.Presence;
import dev.methodguard.allow.Route;
import dev.methodguard.allow.RouteKind;
import dev.methodguard.allow.RoutePattern;
import dev.methodguard.allow.RouteVersion;

import org.springframework.util.ReflectionUtils;
import org.springframework.web.accept.ApiVersionStrategy;
import org.springframework.web.accept.DefaultApiVersionStrategy;
import org.springframework.web.accept.HeaderApiVersionResolver;
import org.springframework.web.accept.SemanticApiVersionParser;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API version conditions: read from annotated and functional routes, and the methods of a
 * path for a request of a version as Spring MVC chooses among the routes.
 */
class ApiVersionRoutesTests {

	private static final ApiVersionStrategy STRATEGY = new DefaultApiVersionStrategy(
			List.of(new HeaderApiVersionResolver("X-API-Version")), new SemanticApiVersionParser(), null, "1.0",
			true, null, null);

	private final List<Route> routes = new ArrayList<>();

	private void route(String pattern, RouteKind kind, String version, String... methods) {
		this.routes.add(new Route(new RoutePattern("", PathPatternParser.defaultInstance.parse(pattern)),
				AllowedMethods.of(methods), kind, pattern + " " + version, false, List.of(), Presence.always(), 0,
				List.of(), List.of(), RouteVersion.parse(version, STRATEGY)));
	}

	private String allow(String path, String version) {
		RequestVersion requested = () -> (version != null) ? STRATEGY.parseVersion(version) : null;
		return MethodIndex.of(this.routes)
			.lookup(path, requested)
			.map((resolution) -> resolution.allowed().toHeaderValue())
			.orElse("404");
	}

	@Test
	void aConditionIsReadAsDeclaredAndParsedByTheStrategy() {
		RouteVersion baseline = RouteVersion.parse("1.1+", STRATEGY);
		assertThat(baseline.value()).isEqualTo("1.1");
		assertThat(baseline.baseline()).isTrue();
		assertThat(baseline).hasToString("1.1+");
		assertThat(baseline.accepts(STRATEGY.parseVersion("1.1.0"))).isTrue();
		assertThat(baseline.accepts(STRATEGY.parseVersion("1.2"))).isTrue();
		assertThat(baseline.accepts(STRATEGY.parseVersion("1.0"))).isFalse();
		RouteVersion fixed = RouteVersion.parse("1.1", STRATEGY);
		assertThat(fixed).hasToString("1.1");
		assertThat(fixed.accepts(STRATEGY.parseVersion("1.1"))).isTrue();
		assertThat(fixed.accepts(STRATEGY.parseVersion("1.2"))).isFalse();
		assertThat(fixed.accepts(null)).isTrue();
		assertThat(RouteVersion.parse(null, STRATEGY)).isSameAs(RouteVersion.NONE);
		assertThat(RouteVersion.parse("1.1", null)).isSameAs(RouteVersion.NONE);
		assertThat(RouteVersion.NONE.isVersioned()).isFalse();
		assertThat(RouteVersion.NONE.accepts(STRATEGY.parseVersion("9.9"))).isTrue();
	}

	@Test
	void conditionsAreReportedWithoutFirstThenByVersionFixedBeforeBaseline() {
		List<RouteVersion> versions = new ArrayList<>(List.of(RouteVersion.parse("1.10", STRATEGY),
				RouteVersion.parse("1.2+", STRATEGY), RouteVersion.NONE, RouteVersion.parse("1.2", STRATEGY)));
		versions.sort(RouteVersion.ORDER);
		assertThat(versions).map(RouteVersion::toString).containsExactly("", "1.2", "1.2+", "1.10");
	}

	@Test
	void theMethodsOfAPathAreThoseOfTheRoutesServingTheRequestVersion() {
		route("/loans", RouteKind.ANNOTATED, "1.0+", "GET");
		route("/loans", RouteKind.ANNOTATED, "1.1", "PUT");
		route("/loans", RouteKind.ANNOTATED, null, "DELETE");
		assertThat(allow("/loans", "1.0")).isEqualTo("GET, HEAD, DELETE, OPTIONS");
		assertThat(allow("/loans", "1.1.0")).isEqualTo("GET, HEAD, PUT, DELETE, OPTIONS");
		assertThat(allow("/loans", "1.2")).isEqualTo("GET, HEAD, DELETE, OPTIONS");
		assertThat(allow("/loans", null)).isEqualTo("GET, HEAD, PUT, DELETE, OPTIONS");
		assertThat(MethodIndex.of(this.routes).lookup("/loans").orElseThrow().allowed().toHeaderValue())
			.isEqualTo("GET, HEAD, PUT, DELETE, OPTIONS");
	}

	@Test
	void aPathServedOnlyInOtherVersionsIsUnknownInThisOne() {
		route("/rates", RouteKind.ANNOTATED, "1.2", "GET");
		assertThat(allow("/rates", "1.0")).isEqualTo("404");
		assertThat(allow("/rates", "1.2")).isEqualTo("GET, HEAD, OPTIONS");
	}

	@Test
	void aLaterFixedVersionOfTheSameAnnotatedMappingCapsAnEarlierRoute() {
		route("/terms", RouteKind.ANNOTATED, "1.0+", "GET", "POST");
		route("/terms", RouteKind.ANNOTATED, "1.1", "GET");
		assertThat(allow("/terms", "1.0")).isEqualTo("GET, HEAD, POST, OPTIONS");
		assertThat(allow("/terms", "1.1")).isEqualTo("GET, HEAD, POST, OPTIONS");
		assertThat(allow("/terms", "1.2")).isEqualTo("POST, OPTIONS");
	}

	@Test
	void aFixedVersionCapsARouteWithoutCondition() {
		route("/items", RouteKind.ANNOTATED, null, "GET");
		route("/items", RouteKind.ANNOTATED, "1.1", "GET");
		assertThat(allow("/items", "1.0")).isEqualTo("GET, HEAD, OPTIONS");
		assertThat(allow("/items", "1.2")).isEqualTo("404");
	}

	@Test
	void aFixedVersionOfAMoreSpecificPatternCapsALessSpecificOne() {
		route("/a/{id}", RouteKind.ANNOTATED, "1.0+", "GET");
		route("/a/b", RouteKind.ANNOTATED, "1.1", "GET");
		route("/c/{id}", RouteKind.ANNOTATED, "1.1", "GET");
		route("/c/d", RouteKind.ANNOTATED, "1.0+", "GET");
		assertThat(allow("/a/b", "1.2")).isEqualTo("404");
		assertThat(allow("/a/c", "1.2")).isEqualTo("GET, HEAD, OPTIONS");
		assertThat(allow("/c/d", "1.2")).isEqualTo("GET, HEAD, OPTIONS");
	}

	@Test
	void functionalRoutesAreNeverCapped() {
		route("/offers", RouteKind.FUNCTIONAL, "1.0+", "GET");
		route("/offers", RouteKind.FUNCTIONAL, "1.1", "GET");
		assertThat(allow("/offers", "1.2")).isEqualTo("GET, HEAD, OPTIONS");
	}

	@Test
	void theVersionIsAskedForOnlyWhereARouteOfThePathHasACondition() {
		route("/plain", RouteKind.ANNOTATED, null, "GET");
		route("/loans", RouteKind.ANNOTATED, "1.1", "PUT");
		MethodIndex index = MethodIndex.of(this.routes);
		AtomicInteger asked = new AtomicInteger();
		RequestVersion version = () -> {
			asked.incrementAndGet();
			return STRATEGY.parseVersion("1.0");
		};
		assertThat(index.lookup("/plain", version)).isPresent();
		assertThat(index.lookupRejecting("/plain", "POST", version)).isPresent();
		assertThat(index.routesMatching("/plain", version)).hasSize(1);
		assertThat(asked).hasValue(0);
		assertThat(index.lookup("/loans", version)).isEmpty();
		assertThat(asked).hasPositiveValue();
		assertThat(index.isVersioned()).isTrue();
		assertThat(MethodIndex.of(this.routes.subList(0, 1)).isVersioned()).isFalse();
	}

	@Test
	void aRejectingLookupRejectsAMethodTakenOnlyInOtherVersions() {
		route("/loans", RouteKind.ANNOTATED, "1.0+", "GET");
		route("/loans", RouteKind.ANNOTATED, "1.1", "PUT");
		route("/rates", RouteKind.ANNOTATED, "1.2", "GET");
		MethodIndex index = MethodIndex.of(this.routes);
		RequestVersion version10 = () -> STRATEGY.parseVersion("1.0");
		RequestVersion version11 = () -> STRATEGY.parseVersion("1.1");
		assertThat(index.lookupRejecting("/loans", "PUT", version10)).map((known) -> known.allowed().toHeaderValue())
			.hasValue("GET, HEAD, OPTIONS");
		assertThat(index.lookupRejecting("/loans", "PUT", version11)).isEmpty();
		assertThat(index.lookupRejecting("/loans", "PUT", RequestVersion.NONE)).isEmpty();
		assertThat(index.lookupRejecting("/rates", "POST", version10)).isEmpty();
		assertThat(index.routesMatching("/loans", version10)).map(Route::handler).containsExactly("/loans 1.0+");
	}

	@Test
	void annotatedVersionConditionsAreReadFromTheMapping() throws Exception {
		RequestMappingHandlerMapping mapping = new RequestMappingHandlerMapping();
		mapping.setApiVersionStrategy(STRATEGY);
		RequestMappingInfo.BuilderConfiguration options = new RequestMappingInfo.BuilderConfiguration();
		options.setApiVersionStrategy(STRATEGY);
		options.setPatternParser(PathPatternParser.defaultInstance);
		Method handle = ReflectionUtils.findMethod(Handler.class, "handle");
		Handler handler = new Handler();
		mapping.registerMapping(RequestMappingInfo.paths("/loans").methods(RequestMethod.GET).version("1.0+")
			.options(options).build(), handler, handle);
		mapping.registerMapping(RequestMappingInfo.paths("/loans").methods(RequestMethod.PUT).version("1.1")
			.options(options).build(), handler, handle);
		mapping.registerMapping(RequestMappingInfo.paths("/plain").methods(RequestMethod.GET).options(options).build(),
				handler, handle);
		List<Route> read = new RequestMappingRouteSource(mapping, "", (method) -> false).routes();
		assertThat(versions(read)).containsExactly(Map.entry("/loans GET, HEAD", "1.0+"),
				Map.entry("/loans PUT", "1.1"), Map.entry("/plain GET, HEAD", ""));
	}

	@Test
	void functionalVersionPredicatesAreRead() {
		RouterFunctionMapping mapping = new RouterFunctionMapping(RouterFunctions.route()
			.GET("/offers", RequestPredicates.version("1.1+"), (request) -> ServerResponse.ok().build())
			.POST("/offers", RequestPredicates.version("1.2"), (request) -> ServerResponse.ok().build())
			.nest(RequestPredicates.version("2.0"),
					(nested) -> nested.DELETE("/offers", (request) -> ServerResponse.ok().build()))
			.GET("/plain", (request) -> ServerResponse.ok().build())
			.build());
		mapping.setApiVersionStrategy(STRATEGY);
		List<Route> read = new RouterFunctionRouteSource(mapping, "").routes();
		assertThat(versions(read)).containsExactly(Map.entry("/offers DELETE", "2.0"),
				Map.entry("/offers GET, HEAD", "1.1+"), Map.entry("/offers POST", "1.2"),
				Map.entry("/plain GET, HEAD", ""));
	}

	@Test
	void aFunctionalVersionWithoutStrategyIsNoCondition() {
		RouterFunctionMapping mapping = new RouterFunctionMapping(RouterFunctions.route()
			.GET("/offers", RequestPredicates.version("1.1+"), (request) -> ServerResponse.ok().build())
			.build());
		assertThat(new RouterFunctionRouteSource(mapping, "").routes()).singleElement()
			.satisfies((route) -> assertThat(route.version()).isSameAs(RouteVersion.NONE));
	}

	private static Map<String, String> versions(List<Route> routes) {
		return routes.stream()
			.collect(Collectors.toMap((route) -> route.pattern().value() + " " + route.methods().toHeaderValue(),
					(route) -> route.version().toString(), (left, right) -> left + " | " + right, TreeMap::new));
	}

	static class Handler {

		String handle() {
			return "";
		}

	}

}
