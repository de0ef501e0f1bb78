package dev.methodguard.benchmarks;

import java.lang.reflect.Method;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The generated pattern routes every benchmark measures: per group {@code i},
 * {@code GET} and {@code PUT /r{i}/items/{id}} and {@code GET /r{i}/info}.
 */
public final class RouteGroups {

	private RouteGroups() {
	}

	/**
	 * Register the route groups with a mapping.
	 * @param mapping the mapping, initialized
	 * @param groups the number of groups
	 * @param handler the handler object
	 * @param item its method for {@code GET /r{i}/items/{id}}
	 * @param put its method for {@code PUT /r{i}/items/{id}}
	 * @param info its method for {@code GET /r{i}/info}
	 */
	public static void register(RequestMappingHandlerMapping mapping, int groups, Object handler, Method item,
			Method put, Method info) {
		RequestMappingInfo.BuilderConfiguration options = mapping.getBuilderConfiguration();
		for (int i = 0; i < groups; i++) {
			mapping.registerMapping(
					RequestMappingInfo.paths("/r" + i + "/items/{id}").methods(RequestMethod.GET).options(options).build(),
					handler, item);
			mapping.registerMapping(
					RequestMappingInfo.paths("/r" + i + "/items/{id}").methods(RequestMethod.PUT).options(options).build(),
					handler, put);
			mapping.registerMapping(
					RequestMappingInfo.paths("/r" + i + "/info").methods(RequestMethod.GET).options(options).build(),
					handler, info);
		}
	}

}
