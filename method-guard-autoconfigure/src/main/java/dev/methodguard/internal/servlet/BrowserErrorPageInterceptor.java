package dev.methodguard.internal.servlet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import dev.methodguard.allow.AllowedMethods;
import dev.methodguard.problem.MethodRejection;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Adds the allowed methods ({@value MethodRejection#ALLOWED_METHODS}) to the
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
		MethodRejection rejection = BrowserErrorPages.rejection(request);
		AllowedMethods allowed = (rejection != null) ? rejection.allowed() : null;
		if (allowed != null && !modelAndView.getModel().containsKey(MethodRejection.ALLOWED_METHODS)) {
			modelAndView.addObject(MethodRejection.ALLOWED_METHODS, allowed.methods());
		}
	}

}
