package dev.methodguard.internal.servlet;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import dev.methodguard.testapp.LocalHttpClient;
import dev.methodguard.testapp.TestApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Advice scoped to the application's controllers does not apply to a rejection, which has no
 * handler (as with Spring alone): the 405 stays method-guard's problem, written once, with
 * one {@code Allow}, and told to the listeners once.
 */
@SpringBootTest(classes = { TestApplication.class, ScopedAdviceHttpTests.Scoped.class },
		webEnvironment = WebEnvironment.RANDOM_PORT, properties = "method-guard.log.level=OFF")
class ScopedAdviceHttpTests {

	@LocalServerPort
	private int port;

	@Autowired
	private RejectionNotificationTests.RecordingListener listener;

	@Test
	void aRejectionIsMethodGuardsProblemOnceWithOneAllow() throws Exception {
		HttpResponse<String> response = new LocalHttpClient(this.port).send("PUT", "/reports");
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.headers().allValues("Allow")).containsExactly("GET, HEAD, OPTIONS");
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"allowedMethods\"");
		assertThat(this.listener.rejections()).hasSize(1);
	}

	@Configuration(proxyBeanMethods = false)
	static class Scoped {

		@Bean
		RejectionNotificationTests.RecordingListener recordingListener() {
			return new RejectionNotificationTests.RecordingListener();
		}

		@Bean
		ControllersOnly controllersOnly() {
			return new ControllersOnly();
		}

	}

	@RestControllerAdvice(annotations = RestController.class)
	static class ControllersOnly extends ResponseEntityExceptionHandler {

	}

}
