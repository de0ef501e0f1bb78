package dev.methodguard.internal.servlet;

import dev.methodguard.problem.MethodRejection;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A rejection decided where a handler is looked up and raised by the handler that stands
 * for it, so that the {@link MethodGuardExceptionResolver} answers it like every other: only
 * then are the listeners told and the problem built. Should another exception resolver see
 * it first, it is still an {@link ErrorResponseException} with the rejection's status and
 * {@code Allow}, as Spring's own method rejections are, never a 500. It carries a decision,
 * not a failure, and so no stack trace.
 */
final class DecidedRejection extends ErrorResponseException {

	private static final long serialVersionUID = 1L;

	private final transient MethodRejection rejection;

	DecidedRejection(MethodRejection rejection) {
		super(HttpStatusCode.valueOf(rejection.status()), ProblemDetail.forStatus(rejection.status()), null);
		this.rejection = rejection;
		if (rejection.allowed() != null) {
			getHeaders().set(HttpHeaders.ALLOW, rejection.allowed().toHeaderValue());
		}
	}

	/**
	 * The decision this exception carries.
	 * @return the rejection
	 */
	MethodRejection rejection() {
		return this.rejection;
	}

	/**
	 * No stack trace: a decision, raised on every rejected request.
	 * @return this exception
	 */
	@Override
	public synchronized Throwable fillInStackTrace() {
		return this;
	}

}
