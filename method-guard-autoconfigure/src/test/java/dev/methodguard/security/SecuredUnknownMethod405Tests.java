package dev.methodguard.security;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The secured application with {@code method-guard.unknown-method-status=405}: a method the
 * firewall refuses is a 405 with the URL's {@code Allow} (which RFC 9110 requires) where the
 * path is known, and Security's own answer where it is not.
 */
@SpringBootTest(classes = SecuredApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "method-guard.unknown-method-status=405")
class SecuredUnknownMethod405Tests {

	@LocalServerPort
	private int port;

	@Test
	void refusedMethodOnAKnownPathIsA405WithItsAllow() throws Exception {
		HttpResponse<String> response = send("FOO", "/public/items");
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.headers().allValues("Allow")).containsExactly("GET, HEAD, POST, OPTIONS");
		assertThat(response.body()).contains("Method FOO is not supported for /public/items");
	}

	@Test
	void refusedMethodOnAnUnknownPathKeepsSecuritysAnswer() throws Exception {
		HttpResponse<String> response = send("FOO", "/nowhere");
		assertThat(response.statusCode()).isIn(400, 401);
		assertThat(response.headers().firstValue("Allow")).isEmpty();
	}

	private HttpResponse<String> send(String method, String path) throws Exception {
		return new SecuredClient(this.port).send(method, path, null);
	}

}
