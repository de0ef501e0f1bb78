package dev.methodguard.internal.allow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.methodguard.allow.AllowedMethods;
import dev.methodguard.allow.Presence;
import dev.methodguard.allow.Route;
import dev.methodguard.allow.RouteKind;
import dev.methodguard.allow.RoutePattern;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lookups of the {@link MethodIndex} on tricky patterns: they must agree with Spring's own
 * {@code PathPattern} matching.
 */
class MethodIndexTests {

	private final List<Route> routes = new ArrayList<>();

	private void route(String pattern, String... methods) {
		prefixedRoute("", pattern, methods);
	}

	private void prefixedRoute(String prefix, String pattern, String... methods) {
		this.routes.add(Route.of(new RoutePattern(prefix, PathPatternParser.defaultInstance.parse(pattern)),
				(methods.length == 0) ? AllowedMethods.any() : AllowedMethods.of(methods), RouteKind.ANNOTATED,
				pattern));
	}

	private String allow(String path) {
		return MethodIndex.of(this.routes)
			.lookup(path)
			.map((resolution) -> resolution.allowed().toHeaderValue())
			.orElse("404");
	}

	@Test
	void variableAndLiteralSiblingsBothServeTheLiteralPath() {
		route("/foo/{id}", "GET");
		route("/foo/custom", "POST");
		assertThat(allow("/foo/custom")).isEqualTo("GET, HEAD, POST, OPTIONS");
		assertThat(allow("/foo/42")).isEqualTo("GET, HEAD, OPTIONS");
		assertThat(allow("/foo")).isEqualTo("404");
		assertThat(allow("/foo/42/bar")).isEqualTo("404");
	}

	@Test
	void doubleWildcardMatchesEveryDepthBelowItsPrefix() {
		route("/files/**", "GET");
		assertThat(allow("/files")).isEqualTo("GET, HEAD, OPTIONS");
		assertThat(allow("/files/a/b/c.txt")).isEqualTo("GET, HEAD, OPTIONS");
		assertThat(allow("/other/a")).isEqualTo("404");
	}

	@Test
	void singleWildcardMatchesOneSegment() {
		route("/docs/*", "GET");
		assertThat(allow("/docs/readme")).isEqualTo("GET, HEAD, OPTIONS");
		assertThat(allow("/docs/a/b")).isEqualTo("404");
	}

	@Test
	void captureTheRestMatchesFromTheRoot() {
		route("/{*rest}", "DELETE");
		assertThat(allow("/anything/at/all")).isEqualTo("DELETE, OPTIONS");
	}

	@Test
	void trailingSlashIsADifferentPathByDefault() {
		route("/reports", "GET");
		assertThat(allow("/reports")).isEqualTo("GET, HEAD, OPTIONS");
		assertThat(allow("/reports/")).isEqualTo("404");
	}

	@Test
	void caseInsensitiveParserIsMatchedCaseInsensitively() {
		PathPatternParser parser = new PathPatternParser();
		parser.setCaseSensitive(false);
		this.routes.add(Route.of(new RoutePattern("", parser.parse("/Reports/{id}"), parser.isCaseSensitive()),
				AllowedMethods.of("GET"), RouteKind.ANNOTATED, "reports"));
		assertThat(allow("/rePORTS/1")).isEqualTo("GET, HEAD, OPTIONS");
		assertThat(allow("/Reports/1")).isEqualTo("GET, HEAD, OPTIONS");
		assertThat(allow("/other/1")).isEqualTo("404");
	}

	@Test
	void suffixPatternsMatchOnlyTheirSuffix() {
		route("/export/{name}.csv", "GET");
		assertThat(allow("/export/orders.csv")).isEqualTo("GET, HEAD, OPTIONS");
		assertThat(allow("/export/orders.json")).isEqualTo("404");
	}

	@Test
	void encodedSegmentsAreMatchedDecoded() {
		route("/a b/{id}", "GET");
		route("/caf\u00e9", "PUT");
		assertThat(allow("/a%20b/1")).isEqualTo("GET, HEAD, OPTIONS");
		assertThat(allow("/caf%C3%A9")).isEqualTo("PUT, OPTIONS");
	}

	@Test
	void dotSegmentsNeverResolveOutside() {
		route("/public/{name}", "GET");
		route("/admin", "DELETE");
		assertThat(allow("/public/..")).isEqualTo("GET, HEAD, OPTIONS");
		assertThat(allow("/public/%2e%2e/admin")).isEqualTo("404");
		assertThat(allow("/public/../admin")).isEqualTo("404");
	}

	@Test
	void matrixParametersAreIgnoredForMatching() {
		route("/items/{id}", "GET");
		assertThat(allow("/items/7;jsessionid=abc")).isEqualTo("GET, HEAD, OPTIONS");
	}

	@Test
	void servletPrefixIsPartOfThePathWithinTheApplication() {
		prefixedRoute("/mvc", "/orders", "POST");
		assertThat(allow("/mvc/orders")).isEqualTo("POST, OPTIONS");
		assertThat(allow("/orders")).isEqualTo("404");
		assertThat(allow("/mvcx/orders")).isEqualTo("404");
	}

	@Test
	void malformedEncodingIsUnknown() {
		route("/{*rest}", "GET");
		assertThat(allow("/%zz")).isEqualTo("404");
		assertThat(allow("/ok")).isEqualTo("GET, HEAD, OPTIONS");
	}

	@Test
	void unionOfEveryRouteThatServesThePath() {
		route("/x", "GET");
		route("/x", "POST");
		route("/{name}", "DELETE");
		Optional<Resolution> resolution = MethodIndex.of(this.routes).lookup(PathContainer.parsePath("/x"));
		assertThat(resolution).isPresent();
		assertThat(resolution.get().allowed().toHeaderValue()).isEqualTo("GET, HEAD, POST, DELETE, OPTIONS");
		assertThat(resolution.get().patterns()).containsExactly("/x", "/{name}");
	}

	@Test
	void presenceCheckDecidesWhetherAPathIsAResource() {
		this.routes.add(new Route(new RoutePattern("", PathPatternParser.defaultInstance.parse("/**")),
				AllowedMethods.of("GET"), RouteKind.RESOURCE, "static", false, List.of(),
				Presence.checkedBy((path) -> path.value().equals("/index.html"))));
		assertThat(allow("/index.html")).isEqualTo("GET, HEAD, OPTIONS");
		assertThat(allow("/missing.html")).isEqualTo("404");
	}

	@Test
	void presenceIsAValueThatSaysWhetherARouteIsCheckedNotTheIdentityOfAPredicate() {
		this.routes.add(new Route(new RoutePattern("", PathPatternParser.defaultInstance.parse("/checked/**")),
				AllowedMethods.of("GET"), RouteKind.HANDLER, "checked", false, List.of(),
				Presence.checkedBy((path) -> true)));
		this.routes.add(new Route(new RoutePattern("", PathPatternParser.defaultInstance.parse("/always/**")),
				AllowedMethods.of("GET"), RouteKind.HANDLER, "always", false, List.of(), Presence.always()));
		MethodIndex index = MethodIndex.of(this.routes);
		assertThat(index.lookupRejecting("/always/x", "DELETE")).map((known) -> known.allowed().toHeaderValue())
			.hasValue("GET, HEAD, OPTIONS");
		assertThat(index.lookupRejecting("/checked/x", "DELETE")).map((known) -> known.allowed().toHeaderValue())
			.hasValue("GET, HEAD, OPTIONS");
		assertThat(index.routes()).extracting((route) -> route.presence().isAlways()).containsExactly(false, true);
	}

	@Test
	void routesMatchingAPathAreListedWithoutAnyPresenceCheck() {
		int[] checks = new int[1];
		this.routes.add(new Route(new RoutePattern("", PathPatternParser.defaultInstance.parse("/assets/**")),
				AllowedMethods.of("GET"), RouteKind.RESOURCE, "static", false, List.of(),
				Presence.checkedBy((path) -> {
					checks[0]++;
					return false;
				})));
		route("/assets/{name}", "POST");
		route("/other", "GET");
		MethodIndex index = MethodIndex.of(this.routes);
		assertThat(index.routesMatching("/assets/a.txt")).extracting(Route::handler)
			.containsExactly("static", "/assets/{name}");
		assertThat(index.routesMatching("/assets/a%20b.txt")).hasSize(2);
		assertThat(index.routesMatching("/nowhere")).isEmpty();
		assertThat(checks[0]).isZero();
	}

	@Test
	void rejectingLookupNeverChecksPresenceForAMethodTheRouteTakes() {
		int[] checks = new int[1];
		this.routes.add(new Route(new RoutePattern("", PathPatternParser.defaultInstance.parse("/**")),
				AllowedMethods.of("GET"), RouteKind.RESOURCE, "static", false, List.of(),
				Presence.checkedBy((path) -> {
					checks[0]++;
					return path.value().equals("/index.html");
				})));
		route("/api/items", "POST");
		MethodIndex index = MethodIndex.of(this.routes);
		assertThat(index.lookupRejecting("/index.html", "GET")).isEmpty();
		assertThat(index.lookupRejecting("/api/items", "POST")).isEmpty();
		assertThat(checks[0]).isZero();
		assertThat(index.lookupRejecting("/api/items", "DELETE")).map((resolution) -> resolution.allowed().toHeaderValue())
			.hasValue("POST, OPTIONS");
		assertThat(index.lookupRejecting("/index.html", "DELETE")).map((resolution) -> resolution.allowed().toHeaderValue())
			.hasValue("GET, HEAD, OPTIONS");
		assertThat(index.lookupRejecting("/missing.html", "DELETE")).isEmpty();
		assertThat(checks[0]).isPositive();
	}

	@Test
	void rejectingLookupLooksNoFileUpEvenWhereAnotherRouteServesThePathWithoutTheMethod() {
		int[] checks = new int[1];
		this.routes.add(new Route(new RoutePattern("", PathPatternParser.defaultInstance.parse("/**")),
				AllowedMethods.of("GET"), RouteKind.RESOURCE, "static", false, List.of(),
				Presence.checkedBy((path) -> {
					checks[0]++;
					return path.value().equals("/orders");
				})));
		route("/orders", "POST");
		route("/commands", "POST");
		MethodIndex index = MethodIndex.of(this.routes);
		assertThat(index.lookupRejecting("/orders", "GET")).isEmpty();
		assertThat(index.lookupRejecting("/commands", "GET")).isEmpty();
		assertThat(checks[0]).isZero();
		assertThat(index.lookup("/commands")).map((resolution) -> resolution.allowed().toHeaderValue())
			.hasValue("POST, OPTIONS");
		assertThat(checks[0]).isPositive();
	}

	@Test
	void implementedMethodsAreTheStandardOnesAndThoseMapped() {
		route("/dav", "PROPFIND");
		MethodIndex index = MethodIndex.of(this.routes);
		assertThat(index.isImplemented("DELETE")).isTrue();
		assertThat(index.isImplemented("PROPFIND")).isTrue();
		assertThat(index.isImplemented("FOO")).isFalse();
		assertThat(index.isImplemented("get")).isFalse();
	}

	@Test
	void aRouteWithoutMethodConditionImplementsEveryMethod() {
		route("/anything");
		assertThat(MethodIndex.of(this.routes).isImplemented("FOO")).isTrue();
	}

}
