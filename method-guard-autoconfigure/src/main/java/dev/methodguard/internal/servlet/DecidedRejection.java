package dev.methodguard.internal.servlet;

import dev.methodguard.problem.MethodRejection;


/**
 * A rejection decided where a handler is looked up and raised by the handler that stands
 * for it, so that the {@link MethodGuardExceptionResolver} answers it like every other: only
 * then are the listeners told and the problem built. It carries a decision, not a failure,
 * and so no stack trace.
 */
final class DecidedRejection extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient MethodRejection rejection;

	DecidedRejection(MethodRejection rejection) {
		super(null, null, false, false);
		this.rejection = rejection;
	}

	/**
	 * The decision this exception carries.
	 * @return the rejection
	 */
	MethodRejection rejection() {
		return this.rejection;
	}

}
