package dev.methodguard.internal.servlet;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.util.StringUtils;
import org.springframework.web.util.UriUtils;

/**
 * A request as every entry point of method-guard sees it, derived in this one place: the
 * method as the client sent it, the request URI as sent, and the path every decision about it is taken
 * on. On an error page dispatch (which the container makes as a {@code GET} to the error
 * page) it is the request that failed. The path is the raw path within the application (the
 * URI without the context path), except for a request the container mapped to a plain
 * servlet, whose path is the one the container chose that servlet by: decoded, {@code //}
 * merged and dot segments removed, encoded again like a request URI. The view of such a
 * request is fixed by the {@link MethodGuardFilter} when the request passes it, so that the
 * servlet's rejection, its {@code OPTIONS}, its {@code TRACE} and the error page dispatch
 * that may follow all decide on the same path; where the container refused the request
 * before any filter, the error page dispatch normalizes the raw path as the container does.
 *
 * @param method the method token, as sent
 * @param uri the request URI, context path included, as sent
 * @param path the path within the application that decisions are taken on
 * @param dispatcherType the dispatch the view was built on
 */
record RequestView(String method, String uri, String path, DispatcherType dispatcherType) {

	/** The request attribute that holds the view of a request. */
	static final String ATTRIBUTE = RequestView.class.getName();

	/** The request attribute of Servlet 6.1 that holds the method of a failed request. */
	static final String ERROR_METHOD = "jakarta.servlet.error.method";

	/**
	 * The view of a request: the one fixed for it before, on this dispatch or, for an error
	 * page dispatch, on the request that failed; otherwise built now, with the raw path.
	 * @param request the request
	 * @return the view
	 */
	static RequestView of(HttpServletRequest request) {
		RequestView fixed = fixed(request);
		if (fixed != null) {
			return fixed;
		}
		return new RequestView(originalMethod(request), originalUri(request), pathWithinApplication(request),
				request.getDispatcherType());
	}

	/**
	 * Fix the view of a request the container mapped to a plain servlet, on its first
	 * dispatch: its path is the path the container mapped to the servlet.
	 * @param request the request
	 * @return the view
	 */
	static RequestView fixForPlainServlet(HttpServletRequest request) {
		RequestView fixed = fixed(request);
		if (fixed != null || request.getDispatcherType() != DispatcherType.REQUEST) {
			return (fixed != null) ? fixed : of(request);
		}
		String pathInfo = request.getPathInfo();
		String mapped = request.getServletPath() + ((pathInfo != null) ? pathInfo : "");
		RequestView view = new RequestView(request.getMethod(), request.getRequestURI(),
				UriUtils.encodePath(mapped, StandardCharsets.UTF_8), request.getDispatcherType());
		request.setAttribute(ATTRIBUTE, view);
		return view;
	}

	/**
	 * The view of a request the container refused with 405 or 501, on the error page
	 * dispatch: the view fixed for it, if it passed the {@link MethodGuardFilter}; otherwise
	 * (refused before any filter) built now, where the container mapped it to a plain
	 * servlet with the raw path as the container normalizes it to choose the servlet.
	 * @param request the request of the error page dispatch
	 * @param plainServlet whether the failed request was mapped to a plain servlet
	 * @return the view
	 */
	static RequestView ofContainerError(HttpServletRequest request, boolean plainServlet) {
		RequestView view = of(request);
		if (!plainServlet || fixed(request) != null) {
			return view;
		}
		return new RequestView(view.method(), view.uri(), normalize(view.path()), view.dispatcherType());
	}

	/**
	 * The method the client sent, without building a view.
	 * @param request the request
	 * @return the method token, as sent
	 */
	static String method(HttpServletRequest request) {
		RequestView fixed = fixed(request);
		return (fixed != null) ? fixed.method() : originalMethod(request);
	}

	/**
	 * The view fixed for this request on this dispatch, or on the request that failed where
	 * this is its error page dispatch for the same URI; a forward or include has its own
	 * path.
	 */
	private static RequestView fixed(HttpServletRequest request) {
		if (request.getAttribute(ATTRIBUTE) instanceof RequestView view) {
			DispatcherType type = request.getDispatcherType();
			if (view.dispatcherType() == type || (type == DispatcherType.ERROR
					&& view.dispatcherType() == DispatcherType.REQUEST
					&& view.uri().equals(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)))) {
				return view;
			}
		}
		return null;
	}

	private static String originalMethod(HttpServletRequest request) {
		if (request.getDispatcherType() == DispatcherType.ERROR
				&& request.getAttribute(ERROR_METHOD) instanceof String method) {
			return method;
		}
		return request.getMethod();
	}

	private static String originalUri(HttpServletRequest request) {
		if (request.getDispatcherType() == DispatcherType.ERROR
				&& request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
			return uri;
		}
		return request.getRequestURI();
	}

	/**
	 * The raw path within the application: the request URI without the context path.
	 */
	private static String pathWithinApplication(HttpServletRequest request) {
		String uri = originalUri(request);
		String contextPath = request.getContextPath();
		if (contextPath != null && !contextPath.isEmpty() && uri.startsWith(contextPath)) {
			return uri.substring(contextPath.length());
		}
		return uri;
	}

	/**
	 * A raw path as a servlet container normalizes it before mapping it to a servlet: empty
	 * segments merged, dot segments removed.
	 */
	private static String normalize(String path) {
		return StringUtils.cleanPath(path.replaceAll("/{2,}", "/"));
	}

}
