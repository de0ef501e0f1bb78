package dev.methodguard.testapp;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Functional routes of the test application, one of them on a path an annotated controller
 * also serves.
 */
@Configuration(proxyBeanMethods = false)
public class TestRoutes {

	@Bean
	RouterFunction<ServerResponse> testRouter() {
		return RouterFunctions.route()
			.path("/fn", (fn) -> fn.GET("/hello", (request) -> ServerResponse.ok().header("X-Greeting", "hi").body("hello"))
				.POST("/hello", (request) -> ServerResponse.status(201).build())
				.GET("/hello/{name}", (request) -> ServerResponse.ok().body("hello " + request.pathVariable("name"))))
			.POST("/mixed", (request) -> ServerResponse.ok().body("functional post"))
			.build();
	}

}
