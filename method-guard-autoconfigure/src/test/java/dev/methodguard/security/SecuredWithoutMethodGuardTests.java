package dev.methodguard.security;

import java.net.http.HttpResponse;

import dev.methodguard.testapp.LocalHttpClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same secured application without method-guard: what {@link SecuredHttpTests} guards
 * against really happens (a permitted wrong method masked as 401 by the error page dispatch,
 * the firewall's 400 for an unknown method, itself masked as 401 by the error page dispatch).
 */
@SpringBootTest(classes = SecuredApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "method-guard.enabled=false")
class SecuredWithoutMethodGuardTests {

	@LocalServerPort
	private int port;

	@Test
	void permittedWrongMethodIsMaskedAs401() throws Exception {
		assertThat(send("PUT", "/public/items", null).statusCode()).isEqualTo(401);
		assertThat(send("POST", "/legacy/ping", null).statusCode()).isEqualTo(401);
	}

	@Test
	void browsersPageOfAPermittedWrongMethodIsMaskedAs401() throws Exception {
		HttpResponse<String> response = new SecuredClient(this.port).send("PUT", "/public/items", null,
				LocalHttpClient.BROWSER_ACCEPT);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).doesNotContain("<p id=\"allow\">");
	}

	@Test
	void unknownMethodIsTheFirewalls400MaskedAs401() throws Exception {
		for (String credentials : new String[] { null, "user:secret" }) {
			HttpResponse<String> response = send("FOO", "/public/items", credentials);
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(response.headers().firstValue("Content-Type")).isEmpty();
		}
	}

	private HttpResponse<String> send(String method, String path, String credentials) throws Exception {
		return new SecuredClient(this.port).send(method, path, credentials);
	}

}
