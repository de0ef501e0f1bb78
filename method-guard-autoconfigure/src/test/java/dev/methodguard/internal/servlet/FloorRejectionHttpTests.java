package dev.methodguard.internal.servlet;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.methodguard.problem.MethodRejectionListener;
import dev.methodguard.testapp.LocalHttpClient;
import dev.methodguard.testapp.TestApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.DispatcherServlet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: the rejections early rejection writes in Spring MVC are written by method-guard's
 * filter, before the {@code DispatcherServlet}, with exactly the same bytes and the same
 * listeners told. The reference is the same application with one more, pass-through, filter
 * after method-guard's, which keeps every rejection in Spring MVC.
 */
@SpringBootTest(classes = { TestApplication.class, FloorRejectionHttpTests.Recording.class },
		webEnvironment = WebEnvironment.RANDOM_PORT)
class FloorRejectionHttpTests {

	private static ConfigurableApplicationContext reference;

	@LocalServerPort
	private int port;

	@Autowired
	private Recording recording;

	@BeforeAll
	static void startTheReference() {
		reference = new SpringApplicationBuilder(TestApplication.class, Recording.class, TrailingFilter.class)
			.properties("server.port=0")
			.run();
	}

	@AfterAll
	static void stopTheReference() {
		reference.close();
	}

	private static List<String[]> rejections() {
		return List.of(new String[] { "PUT", "/reports", "Accept", "application/json" },
				new String[] { "POST", "/items/3" }, new String[] { "PATCH", "/reports", "Accept", "*/*" },
				new String[] { "PATCH", "/fn/hello/ann" }, new String[] { "FOO", "/reports" },
				new String[] { "PROPFIND", "/nowhere" }, new String[] { "DELETE", "/mixed" },
				new String[] { "DELETE", "/reports" }, new String[] { "QUERY", "/reports" },
				new String[] { "PUT", "/reports", "Accept-Language", "de" });
	}

	@Test
	void rejectionsAreWrittenBeforeTheDispatcherServletWithTheSameBytesAndListeners() throws Exception {
		LocalHttpClient floor = new LocalHttpClient(this.port);
		LocalHttpClient normal = new LocalHttpClient(
				Integer.parseInt(reference.getEnvironment().getProperty("local.server.port")));
		Recording normalRecording = reference.getBean(Recording.class);
		for (String[] request : rejections()) {
			this.recording.clear();
			normalRecording.clear();
			HttpResponse<String> atTheFloor = send(floor, request);
			HttpResponse<String> inSpringMvc = send(normal, request);
			String what = request[0] + " " + request[1];
			assertThat(atTheFloor.statusCode()).as(what).isIn(405, 501);
			assertThat(answer(atTheFloor)).as(what).isEqualTo(answer(inSpringMvc));
			assertThat(this.recording.dispatched).as("%s reached the DispatcherServlet", what).containsExactly(false);
			assertThat(normalRecording.dispatched).as("%s reached it in the reference", what).containsExactly(true);
			assertThat(this.recording.told).as(what).isEqualTo(normalRecording.told).hasSize(1);
		}
	}

	@Test
	void whatIsNotCertainAndWhatIsServedTakesTheNormalWay() throws Exception {
		LocalHttpClient floor = new LocalHttpClient(this.port);
		for (String[] request : List.of(new String[] { "GET", "/reports" },
				new String[] { "PUT", "/reports", "Accept", "application/xml" },
				new String[] { "PUT", "/reports", "Accept", "text/html" }, new String[] { "POST", "/hello.txt" },
				new String[] { "PUT", "/reports", "Origin", "https://elsewhere.example" },
				new String[] { "OPTIONS", "/reports" })) {
			this.recording.clear();
			send(floor, request);
			assertThat(this.recording.dispatched).as("%s reached the DispatcherServlet", request[0] + " " + request[1])
				.containsExactly(true);
		}
	}

	private static HttpResponse<String> send(LocalHttpClient client, String[] request)
			throws IOException, InterruptedException {
		String[] headers = new String[request.length - 2];
		System.arraycopy(request, 2, headers, 0, headers.length);
		return client.send(request[0], request[1], headers);
	}

	private static String answer(HttpResponse<String> response) {
		Map<String, List<String>> headers = new TreeMap<>(response.headers().map());
		headers.remove("date");
		return response.statusCode() + " " + headers + " " + response.body();
	}

	/**
	 * Records, for each request, whether it reached the {@code DispatcherServlet}, and the
	 * rejections the listeners were told of.
	 */
	@Configuration(proxyBeanMethods = false)
	static class Recording {

		final List<Boolean> dispatched = new CopyOnWriteArrayList<>();

		final List<String> told = new CopyOnWriteArrayList<>();

		void clear() {
			this.dispatched.clear();
			this.told.clear();
		}

		@Bean
		FilterRegistrationBean<Filter> dispatchRecorder() {
			FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
					(ServletRequest request, ServletResponse response, FilterChain chain) -> {
						chain.doFilter(request, response);
						this.dispatched.add(((HttpServletRequest) request)
							.getAttribute(DispatcherServlet.WEB_APPLICATION_CONTEXT_ATTRIBUTE) != null);
					});
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}

		@Bean
		MethodRejectionListener recordingListener() {
			return (rejection) -> this.told.add(rejection.toString());
		}

	}

	/** A filter after method-guard's that passes every request on untouched. */
	@Configuration(proxyBeanMethods = false)
	static class TrailingFilter {

		@Bean
		FilterRegistrationBean<Filter> trailingFilter() {
			FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
					(ServletRequest request, ServletResponse response, FilterChain chain) -> chain.doFilter(request,
							response));
			registration.setOrder(Ordered.LOWEST_PRECEDENCE);
			return registration;
		}

	}

}
