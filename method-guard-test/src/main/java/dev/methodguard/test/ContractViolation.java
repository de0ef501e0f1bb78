package dev.methodguard.test;

import org.jspecify.annotations.Nullable;

/**
 * One request whose answer broke the method contract.
 *
 * @param route the route pattern, such as {@code /api/products/{id}}
 * @param path the concrete path the request was sent to
 * @param version the API version the request carried, or {@code null} (an unversioned
 * route)
 * @param method the method sent
 * @param expected what the contract demands, such as {@code 405, Allow: GET, HEAD, OPTIONS,
 * problem body}
 * @param got what the application answered
 */
public record ContractViolation(String route, String path, @Nullable String version, String method,
		String expected, String got) {

	/**
	 * A violation of a request without an API version.
	 * @param route the route pattern
	 * @param path the concrete path the request was sent to
	 * @param method the method sent
	 * @param expected what the contract demands
	 * @param got what the application answered
	 */
	public ContractViolation(String route, String path, String method, String expected, String got) {
		this(route, path, null, method, expected, got);
	}

}
