package dev.methodguard.internal.servlet;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.methodguard.problem.MethodRejection;
import dev.methodguard.problem.MethodRejectionListener;
import dev.methodguard.testapp.TestApplication;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What the browser tests add to the {@link TestApplication}: a plain servlet, a route on a
 * concealed path, a filter that refuses requests with a bare 405 and a listener that records
 * every rejection. Its error pages are the
 * Thymeleaf templates {@code error/405} and {@code error/4xx} of the test resources; a 501 has
 * none, so it gets Spring Boot's whitelabel page.
 */
@Configuration(proxyBeanMethods = false)
class BrowserApplication {

	@Bean
	ServletRegistrationBean<PlainServlet> browserPlainServlet() {
		return new ServletRegistrationBean<>(new PlainServlet(), "/plain/*");
	}

	@Bean
	FilterRegistrationBean<RefusingFilter> browserRefusingFilter() {
		FilterRegistrationBean<RefusingFilter> registration = new FilterRegistrationBean<>(new RefusingFilter());
		registration.setOrder(10);
		return registration;
	}

	@Bean
	RecordedRejections recordedRejections() {
		return new RecordedRejections();
	}

	/** A plain servlet that takes {@code GET} and {@code PUT}. */
	static class PlainServlet extends HttpServlet {

		@Override
		protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
			response.getWriter().write("plain GET");
		}

		@Override
		protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
			response.getWriter().write("plain PUT");
		}

	}

	/**
	 * A route the browser tests conceal ({@code method-guard.conceal-paths=/hidden/**}),
	 * registered as a member of this configuration.
	 */
	@RestController
	static class HiddenController {

		@GetMapping("/hidden/report")
		String report() {
			return "hidden";
		}

	}

	/**
	 * A filter of the application, after method-guard's, that refuses any request with the
	 * header {@code X-Refuse} with a bare {@code sendError(405)}, as some filters do.
	 */
	static class RefusingFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (request.getHeader("X-Refuse") != null) {
				response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
				return;
			}
			chain.doFilter(request, response);
		}

	}

	/** Records every rejection the listeners are told of. */
	static class RecordedRejections implements MethodRejectionListener {

		private final List<MethodRejection> rejections = new CopyOnWriteArrayList<>();

		@Override
		public void onRejection(MethodRejection rejection) {
			this.rejections.add(rejection);
		}

		/**
		 * How many times the listeners were told of a rejection of a path.
		 * @param path the request path, context path included
		 * @return the number of rejections of that path
		 */
		long of(String path) {
			return this.rejections.stream().filter((rejection) -> rejection.path().equals(path)).count();
		}

	}

}
