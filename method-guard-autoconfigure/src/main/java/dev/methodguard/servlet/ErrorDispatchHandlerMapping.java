package dev.methodguard.servlet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

/**
 * Takes over the ERROR dispatch of a 405 or 501 that did not come from Spring MVC — a plain
 * servlet's {@code sendError(405)}, the container's own rejection of {@code TRACE}, a
 * servlet's 501 for a method it does not know — so that the client gets the same problem
 * and {@code Allow} as from any other handler. Ordered before every other handler mapping,
 * so the application's own {@code ErrorController} does not see these dispatches; where the
 * method index does not confirm the rejection, the error controller answers as usual.
 */
public final class ErrorDispatchHandlerMapping extends AbstractHandlerMapping {

	private final MethodRejections rejections;

	/**
	 * Create the mapping.
	 * @param rejections the decision logic
	 */
	public ErrorDispatchHandlerMapping(MethodRejections rejections) {
		this.rejections = rejections;
		setOrder(Ordered.HIGHEST_PRECEDENCE);
	}

	@Override
	protected @Nullable Object getHandlerInternal(HttpServletRequest request) {
		if (request.getDispatcherType() != DispatcherType.ERROR
				|| !(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer status)
				|| (status != 405 && status != 501)) {
			return null;
		}
		return this.rejections.forMissingHandler(request).map(RejectionHandler::new).orElse(null);
	}

}
