package dev.methodguard.servlet;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.methodguard.problem.MethodRejectedException;

/**
 * Answers, on the error page dispatch and before any security filter, a 405 or 501 that the
 * servlet container itself sent before the request reached a filter (Tomcat rejects
 * {@code TRACE} in its connector): such a request never met the application's filters, so
 * the security filters would otherwise judge the dispatch to {@code /error} instead and turn
 * the answer into a 401 or 403, where a container that lets {@code TRACE} through (Jetty)
 * answers 405. A request the {@link MethodGuardFilter} saw is left to the usual error
 * handling.
 */
public final class ContainerRejectionFilter implements Filter {

	private final MethodRejections rejections;

	private final ProblemWriter writer;

	/**
	 * Create the filter.
	 * @param rejections the decision logic
	 * @param writer the writer of problems outside Spring MVC
	 */
	public ContainerRejectionFilter(MethodRejections rejections, ProblemWriter writer) {
		this.rejections = rejections;
		this.writer = writer;
	}

	@Override
	public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
			throws IOException, ServletException {
		if (servletRequest instanceof HttpServletRequest request
				&& servletResponse instanceof HttpServletResponse response
				&& request.getDispatcherType() == DispatcherType.ERROR
				&& request.getAttribute(MethodGuardFilter.PASSED_ATTRIBUTE) == null
				&& request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer status
				&& (status == HttpServletResponse.SC_METHOD_NOT_ALLOWED
						|| status == HttpServletResponse.SC_NOT_IMPLEMENTED)) {
			Optional<MethodRejectedException> rejection = this.rejections.forMissingHandler(request);
			if (rejection.isPresent()) {
				this.writer.writeAnyway(request, response, rejection.get());
				return;
			}
		}
		chain.doFilter(servletRequest, servletResponse);
	}

}
