package dev.methodguard.actuate;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.methodguard.actuate.MethodsEndpoint.RouteDescriptor;
import dev.methodguard.allow.AllowedMethods;
import dev.methodguard.allow.Presence;
import dev.methodguard.allow.Route;
import dev.methodguard.allow.RouteKind;
import dev.methodguard.allow.RoutePattern;
import dev.methodguard.allow.RouteVersion;
import dev.methodguard.internal.allow.MethodIndex;
import dev.methodguard.internal.allow.PathPolicy;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.web.accept.ApiVersionStrategy;
import org.springframework.web.accept.DefaultApiVersionStrategy;
import org.springframework.web.accept.HeaderApiVersionResolver;
import org.springframework.web.accept.SemanticApiVersionParser;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The descriptors of the {@link MethodsEndpoint}.
 */
class MethodsEndpointTests {

	private final MethodIndex index = MethodIndex.of(List.of(route("/orders", RouteKind.ANNOTATED, "POST"),
			route("/orders", RouteKind.FUNCTIONAL, "GET"), route("/admin/users/{id}", RouteKind.ANNOTATED, "DELETE"),
			route("/fn/only", RouteKind.FUNCTIONAL, "GET")), false);

	private static Route route(String pattern, RouteKind kind, String... methods) {
		return Route.of(new RoutePattern("", PathPatternParser.defaultInstance.parse(pattern)),
				AllowedMethods.of(methods), kind, kind + " " + pattern);
	}

	@Test
	void onePatternPerEntrySortedWithTheUnionOfItsRoutes() {
		List<RouteDescriptor> routes = new MethodsEndpoint(() -> this.index, PathPolicy.none(), false).methods()
			.routes();
		assertThat(routes).extracting(RouteDescriptor::pattern)
			.containsExactly("/admin/users/{id}", "/fn/only", "/orders");
		RouteDescriptor orders = routes.get(2);
		assertThat(orders.methods()).containsExactly("GET", "HEAD", "POST", "OPTIONS");
		assertThat(orders.sources()).containsExactly("annotated", "functional");
		assertThat(orders.handlers()).containsExactly("ANNOTATED /orders", "FUNCTIONAL /orders");
	}

	@Test
	void functionalRouteListsOptionsOnlyWhereSomethingAnswersIt() {
		List<RouteDescriptor> routes = new MethodsEndpoint(() -> this.index, PathPolicy.none(), false).methods()
			.routes();
		assertThat(routes.get(1).methods()).containsExactly("GET", "HEAD");
	}

	@Test
	void concealedRoutesAreHiddenUnlessShown() {
		PathPolicy policy = PathPolicy.of(List.of("/admin/**"), List.of());
		assertThat(new MethodsEndpoint(() -> this.index, policy, false).methods().routes())
			.extracting(RouteDescriptor::pattern)
			.doesNotContain("/admin/users/{id}");
		assertThat(new MethodsEndpoint(() -> this.index, policy, false).path(new String[] { "admin", "users", "1" }))
			.isNull();
		assertThat(new MethodsEndpoint(() -> this.index, policy, true).methods().routes())
			.extracting(RouteDescriptor::pattern)
			.contains("/admin/users/{id}");
		assertThat(new MethodsEndpoint(() -> this.index, policy, true).path(new String[] { "admin", "users", "1" }))
			.isNotNull();
	}

	@Test
	void pathResolvesToItsPatternsAndAllow() {
		MethodsEndpoint endpoint = new MethodsEndpoint(() -> this.index, PathPolicy.none(), false);
		MethodsEndpoint.PathDescriptor orders = endpoint.path(new String[] { "orders" });
		assertThat(orders.patterns()).containsExactly("/orders");
		assertThat(orders.allow()).isEqualTo("GET, HEAD, POST, OPTIONS");
		assertThat(endpoint.path(new String[] { "nothing", "here" })).isNull();
	}

	@Test
	void routesOfOnePatternAreReportedOncePerVersionCondition() {
		ApiVersionStrategy strategy = strategy();
		MethodIndex versioned = MethodIndex.of(List.of(versionedRoute("/loans", "1.1", strategy, "PUT"),
				versionedRoute("/loans", "1.0+", strategy, "GET"), versionedRoute("/loans", null, strategy, "DELETE"),
				versionedRoute("/loans", "1.10", strategy, "POST")));
		List<RouteDescriptor> routes = new MethodsEndpoint(() -> versioned, PathPolicy.none(), false).methods()
			.routes();
		assertThat(routes).extracting(RouteDescriptor::versions).containsExactly(null, "1.0+", "1.1", "1.10");
		assertThat(routes).extracting(RouteDescriptor::methods)
			.containsExactly(List.of("DELETE", "OPTIONS"), List.of("GET", "HEAD", "OPTIONS"),
					List.of("PUT", "OPTIONS"), List.of("POST", "OPTIONS"));
	}

	@Test
	void aPathIsResolvedInOneVersionParsedByTheApplicationsStrategy() {
		ApiVersionStrategy strategy = strategy();
		MethodIndex versioned = MethodIndex.of(List.of(versionedRoute("/loans", "1.0+", strategy, "GET"),
				versionedRoute("/loans", "1.1", strategy, "PUT")));
		MethodsEndpoint endpoint = new MethodsEndpoint(() -> versioned, PathPolicy.none(), false, () -> strategy);
		MethodsEndpoint.PathDescriptor version10 = endpoint.path(new String[] { "loans" }, "1.0.0");
		assertThat(version10.allow()).isEqualTo("GET, HEAD, OPTIONS");
		assertThat(version10.version()).isEqualTo("1.0.0");
		assertThat(endpoint.path(new String[] { "loans" }, "1.1").allow()).isEqualTo("GET, HEAD, PUT, OPTIONS");
		assertThat(endpoint.path(new String[] { "loans" }).allow()).isEqualTo("GET, HEAD, PUT, OPTIONS");
		assertThatExceptionOfType(InvalidEndpointRequestException.class)
			.isThrownBy(() -> endpoint.path(new String[] { "loans" }, "one"));
		assertThatExceptionOfType(InvalidEndpointRequestException.class)
			.isThrownBy(() -> new MethodsEndpoint(() -> versioned, PathPolicy.none(), false)
				.path(new String[] { "loans" }, "1.0"));
	}

	private static ApiVersionStrategy strategy() {
		return new DefaultApiVersionStrategy(List.of(new HeaderApiVersionResolver("X-API-Version")),
				new SemanticApiVersionParser(), null, null, true, null, null);
	}

	private static Route versionedRoute(String pattern, String version, ApiVersionStrategy strategy,
			String... methods) {
		return new Route(new RoutePattern("", PathPatternParser.defaultInstance.parse(pattern)),
				AllowedMethods.of(methods), RouteKind.ANNOTATED, pattern + " " + version, false, List.of(),
				Presence.always(), 0, List.of(), List.of(), RouteVersion.parse(version, strategy));
	}

}
