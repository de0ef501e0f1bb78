package dev.methodguard.internal.servlet;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.methodguard.testapp.ExpectedContainer;
import dev.methodguard.testapp.LocalHttpClient;
import dev.methodguard.testapp.TestApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plain servlet's {@code sendError(405)} over a real container, sent while the servlet
 * runs and, after {@code startAsync()}, 50 ms later from another thread: the client gets
 * the 405 either way (the problem where the index confirms it, the error page with the
 * servlet's message where it does not), and nothing the servlet writes or sets after the
 * error reaches it.
 */
@SpringBootTest(classes = { TestApplication.class, AsyncServletHttpTests.Servlets.class },
		webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.web.error.include-message=always")
class AsyncServletHttpTests {

	static final String MESSAGE = "refused by the servlet";

	static final String FILLER = "z".repeat(64 * 1024);

	@LocalServerPort
	private int port;

	@Autowired
	private WebServerApplicationContext context;

	@Test
	void runsOnTheExpectedContainer() {
		ExpectedContainer.assertRunsOn(this.context);
	}

	@Test
	void asyncSendErrorIsAnsweredAsThe405ItIs() throws Exception {
		HttpResponse<String> response = send("GET", "/async/x");
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.body()).contains("\"status\":405").contains("\"path\":\"/async/x\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/sync", "/async" })
	void theServletsMessageSurvivesWhereTheIndexDoesNotConfirmTheRejection(String servlet) throws Exception {
		HttpResponse<String> response = send("GET", servlet + "/message");
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.body()).contains("\"message\":\"" + MESSAGE + "\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/sync/overwrite", "/async/overwrite", "/sync/writer-first", "/async/writer-first" })
	void outputAfterTheErrorIsDiscarded(String path) throws Exception {
		HttpResponse<String> response = send("GET", path);
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.headers().firstValue("X-After")).isEmpty();
		assertThat(response.body()).contains("\"status\":405").doesNotContain("zzz");
	}

	@Test
	void anAsyncRejectionTheIndexConfirmsIsTheProblem() throws Exception {
		HttpResponse<String> response = send("DELETE", "/async/gated");
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.headers().allValues("Allow")).containsExactly("GET, HEAD, OPTIONS");
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.headers().firstValue("X-After")).isEmpty();
		assertThat(response.body()).contains("Method DELETE is not supported for /async/gated")
			.doesNotContain("zzz");
	}

	/**
	 * Issue 12: the browser's page of an asynchronous rejection, sent from another thread,
	 * goes through the container's error page dispatch too.
	 */
	@Test
	void anAsyncRejectionTheIndexConfirmsIsTheApplicationsPageForABrowser() throws Exception {
		HttpResponse<String> response = new LocalHttpClient(this.port).send("DELETE", "/async/gated", "Accept",
				LocalHttpClient.BROWSER_ACCEPT);
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.headers().allValues("Allow")).containsExactly("GET, HEAD, OPTIONS");
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/html"));
		assertThat(response.headers().firstValue("X-After")).isEmpty();
		assertThat(response.body()).contains("The test application's own 405 page")
			.contains("<p id=\"allow\">GET, HEAD, OPTIONS</p>")
			.doesNotContain("zzz");
	}

	@Test
	void theAsyncServletStillServes() throws Exception {
		HttpResponse<String> response = send("GET", "/async/ok");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("async GET");
	}

	private HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
		return new LocalHttpClient(this.port).send(method, path);
	}

	@Configuration(proxyBeanMethods = false)
	static class Servlets {

		@Bean
		ServletRegistrationBean<RefusingServlet> syncServlet() {
			ServletRegistrationBean<RefusingServlet> registration = new ServletRegistrationBean<>(
					new RefusingServlet(false), "/sync/*");
			registration.setName("syncServlet");
			return registration;
		}

		@Bean
		ServletRegistrationBean<RefusingServlet> asyncServlet() {
			ServletRegistrationBean<RefusingServlet> registration = new ServletRegistrationBean<>(
					new RefusingServlet(true), "/async/*");
			registration.setName("asyncServlet");
			registration.setAsyncSupported(true);
			return registration;
		}

		@Bean
		FilterRegistrationBean<AsyncGate> asyncGate() {
			FilterRegistrationBean<AsyncGate> registration = new FilterRegistrationBean<>(new AsyncGate());
			registration.addUrlPatterns("/async/*");
			registration.setAsyncSupported(true);
			registration.setOrder(1);
			return registration;
		}

	}

	/**
	 * A servlet that takes {@code GET} and refuses it, as its path says, with
	 * {@code sendError(405)} while it runs or, when asynchronous, 50 ms after
	 * {@code startAsync()} from another thread.
	 */
	static final class RefusingServlet extends HttpServlet {

		private final boolean async;

		RefusingServlet(boolean async) {
			this.async = async;
		}

		@Override
		protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
			String pathInfo = request.getPathInfo();
			if (!this.async) {
				answer(pathInfo, response);
				return;
			}
			AsyncContext asyncContext = request.startAsync();
			later(() -> {
				try {
					answer(pathInfo, response);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				finally {
					asyncContext.complete();
				}
			});
		}

		private static void answer(String pathInfo, HttpServletResponse response) throws IOException {
			switch (pathInfo) {
				case "/ok" -> response.getWriter().write("async GET");
				case "/message" -> response.sendError(405, MESSAGE);
				case "/overwrite" -> {
					response.sendError(405);
					overwrite(response, response.getWriter());
				}
				case "/writer-first" -> {
					PrintWriter writer = response.getWriter();
					response.sendError(405);
					overwrite(response, writer);
				}
				default -> response.sendError(405);
			}
		}

	}

	/**
	 * A filter in front of the asynchronous servlet that refuses {@code DELETE} 50 ms after
	 * {@code startAsync()}, from another thread, the way a gateway filter that asks elsewhere
	 * first would: a method the servlet does not take, so the index confirms the rejection.
	 */
	static final class AsyncGate implements Filter {

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws IOException, ServletException {
			if (!"DELETE".equals(((HttpServletRequest) request).getMethod())) {
				chain.doFilter(request, response);
				return;
			}
			HttpServletResponse httpResponse = (HttpServletResponse) response;
			AsyncContext asyncContext = request.startAsync();
			later(() -> {
				try {
					httpResponse.sendError(405);
					overwrite(httpResponse, httpResponse.getWriter());
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				finally {
					asyncContext.complete();
				}
			});
		}

	}

	/** What a careless servlet does after its error: a status, a header and a large body. */
	static void overwrite(HttpServletResponse response, PrintWriter writer) {
		response.setStatus(200);
		response.setHeader("X-After", "leaked");
		writer.write(FILLER);
		writer.flush();
	}

	static void later(Runnable task) {
		Executor delayed = CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS);
		CompletableFuture.runAsync(task, delayed);
	}

}
