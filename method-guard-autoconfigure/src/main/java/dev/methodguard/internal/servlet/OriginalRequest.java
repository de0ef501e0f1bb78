package dev.methodguard.internal.servlet;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.util.StringUtils;
import org.springframework.web.util.UriUtils;

/**
 * The method and paths of a request as method-guard sees them: on an ERROR dispatch, those
 * of the request that failed (the container dispatches errors as {@code GET}).
 */
final class OriginalRequest {

	/** The request attribute of Servlet 6.1 that holds the method of a failed request. */
	static final String ERROR_METHOD = "jakarta.servlet.error.method";

	private OriginalRequest() {
	}

	/**
	 * The method the client sent.
	 * @param request the request
	 * @return the method token, as sent
	 */
	static String method(HttpServletRequest request) {
		if (request.getDispatcherType() == DispatcherType.ERROR
				&& request.getAttribute(ERROR_METHOD) instanceof String method) {
			return method;
		}
		return request.getMethod();
	}

	/**
	 * The raw request URI, context path included.
	 * @param request the request
	 * @return the URI path as the client sent it
	 */
	static String requestUri(HttpServletRequest request) {
		if (request.getDispatcherType() == DispatcherType.ERROR
				&& request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
			return uri;
		}
		return request.getRequestURI();
	}

	/**
	 * The path the container mapped to the servlet (servlet path and path info: decoded,
	 * {@code //} merged, dot segments removed), encoded again like a request URI.
	 * @param request the request
	 * @return the path a plain servlet was chosen by
	 */
	static String mappedPath(HttpServletRequest request) {
		String pathInfo = request.getPathInfo();
		String mapped = request.getServletPath() + ((pathInfo != null) ? pathInfo : "");
		return UriUtils.encodePath(mapped, StandardCharsets.UTF_8);
	}

	/**
	 * A raw path as a servlet container normalizes it before mapping it to a servlet: empty
	 * segments merged, dot segments removed.
	 * @param path the raw path
	 * @return the normalized path
	 */
	static String normalize(String path) {
		return StringUtils.cleanPath(path.replaceAll("/{2,}", "/"));
	}

	/**
	 * The raw path within the application: the request URI without the context path.
	 * @param request the request
	 * @return the path the method index is looked up with
	 */
	static String pathWithinApplication(HttpServletRequest request) {
		String uri = requestUri(request);
		String contextPath = request.getContextPath();
		if (contextPath != null && !contextPath.isEmpty() && uri.startsWith(contextPath)) {
			return uri.substring(contextPath.length());
		}
		return uri;
	}

}
