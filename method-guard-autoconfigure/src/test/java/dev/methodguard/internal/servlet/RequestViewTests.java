package dev.methodguard.internal.servlet;

import java.net.URI;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.MappingMatch;
import org.junit.jupiter.api.Test;

import dev.methodguard.allow.AllowedMethods;
import dev.methodguard.allow.Route;
import dev.methodguard.allow.RouteKind;
import dev.methodguard.allow.RoutePattern;
import dev.methodguard.internal.allow.MethodIndex;
import dev.methodguard.internal.allow.PathPolicy;
import dev.methodguard.internal.problem.MethodProblemFactory;

import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletMapping;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: one view of a request. A request the container mapped to a plain servlet is
 * decided on the path the container chose the servlet by, for every answer: its
 * {@code OPTIONS} looks the same path up as its concealment and exclusion check, whatever
 * the raw path looks like ({@code //}, dot segments).
 */
class RequestViewTests {

	private final MethodIndex index = MethodIndex.of(List.of(Route.of(
			new RoutePattern("", PathPatternParser.defaultInstance.parse("/plain/**")),
			AllowedMethods.of("GET", "PUT"), RouteKind.SERVLET, "PlainServlet")));

	@Test
	void optionsOnAConcealedPlainServletIsA404WhateverTheRawPath() throws Exception {
		for (String uri : List.of("/plain/anything", "/x/../plain/anything", "/plain//anything")) {
			MockHttpServletResponse response = new MockHttpServletResponse();
			MockFilterChain chain = new MockFilterChain();
			filter(PathPolicy.of(List.of("/plain/**"), List.of())).doFilter(plainServletOptions(uri), response,
					chain);
			assertThat(chain.getRequest()).as("%s reached the servlet", uri).isNull();
			assertThat(response.getStatus()).as("%s", uri).isEqualTo(404);
			assertThat(response.getHeader("Allow")).as("%s", uri).isNull();
		}
	}

	@Test
	void optionsOnAPlainServletListsTheMappedPathsMethodsWhateverTheRawPath() throws Exception {
		for (String uri : List.of("/plain/anything", "/x/../plain/anything", "/plain//anything")) {
			MockHttpServletResponse response = new MockHttpServletResponse();
			filter(PathPolicy.none()).doFilter(plainServletOptions(uri), response, new MockFilterChain());
			assertThat(response.getStatus()).as("%s", uri).isEqualTo(200);
			assertThat(response.getHeader("Allow")).as("%s", uri).isEqualTo("GET, HEAD, PUT, OPTIONS");
		}
	}

	@Test
	void anExcludedPlainServletIsLeftAloneWhateverTheRawPath() throws Exception {
		MockFilterChain chain = new MockFilterChain();
		filter(PathPolicy.of(List.of(), List.of("/plain/**"))).doFilter(plainServletOptions("/x/../plain/anything"),
				new MockHttpServletResponse(), chain);
		assertThat(chain.getRequest()).as("the servlet answers").isNotNull();
	}

	private MethodGuardFilter filter(PathPolicy policy) {
		MethodRejections rejections = new MethodRejections(() -> this.index, 501, policy);
		RejectionResponses responses = new RejectionResponses(
				new MethodProblemFactory(URI.create("about:blank"), null, true, List.of()), List.of());
		ProblemWriter writer = new ProblemWriter(() -> List.of(new JacksonJsonHttpMessageConverter()),
				new RequestBodyDrain(0), responses);
		return new MethodGuardFilter(rejections, writer, () -> Set.of("plain"), () -> this.index, true,
				new RequestBodyDrain(0));
	}

	private static MockHttpServletRequest plainServletOptions(String uri) {
		MockHttpServletRequest request = new MockHttpServletRequest("OPTIONS", uri);
		request.setServletPath("/plain");
		request.setPathInfo("/anything");
		request.setHttpServletMapping(new MockHttpServletMapping("anything", "/plain/*", "plain", MappingMatch.PATH));
		return request;
	}

}
