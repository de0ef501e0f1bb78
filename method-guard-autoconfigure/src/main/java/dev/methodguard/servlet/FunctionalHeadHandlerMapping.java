package dev.methodguard.servlet;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;

import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

/**
 * Answers {@code HEAD} on functional routes that map {@code GET} (WebMvc.fn does not do it
 * on its own): the request is routed as a {@code GET}, and the container sends the headers
 * without the body. Ordered after the router function mappings and the mappings of annotated
 * controllers (an order of its own, not a tie decided by bean registration), so an explicit
 * {@code HEAD} route, and every annotated mapping, still win.
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
		HttpServletRequest asGet = new HttpServletRequestWrapper(request) {
			@Override
			public String getMethod() {
				return "GET";
			}
		};
		for (RouterFunctionMapping mapping : this.mappings) {
			HandlerExecutionChain chain = mapping.getHandler(asGet);
			if (chain != null) {
				return chain;
			}
		}
		return null;
	}

}
