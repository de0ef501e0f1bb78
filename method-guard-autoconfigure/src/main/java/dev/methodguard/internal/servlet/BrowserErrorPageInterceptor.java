package dev.methodguard.internal.servlet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import dev.methodguard.internal.problem.MethodRejectedException;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Adds the allowed methods ({@value BrowserErrorPages#ALLOWED_METHODS_MODEL_ATTRIBUTE}) to the
 * model of the error page that renders one of method-guard's answers to a browser (see
 * {@link BrowserErrorPages}), whichever handler renders it (Spring Boot's
 * {@code BasicErrorController}, whose view comes from the {@code ErrorViewResolver}s or is
 * the whitelabel page, or the application's own {@code ErrorController}), unless the handler
 * put something there under that name itself. On any other request it costs a comparison
 * or two.
 */
public final class BrowserErrorPageInterceptor implements HandlerInterceptor {

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
