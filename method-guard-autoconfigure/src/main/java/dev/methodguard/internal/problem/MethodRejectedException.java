package dev.methodguard.internal.problem;

import dev.methodguard.problem.MethodRejection;

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

	/**
	 * Create an exception.
	 * @param rejection the decision
	 * @param problem the problem to write
	 */
	public MethodRejectedException(MethodRejection rejection, ProblemDetail problem) {
		super(HttpStatusCode.valueOf(rejection.status()), problem, null);
		if (rejection.allowed() != null) {
			getHeaders().set(HttpHeaders.ALLOW, rejection.allowed().toHeaderValue());
		}
	}

	/**
	 * No stack trace: this exception carries a decision, not a failure, and is raised on
	 * every rejected request, where filling in a deep servlet stack would cost more than the
	 * rest of the rejection.
	 * @return this exception
	 */
	@Override
	public synchronized Throwable fillInStackTrace() {
		return this;
	}

}
