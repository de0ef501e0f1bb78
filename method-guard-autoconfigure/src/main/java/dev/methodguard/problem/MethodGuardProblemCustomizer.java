package dev.methodguard.problem;

import org.springframework.http.ProblemDetail;

/**
 * Callback to add members to, or change, every 405 and 501 problem that method-guard
 * writes. Beans of this type are applied in their {@code @Order}.
 */
@FunctionalInterface
public interface MethodGuardProblemCustomizer {

	/**
	 * Customize a problem before it is written.
	 * @param problem the problem, already filled in
	 * @param rejection the decision it describes
	 */
	void customize(ProblemDetail problem, MethodRejection rejection);

}
