package dev.methodguard.testapp;

import java.util.Locale;

import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check that a real-container test runs on the server the build meant: Tomcat, or Jetty
 * in the Surefire executions that put Jetty in Tomcat's place and set
 * {@code method-guard.test.expected-server}.
 */
public final class ExpectedContainer {

	private ExpectedContainer() {
	}

	/**
	 * Assert that the application runs on the expected server.
	 * @param context the application context
	 */
	public static void assertRunsOn(WebServerApplicationContext context) {
		String expected = System.getProperty("method-guard.test.expected-server", "tomcat");
		assertThat(context.getWebServer().getClass().getSimpleName().toLowerCase(Locale.ROOT)).startsWith(expected);
	}

}
