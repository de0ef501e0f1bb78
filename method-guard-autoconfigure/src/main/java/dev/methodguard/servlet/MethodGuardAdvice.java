package dev.methodguard.servlet;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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
	 * @param response the response, which gets the rejection's headers
	 * @return the problem response; without a body for {@code HEAD}
	 */
	@ExceptionHandler(MethodRejectedException.class)
	public ResponseEntity<Object> handleMethodRejected(MethodRejectedException ex, HttpServletRequest request,
			HttpServletResponse response) {
		setHeaders(response, ex);
		ResponseEntity.BodyBuilder entity = ResponseEntity.status(ex.getStatusCode());
		return "HEAD".equals(OriginalRequest.method(request)) ? entity.build() : entity.body(ex.getBody());
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

	/**
	 * Write a method mismatch raised by an annotated handler mapping.
	 * @param ex the mismatch
	 * @param request the request
	 * @param response the response
	 * @return the problem response
	 */
	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	public ResponseEntity<Object> handleMethodNotSupported(HttpRequestMethodNotSupportedException ex,
			HttpServletRequest request, HttpServletResponse response) {
		String[] supported = ex.getSupportedMethods();
		return handleMethodRejected(
				this.rejections.forMethodMismatch(request, (supported != null) ? Set.of(supported) : Set.of()),
				request, response);
	}

}
