package dev.methodguard.test;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.methodguard.actuate.MethodsEndpoint;
import dev.methodguard.actuate.MethodsEndpoint.PathDescriptor;
import dev.methodguard.actuate.MethodsEndpoint.RouteDescriptor;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.context.ApplicationContext;

/**
 * The routes an application serves, read from method-guard's {@code methods} endpoint bean,
 * called directly: the endpoint need not be reachable over HTTP.
 */
final class ServedRoutes {

	private final MethodsEndpoint endpoint;

	private ServedRoutes(MethodsEndpoint endpoint) {
		this.endpoint = endpoint;
	}

	static ServedRoutes of(ApplicationContext context) {
		try {
			return new ServedRoutes(context.getBean(MethodsEndpoint.class));
		}
		catch (NoClassDefFoundError | NoSuchBeanDefinitionException ex) {
			throw new IllegalStateException("method-guard-test reads the routes from method-guard's 'methods' "
					+ "Actuator endpoint, and the application context has no MethodsEndpoint bean. Add "
					+ "spring-boot-starter-actuator (test scope is enough) and make the endpoint available: "
					+ "Actuator creates an endpoint's bean only where it is exposed, so set the test property "
					+ "management.endpoints.web.exposure.include=methods (and leave method-guard.enabled and "
					+ "management.endpoint.methods.access alone).", ex);
		}
	}

	List<RouteDescriptor> routes() {
		return this.endpoint.methods().routes();
	}

	/**
	 * The methods the application takes at a concrete path, as its {@code OPTIONS} and 405s
	 * there must list them.
	 * @param path the path
	 * @param version the API version the requests carry, or {@code null} for the routes of
	 * every version
	 * @return the methods, or {@code null} where no route serves the path (in that version)
	 */
	@Nullable List<String> methodsAt(String path, @Nullable String version) {
		String[] segments = path.replaceFirst("^/+", "").split("/", -1);
		PathDescriptor descriptor = this.endpoint.path(segments, version);
		return (descriptor != null) ? descriptor.methods() : null;
	}

}
