package dev.methodguard.gateway;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions;
import org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions;
import org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions;
import org.springframework.cloud.gateway.server.mvc.predicate.GatewayRequestPredicates;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * A Spring Cloud Gateway Server Web MVC application, as a new user writes one: routes in
 * {@code application.yml} ({@code products}, {@code product}, {@code search}) and routes in
 * the Java DSL ({@code orders}, {@code order}), all proxying to the backend at
 * {@code backend.uri}.
 */
@SpringBootApplication
public class GatewayApplication {

	@Bean
	RouterFunction<ServerResponse> ordersRoute(@Value("${backend.uri}") URI backend) {
		return GatewayRouterFunctions.route("orders")
			.route(GatewayRequestPredicates.path("/api/orders")
				.and(GatewayRequestPredicates.method(HttpMethod.GET, HttpMethod.POST)), HandlerFunctions.http())
			.before(BeforeFilterFunctions.uri(backend))
			.build();
	}

	@Bean
	RouterFunction<ServerResponse> orderRoute(@Value("${backend.uri}") URI backend) {
		return GatewayRouterFunctions.route("order")
			.route(GatewayRequestPredicates.path("/api/orders/{id}")
				.and(GatewayRequestPredicates.method(HttpMethod.GET, HttpMethod.DELETE)), HandlerFunctions.http())
			.before(BeforeFilterFunctions.uri(backend))
			.build();
	}

}
