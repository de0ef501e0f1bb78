package dev.methodguard.problem;

import org.springframework.http.ProblemDetail;

/**
 * Callback to add members to, or change, every problem that method-guard writes (405, 501,
 * and the 404 of a concealed path), when it is written. Beans of this type are applied in
 * their {@code @Order}.
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
