package dev.methodguard.test;

/**
 * One request whose answer broke the method contract.
 *
 * @param route the route pattern, such as {@code /api/products/{id}}
 * @param path the concrete path the request was sent to
 * @param method the method sent
 * @param expected what the contract demands, such as {@code 405, Allow: GET, HEAD, OPTIONS,
 * problem body}
 * @param got what the application answered
 */
public record ContractViolation(String route, String path, String method, String expected, String got) {

}
