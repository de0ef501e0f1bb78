package dev.methodguard.servlet;

import java.lang.reflect.Method;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import dev.methodguard.internal.allow.MethodIndexHolder;
import dev.methodguard.internal.allow.PathPolicy;
import dev.methodguard.internal.routing.FastRouting;
import dev.methodguard.internal.servlet.FunctionalHeadHandlerMapping;
import dev.methodguard.internal.servlet.MismatchRouting;

import org.springframework.context.ApplicationContext;
import org.springframework.util.function.SingletonSupplier;
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
 * accepted media types, a 406. The index is consulted only on such a mismatch, never on a
 * match. Mappings registered or unregistered at run time invalidate the index, so the next
 * response reflects them; method-guard answers rejections from the index alone, before
 * Spring's handler lookup, only while the application's mapping of annotated controllers is
 * one of these.
 * <p>
 * method-guard supplies it through a {@code WebMvcRegistrations} of its own where the
 * application and its libraries declare none. An application with its own
 * {@code WebMvcRegistrations} keeps both features by returning this mapping, or a subclass,
 * from {@code getRequestMappingHandlerMapping()}. It finds method-guard's beans in its
 * application context when it first needs them; without them (method-guard disabled) it is
 * Spring's mapping.
 * <p>
 * Where fast routing is on (opt-in:
 * {@code method-guard.fast-routing.enabled}), a lookup evaluates only the mappings whose
 * patterns may match the request's path; Spring's lookup is otherwise unchanged.
 */
public class UnionRequestMappingHandlerMapping extends RequestMappingHandlerMapping {

	private final SingletonSupplier<Optional<MismatchRouting>> routing = SingletonSupplier
		.of(this::routingOfTheContext);

	private volatile @Nullable FastRouting fastRouting;

	private final FastRouting.Lookup lookup = new SpringLookup();

	/**
	 * Create the mapping. Its collaborators are found in the application context when first
	 * needed. The index is read while this mapping holds its registry's read lock, so it is
	 * read without waiting for a build in another thread: that build, which could be queued
	 * for the lock behind a writer, could deadlock.
	 */
	public UnionRequestMappingHandlerMapping() {
	}

	/**
	 * Finds fast routing in the application context, where it is declared, before the
	 * handler methods are detected and registered.
	 */
	@Override
	public void afterPropertiesSet() {
		ApplicationContext context = getApplicationContext();
		this.fastRouting = (context != null) ? context.getBeanProvider(FastRouting.class).getIfUnique() : null;
		super.afterPropertiesSet();
	}

	@Override
	public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
		super.registerMapping(mapping, handler, method);
		FastRouting fast = this.fastRouting;
		if (fast != null) {
			fast.registered(mapping);
		}
		routesChanged();
	}

	@Override
	public void unregisterMapping(RequestMappingInfo mapping) {
		super.unregisterMapping(mapping);
		FastRouting fast = this.fastRouting;
		if (fast != null) {
			fast.unregistered(mapping);
		}
		routesChanged();
	}

	@Override
	protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
		super.registerHandlerMethod(handler, method, mapping);
		FastRouting fast = this.fastRouting;
		if (fast != null) {
			fast.registered(mapping);
		}
	}

	/**
	 * Starts fast routing where the application context declares it.
	 */
	@Override
	protected void handlerMethodsInitialized(Map<RequestMappingInfo, HandlerMethod> handlerMethods) {
		super.handlerMethodsInitialized(handlerMethods);
		FastRouting fast = this.fastRouting;
		if (fast != null) {
			fast.start(formatMappingName(), handlerMethods, this::getHandlerMethods, getPatternParser() != null,
					getApiVersionStrategy() != null);
		}
	}

	/**
	 * Spring's lookup, or fast routing's where it is declared.
	 */
	@Override
	protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
			throws Exception {
		FastRouting fast = this.fastRouting;
		return (fast != null) ? fast.lookup(lookupPath, request, this.lookup)
				: super.lookupHandlerMethod(lookupPath, request);
	}

	@Override
	protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
		FastRouting fast = this.fastRouting;
		return (fast == null || fast.admits(info)) ? super.getMatchingMapping(info, request) : null;
	}

	/**
	 * Spring's answer where the request matches no mapping here; on a method mismatch, no
	 * handler where a mapping consulted later may take the request, or the 415 or 406 of a
	 * functional route consulted earlier. Where the path is served only in other API
	 * versions than the request's, no handler either, for the mismatch and for Spring's
	 * answer to {@code OPTIONS}: the resource does not exist in this version.
	 */
	@Override
	protected @Nullable HandlerMethod handleNoMatch(Set<RequestMappingInfo> infos, String lookupPath,
			HttpServletRequest request) throws ServletException {
		HandlerMethod handler;
		try {
			FastRouting fast = this.fastRouting;
			handler = super.handleNoMatch((fast != null) ? fast.admitted(infos) : infos, lookupPath, request);
		}
		catch (HttpRequestMethodNotSupportedException mismatch) {
			Optional<MismatchRouting> routing = this.routing.obtain();
			if (routing.isPresent() && routing.get().defer(request, getOrder())) {
				return null;
			}
			throw mismatch;
		}
		if (handler != null && "OPTIONS".equals(request.getMethod()) && getApiVersionStrategy() != null) {
			Optional<MismatchRouting> routing = this.routing.obtain();
			if (routing.isPresent() && routing.get().servedInOtherVersionsOnly(request)) {
				return null;
			}
		}
		return handler;
	}

	private void routesChanged() {
		ApplicationContext context = getApplicationContext();
		if (context != null) {
			context.getBeanProvider(MethodIndexHolder.class).ifUnique(MethodIndexHolder::invalidate);
		}
	}

	private Optional<MismatchRouting> routingOfTheContext() {
		ApplicationContext context = getApplicationContext();
		if (context == null) {
			return Optional.empty();
		}
		MethodIndexHolder index = context.getBeanProvider(MethodIndexHolder.class).getIfUnique();
		PathPolicy policy = context.getBeanProvider(PathPolicy.class).getIfUnique();
		if (index == null || policy == null) {
			return Optional.empty();
		}
		int functionalHeadOrder = context.getBeanProvider(FunctionalHeadHandlerMapping.class)
			.stream()
			.mapToInt(FunctionalHeadHandlerMapping::getOrder)
			.max()
			.orElse(Integer.MIN_VALUE);
		return Optional.of(new MismatchRouting(index::getWithoutWaiting, policy, functionalHeadOrder,
				this::getApiVersionStrategy));
	}

	/**
	 * The steps of Spring's lookup, for fast routing.
	 */
	private final class SpringLookup implements FastRouting.Lookup {

		@Override
		public @Nullable HandlerMethod lookUpAsSpringDoes(String lookupPath, HttpServletRequest request)
				throws Exception {
			return UnionRequestMappingHandlerMapping.super.lookupHandlerMethod(lookupPath, request);
		}

		@Override
		public @Nullable RequestMappingInfo match(RequestMappingInfo mapping, HttpServletRequest request) {
			return getMatchingMapping(mapping, request);
		}

		@Override
		public Comparator<RequestMappingInfo> comparator(HttpServletRequest request) {
			return getMappingComparator(request);
		}

		@Override
		public void handleMatch(RequestMappingInfo mapping, String lookupPath, HttpServletRequest request) {
			UnionRequestMappingHandlerMapping.this.handleMatch(mapping, lookupPath, request);
		}

		@Override
		public @Nullable HandlerMethod handleNoMatch(Set<RequestMappingInfo> mappings, String lookupPath,
				HttpServletRequest request) throws Exception {
			return UnionRequestMappingHandlerMapping.this.handleNoMatch(mappings, lookupPath, request);
		}

	}

}
