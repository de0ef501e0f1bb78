package dev.methodguard.internal.servlet;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.methodguard.problem.MethodRejection;
import dev.methodguard.problem.MethodRejectionListener;
import dev.methodguard.testapp.LocalHttpClient;
import dev.methodguard.testapp.TestApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Listeners hear of a rejection once, when its answer is written, and never of one the client
 * did not get: handler lookup done by others (Spring's {@code CorsFilter} over the
 * {@code HandlerMappingIntrospector}, as Spring Security's default CORS support does for every
 * request) has no side effect, and a request a filter answers itself (as Security answers 401)
 * is not counted.
 */
@SpringBootTest(classes = { TestApplication.class, RejectionNotificationTests.Filters.class },
		webEnvironment = WebEnvironment.RANDOM_PORT, properties = "method-guard.log.level=OFF")
class RejectionNotificationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private RecordingListener listener;

	@BeforeEach
	void forgetEarlierRejections() {
		this.listener.rejections.clear();
	}

	@Test
	void oneRejectionIsAnnouncedOnceThoughTheIntrospectorLooksItsHandlerUpFirst() throws Exception {
		assertThat(send("PUT", "/reports").statusCode()).isEqualTo(405);
		assertThat(this.listener.rejections).extracting(MethodRejection::status, MethodRejection::method)
			.containsExactly(tuple(405, "PUT"));
	}

	@Test
	void negotiatedFunctionalAndUnknownMethodRejectionsAreAnnouncedOnceEach() throws Exception {
		assertThat(send("PUT", "/reports", "Accept", "application/json;q=0.9").statusCode()).isEqualTo(405);
		assertThat(send("DELETE", "/fn/hello").statusCode()).isEqualTo(405);
		assertThat(send("FOO", "/reports").statusCode()).isEqualTo(501);
		assertThat(this.listener.rejections).extracting(MethodRejection::method).containsExactly("PUT", "DELETE", "FOO");
	}

	@Test
	void aRequestAFilterAnswersItselfIsNotAnnounced() throws Exception {
		HttpResponse<String> denied = send("PUT", "/reports", "X-Deny", "yes");
		assertThat(denied.statusCode()).isEqualTo(401);
		assertThat(this.listener.rejections).isEmpty();
	}

	private HttpResponse<String> send(String method, String path, String... headers)
			throws IOException, InterruptedException {
		return new LocalHttpClient(this.port).send(method, path, headers);
	}

	/** Records every rejection it is told of. */
	static final class RecordingListener implements MethodRejectionListener {

		private final List<MethodRejection> rejections = new CopyOnWriteArrayList<>();

		@Override
		public void onRejection(MethodRejection rejection) {
			this.rejections.add(rejection);
		}

		List<MethodRejection> rejections() {
			return this.rejections;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Filters {

		@Bean
		RecordingListener recordingListener() {
			return new RecordingListener();
		}

		@Bean
		FilterRegistrationBean<CorsFilter> introspectingCorsFilter(
				@Qualifier("mvcHandlerMappingIntrospector") HandlerMappingIntrospector introspector) {
			FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(new CorsFilter(introspector));
			registration.setOrder(-200);
			return registration;
		}

		@Bean
		FilterRegistrationBean<OncePerRequestFilter> denyingFilter() {
			FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
					new OncePerRequestFilter() {
						@Override
						protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
								FilterChain chain) throws ServletException, IOException {
							if (request.getHeader("X-Deny") != null) {
								response.setStatus(401);
								return;
							}
							chain.doFilter(request, response);
						}
					});
			registration.setOrder(-100);
			return registration;
		}

	}

}
