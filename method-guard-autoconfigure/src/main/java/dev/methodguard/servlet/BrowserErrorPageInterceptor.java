package dev.methodguard.servlet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import dev.methodguard.problem.MethodRejectedException;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Takes part in the error page dispatches that render method-guard's answers to browsers
 * (see {@link BrowserErrorPages}), whichever handler renders them (Spring Boot's
 * {@code BasicErrorController} or the application's own {@code ErrorController}):
 * <ul>
 * <li>before the handler runs, an error page dispatch of a 405 or 501 that method-guard did
 * not send itself (a filter's or a servlet's {@code sendError} that reached the container) is
 * made the page of the rejection the method index confirms, with its status and
 * {@code Allow}, as the {@link ErrorDispatchHandlerMapping} answers API clients;</li>
 * <li>after the handler returns its view, the model gets the allowed methods
 * ({@value BrowserErrorPages#ALLOWED_METHODS_MODEL_ATTRIBUTE}), unless the handler put
 * something there under that name itself.</li>
 * </ul>
 * On any other dispatch it costs a comparison.
 */
public final class BrowserErrorPageInterceptor implements HandlerInterceptor {

	private final BrowserErrorPages pages;

	private final MethodRejections rejections;

	/**
	 * Create the interceptor.
	 * @param pages the browser face
	 * @param rejections the decision logic
	 */
	public BrowserErrorPageInterceptor(BrowserErrorPages pages, MethodRejections rejections) {
		this.pages = pages;
		this.rejections = rejections;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (request.getDispatcherType() == DispatcherType.ERROR && BrowserErrorPages.rejection(request) == null
				&& request.getAttribute(MethodGuardExceptionResolver.RENDERED_ATTRIBUTE) == null
				&& request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer status
				&& (status == HttpServletResponse.SC_METHOD_NOT_ALLOWED
						|| status == HttpServletResponse.SC_NOT_IMPLEMENTED)
				&& this.pages.wantsPage(request)) {
			this.rejections.forMissingHandler(request)
				.ifPresent((rejection) -> this.pages.adopt(request, response, rejection));
		}
		return true;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView modelAndView) {
		if (modelAndView == null || request.getDispatcherType() != DispatcherType.ERROR) {
			return;
		}
		MethodRejectedException rejection = BrowserErrorPages.rejection(request);
		if (rejection != null && rejection.getRejection().allowed() != null
				&& !modelAndView.getModel().containsKey(BrowserErrorPages.ALLOWED_METHODS_MODEL_ATTRIBUTE)) {
			modelAndView.addObject(BrowserErrorPages.ALLOWED_METHODS_MODEL_ATTRIBUTE,
					rejection.getRejection().allowed().methods());
		}
	}

}
