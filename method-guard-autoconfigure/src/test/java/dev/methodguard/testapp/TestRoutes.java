package dev.methodguard.testapp;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Functional routes of the test application, some of them on paths an annotated controller
 * also serves ({@code /orders} only for JSON bodies and JSON answers).
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
			.POST("/orders", RequestPredicates.contentType(MediaType.APPLICATION_JSON),
					(request) -> ServerResponse.ok().body("functional order"))
			.PUT("/orders", RequestPredicates.accept(MediaType.APPLICATION_JSON),
					(request) -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body("{\"order\":\"put\"}"))
			.build();
	}

}
