package dev.methodguard.internal.allow;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.GenericServlet;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import dev.methodguard.allow.AllowedMethods;
import dev.methodguard.allow.Route;
import dev.methodguard.allow.RouteKind;
import dev.methodguard.allow.RoutePattern;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Methods and patterns of plain servlets, as {@code HttpServlet.doOptions} sees them.
 */
class ServletRouteSourceTests {

	@Test
	void getOnlyServletTakesGetHeadAndOptions() {
		assertThat(ServletRouteSource.methodsOf(GetServlet.class).toHeaderValue()).isEqualTo("GET, HEAD, OPTIONS");
	}

	@Test
	void inheritedOverridesCount() {
		assertThat(ServletRouteSource.methodsOf(WriteServlet.class).toHeaderValue())
			.isEqualTo("GET, HEAD, POST, PUT, DELETE, OPTIONS");
	}

	@Test
	void traceOnlyWhenOverridden() {
		assertThat(ServletRouteSource.methodsOf(TraceServlet.class).toHeaderValue()).isEqualTo("OPTIONS, TRACE");
	}

	@Test
	void overriddenServiceTakesEveryMethod() {
		assertThat(ServletRouteSource.methodsOf(ServiceServlet.class).isAny()).isTrue();
		assertThat(ServletRouteSource.methodsOf(PlainServlet.class).isAny()).isTrue();
	}

	@Test
	void urlMappingsBecomePatterns() {
		List<Route> routes = new ServletRouteSource(GetServlet.class, List.of("/exact", "/prefix/*", "*.do", "/"),
				"mixed")
			.routes();
		assertThat(routes).extracting((route) -> route.pattern().value())
			.containsExactly("/exact", "/prefix/**", "/**");
		MethodIndex index = MethodIndex.of(routes);
		assertThat(index.lookup("/exact")).isPresent();
		assertThat(index.lookup("/prefix")).isPresent();
		assertThat(index.lookup("/prefix/a/b")).isPresent();
		assertThat(index.lookup("/x/y/report.do")).isPresent();
		assertThat(index.lookup("/x/y/report.dox")).isEmpty();
		assertThat(index.lookup("/other")).isEmpty();
		assertThat(routes.get(0).handler()).contains("mixed").contains(GetServlet.class.getName());
	}

	@Test
	void servletPathsShadowDispatcherRoutes() {
		List<Route> routes = new ArrayList<>(
				new ServletRouteSource(GetServlet.class, List.of("/legacy/*"), "legacy").routes());
		routes.add(Route.of(new RoutePattern("", PathPatternParser.defaultInstance.parse("/{*all}")), AllowedMethods.of("DELETE"), RouteKind.ANNOTATED, "catch-all"));
		MethodIndex index = MethodIndex.of(routes);
		assertThat(index.lookup(PathContainer.parsePath("/legacy/ping")).get().allowed().toHeaderValue())
			.isEqualTo("GET, HEAD, OPTIONS");
		assertThat(index.lookup("/other").get().allowed().toHeaderValue()).isEqualTo("DELETE, OPTIONS");
	}

	static class GetServlet extends HttpServlet {

		@Override
		protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
		}

	}

	static class WriteServlet extends GetServlet {

		@Override
		protected void doPost(HttpServletRequest req, HttpServletResponse resp) {
		}

		@Override
		protected void doPut(HttpServletRequest req, HttpServletResponse resp) {
		}

		@Override
		protected void doDelete(HttpServletRequest req, HttpServletResponse resp) {
		}

	}

	static class TraceServlet extends HttpServlet {

		@Override
		protected void doTrace(HttpServletRequest req, HttpServletResponse resp) {
		}

	}

	static class ServiceServlet extends HttpServlet {

		@Override
		protected void service(HttpServletRequest req, HttpServletResponse resp) {
		}

	}

	static class PlainServlet extends GenericServlet {

		@Override
		public void service(ServletRequest req, ServletResponse res) {
		}

	}

}
