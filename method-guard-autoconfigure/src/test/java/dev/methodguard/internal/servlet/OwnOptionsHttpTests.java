package dev.methodguard.internal.servlet;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;

import dev.methodguard.testapp.ExpectedContainer;
import dev.methodguard.testapp.LocalHttpClient;
import dev.methodguard.testapp.TestApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Handlers that take every method receive {@code OPTIONS} in plain Spring and answer it
 * themselves: a functional route without a method predicate, an {@code HttpRequestHandler},
 * a servlet that overrides {@code service}. method-guard leaves it to them.
 */
@SpringBootTest(classes = { TestApplication.class, OwnOptionsHttpTests.AnyMethodHandlers.class },
		webEnvironment = WebEnvironment.RANDOM_PORT)
class OwnOptionsHttpTests {

	@LocalServerPort
	private int port;

	@Autowired
	private WebServerApplicationContext context;

	@Test
	void runsOnTheExpectedContainer() {
		ExpectedContainer.assertRunsOn(this.context);
	}

	@Test
	void aFunctionalRouteWithoutMethodPredicateAnswersOptionsItself() throws Exception {
		HttpResponse<String> response = options("/proxy/x");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().allValues("Allow")).containsExactly("GET, PROPFIND");
		assertThat(response.headers().firstValue("X-Answered-By")).hasValue("proxy");
	}

	@Test
	void anHttpRequestHandlerTakingEveryMethodAnswersOptionsItself() throws Exception {
		HttpResponse<String> response = options("/raw/x");
		assertThat(response.headers().allValues("Allow")).containsExactly("GET, REPORT");
		assertThat(response.headers().firstValue("X-Answered-By")).hasValue("raw");
	}

	@Test
	void aServletOverridingServiceAnswersOptionsItself() throws Exception {
		HttpResponse<String> response = options("/svc/x");
		assertThat(response.headers().allValues("Allow")).containsExactly("GET, MKCOL");
		assertThat(response.headers().firstValue("X-Answered-By")).hasValue("servlet");
	}

	@Test
	void optionsElsewhereIsStillAnsweredFromTheIndex() throws Exception {
		assertThat(options("/reports").headers().allValues("Allow")).containsExactly("GET, HEAD, OPTIONS");
	}

	private HttpResponse<String> options(String path) throws IOException, InterruptedException {
		return new LocalHttpClient(this.port).send("OPTIONS", path);
	}

	@Configuration(proxyBeanMethods = false)
	static class AnyMethodHandlers {

		@Bean
		RouterFunction<ServerResponse> proxyRoute() {
			return RouterFunctions.route(RequestPredicates.path("/proxy/**"),
					(request) -> ServerResponse.ok().header("Allow", "GET, PROPFIND").header("X-Answered-By", "proxy")
						.build());
		}

		@Bean
		SimpleUrlHandlerMapping rawMapping() {
			HttpRequestHandler raw = (request, response) -> {
				response.setHeader("Allow", "GET, REPORT");
				response.setHeader("X-Answered-By", "raw");
			};
			SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(Map.of("/raw/**", raw));
			mapping.setOrder(10);
			return mapping;
		}

		@Bean
		ServletRegistrationBean<ServiceServlet> serviceServlet() {
			return new ServletRegistrationBean<>(new ServiceServlet(), "/svc/*");
		}

	}

	/** A servlet that dispatches every method itself, as Jersey's or a proxy's does. */
	static class ServiceServlet extends HttpServlet {

		@Override
		protected void service(HttpServletRequest request, HttpServletResponse response) {
			if ("OPTIONS".equals(request.getMethod())) {
				response.setHeader("Allow", "GET, MKCOL");
				response.setHeader("X-Answered-By", "servlet");
			}
		}

	}

}
