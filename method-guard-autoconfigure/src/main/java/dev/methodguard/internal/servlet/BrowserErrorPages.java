package dev.methodguard.internal.servlet;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import dev.methodguard.internal.problem.MethodRejectedException;
import dev.methodguard.problem.MethodRejection;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.util.MimeTypeUtils;

/**
 * The face method-guard shows browsers: a client whose {@code Accept} header explicitly
 * accepts {@code text/html} gets the application's error page instead of the problem, through
 * the servlet container's error page dispatch, exactly as Spring MVC sends its own 405s to
 * Spring Boot's error handling: {@code error/405}, then {@code error/4xx}, then the whitelabel
 * page, with Boot's error attributes and whatever {@code ErrorController} or
 * {@code ErrorViewResolver} the application has. The status and the headers ({@code Allow})
 * are those the problem would have had; the error message is the problem's detail (shown only
 * where {@code spring.web.error.include-message} asks for it); the request carries the
 * rejection in {@link MethodRejection#REQUEST_ATTRIBUTE}, and the model of the page gets the
 * allowed methods as {@link MethodRejection#ALLOWED_METHODS} (see
 * {@link BrowserErrorPageInterceptor}).
 * <p>
 * "Explicitly accepts" is Spring Boot's rule, which picks {@code BasicErrorController}'s
 * {@code text/html} method over its JSON one: in Spring's order of the accepted media types
 * (by quality, then specificity), one that includes {@code text/html} ({@code text/html},
 * {@code text/*}) comes before {@code *}{@code /*}; {@code *}{@code /*} alone does not count.
 * Unlike Spring, a type with quality 0 is not accepted at all. An {@code Accept} header
 * Spring cannot parse keeps the problem.
 * <p>
 * The error page dispatch goes through the filters mapped to it, and so through Spring
 * Security's filter chain, which in an application that does not permit {@code /error} would
 * turn the page into a 401. Where the application has such a chain, the dispatch of a page
 * method-guard asked for skips the filters that follow method-guard's
 * {@link ContainerRejectionFilter}: the {@code DispatcherServlet} the dispatch is bound for
 * renders it at once.
 */
public final class BrowserErrorPages {

	private final boolean enabled;

	private final RequestBodyDrain drain;

	private final @Nullable RejectionResponses responses;

	private final Supplier<@Nullable Servlet> errorServlet;

	/**
	 * Create the browser face.
	 * @param enabled whether browsers get error pages at all; when {@code false} every
	 * client gets the problem
	 * @param drain settles the unread request body before the answer is written
	 * @param responses tells the listeners of each rejection this face answers, as it answers
	 * it, and builds its problem (whose detail is the page's message); {@code null} only for a
	 * face that shows no page
	 * @param errorServlet the servlet that renders the error page dispatch of a page
	 * method-guard asked for without the filters that follow method-guard's: the
	 * {@code DispatcherServlet} where the application has a security filter chain, otherwise
	 * {@code null} (the dispatch goes through every filter, as Spring Boot's own do)
	 */
	public BrowserErrorPages(boolean enabled, RequestBodyDrain drain, @Nullable RejectionResponses responses,
			Supplier<@Nullable Servlet> errorServlet) {
		if (enabled && responses == null) {
			throw new IllegalArgumentException("A face that shows pages needs the responses");
		}
		this.enabled = enabled;
		this.drain = drain;
		this.responses = responses;
		this.errorServlet = errorServlet;
	}

	/**
	 * A browser face that shows no page: every client gets the problem.
	 * @return the face
	 */
	public static BrowserErrorPages disabled() {
		return new BrowserErrorPages(false, new RequestBodyDrain(0), null, () -> null);
	}

	/**
	 * Whether browsers get error pages.
	 * @return {@code true} if they do
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Whether the request gets the error page rather than the problem: its {@code Accept}
	 * header explicitly accepts {@code text/html}. Reads the request only.
	 * @param request the request
	 * @return {@code true} for a browser
	 */
	public boolean wantsPage(HttpServletRequest request) {
		if (!this.enabled) {
			return false;
		}
		Enumeration<String> values = request.getHeaders(HttpHeaders.ACCEPT);
		if (values == null || !values.hasMoreElements()) {
			return false;
		}
		try {
			List<MediaType> accepted = MediaType.parseMediaTypes(Collections.list(values));
			MimeTypeUtils.sortBySpecificity(accepted);
			for (MediaType type : accepted) {
				if (type.getQualityValue() == 0) {
					continue;
				}
				if (type.isWildcardType()) {
					return false;
				}
				if (type.includes(MediaType.TEXT_HTML)) {
					return true;
				}
			}
			return false;
		}
		catch (InvalidMediaTypeException | InvalidMimeTypeException ex) {
			return false;
		}
	}

	/**
	 * Answer a rejection with the error page, from a request that is not an error page
	 * dispatch: the unread body is settled, the listeners told, the rejection's headers set,
	 * and the error sent to the container, whose error page dispatch renders the page.
	 * @param request the request
	 * @param response the response, not yet committed
	 * @param rejection the rejection
	 * @throws IOException on a failure to send the error
	 */
	void sendError(HttpServletRequest request, HttpServletResponse response, MethodRejection rejection)
			throws IOException {
		MethodRejectedException answer = answer(request, response, rejection);
		response.sendError(rejection.status(), message(answer));
	}

	/**
	 * Make an error page dispatch that is under way the page of a rejection: the unread body
	 * is settled, the listeners told, the rejection's headers set, and its status and detail
	 * put in place of the dispatched error's, in the request to dispatch on (a container may
	 * not let the error attributes of its own request be changed: Jetty does not).
	 * @param request the request of the error page dispatch
	 * @param response the response
	 * @param rejection the rejection
	 * @return the request to carry the dispatch on with
	 */
	HttpServletRequest adopt(HttpServletRequest request, HttpServletResponse response, MethodRejection rejection) {
		MethodRejectedException answer = answer(request, response, rejection);
		response.setStatus(rejection.status());
		return new AdoptedErrorRequest(request, rejection.status(), message(answer));
	}

	/**
	 * The side effects of answering with a page: the unread body settled, the listeners
	 * told, the rejection put in its request attribute and its headers set.
	 */
	private MethodRejectedException answer(HttpServletRequest request, HttpServletResponse response,
			MethodRejection rejection) {
		RejectionResponses answering = Objects.requireNonNull(this.responses, "responses");
		this.drain.beforeAnswer(request, response);
		answering.announce(rejection);
		MethodRejectedException answer = answering.exception(request, rejection);
		request.setAttribute(MethodRejection.REQUEST_ATTRIBUTE, rejection);
		MethodGuardAdvice.setHeaders(response, answer);
		return answer;
	}

	/**
	 * Carry on an error page dispatch of a page method-guard asked for: straight to the
	 * servlet it is bound for where the filters that follow must be skipped (a security
	 * filter chain), otherwise down the filter chain.
	 * @param request the request of the error page dispatch
	 * @param response the response
	 * @param chain the rest of the filter chain
	 * @throws IOException on a write failure
	 * @throws ServletException on a failure to render the page
	 */
	void render(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		Servlet servlet = this.errorServlet.get();
		if (servlet != null && isBoundFor(request, servlet)) {
			servlet.service(request, response);
			return;
		}
		chain.doFilter(request, response);
	}

	/**
	 * The rejection whose error page method-guard asked for on this request.
	 * @param request the request
	 * @return the rejection, or {@code null}
	 */
	static @Nullable MethodRejection rejection(HttpServletRequest request) {
		return (request.getAttribute(MethodRejection.REQUEST_ATTRIBUTE) instanceof MethodRejection rejection)
				? rejection : null;
	}

	private static boolean isBoundFor(HttpServletRequest request, Servlet servlet) {
		ServletConfig config = servlet.getServletConfig();
		HttpServletMapping mapping = request.getHttpServletMapping();
		return config != null && mapping != null && Objects.equals(mapping.getServletName(), config.getServletName());
	}

	/**
	 * The request of an error page dispatch with the status and message of the rejection it
	 * renders in place of the container's.
	 */
	private static final class AdoptedErrorRequest extends HttpServletRequestWrapper {

		private final int status;

		private final @Nullable String message;

		AdoptedErrorRequest(HttpServletRequest request, int status, @Nullable String message) {
			super(request);
			this.status = status;
			this.message = message;
		}

		@Override
		public @Nullable Object getAttribute(String name) {
			if (RequestDispatcher.ERROR_STATUS_CODE.equals(name)) {
				return this.status;
			}
			if (RequestDispatcher.ERROR_MESSAGE.equals(name)) {
				return this.message;
			}
			return super.getAttribute(name);
		}

	}

	/** The problem's detail: bounded, client input made safe, no markup characters. */
	private static @Nullable String message(MethodRejectedException rejection) {
		return rejection.getBody().getDetail();
	}

}
