package dev.methodguard.autoconfigure;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContext;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.methodguard.allow.HandlerMappingReader;
import dev.methodguard.allow.RouteSource;
import dev.methodguard.allow.RoutesChangedEvent;
import dev.methodguard.internal.allow.ApiVersionStrategies;
import dev.methodguard.internal.allow.MethodIndexHolder;
import dev.methodguard.internal.allow.PathPolicy;
import dev.methodguard.internal.problem.MethodProblemFactory;
import dev.methodguard.internal.routing.FastRouting;
import dev.methodguard.internal.servlet.ApplicationAdvice;
import dev.methodguard.internal.servlet.BrowserErrorPageInterceptor;
import dev.methodguard.internal.servlet.BrowserErrorPages;
import dev.methodguard.internal.servlet.ContainerRejectionFilter;
import dev.methodguard.internal.servlet.EarlyRejectionHandlerMapping;
import dev.methodguard.internal.servlet.ErrorDispatchHandlerMapping;
import dev.methodguard.internal.servlet.FloorRejections;
import dev.methodguard.internal.servlet.FunctionalHeadHandlerMapping;
import dev.methodguard.internal.servlet.MethodGuardAdvice;
import dev.methodguard.internal.servlet.MethodGuardExceptionResolver;
import dev.methodguard.internal.servlet.MethodGuardFilter;
import dev.methodguard.internal.servlet.MethodRejections;
import dev.methodguard.internal.servlet.OptionsHandlerMapping;
import dev.methodguard.internal.servlet.ProblemWriter;
import dev.methodguard.internal.servlet.RejectionLogger;
import dev.methodguard.internal.servlet.RejectionResponses;
import dev.methodguard.internal.servlet.RequestBodyDrain;
import dev.methodguard.problem.MethodGuardProblemCustomizer;
import dev.methodguard.problem.MethodRejectionListener;
import dev.methodguard.servlet.UnionRequestMappingHandlerMapping;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
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
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Scope;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.method.ControllerAdviceBean;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;
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
@ConditionalOnClass({ DispatcherServlet.class, DispatcherServletPath.class })
@ConditionalOnBooleanProperty(name = "method-guard.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MethodGuardProperties.class)
public final class MethodGuardAutoConfiguration {

	private static final Log logger = LogFactory.getLog(MethodGuardAutoConfiguration.class);

	/** Name of the bean of Spring MVC's composite exception resolver. */
	static final String MVC_EXCEPTION_RESOLVER_BEAN = "handlerExceptionResolver";

	/** Name of the bean of Spring MVC's handler mapping for annotated controllers. */
	static final String MVC_HANDLER_MAPPING_BEAN = "requestMappingHandlerMapping";

	/**
	 * Order of the {@link MethodGuardFilter} where Spring Security's filter chain has its
	 * default order (-100): after it.
	 */
	static final int FILTER_ORDER = 0;

	/** The name of method-guard's filter. */
	static final String FILTER_NAME = "methodGuardFilter";

	/** Order of the {@link ContainerRejectionFilter}: before every security filter. */
	static final int CONTAINER_REJECTION_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

	/** The property that orders Spring Security's filter chain, as Spring Boot binds it. */
	static final String SECURITY_FILTER_ORDER_PROPERTY = "spring.security.filter.order";

	/** Spring Security's default filter chain order (Spring Boot's {@code SecurityProperties}). */
	static final int DEFAULT_SECURITY_FILTER_ORDER = -100;

	/**
	 * Name of the bean of Spring Security's filter chain, as Spring Security declares it
	 * ({@code AbstractSecurityWebApplicationInitializer.DEFAULT_FILTER_NAME}) and Spring Boot
	 * looks it up.
	 */
	static final String SECURITY_FILTER_CHAIN_BEAN = "springSecurityFilterChain";

	/**
	 * Has the index built again after each {@link RoutesChangedEvent}.
	 * @param index the index
	 * @return the listener
	 */
	@Bean
	static ApplicationListener<RoutesChangedEvent> methodGuardRoutesChangedListener(
			ObjectProvider<MethodIndexHolder> index) {
		return (event) -> index.ifAvailable(MethodIndexHolder::invalidate);
	}

	@Bean
	MethodIndexHolder methodGuardIndex(ObjectProvider<HandlerMapping> handlerMappings,
			ObjectProvider<RouteSource> routeSources, ObjectProvider<HandlerMappingReader> readers,
			ObjectProvider<DispatcherServletPath> dispatcherServletPath, ApplicationContext context,
			MethodGuardProperties properties) {
		return new MethodIndexHolder(new HandlerMappingRouteSources(handlerMappings, routeSources, readers,
				() -> dispatcherServletPath.getIfAvailable(() -> () -> "/").getPrefix(),
				() -> servletContext(context), () -> unseenRouteChanges(context)),
				properties.getOptions().isEnabled());
	}

	@Bean
	RequestBodyDrain methodGuardRequestBodyDrain(MethodGuardProperties properties) {
		return new RequestBodyDrain(properties.getMaxDrainSize().toBytes());
	}

	@Bean
	ProblemWriter methodGuardProblemWriter(ListableBeanFactory beanFactory, RequestBodyDrain drain,
			RejectionResponses responses, BrowserErrorPages pages) {
		return new ProblemWriter(() -> ApplicationConverters.of(beanFactory), drain, responses, pages);
	}

	/**
	 * The face method-guard shows browsers: the application's error page, rendered by Spring
	 * Boot's error handling. Where the application has Spring Security's filter chain (the
	 * bean {@value #SECURITY_FILTER_CHAIN_BEAN}), the error page dispatch of such a page goes
	 * straight to the {@code DispatcherServlet}, so that a chain that does not permit
	 * {@code /error} cannot turn it into a 401.
	 * @param properties the properties
	 * @param drain settles unread request bodies
	 * @param responses tells the listeners of each page and builds its problem
	 * @param context the application context, for its beans
	 * @return the browser face
	 */
	@Bean
	BrowserErrorPages methodGuardBrowserErrorPages(MethodGuardProperties properties, RequestBodyDrain drain,
			RejectionResponses responses, ApplicationContext context) {
		SingletonSupplier<Boolean> secured = SingletonSupplier
			.of(() -> context.containsBean(SECURITY_FILTER_CHAIN_BEAN));
		Supplier<@Nullable Servlet> errorServlet = () -> secured.obtain()
				? context.getBeanProvider(DispatcherServlet.class).getIfUnique() : null;
		return new BrowserErrorPages(properties.getHtmlErrorPages().isEnabled(), drain, responses, errorServlet);
	}

	/**
	 * Registers the {@link BrowserErrorPageInterceptor} with Spring MVC, where browsers get
	 * error pages.
	 * @return the configurer
	 */
	@Bean
	@ConditionalOnBooleanProperty(name = "method-guard.html-error-pages.enabled", matchIfMissing = true)
	WebMvcConfigurer methodGuardBrowserErrorPageConfigurer() {
		BrowserErrorPageInterceptor interceptor = new BrowserErrorPageInterceptor();
		return new WebMvcConfigurer() {

			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(interceptor);
			}

		};
	}

	/**
	 * Answers the rejections the index is certain of before Spring's handler lookup: only
	 * while the index knows every handler mapping and hears of every route the mapping of
	 * annotated controllers registers or unregisters at run time, and never while a change
	 * of routes announced to the index is going on.
	 * @param rejections the decision logic
	 * @param writer the problem writer
	 * @param advice what the application's own controller advice does
	 * @param index the method index, whether settled
	 * @return the mapping
	 */
	@Bean
	@ConditionalOnBooleanProperty(name = "method-guard.early-rejection.enabled", matchIfMissing = true)
	EarlyRejectionHandlerMapping methodGuardEarlyRejectionHandlerMapping(MethodRejections rejections,
			ProblemWriter writer, ApplicationAdvice advice, MethodIndexHolder index) {
		return new EarlyRejectionHandlerMapping(rejections, writer, advice, index::isSettled);
	}

	/**
	 * Routes registered or unregistered at run time in Spring MVC's mapping of annotated
	 * controllers reach the index only where that mapping is a
	 * {@link UnionRequestMappingHandlerMapping} (not where the application's own
	 * {@link WebMvcRegistrations} supplies another): elsewhere the index is incomplete.
	 * @return what the index cannot see, or {@code null} if it sees every route change
	 */
	private static @Nullable String unseenRouteChanges(ApplicationContext context) {
		if (!context.containsBean(MVC_HANDLER_MAPPING_BEAN)) {
			return null;
		}
		Object mapping = context.getBean(MVC_HANDLER_MAPPING_BEAN);
		if (mapping instanceof RequestMappingHandlerMapping && !(mapping instanceof UnionRequestMappingHandlerMapping)) {
			return "routes registered at run time in " + mapping.getClass().getName() + " (return a "
					+ UnionRequestMappingHandlerMapping.class.getSimpleName() + " from your WebMvcRegistrations)";
		}
		return null;
	}

	@Bean
	ApplicationAdvice methodGuardApplicationAdvice(ApplicationContext context) {
		return new ApplicationAdvice(() -> ControllerAdviceBean.findAnnotatedBeans(context));
	}

	/**
	 * Registers the {@link MethodGuardFilter} for every request, right after the security
	 * filters of the application: at 0, or just after {@value #SECURITY_FILTER_ORDER_PROPERTY}
	 * where that is set to 0 or more.
	 * @param rejections the decision logic
	 * @param writer the problem writer
	 * @param index the method index
	 * @param properties the properties
	 * @param drain settles unread request bodies
	 * @param context the application context, for its servlet context and its environment
	 * @return the registration
	 */
	@Bean
	@ConditionalOnMissingBean(name = "methodGuardFilterRegistration")
	FilterRegistrationBean<MethodGuardFilter> methodGuardFilterRegistration(MethodRejections rejections,
			ProblemWriter writer, MethodIndexHolder index, MethodGuardProperties properties, RequestBodyDrain drain,
			ApplicationAdvice advice, ApplicationContext context) {
		int securityOrder = securityFilterOrder(context);
		FloorRejections floor = properties.getEarlyRejection().isEnabled()
				? new FloorRejections(rejections, writer, advice, index::isSettled,
						LastFilterCheck.of(context, () -> servletContext(context), FILTER_NAME),
						dispatcherServletName(context), localeResolver(context))
				: null;
		FilterRegistrationBean<MethodGuardFilter> registration = new FilterRegistrationBean<>(new MethodGuardFilter(
				rejections, writer, plainServlets(context), index, properties.getOptions().isEnabled(), drain, floor));
		registration.setName(FILTER_NAME);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		registration.setOrder((securityOrder < FILTER_ORDER) ? FILTER_ORDER : Math.addExact(securityOrder,
				(securityOrder < Integer.MAX_VALUE) ? 1 : 0));
		return registration;
	}

	/**
	 * Registers the {@link ContainerRejectionFilter} for error page dispatches, before every
	 * security filter. Its answer reveals nothing of the application where the context holds
	 * Spring Security's filter chain (the bean {@value #SECURITY_FILTER_CHAIN_BEAN}, which
	 * {@code @EnableWebSecurity}, and so Spring Boot, declares), unless
	 * {@code method-guard.security.reveal-before-authentication} is set.
	 * @param rejections the decision logic
	 * @param writer the problem writer
	 * @param properties the properties
	 * @param pages the browser face
	 * @param context the application context, for its servlet context and its beans
	 * @return the registration
	 */
	@Bean
	@ConditionalOnMissingBean(name = "methodGuardContainerRejectionFilterRegistration")
	FilterRegistrationBean<ContainerRejectionFilter> methodGuardContainerRejectionFilterRegistration(
			MethodRejections rejections, ProblemWriter writer, MethodGuardProperties properties,
			BrowserErrorPages pages, ApplicationContext context) {
		BooleanSupplier conceal = () -> false;
		if (!properties.getSecurity().isRevealBeforeAuthentication()) {
			SingletonSupplier<Boolean> secured = SingletonSupplier
				.of(() -> context.containsBean(SECURITY_FILTER_CHAIN_BEAN));
			conceal = secured::obtain;
		}
		FilterRegistrationBean<ContainerRejectionFilter> registration = new FilterRegistrationBean<>(
				new ContainerRejectionFilter(rejections, writer, plainServlets(context), conceal, pages));
		registration.setName("methodGuardContainerRejectionFilter");
		registration.setDispatcherTypes(DispatcherType.ERROR);
		int securityOrder = securityFilterOrder(context);
		registration.setOrder((securityOrder > CONTAINER_REJECTION_FILTER_ORDER) ? CONTAINER_REJECTION_FILTER_ORDER
				: Math.subtractExact(securityOrder, (securityOrder > Integer.MIN_VALUE) ? 1 : 0));
		return registration;
	}

	private static int securityFilterOrder(ApplicationContext context) {
		return context.getEnvironment()
			.getProperty(SECURITY_FILTER_ORDER_PROPERTY, Integer.class, DEFAULT_SECURITY_FILTER_ORDER);
	}

	private static Supplier<Set<String>> plainServlets(ApplicationContext context) {
		SingletonSupplier<Set<String>> names = SingletonSupplier
			.of(() -> HandlerMappingRouteSources.plainServletNames(servletContext(context)));
		return names::obtain;
	}

	private static @Nullable ServletContext servletContext(ApplicationContext context) {
		return (context instanceof WebApplicationContext web) ? web.getServletContext() : null;
	}

	private static Supplier<@Nullable String> dispatcherServletName(ApplicationContext context) {
		SingletonSupplier<Optional<String>> name = SingletonSupplier.of(() -> Optional.ofNullable(
				context.getBeanProvider(DispatcherServletRegistrationBean.class).getIfUnique())
			.map(DispatcherServletRegistrationBean::getServletName));
		return () -> name.obtain().orElse(null);
	}

	private static Supplier<@Nullable LocaleResolver> localeResolver(ApplicationContext context) {
		SingletonSupplier<Optional<LocaleResolver>> resolver = SingletonSupplier
			.of(() -> context.containsBean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
					? Optional.of(context.getBean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME, LocaleResolver.class))
					: Optional.empty());
		return () -> resolver.obtain().orElse(null);
	}

	@Bean
	PathPolicy methodGuardPathPolicy(MethodGuardProperties properties) {
		return PathPolicy.of(properties.getConcealPaths(), properties.getExcludePaths());
	}

	@Bean
	RejectionLogger methodGuardRejectionLogger(MethodGuardProperties properties) {
		return new RejectionLogger(RejectionLogger.Level.valueOf(properties.getLog().getLevel().name()));
	}

	@Bean
	MethodProblemFactory methodGuardProblemFactory(MethodGuardProperties properties,
			ObjectProvider<MessageSource> messageSource, ObjectProvider<MethodGuardProblemCustomizer> customizers) {
		return new MethodProblemFactory(properties.getProblem().getType(), messageSource.getIfAvailable(),
				properties.getProblem().isIncludeAllowedMethods(), customizers.orderedStream().toList());
	}

	@Bean
	MethodRejections methodGuardRejections(MethodIndexHolder index, MethodGuardProperties properties,
			PathPolicy policy, ObjectProvider<HandlerMapping> handlerMappings) {
		return new MethodRejections(index, properties.getUnknownMethodStatus(), policy,
				ApiVersionStrategies.first(handlerMappings));
	}

	@Bean
	RejectionResponses methodGuardRejectionResponses(MethodProblemFactory problems,
			ObjectProvider<MethodRejectionListener> listeners) {
		return new RejectionResponses(problems, listeners.orderedStream().toList());
	}

	@Bean
	MethodGuardExceptionResolver methodGuardExceptionResolver(MethodRejections rejections,
			RejectionResponses responses, BeanFactory beanFactory, RequestBodyDrain drain, ApplicationAdvice advice,
			BrowserErrorPages pages) {
		Supplier<HandlerExceptionResolver> delegate = () -> beanFactory.getBean(MVC_EXCEPTION_RESOLVER_BEAN,
				HandlerExceptionResolver.class);
		return new MethodGuardExceptionResolver(rejections, responses, delegate, drain, advice, pages);
	}

	@Bean
	MethodGuardAdvice methodGuardAdvice() {
		return new MethodGuardAdvice();
	}

	/**
	 * Supplies Spring MVC's mapping of annotated controllers, a
	 * {@link UnionRequestMappingHandlerMapping}, through a {@link WebMvcRegistrations} of its
	 * own, only where neither the application nor a library declares one once every bean
	 * definition is known: Spring Boot uses a single one, and two cancel each other.
	 * @return the registrar
	 */
	@Bean
	static WebMvcRegistrationsRegistrar methodGuardWebMvcRegistrationsRegistrar() {
		return new WebMvcRegistrationsRegistrar();
	}

	/**
	 * Fast routing for Spring MVC's mapping of annotated controllers where that mapping is a
	 * {@link UnionRequestMappingHandlerMapping}: opt-in. One instance per mapping, which
	 * asks for it once its handler methods are detected.
	 * @return fast routing for one mapping
	 */
	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	@ConditionalOnBooleanProperty("method-guard.fast-routing.enabled")
	FastRouting methodGuardFastRouting() {
		return new FastRouting();
	}

	@Bean
	ErrorDispatchHandlerMapping methodGuardErrorDispatchHandlerMapping(MethodRejections rejections,
			BrowserErrorPages pages) {
		return new ErrorDispatchHandlerMapping(rejections, pages);
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
