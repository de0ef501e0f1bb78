package dev.methodguard.internal.servlet;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.methodguard.problem.MethodRejection;

import org.springframework.http.HttpHeaders;

/**
 * Answers, on the error page dispatch and before any security filter, a 405 or 501 that the
 * servlet container itself sent before the request reached a filter (Tomcat rejects
 * {@code TRACE} in its connector): such a request never met the application's filters, so
 * the security filters would otherwise judge the dispatch to {@code /error} instead and turn
 * the answer into a 401 or 403.
 * <p>
 * Where the application has a security filter chain, the request was refused before any
 * authentication, so nothing of the application may be revealed: unless told to reveal, the
 * answer is the 501 problem without {@code Allow} for every path that is not excluded (see
 * {@link MethodRejections#forRefusedMethod}); the container's own {@code Allow} (every
 * method of the servlet) is removed. The same answer as Spring Security's firewall gives on a
 * container that lets {@code TRACE} through (Jetty), through the
 * {@link FirewallRejectionHandler}.
 * <p>
 * Otherwise (no security filter chain, or revealing asked for) the answer is the informative
 * one: the 405 problem with the path's {@code Allow}, as a container that lets {@code TRACE}
 * through answers; where no route serves the path, the error page answers, with an empty
 * {@code Allow} (RFC 9110: the resource allows no method) in place of the container's list
 * of every method the servlet has.
 * <p>
 * A browser gets the application's error page instead of the problem (see
 * {@link BrowserErrorPages}): the dispatch under way becomes the page of the rejection. So
 * does the error page dispatch of a browser's 405 or 501 that another filter or a servlet
 * sent after the {@link MethodGuardFilter} let the request through, where the method index
 * confirms the rejection (an API client gets the problem from the
 * {@link ErrorDispatchHandlerMapping}). This filter also carries on the error page dispatch
 * of every page method-guard asked for, before any security filter can judge it.
 * <p>
 * Any other request the {@link MethodGuardFilter} saw is left to the usual error handling.
 */
public final class ContainerRejectionFilter implements Filter {

	private final MethodRejections rejections;

	private final ProblemWriter writer;

	private final Supplier<Set<String>> plainServlets;

	private final BooleanSupplier conceal;

	private final BrowserErrorPages pages;

	/**
	 * Create the filter.
	 * @param rejections the decision logic
	 * @param writer the writer of problems outside Spring MVC
	 * @param plainServlets the names of the servlets that are not Spring MVC's
	 * @param conceal whether the answer must reveal nothing of the application: true where a
	 * security filter chain would have judged the request and revealing before
	 * authentication is not asked for
	 */
	public ContainerRejectionFilter(MethodRejections rejections, ProblemWriter writer,
			Supplier<Set<String>> plainServlets, BooleanSupplier conceal) {
		this(rejections, writer, plainServlets, conceal, BrowserErrorPages.disabled());
	}

	/**
	 * Create the filter.
	 * @param rejections the decision logic
	 * @param writer the writer of problems outside Spring MVC
	 * @param plainServlets the names of the servlets that are not Spring MVC's
	 * @param conceal whether the answer must reveal nothing of the application: true where a
	 * security filter chain would have judged the request and revealing before
	 * authentication is not asked for
	 * @param pages the browser face
	 */
	public ContainerRejectionFilter(MethodRejections rejections, ProblemWriter writer,
			Supplier<Set<String>> plainServlets, BooleanSupplier conceal, BrowserErrorPages pages) {
		this.rejections = rejections;
		this.writer = writer;
		this.plainServlets = plainServlets;
		this.conceal = conceal;
		this.pages = pages;
	}

	@Override
	public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
			throws IOException, ServletException {
		if (!(servletRequest instanceof HttpServletRequest request)
				|| !(servletResponse instanceof HttpServletResponse response)
				|| request.getDispatcherType() != DispatcherType.ERROR) {
			chain.doFilter(servletRequest, servletResponse);
			return;
		}
		if (BrowserErrorPages.rejection(request) != null) {
			this.pages.render(request, response, chain);
			return;
		}
		if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer status
				&& (status == HttpServletResponse.SC_METHOD_NOT_ALLOWED
						|| status == HttpServletResponse.SC_NOT_IMPLEMENTED)) {
			boolean passed = request.getAttribute(MethodGuardFilter.PASSED_ATTRIBUTE) != null;
			if (passed ? answeredForABrowser(request, response, chain) : answered(request, response, status, chain)) {
				return;
			}
		}
		chain.doFilter(request, response);
	}

	/**
	 * Render the page of a rejection a filter or a servlet sent after the request passed
	 * the {@link MethodGuardFilter}, for a browser, where the index confirms it; leave it to
	 * the usual error handling otherwise (for the application's own answer to a rejection
	 * method-guard decided, and for API clients).
	 * @return {@code true} if answered
	 */
	private boolean answeredForABrowser(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (request.getAttribute(MethodGuardExceptionResolver.RENDERED_ATTRIBUTE) != null
				|| !this.pages.wantsPage(request)) {
			return false;
		}
		Optional<MethodRejection> rejection = this.rejections.forMissingHandler(request);
		if (rejection.isEmpty()) {
			return false;
		}
		this.pages.render(this.pages.adopt(request, response, rejection.get()), response, chain);
		return true;
	}

	/**
	 * Answer the container's rejection with the problem or, for a browser, the page of the
	 * rejection; or leave it to the error page.
	 * @return {@code true} if answered
	 */
	private boolean answered(HttpServletRequest request, HttpServletResponse response, int status,
			FilterChain chain) throws IOException, ServletException {
		boolean plainServlet = request.getAttribute(RequestDispatcher.ERROR_SERVLET_NAME) instanceof String name
				&& this.plainServlets.get().contains(name);
		Optional<MethodRejection> rejection = (this.conceal.getAsBoolean()
				&& "TRACE".equals(RequestView.method(request)))
						? this.rejections.forRefusedMethod(request, plainServlet)
						: this.rejections.forContainerError(request, plainServlet);
		if (rejection.isPresent()) {
			// The container's Allow lists every method of the servlet; a 405 sets its own.
			response.setHeader(HttpHeaders.ALLOW, null);
			if (this.pages.wantsPage(request)) {
				this.pages.render(this.pages.adopt(request, response, rejection.get()), response, chain);
			}
			else {
				this.writer.writeProblem(request, response, rejection.get());
			}
			return true;
		}
		if (status == HttpServletResponse.SC_METHOD_NOT_ALLOWED && !this.rejections.isExcluded(request)) {
			response.setHeader(HttpHeaders.ALLOW, "");
		}
		return false;
	}

}
