package dev.methodguard.servlet;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import dev.methodguard.problem.MethodRejectedException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The controller advice that writes every 405 and 501 problem through the application's own
 * message converters (its Jackson settings, its content negotiation). Ordered first, so it
 * wins over {@code ResponseEntityExceptionHandler}s such as the one behind
 * {@code spring.mvc.problemdetails.enabled}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class MethodGuardAdvice {

	private final MethodRejections rejections;

	/**
	 * Create the advice.
	 * @param rejections the decision logic
	 */
	public MethodGuardAdvice(MethodRejections rejections) {
		this.rejections = rejections;
	}

	/**
	 * Write a rejection.
	 * @param ex the rejection
	 * @param request the request
	 * @return the problem response; without a body for {@code HEAD}
	 */
	@ExceptionHandler(MethodRejectedException.class)
	public ResponseEntity<Object> handleMethodRejected(MethodRejectedException ex, HttpServletRequest request) {
		ResponseEntity.BodyBuilder response = ResponseEntity.status(ex.getStatusCode()).headers(ex.getHeaders());
		return "HEAD".equals(request.getMethod()) ? response.build() : response.body(ex.getBody());
	}

	/**
	 * Write a method mismatch raised by an annotated handler mapping.
	 * @param ex the mismatch
	 * @param request the request
	 * @return the problem response
	 */
	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	public ResponseEntity<Object> handleMethodNotSupported(HttpRequestMethodNotSupportedException ex,
			HttpServletRequest request) {
		String[] supported = ex.getSupportedMethods();
		return handleMethodRejected(
				this.rejections.forMethodMismatch(request, (supported != null) ? Set.of(supported) : Set.of()),
				request);
	}

}
