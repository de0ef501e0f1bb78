package dev.methodguard.benchmarks.load;

import java.io.IOException;
import java.lang.reflect.Method;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.methodguard.benchmarks.RouteGroups;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The application of the load benchmark: {@code load.routes} generated pattern routes
 * ({@code /r{i}/items/{id}} GET and PUT, {@code /r{i}/info} GET), registered on Spring MVC's
 * own mapping like annotated controllers, and a bare servlet at {@code /bare} that answers a
 * POST with a 405 itself, the floor. Run with {@code --method-guard.enabled=false} for Spring's
 * default.
 */
@SpringBootApplication
public class LoadApplication {

	/**
	 * Run the application.
	 * @param args arguments, such as {@code --load.routes=10000 --server.port=8081}
	 */
	public static void main(String[] args) {
		SpringApplication.run(LoadApplication.class, args);
	}

	@Bean
	GeneratedRoutes generatedRoutes(RequestMappingHandlerMapping mapping, @Value("${load.routes:10}") int routes) {
		GeneratedRoutes handler = new GeneratedRoutes();
		Method item = ReflectionUtils.findMethod(GeneratedRoutes.class, "item", String.class);
		Method put = ReflectionUtils.findMethod(GeneratedRoutes.class, "put", String.class);
		Method info = ReflectionUtils.findMethod(GeneratedRoutes.class, "info");
		RouteGroups.register(mapping, routes, handler, item, put, info);
		return handler;
	}

	@Bean
	ServletRegistrationBean<BareServlet> bareServlet() {
		return new ServletRegistrationBean<>(new BareServlet(), "/bare");
	}

	/**
	 * The handlers of the generated routes.
	 */
	@ResponseBody
	static class GeneratedRoutes {

		public String item(@PathVariable("id") String id) {
			return "item " + id;
		}

		public String put(@PathVariable("id") String id) {
			return "put " + id;
		}

		public String info() {
			return "info";
		}

	}

	/**
	 * A servlet that answers POST with a 405 of its own, without an error page.
	 */
	static class BareServlet extends HttpServlet {

		private static final long serialVersionUID = 1L;

		@Override
		protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
			response.getWriter().write("bare");
		}

		@Override
		protected void doPost(HttpServletRequest request, HttpServletResponse response) {
			response.setStatus(405);
			response.setHeader("Allow", "GET, HEAD, OPTIONS");
		}

	}

}
