package dev.methodguard.internal.servlet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

/**
 * Takes over the ERROR dispatch of a 405 or 501 that method-guard did not answer before it —
 * a servlet error the {@link MethodGuardFilter} passed on, a {@code sendError} of a filter or
 * of Spring MVC's own resolvers — so that the client gets the same problem and {@code Allow}
 * as from any other handler. A request whose rejection method-guard's resolver already
 * rendered (through the application's own handler, which may send the error itself) is left
 * alone, and so is a browser's (see {@link BrowserErrorPages}): the error controller renders
 * its page. Ordered before every other handler mapping, so the application's own
 * {@code ErrorController} does not see these dispatches; where the method index does not
 * confirm the rejection, the error controller answers as usual.
 */
public final class ErrorDispatchHandlerMapping extends AbstractHandlerMapping {

	private final MethodRejections rejections;

	private final BrowserErrorPages pages;

	/**
	 * Create the mapping for API clients only.
	 * @param rejections the decision logic
	 */
	public ErrorDispatchHandlerMapping(MethodRejections rejections) {
		this(rejections, BrowserErrorPages.disabled());
	}

	/**
	 * Create the mapping.
	 * @param rejections the decision logic
	 * @param pages the browser face, whose requests are left to the error controller
	 */
	public ErrorDispatchHandlerMapping(MethodRejections rejections, BrowserErrorPages pages) {
		this.rejections = rejections;
		this.pages = pages;
		setOrder(Ordered.HIGHEST_PRECEDENCE);
	}

	@Override
	protected @Nullable Object getHandlerInternal(HttpServletRequest request) {
		if (request.getDispatcherType() != DispatcherType.ERROR
				|| request.getAttribute(MethodGuardExceptionResolver.RENDERED_ATTRIBUTE) != null
				|| !(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer status)
				|| (status != 405 && status != 501) || BrowserErrorPages.rejection(request) != null
				|| this.pages.wantsPage(request)) {
			return null;
		}
		return this.rejections.forMissingHandler(request).map(RejectionHandler::new).orElse(null);
	}

}
