package dev.methodguard.internal.servlet;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;

import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

/**
 * Answers {@code HEAD} on functional routes that map {@code GET} (WebMvc.fn does not do it
 * on its own): the route is chosen as for a {@code GET}, but its handler sees the request as
 * it was sent, a {@code HEAD}, as Spring MVC does for annotated {@code GET} handlers. So a
 * handler that forwards the request (a gateway's proxy) forwards a {@code HEAD}, and an
 * ordinary handler writes its answer as for a {@code GET}, whose body the container drops.
 * Ordered after the router function mappings and the mappings of annotated controllers (an
 * order of its own, not a tie decided by bean registration), so an explicit {@code HEAD}
 * route, and every annotated mapping, still win.
 */
public final class FunctionalHeadHandlerMapping extends AbstractHandlerMapping {

	private final List<RouterFunctionMapping> mappings;

	private final MethodRejections rejections;

	/**
	 * Create the mapping.
	 * @param mappings the router function mappings to route {@code HEAD} through
	 * @param rejections the decision logic, for excluded paths
	 * @param order the order of this mapping, larger than theirs and than that of the
	 * annotated controllers' mappings
	 */
	public FunctionalHeadHandlerMapping(List<RouterFunctionMapping> mappings, MethodRejections rejections,
			int order) {
		this.mappings = List.copyOf(mappings);
		this.rejections = rejections;
		setOrder(order);
	}

	@Override
	protected @Nullable Object getHandlerInternal(HttpServletRequest request) throws Exception {
		if (!"HEAD".equals(request.getMethod()) || this.rejections.isExcluded(request)) {
			return null;
		}
		RoutedAsGet routed = new RoutedAsGet(request);
		try {
			for (RouterFunctionMapping mapping : this.mappings) {
				HandlerExecutionChain chain = mapping.getHandler(routed);
				if (chain != null) {
					return chain;
				}
			}
			return null;
		}
		finally {
			routed.routed();
		}
	}

	/**
	 * The request as a router function sees it: a {@code GET} while its route is chosen, then
	 * the {@code HEAD} it is. The {@code ServerRequest} the router function mapping builds
	 * for the handler wraps this request and reads its method on every call, so the handler
	 * sees {@code HEAD}.
	 */
	private static final class RoutedAsGet extends HttpServletRequestWrapper {

		private volatile boolean routing = true;

		RoutedAsGet(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getMethod() {
			return this.routing ? "GET" : super.getMethod();
		}

		void routed() {
			this.routing = false;
		}

	}

}
