package dev.methodguard.autoconfigure;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Stream;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContext;

import dev.methodguard.allow.MethodIndexHolder;
import dev.methodguard.allow.PathPolicy;
import dev.methodguard.allow.RouteSource;
import dev.methodguard.problem.MethodGuardProblemCustomizer;
import dev.methodguard.problem.MethodProblemFactory;
import dev.methodguard.problem.MethodRejectionListener;
import dev.methodguard.servlet.ApplicationAdvice;
import dev.methodguard.servlet.ContainerRejectionFilter;
import dev.methodguard.servlet.EarlyRejectionHandlerMapping;
import dev.methodguard.servlet.ErrorDispatchHandlerMapping;
import dev.methodguard.servlet.FunctionalHeadHandlerMapping;
import dev.methodguard.servlet.MethodGuardAdvice;
import dev.methodguard.servlet.MethodGuardExceptionResolver;
import dev.methodguard.servlet.MethodGuardFilter;
import dev.methodguard.servlet.MethodRejections;
import dev.methodguard.servlet.OptionsHandlerMapping;
import dev.methodguard.servlet.ProblemWriter;
import dev.methodguard.servlet.RejectionLogger;
import dev.methodguard.servlet.RequestBodyDrain;
import dev.methodguard.servlet.UnionRequestMappingHandlerMapping;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletPath;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.method.ControllerAdviceBean;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Auto-configuration of method-guard for Spring MVC: a truthful {@code Allow} and an RFC
 * 9457 problem for every request rejected because of its method, and {@code OPTIONS}
 * answered from the same method index.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
		"org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration",
		"org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration",
		"org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration" })
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBooleanProperty(name = "method-guard.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MethodGuardProperties.class)
public final class MethodGuardAutoConfiguration {

	/** Name of the bean of Spring MVC's composite exception resolver. */
	static final String MVC_EXCEPTION_RESOLVER_BEAN = "handlerExceptionResolver";

	/** Name of the bean of Spring MVC's handler mapping for annotated controllers. */
	static final String MVC_HANDLER_MAPPING_BEAN = "requestMappingHandlerMapping";

	/** Order of the {@link MethodGuardFilter}: after Spring Security's filter chain (-100). */
	static final int FILTER_ORDER = 0;

	/** Order of the {@link ContainerRejectionFilter}: before every security filter. */
	static final int CONTAINER_REJECTION_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

	@Bean
	@ConditionalOnMissingBean
	MethodIndexHolder methodGuardIndex(ObjectProvider<HandlerMapping> handlerMappings,
			ObjectProvider<RouteSource> routeSources, ObjectProvider<DispatcherServletPath> dispatcherServletPath,
			ApplicationContext context, MethodGuardProperties properties) {
		return new MethodIndexHolder(new HandlerMappingRouteSources(handlerMappings, routeSources,
				() -> dispatcherServletPath.getIfAvailable(() -> () -> "/").getPrefix(),
				() -> servletContext(context)),
				properties.getOptions().isEnabled());
	}

	/**
	 * Forgets the index when the application context is refreshed again after its start
	 * (its handler mappings may then hold other routes); the first refresh, the start, finds
	 * the index just built.
	 * @param index the method index
	 * @param context the application context
	 * @return the listener
	 */
	@Bean
	ApplicationListener<ContextRefreshedEvent> methodGuardIndexRefreshListener(MethodIndexHolder index,
			ApplicationContext context) {
		AtomicBoolean started = new AtomicBoolean();
		return (event) -> {
			if (event.getApplicationContext() == context && !started.compareAndSet(false, true)) {
				index.invalidate();
			}
		};
	}

	@Bean
	@ConditionalOnMissingBean
	RequestBodyDrain methodGuardRequestBodyDrain(MethodGuardProperties properties) {
		return new RequestBodyDrain(properties.getMaxDrainSize().toBytes());
	}

	@Bean
	@ConditionalOnMissingBean
	ProblemWriter methodGuardProblemWriter(ObjectProvider<RequestMappingHandlerAdapter> adapter,
			RequestBodyDrain drain, MethodRejections rejections) {
		return new ProblemWriter(
				() -> adapter.getIfUnique(() -> new RequestMappingHandlerAdapter()).getMessageConverters(), drain,
				rejections::announce);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "method-guard.early-rejection.enabled", matchIfMissing = true)
	EarlyRejectionHandlerMapping methodGuardEarlyRejectionHandlerMapping(MethodRejections rejections,
			ObjectProvider<HandlerMapping> handlerMappings, ProblemWriter writer, ApplicationAdvice advice) {
		SingletonSupplier<Boolean> certain = SingletonSupplier
			.of(() -> HandlerMappingRouteSources.coversEvery(handlerMappings.orderedStream()));
		return new EarlyRejectionHandlerMapping(rejections, certain::obtain, writer, advice);
	}

	@Bean
	@ConditionalOnMissingBean
	ApplicationAdvice methodGuardApplicationAdvice(ApplicationContext context) {
		return new ApplicationAdvice(() -> ControllerAdviceBean.findAnnotatedBeans(context));
	}

	/**
	 * Registers the {@link MethodGuardFilter} for every request, right after the security
	 * filters of the application (Spring Security's order is -100 by default).
	 * @param rejections the decision logic
	 * @param writer the problem writer
	 * @param index the method index
	 * @param properties the properties
	 * @param drain settles unread request bodies
	 * @param context the application context, for its servlet context
	 * @return the registration
	 */
	@Bean
	@ConditionalOnMissingBean(name = "methodGuardFilterRegistration")
	FilterRegistrationBean<MethodGuardFilter> methodGuardFilterRegistration(MethodRejections rejections,
			ProblemWriter writer, MethodIndexHolder index, MethodGuardProperties properties, RequestBodyDrain drain,
			ApplicationContext context) {
		FilterRegistrationBean<MethodGuardFilter> registration = new FilterRegistrationBean<>(new MethodGuardFilter(
				rejections, writer, plainServlets(context), index, properties.getOptions().isEnabled(), drain));
		registration.setName("methodGuardFilter");
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		registration.setOrder(FILTER_ORDER);
		return registration;
	}

	/**
	 * Registers the {@link ContainerRejectionFilter} for error page dispatches, before every
	 * security filter.
	 * @param rejections the decision logic
	 * @param writer the problem writer
	 * @param context the application context, for its servlet context
	 * @return the registration
	 */
	@Bean
	@ConditionalOnMissingBean(name = "methodGuardContainerRejectionFilterRegistration")
	FilterRegistrationBean<ContainerRejectionFilter> methodGuardContainerRejectionFilterRegistration(
			MethodRejections rejections, ProblemWriter writer, ApplicationContext context) {
		FilterRegistrationBean<ContainerRejectionFilter> registration = new FilterRegistrationBean<>(
				new ContainerRejectionFilter(rejections, writer, plainServlets(context)));
		registration.setName("methodGuardContainerRejectionFilter");
		registration.setDispatcherTypes(DispatcherType.ERROR);
		registration.setOrder(CONTAINER_REJECTION_FILTER_ORDER);
		return registration;
	}

	private static Supplier<Set<String>> plainServlets(ApplicationContext context) {
		SingletonSupplier<Set<String>> names = SingletonSupplier
			.of(() -> HandlerMappingRouteSources.plainServletNames(servletContext(context)));
		return names::obtain;
	}

	private static @Nullable ServletContext servletContext(ApplicationContext context) {
		return (context instanceof WebApplicationContext web) ? web.getServletContext() : null;
	}

	@Bean
	@ConditionalOnMissingBean
	PathPolicy methodGuardPathPolicy(MethodGuardProperties properties) {
		return PathPolicy.of(properties.getConcealPaths(), properties.getExcludePaths());
	}

	@Bean
	@ConditionalOnMissingBean
	RejectionLogger methodGuardRejectionLogger(MethodGuardProperties properties) {
		return new RejectionLogger(properties.getLog().getLevel());
	}

	@Bean
	@ConditionalOnMissingBean
	MethodProblemFactory methodGuardProblemFactory(MethodGuardProperties properties,
			ObjectProvider<MessageSource> messageSource, ObjectProvider<MethodGuardProblemCustomizer> customizers) {
		return new MethodProblemFactory(properties.getProblem().getType(), messageSource.getIfAvailable(),
				properties.getProblem().isIncludeAllowedMethods(), customizers.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	MethodRejections methodGuardRejections(MethodIndexHolder index, MethodProblemFactory problems,
			MethodGuardProperties properties, PathPolicy policy, ObjectProvider<MethodRejectionListener> listeners) {
		return new MethodRejections(index, problems, properties.getUnknownMethodStatus(), policy,
				listeners.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	MethodGuardExceptionResolver methodGuardExceptionResolver(MethodRejections rejections, BeanFactory beanFactory,
			RequestBodyDrain drain, ApplicationAdvice advice) {
		Supplier<HandlerExceptionResolver> delegate = () -> beanFactory.getBean(MVC_EXCEPTION_RESOLVER_BEAN,
				HandlerExceptionResolver.class);
		return new MethodGuardExceptionResolver(rejections, delegate, drain, advice);
	}

	@Bean
	@ConditionalOnMissingBean
	MethodGuardAdvice methodGuardAdvice() {
		return new MethodGuardAdvice();
	}

	/**
	 * Supplies Spring MVC's mapping of annotated controllers, so that a method a handler
	 * mapping consulted later takes on the same path reaches it instead of a 405. Backs off
	 * when the application supplies its own {@link WebMvcRegistrations}.
	 * @param index the method index, read lazily
	 * @param policy the path policy, read lazily
	 * @param functionalHead the mapping that answers {@code HEAD} on functional routes, read
	 * lazily
	 * @return the registrations
	 */
	@Bean
	@ConditionalOnMissingBean(WebMvcRegistrations.class)
	static WebMvcRegistrations methodGuardWebMvcRegistrations(ObjectProvider<MethodIndexHolder> index,
			ObjectProvider<PathPolicy> policy, ObjectProvider<FunctionalHeadHandlerMapping> functionalHead) {
		return new WebMvcRegistrations() {
			@Override
			public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
				return new UnionRequestMappingHandlerMapping(() -> index.getObject().get(), policy::getObject,
						() -> functionalHead.stream().mapToInt(FunctionalHeadHandlerMapping::getOrder)
							.max()
							.orElse(Integer.MIN_VALUE),
						() -> index.getObject().invalidate());
			}
		};
	}

	@Bean
	@ConditionalOnMissingBean
	ErrorDispatchHandlerMapping methodGuardErrorDispatchHandlerMapping(MethodRejections rejections) {
		return new ErrorDispatchHandlerMapping(rejections);
	}

	/**
	 * Answers {@code HEAD} on functional {@code GET} routes, ordered right after every router
	 * function mapping and every mapping of annotated controllers, whatever order their beans
	 * were registered in: an explicit {@code HEAD} route, functional or annotated, wins.
	 * @param routerFunctionMappings the router function mappings
	 * @param annotatedMappings the mappings of annotated controllers
	 * @param rejections the decision logic, for excluded paths
	 * @return the mapping
	 */
	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(RouterFunctionMapping.class)
	FunctionalHeadHandlerMapping methodGuardFunctionalHeadHandlerMapping(
			ObjectProvider<RouterFunctionMapping> routerFunctionMappings,
			ObjectProvider<RequestMappingHandlerMapping> annotatedMappings, MethodRejections rejections) {
		List<RouterFunctionMapping> mappings = routerFunctionMappings.orderedStream().toList();
		int order = Stream.concat(mappings.stream(), annotatedMappings.stream())
			.mapToInt(AbstractHandlerMapping::getOrder)
			.max()
			.orElse(0);
		return new FunctionalHeadHandlerMapping(mappings, rejections,
				(order < Integer.MAX_VALUE) ? order + 1 : order);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "method-guard.options.enabled", matchIfMissing = true)
	OptionsHandlerMapping methodGuardOptionsHandlerMapping(MethodIndexHolder index, MethodRejections rejections,
			BeanFactory beanFactory, RequestBodyDrain drain) {
		return new OptionsHandlerMapping(index, rejections, () -> globalCors(beanFactory), drain);
	}

	private static CorsConfigurationSource globalCors(BeanFactory beanFactory) {
		if (beanFactory.containsBean(MVC_HANDLER_MAPPING_BEAN)
				&& beanFactory.getBean(MVC_HANDLER_MAPPING_BEAN) instanceof AbstractHandlerMapping mapping) {
			return mapping.getCorsConfigurationSource();
		}
		return null;
	}

}
