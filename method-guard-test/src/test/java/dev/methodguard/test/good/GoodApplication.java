package dev.methodguard.test.good;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * An application whose every route keeps its method contract: annotated and functional
 * routes, unsafe methods, a mapping without a method condition (so that {@code FOO} is
 * implemented there, and 405 elsewhere), a plain servlet, and Actuator.
 */
@SpringBootApplication
public class GoodApplication {

	@Bean
	ServletRegistrationBean<PingServlet> pingServlet() {
		return new ServletRegistrationBean<>(new PingServlet(), "/servlet/ping");
	}

	@Bean
	RouterFunction<ServerResponse> helloRoutes() {
		return RouterFunctions.route()
			.GET("/fn/hello/{name}", (request) -> ServerResponse.ok().body("Hello, " + request.pathVariable("name")))
			.build();
	}

	/**
	 * A plain servlet that answers {@code GET}.
	 */
	static class PingServlet extends HttpServlet {

		@Override
		protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
			response.getWriter().write("pong");
		}

	}

	/**
	 * Items in memory: list and create, read, replace and delete one; and a mapping that
	 * takes every method.
	 */
	@RestController
	static class ItemController {

		private final Map<String, String> items = new ConcurrentHashMap<>(Map.of("1", "first", "7", "seventh"));

		@GetMapping("/items")
		Map<String, String> list() {
			return this.items;
		}

		@PostMapping("/items")
		ResponseEntity<Void> create() {
			this.items.put(String.valueOf(this.items.size() + 100), "new");
			return ResponseEntity.status(201).build();
		}

		@GetMapping("/items/{id}")
		ResponseEntity<String> get(@PathVariable String id) {
			String item = this.items.get(id);
			return (item != null) ? ResponseEntity.ok(item) : ResponseEntity.notFound().build();
		}

		@PutMapping("/items/{id}")
		ResponseEntity<Void> put(@PathVariable String id) {
			this.items.put(id, "replaced");
			return ResponseEntity.noContent().build();
		}

		@DeleteMapping("/items/{id}")
		ResponseEntity<Void> delete(@PathVariable String id) {
			return (this.items.remove(id) != null) ? ResponseEntity.noContent().build()
					: ResponseEntity.notFound().build();
		}

		@RequestMapping("/any")
		String any() {
			return "any method";
		}

	}

}
