package dev.methodguard.actuate;

import java.util.List;

import dev.methodguard.actuate.MethodsEndpoint.RouteDescriptor;
import dev.methodguard.allow.AllowedMethods;
import dev.methodguard.allow.MethodIndex;
import dev.methodguard.allow.PathPolicy;
import dev.methodguard.allow.Route;
import dev.methodguard.allow.RouteKind;
import dev.methodguard.allow.RoutePattern;
import org.junit.jupiter.api.Test;

import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;

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

}
