package dev.methodguard.sample;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Functional routes (WebMvc.fn): {@code /fn/greetings} (GET, POST) and
 * {@code /fn/greetings/{name}} (GET).
 */
@Configuration(proxyBeanMethods = false)
class GreetingRoutes {

	@Bean
	RouterFunction<ServerResponse> greetingRouter() {
		return RouterFunctions.route()
			.path("/fn/greetings", (greetings) -> greetings
				.GET("", (request) -> ServerResponse.ok().body(Map.of("greetings", "hello")))
				.POST("", (request) -> ServerResponse.status(201).body(Map.of("created", true)))
				.GET("/{name}", (request) -> ServerResponse.ok()
					.body(Map.of("greeting", "Hello, " + request.pathVariable("name") + "!"))))
			.build();
	}

}
