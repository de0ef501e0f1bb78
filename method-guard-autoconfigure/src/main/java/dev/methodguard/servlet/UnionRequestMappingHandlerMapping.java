package dev.methodguard.servlet;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import dev.methodguard.allow.MethodIndex;
import dev.methodguard.allow.PathPolicy;
import dev.methodguard.allow.Resolution;
import dev.methodguard.allow.Route;
import dev.methodguard.allow.RouteKind;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring's mapping of annotated controllers, except that a method mismatch does not end the
 * search when another kind of handler (a functional route, a resource) takes that method on
 * the same path: Spring MVC would answer 405 there although the method works, and the
 * {@code Allow} of the union would not be truthful. The index is consulted only on such a
 * mismatch, never on a match. Mappings registered or unregistered at run time invalidate the
 * index, so the next response reflects them.
 */
public class UnionRequestMappingHandlerMapping extends RequestMappingHandlerMapping {

	private final Supplier<MethodIndex> index;

	private final Supplier<PathPolicy> policy;

	private final Runnable routesChanged;

	/**
	 * Create the mapping.
	 * @param index the method index; it is asked for while this mapping holds its registry's
	 * read lock, so it must never wait for a build in another thread, which could be queued
	 * for that lock behind a writer (see {@code MethodIndexHolder#getWithoutWaiting()})
	 * @param policy the path policy; excluded paths keep Spring's behaviour
	 * @param routesChanged told after a mapping is registered or unregistered at run time
	 */
	public UnionRequestMappingHandlerMapping(Supplier<MethodIndex> index, Supplier<PathPolicy> policy,
			Runnable routesChanged) {
		this.index = index;
		this.policy = policy;
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

	@Override
	protected @Nullable HandlerMethod handleNoMatch(Set<RequestMappingInfo> infos, String lookupPath,
			HttpServletRequest request) throws ServletException {
		String method = request.getMethod();
		String path = OriginalRequest.pathWithinApplication(request);
		if (this.policy.get().isExcluded(path)) {
			return super.handleNoMatch(infos, lookupPath, request);
		}
		boolean elsewhere = this.index.get()
			.lookup(path)
			.map(Resolution::routes)
			.stream()
			.flatMap(List::stream)
			.anyMatch((route) -> servesElsewhere(route, method));
		return elsewhere ? null : super.handleNoMatch(infos, lookupPath, request);
	}

	private static boolean servesElsewhere(Route route, String method) {
		return route.kind() != RouteKind.ANNOTATED && route.kind() != RouteKind.ACTUATOR
				&& route.methods().contains(method);
	}

}
