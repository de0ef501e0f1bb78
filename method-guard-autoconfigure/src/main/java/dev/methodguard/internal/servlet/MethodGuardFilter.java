package dev.methodguard.internal.servlet;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import dev.methodguard.internal.allow.MethodIndex;
import dev.methodguard.internal.allow.Resolution;
import dev.methodguard.problem.MethodRejection;

import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsUtils;

/**
 * The servlet filter of method-guard, ordered after the application's security filters, so
 * it sees only requests they let through. It answers what Spring MVC cannot:
 * <ul>
 * <li>{@code TRACE} that no route maps: a 405 (or 404 on a concealed path) instead of the
 * echo some containers send (Jetty's {@code HttpServlet.doTrace}, Spring's
 * {@code DispatcherServlet} by default); on a path no route serves, the container's error
 * page with an empty {@code Allow} (RFC 9110: the resource allows no method);</li>
 * <li>{@code OPTIONS} on a plain servlet that does not answer it itself (it overrides neither
 * {@code doOptions} nor {@code service}, and is an {@code HttpServlet}): the index's
 * {@code Allow};</li>
 * <li>a {@code sendError(405)} or {@code sendError(501)} of a plain servlet: the problem is
 * written at once, so the error page dispatch, which the security filters check again as a
 * request for {@code /error}, cannot turn it into a 401 or 403.</li>
 * </ul>
 * <p>
 * A plain servlet's error is answered inside its {@code sendError} call (see
 * {@link ErrorCapturingResponse}), not when the filter chain returns, one way for every
 * servlet: one that started asynchronous processing sends it later, from another thread,
 * when this filter has long returned, and the container completes that response when the
 * servlet calls {@code complete()}. Leaving asynchronous errors to the container's error page
 * dispatch instead would put them through the security filters again, which is what
 * answering at once avoids. From the error on, the servlet's further output is discarded, as
 * on a committed response.
 * <p>
 * It marks each request it sees, so that the {@link ContainerRejectionFilter} can tell a
 * request refused before this filter (by the container, or by a filter ordered before it). On the happy path it costs one attribute
 * and two comparisons (and the servlet's name, where the application has plain servlets).
 */
public final class MethodGuardFilter implements Filter {

	/** The request attribute that marks a request this filter let through. */
	static final String PASSED_ATTRIBUTE = MethodGuardFilter.class.getName() + ".PASSED";

	private final MethodRejections rejections;

	private final ProblemWriter writer;

	private final Supplier<Set<String>> plainServlets;

	private final Supplier<MethodIndex> index;

	private final boolean answerOptions;

	private final RequestBodyDrain drain;

	/**
	 * Create the filter.
	 * @param rejections the decision logic
	 * @param writer the writer of problems outside Spring MVC
	 * @param plainServlets the names of the servlets that are not Spring MVC's
	 * @param index the method index
	 * @param answerOptions whether {@code OPTIONS} on plain servlets is answered from the
	 * index ({@code method-guard.options.enabled})
	 * @param drain settles the unread request body before this filter answers
	 */
	public MethodGuardFilter(MethodRejections rejections, ProblemWriter writer, Supplier<Set<String>> plainServlets,
			Supplier<MethodIndex> index, boolean answerOptions, RequestBodyDrain drain) {
		this.rejections = rejections;
		this.writer = writer;
		this.plainServlets = plainServlets;
		this.index = index;
		this.answerOptions = answerOptions;
		this.drain = drain;
	}

	@Override
	public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
			throws IOException, ServletException {
		if (!(servletRequest instanceof HttpServletRequest request)
				|| !(servletResponse instanceof HttpServletResponse response)) {
			chain.doFilter(servletRequest, servletResponse);
			return;
		}
		request.setAttribute(PASSED_ATTRIBUTE, Boolean.TRUE);
		boolean plainServlet = isPlainServlet(request);
		if (plainServlet) {
			RequestView.fixForPlainServlet(request);
		}
		if ("TRACE".equals(request.getMethod()) && rejectTrace(request, response)) {
			return;
		}
		if (!plainServlet) {
			chain.doFilter(request, response);
			return;
		}
		if (this.answerOptions && "OPTIONS".equals(request.getMethod()) && answerOptions(request, response)) {
			return;
		}
		chain.doFilter(request, new ErrorCapturingResponse(response,
				(status, message) -> answerServletError(request, response, status, message)));
	}

	/**
	 * A plain servlet's {@code sendError(405)} or {@code sendError(501)}, answered when the
	 * servlet sends it, possibly on another thread after {@code startAsync()}: the problem
	 * where the index confirms the rejection, otherwise the servlet's own error, message
	 * included, sent on to the container.
	 */
	private void answerServletError(HttpServletRequest request, HttpServletResponse response, int status,
			@Nullable String message) throws IOException {
		Optional<MethodRejection> rejection = this.rejections.forServletError(request);
		if (rejection.isPresent()) {
			this.writer.writeAnyway(request, response, rejection.get());
			return;
		}
		this.drain.beforeAnswer(request, response);
		if (message != null) {
			response.sendError(status, message);
		}
		else {
			response.sendError(status);
		}
	}

	private boolean rejectTrace(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Optional<MethodRejection> rejection = this.rejections.forMissingHandler(request);
		if (rejection.isPresent()) {
			this.writer.writeAnyway(request, response, rejection.get());
			return true;
		}
		if (!this.rejections.isTaken(request, "TRACE")) {
			if (!this.rejections.isExcluded(request)) {
				response.setHeader(HttpHeaders.ALLOW, "");
			}
			this.drain.beforeAnswer(request, response);
			response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
			return true;
		}
		return false;
	}

	/**
	 * {@code OPTIONS} on a plain servlet that does not answer it itself: the index's
	 * {@code Allow}, as for every other handler ({@code HttpServlet.doOptions} lists
	 * {@code TRACE} on some containers, which this filter rejects).
	 */
	private boolean answerOptions(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (CorsUtils.isPreFlightRequest(request) || this.rejections.isExcluded(request)) {
			return false;
		}
		Resolution resolution = this.index.get().lookup(RequestView.of(request).path()).orElse(null);
		if (resolution == null || resolution.explicitOptions()) {
			return false;
		}
		Optional<MethodRejection> concealed = this.rejections.forConcealedOptions(request, resolution);
		if (concealed.isPresent()) {
			this.writer.writeAnyway(request, response, concealed.get());
		}
		else {
			this.drain.beforeAnswer(request, response);
			OptionsHandlerMapping.writeAllow(response, resolution);
		}
		return true;
	}

	private boolean isPlainServlet(HttpServletRequest request) {
		Set<String> names = this.plainServlets.get();
		if (names.isEmpty()) {
			return false;
		}
		HttpServletMapping mapping = request.getHttpServletMapping();
		return mapping != null && mapping.getServletName() != null && names.contains(mapping.getServletName());
	}

}
