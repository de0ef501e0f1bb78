package dev.methodguard.problem;

/**
 * Told of every request method-guard rejects, once, as the rejection's answer is written:
 * never of a decision no client received (a handler lookup by a CORS or security filter, a
 * request a filter then answered itself). For metrics, logs and audits. Implementations must
 * be fast and must not throw.
 */
@FunctionalInterface
public interface MethodRejectionListener {

	/**
	 * A request was rejected.
	 * @param rejection the decision
	 */
	void onRejection(MethodRejection rejection);

}
