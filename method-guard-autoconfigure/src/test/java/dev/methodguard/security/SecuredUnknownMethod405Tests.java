package dev.methodguard.security;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The secured application with {@code method-guard.unknown-method-status=405}: a method the
 * firewall refuses before any authentication is still the 501 problem without {@code Allow},
 * the same on a route and on a missing path, since a 405 would have to list the route's
 * methods ({@link SecuredRevealBeforeAuthenticationTests} shows the 405 that
 * {@code method-guard.security.reveal-before-authentication} gives).
 */
@SpringBootTest(classes = SecuredApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "method-guard.unknown-method-status=405")
class SecuredUnknownMethod405Tests {

	@LocalServerPort
	private int port;

	@Test
	void refusedMethodIsThe501ProblemWithoutAllowOnEveryPath() throws Exception {
		for (String path : new String[] { "/public/items", "/private/notes", "/nowhere" }) {
			HttpResponse<String> response = send("FOO", path);
			assertThat(response.statusCode()).as(path).isEqualTo(501);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(response.headers().allValues("Allow")).isEmpty();
			assertThat(response.body()).contains("Method FOO is not implemented by this server.")
				.doesNotContain("allowedMethods");
		}
	}

	/**
	 * Issue 16, item 8: before authentication, a method Security's firewall refuses must not
	 * tell a route from a missing path.
	 */
	@Test
	void refusedMethodCannotTellARouteFromAMissingPath() throws Exception {
		HttpResponse<String> route = send("FOO", "/public/items");
		HttpResponse<String> missing = send("FOO", "/nowhere");
		assertThat(route.statusCode()).as("status").isEqualTo(missing.statusCode());
		assertThat(route.headers().allValues("Allow")).allSatisfy((allow) -> assertThat(allow).isEmpty());
	}

	private HttpResponse<String> send(String method, String path) throws Exception {
		return new SecuredClient(this.port).send(method, path, null);
	}

}
