package dev.methodguard.internal.servlet;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import dev.methodguard.internal.problem.MethodProblemFactory;
import dev.methodguard.internal.problem.MethodRejectedException;
import dev.methodguard.problem.MethodRejection;
import dev.methodguard.problem.MethodRejectionListener;

import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The side effects of a rejection, which happen only once its answer is being written: the
 * {@link MethodRejectionListener listeners} are told (metrics, the log line), once per
 * answered request, and the problem is built, customizers included, in the request's locale.
 * A decision that no client receives (a handler lookup by a CORS or security filter) reaches
 * neither.
 */
public final class RejectionResponses {

	private final MethodProblemFactory problems;

	private final List<MethodRejectionListener> listeners;

	/**
	 * Create the responses.
	 * @param problems builds the problems
	 * @param listeners the listeners to tell of each answered rejection, in order
	 */
	public RejectionResponses(MethodProblemFactory problems, List<MethodRejectionListener> listeners) {
		this.problems = problems;
		this.listeners = List.copyOf(listeners);
	}

	/**
	 * Tell the listeners of a rejection whose answer is being written.
	 * @param rejection the decision
	 */
	void announce(MethodRejection rejection) {
		for (MethodRejectionListener listener : this.listeners) {
			listener.onRejection(rejection);
		}
	}

	/**
	 * The exception that carries a rejection's answer: its status, its headers and its
	 * problem, built for the request's locale.
	 * @param request the request
	 * @param rejection the decision
	 * @return the exception, to write or to raise
	 */
	MethodRejectedException exception(HttpServletRequest request, MethodRejection rejection) {
		return new MethodRejectedException(rejection,
				this.problems.create(rejection, RequestContextUtils.getLocale(request)));
	}

}
