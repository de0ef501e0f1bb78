package dev.methodguard.internal.servlet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.methodguard.internal.problem.MethodRejectedException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The controller advice that writes the problems method-guard decides inside Spring MVC (405,
 * 501, and the 404 of a concealed path; a 405 goes to the application's own handler of
 * {@code HttpRequestMethodNotSupportedException} instead where it has one) through the
 * application's own message converters (its Jackson
 * settings, its content negotiation). Ordered first, so it wins over
 * {@code ResponseEntityExceptionHandler}s such as the one behind
 * {@code spring.mvc.problemdetails.enabled}. The {@link MethodGuardExceptionResolver} is the
 * one place that turns Spring's own exceptions into the {@link MethodRejectedException}s
 * this advice writes; what it leaves alone (excluded paths) gets Spring's default answer.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class MethodGuardAdvice {

	/**
	 * Write a rejection.
	 * @param ex the rejection
	 * @param request the request
	 * @param response the response, which gets the rejection's headers
	 * @return the problem response; without a body for {@code HEAD}
	 */
	@ExceptionHandler(MethodRejectedException.class)
	public ResponseEntity<Object> handleMethodRejected(MethodRejectedException ex, HttpServletRequest request,
			HttpServletResponse response) {
		setHeaders(response, ex);
		ResponseEntity.BodyBuilder entity = ResponseEntity.status(ex.getStatusCode());
		return "HEAD".equals(RequestView.method(request)) ? entity.build() : entity.body(ex.getBody());
	}

	/**
	 * Set the headers of a rejection on the response, replacing any the container or a
	 * servlet set before (such as Tomcat's own {@code Allow} for {@code TRACE}).
	 * @param response the response
	 * @param ex the rejection
	 */
	static void setHeaders(HttpServletResponse response, MethodRejectedException ex) {
		ex.getHeaders().forEach((name, values) -> response.setHeader(name, String.join(", ", values)));
	}

}
