package dev.methodguard.servlet;

import java.lang.reflect.Method;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import dev.methodguard.allow.MethodIndex;
import dev.methodguard.allow.PathPolicy;

import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring's mapping of annotated controllers, except that a method mismatch does not end the
 * search where a handler mapping the {@code DispatcherServlet} consults after this one (static
 * resources, URL-mapped handlers, the {@code HEAD} of functional {@code GET} routes) takes
 * the method on the same path: Spring MVC would answer 405 there although the method works.
 * A functional route that takes the method was consulted before and refused the request for
 * another reason: where that is its content type, the answer is a 415, where it is the
 * accepted media types, a 406. The index is consulted only on
 * such a mismatch, never on a match. Mappings registered or unregistered at run time
 * invalidate the index, so the next response reflects them.
 */
public class UnionRequestMappingHandlerMapping extends RequestMappingHandlerMapping {

	private final MismatchRouting routing;

	private final Runnable routesChanged;

	/**
	 * Create the mapping.
	 * @param index the method index
	 * @param policy the path policy; excluded paths keep Spring's behaviour
	 * @param functionalHeadOrder the order of the mapping that answers {@code HEAD} on
	 * functional {@code GET} routes, {@link Integer#MIN_VALUE} where there is none
	 * @param routesChanged told after a mapping is registered or unregistered at run time
	 */
	public UnionRequestMappingHandlerMapping(Supplier<MethodIndex> index, Supplier<PathPolicy> policy,
			IntSupplier functionalHeadOrder, Runnable routesChanged) {
		this.routing = new MismatchRouting(index, policy, functionalHeadOrder);
		this.routesChanged = routesChanged;
	}

	@Override
	public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
		super.registerMapping(mapping, handler, method);
		this.routesChanged.run();
	}

	@Override
	public void unregisterMapping(RequestMappingInfo mapping) {
		super.unregisterMapping(mapping);
		this.routesChanged.run();
	}

	/**
	 * Spring's answer where the request matches no mapping here; on a method mismatch, no
	 * handler where a mapping consulted later may take the request, or the 415 or 406 of a
	 * functional route consulted earlier.
	 */
	@Override
	protected @Nullable HandlerMethod handleNoMatch(Set<RequestMappingInfo> infos, String lookupPath,
			HttpServletRequest request) throws ServletException {
		try {
			return super.handleNoMatch(infos, lookupPath, request);
		}
		catch (HttpRequestMethodNotSupportedException mismatch) {
			if (this.routing.defer(request, getOrder())) {
				return null;
			}
			throw mismatch;
		}
	}

}
