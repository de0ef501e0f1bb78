package dev.methodguard.test;

/**
 * Sends one request to the application under test: through MockMvc, or over HTTP.
 */
@FunctionalInterface
interface Exchange {

	/**
	 * Send a request without a body.
	 * @param method the method, any token
	 * @param path the path within the application
	 * @param headers header names and values, alternately
	 * @return the answer; a request that fails with an exception is an answer too
	 */
	Answer send(String method, String path, String... headers);

	/**
	 * Whether requests reach plain servlets, not only the {@code DispatcherServlet}.
	 * @return {@code true} over HTTP
	 */
	default boolean reachesServlets() {
		return false;
	}

}
