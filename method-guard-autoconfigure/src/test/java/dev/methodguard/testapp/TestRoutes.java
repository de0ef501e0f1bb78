package dev.methodguard.testapp;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Functional routes of the test application, some of them on paths an annotated controller
 * also serves ({@code /orders} only for JSON bodies and JSON answers), and {@code QUERY}
 * routes: {@code /finder} beside a GET, for JSON bodies only, and {@code /lookup} alone.
 * {@code GET /finder} tells in {@code X-Seen-Method} which method its handler saw.
 */
@Configuration(proxyBeanMethods = false)
public class TestRoutes {

	/** RFC 10008's safe method with a body, which Spring Framework 7.0 has no constant for. */
	static final HttpMethod QUERY = HttpMethod.valueOf("QUERY");

	@Bean
	RouterFunction<ServerResponse> testRouter() {
		return RouterFunctions.route()
			.path("/fn", (fn) -> fn.GET("/hello", (request) -> ServerResponse.ok().header("X-Greeting", "hi").body("hello"))
				.POST("/hello", (request) -> ServerResponse.status(201).build())
				.GET("/hello/{name}", (request) -> ServerResponse.ok().body("hello " + request.pathVariable("name"))))
			.POST("/mixed", (request) -> ServerResponse.ok().body("functional post"))
			.GET("/finder", (request) -> ServerResponse.ok()
				.header("X-Seen-Method", request.method().name())
				.body("search form"))
			.route(RequestPredicates.method(QUERY)
				.and(RequestPredicates.path("/finder"))
				.and(RequestPredicates.contentType(MediaType.APPLICATION_JSON)),
					(request) -> ServerResponse.ok().body("query " + request.body(String.class)))
			.route(RequestPredicates.method(QUERY).and(RequestPredicates.path("/lookup")),
					(request) -> ServerResponse.ok().body("lookup"))
			.POST("/orders", RequestPredicates.contentType(MediaType.APPLICATION_JSON),
					(request) -> ServerResponse.ok().body("functional order"))
			.PUT("/orders", RequestPredicates.accept(MediaType.APPLICATION_JSON),
					(request) -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body("{\"order\":\"put\"}"))
			.build();
	}

}
