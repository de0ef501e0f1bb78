package dev.methodguard.problem;

/**
 * Told of every request method-guard rejects, as it is rejected: for metrics, logs and
 * audits. Implementations must be fast and must not throw.
 */
@FunctionalInterface
public interface MethodRejectionListener {

	/**
	 * A request was rejected.
	 * @param rejection the decision
	 */
	void onRejection(MethodRejection rejection);

}
