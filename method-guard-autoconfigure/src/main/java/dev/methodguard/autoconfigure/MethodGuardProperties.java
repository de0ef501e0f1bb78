package dev.methodguard.autoconfigure;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of method-guard.
 */
@ConfigurationProperties("method-guard")
public class MethodGuardProperties {

	/**
	 * Whether method-guard is active. When false, Spring's default responses are restored
	 * exactly.
	 */
	private boolean enabled = true;

	/**
	 * Status for a method that no handler of the application implements (such as FOO or a
	 * lowercase get): 501 (Not Implemented, RFC 9110 section 15.6.2) or 405.
	 */
	private int unknownMethodStatus = 501;

	/**
	 * Problem details written for rejected methods.
	 */
	private final Problem problem = new Problem();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getUnknownMethodStatus() {
		return this.unknownMethodStatus;
	}

	public void setUnknownMethodStatus(int unknownMethodStatus) {
		if (unknownMethodStatus != 405 && unknownMethodStatus != 501) {
			throw new IllegalArgumentException(
					"method-guard.unknown-method-status must be 501 or 405, not " + unknownMethodStatus);
		}
		this.unknownMethodStatus = unknownMethodStatus;
	}

	public Problem getProblem() {
		return this.problem;
	}

	/**
	 * Problem details settings.
	 */
	public static class Problem {

		/**
		 * URI of the "type" member of every 405 and 501 problem. The default, about:blank,
		 * means the problem has no semantics beyond its status code (RFC 9457 section
		 * 4.2.1).
		 */
		private URI type = URI.create("about:blank");

		/**
		 * Whether a 405 problem lists its allowed methods in the "allowedMethods" member.
		 */
		private boolean includeAllowedMethods = true;

		public URI getType() {
			return this.type;
		}

		public void setType(URI type) {
			if (type == null || (!type.isAbsolute() && !type.toString().startsWith("/"))) {
				throw new IllegalArgumentException(
						"method-guard.problem.type must be an absolute URI or a path starting with '/', not " + type);
			}
			this.type = type;
		}

		public boolean isIncludeAllowedMethods() {
			return this.includeAllowedMethods;
		}

		public void setIncludeAllowedMethods(boolean includeAllowedMethods) {
			this.includeAllowedMethods = includeAllowedMethods;
		}

	}

}
