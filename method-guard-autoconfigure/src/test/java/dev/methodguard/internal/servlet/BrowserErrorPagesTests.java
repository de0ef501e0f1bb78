package dev.methodguard.internal.servlet;

import java.util.ArrayList;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.methodguard.allow.AllowedMethods;
import dev.methodguard.internal.problem.MethodProblemFactory;
import dev.methodguard.problem.MethodRejection;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who gets a page ({@link BrowserErrorPages#wantsPage}: Spring Boot's rule for choosing
 * {@code BasicErrorController}'s HTML method), what sending it does to the response, and the
 * model attribute the {@link BrowserErrorPageInterceptor} adds to any error view.
 */
class BrowserErrorPagesTests {

	private final List<MethodRejection> told = new ArrayList<>();

	private final MethodProblemFactory problems = new MethodProblemFactory(URI.create("about:blank"), null, true,
			List.of((problem, rejection) -> problem.setDetail("the detail")));

	private final BrowserErrorPages pages = new BrowserErrorPages(true, new RequestBodyDrain(0),
			new RejectionResponses(this.problems, List.of(this.told::add)), () -> null);

	static Stream<Arguments> accepts() {
		return Stream.of(Arguments.of("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", true),
				Arguments.of("text/html", true), Arguments.of("TEXT/HTML; charset=UTF-8", true),
				Arguments.of("text/*", true), Arguments.of("application/json, text/html", true),
				Arguments.of("text/html;q=0.5, application/json", true), Arguments.of("*/*", false),
				Arguments.of("*/*, text/html;q=0.1", false), Arguments.of("application/json", false),
				Arguments.of("application/problem+json", false), Arguments.of("text/plain", false),
				Arguments.of("application/xhtml+xml", false), Arguments.of("text/html;q=0", false),
				Arguments.of("text/html;q=0, */*", false), Arguments.of("garbage", false),
				Arguments.of("text/html;q=abc", false), Arguments.of(";;;", false));
	}

	@ParameterizedTest(name = "Accept: {0}")
	@MethodSource("accepts")
	void browsersAreThoseWhoseAcceptExplicitlyListsHtml(String accept, boolean browser) {
		MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/reports");
		request.addHeader("Accept", accept);
		assertThat(this.pages.wantsPage(request)).isEqualTo(browser);
	}

	@Test
	void noAcceptIsAnApiClient() {
		assertThat(this.pages.wantsPage(new MockHttpServletRequest("PUT", "/reports"))).isFalse();
	}

	@Test
	void acceptOverSeveralHeaderLinesIsReadWhole() {
		MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/reports");
		request.addHeader("Accept", "*/*;q=0.5");
		request.addHeader("Accept", "text/html");
		assertThat(this.pages.wantsPage(request)).isTrue();
	}

	@Test
	void disabledPagesWantNothing() {
		MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/reports");
		request.addHeader("Accept", "text/html");
		assertThat(BrowserErrorPages.disabled().wantsPage(request)).isFalse();
	}

	@Test
	void sendingThePageSendsTheErrorWithTheRejectionsHeadersAndTellsTheListenersOnce() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/reports");
		MockHttpServletResponse response = new MockHttpServletResponse();
		MethodRejection rejection = rejection(405, AllowedMethods.of(List.of("GET")).withOptions());
		this.pages.sendError(request, response, rejection);
		assertThat(response.getStatus()).isEqualTo(405);
		assertThat(response.getErrorMessage()).isEqualTo("the detail");
		assertThat(response.getHeader("Allow")).isEqualTo("GET, HEAD, OPTIONS");
		assertThat(request.getAttribute(MethodRejection.REQUEST_ATTRIBUTE)).isSameAs(rejection);
		assertThat(this.told).containsExactly(rejection);
	}

	@Test
	void anErrorDispatchUnderWayTakesTheRejectionsStatusAndDetail() {
		MockHttpServletRequest request = errorDispatch(405);
		MockHttpServletResponse response = new MockHttpServletResponse();
		MethodRejection rejection = rejection(501, null);
		HttpServletRequest adopted = this.pages.adopt(request, response, rejection);
		assertThat(response.getStatus()).isEqualTo(501);
		assertThat(adopted.getAttribute(RequestDispatcher.ERROR_STATUS_CODE)).isEqualTo(501);
		assertThat(adopted.getAttribute(RequestDispatcher.ERROR_MESSAGE)).isEqualTo("the detail");
		assertThat(adopted.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)).isEqualTo("/reports");
		assertThat(adopted.getAttribute(MethodRejection.REQUEST_ATTRIBUTE)).isSameAs(rejection);
		assertThat(response.getHeader("Allow")).isNull();
		assertThat(this.told).containsExactly(rejection);
	}

	@Test
	void theModelOfAnyErrorViewGetsTheAllowedMethods() {
		BrowserErrorPageInterceptor interceptor = new BrowserErrorPageInterceptor();
		MockHttpServletRequest request = errorDispatch(405);
		request.setAttribute(MethodRejection.REQUEST_ATTRIBUTE,
				rejection(405, AllowedMethods.of(List.of("GET", "POST")).withOptions()));
		ModelAndView view = new ModelAndView("error/own", Map.of("status", 405));
		interceptor.postHandle(request, new MockHttpServletResponse(), new Object(), view);
		assertThat(view.getModel()).containsEntry(MethodRejection.ALLOWED_METHODS,
				List.of("GET", "HEAD", "POST", "OPTIONS"));
	}

	@Test
	void aModelThatNamesTheAllowedMethodsItselfKeepsThem() {
		BrowserErrorPageInterceptor interceptor = new BrowserErrorPageInterceptor();
		MockHttpServletRequest request = errorDispatch(405);
		request.setAttribute(MethodRejection.REQUEST_ATTRIBUTE,
				rejection(405, AllowedMethods.of(List.of("GET")).withOptions()));
		ModelAndView view = new ModelAndView("error/own", Map.of("allowedMethods", "its own"));
		interceptor.postHandle(request, new MockHttpServletResponse(), new Object(), view);
		assertThat(view.getModel()).containsEntry(MethodRejection.ALLOWED_METHODS, "its own");
	}

	@Test
	void aPageWithoutAllowHasNoAllowedMethods() {
		BrowserErrorPageInterceptor interceptor = new BrowserErrorPageInterceptor();
		MockHttpServletRequest request = errorDispatch(501);
		request.setAttribute(MethodRejection.REQUEST_ATTRIBUTE, rejection(501, null));
		ModelAndView view = new ModelAndView("error/own", Map.of("status", 501));
		interceptor.postHandle(request, new MockHttpServletResponse(), new Object(), view);
		assertThat(view.getModel()).doesNotContainKey(MethodRejection.ALLOWED_METHODS);
	}

	private static MockHttpServletRequest errorDispatch(int status) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
		request.setDispatcherType(DispatcherType.ERROR);
		request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
		request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/reports");
		return request;
	}

	private static MethodRejection rejection(int status, AllowedMethods allowed) {
		return new MethodRejection(status, "PUT", "/reports", allowed, List.of());
	}

}
