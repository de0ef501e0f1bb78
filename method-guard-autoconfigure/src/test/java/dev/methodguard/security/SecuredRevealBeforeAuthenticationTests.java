package dev.methodguard.security;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The secured application with {@code method-guard.security.reveal-before-authentication}
 * (and {@code unknown-method-status=405}): a method refused before any authentication, by
 * Tomcat's connector ({@code TRACE}) or Security's firewall, gets the informative answer of
 * an application without Security, on protected paths too: the 405 problem with the route's
 * {@code Allow}, and Security's own answer on a missing path. What the default conceals.
 */
@SpringBootTest(classes = SecuredApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "method-guard.security.reveal-before-authentication=true",
				"method-guard.unknown-method-status=405" })
class SecuredRevealBeforeAuthenticationTests {

	@LocalServerPort
	private int port;

	@Test
	void traceOnARouteIsThe405WithItsAllowForAnyoneAndNeverEchoed() throws Exception {
		for (String credentials : new String[] { null, "user:secret" }) {
			assertProblem(send("TRACE", "/private/notes", credentials), 405, "GET, HEAD, OPTIONS");
			HttpResponse<String> permitted = send("TRACE", "/public/items", credentials);
			assertProblem(permitted, 405, "GET, HEAD, POST, OPTIONS");
			assertThat(permitted.body()).doesNotContain("Authorization");
		}
	}

	@Test
	void traceOnAMissingPathKeepsSecuritysAnswer() throws Exception {
		HttpResponse<String> response = send("TRACE", "/private/nothing-here", null);
		assertThat(response.statusCode()).isIn(400, 401);
		assertThat(response.headers().allValues("Allow")).allSatisfy((allow) -> assertThat(allow).isEmpty());
		assertThat(response.body()).doesNotContain("allowedMethods");
	}

	@Test
	void refusedMethodOnARouteIsThe405WithItsAllowAndSecuritysAnswerElsewhere() throws Exception {
		HttpResponse<String> route = send("FOO", "/public/items", null);
		assertProblem(route, 405, "GET, HEAD, POST, OPTIONS");
		assertThat(route.body()).contains("Method FOO is not supported for /public/items");
		HttpResponse<String> missing = send("FOO", "/nowhere", null);
		assertThat(missing.statusCode()).isIn(400, 401);
		assertThat(missing.headers().firstValue("Allow")).isEmpty();
	}

	private static void assertProblem(HttpResponse<String> response, int status, String allow) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.headers().allValues("Allow")).containsExactly(allow);
		assertThat(response.body()).contains("\"status\":" + status);
	}

	private HttpResponse<String> send(String method, String path, String credentials) throws Exception {
		return new SecuredClient(this.port).send(method, path, credentials);
	}

}
