package dev.methodguard.problem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request rejected because of its method, carrying the finished problem and the
 * {@code Allow} header. Handled by method-guard's controller advice; without it, Spring's
 * own {@code ErrorResponse} handling still sends the status and the header.
 */
public final class MethodRejectedException extends ErrorResponseException {

	private final transient MethodRejection rejection;

	/**
	 * Create an exception.
	 * @param rejection the decision
	 * @param problem the problem to write
	 */
	public MethodRejectedException(MethodRejection rejection, ProblemDetail problem) {
		super(HttpStatusCode.valueOf(rejection.status()), problem, null);
		this.rejection = rejection;
		if (rejection.allowed() != null) {
			getHeaders().set(HttpHeaders.ALLOW, rejection.allowed().toHeaderValue());
		}
	}

	/**
	 * The decision this exception carries.
	 * @return the rejection
	 */
	public MethodRejection getRejection() {
		return this.rejection;
	}

}
