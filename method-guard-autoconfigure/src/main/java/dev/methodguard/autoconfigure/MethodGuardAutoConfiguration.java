package dev.methodguard.autoconfigure;

import java.util.function.Supplier;

import dev.methodguard.allow.MethodIndexHolder;
import dev.methodguard.allow.RouteSource;
import dev.methodguard.problem.MethodGuardProblemCustomizer;
import dev.methodguard.problem.MethodProblemFactory;
import dev.methodguard.servlet.MethodGuardAdvice;
import dev.methodguard.servlet.MethodGuardExceptionResolver;
import dev.methodguard.servlet.MethodRejections;
import dev.methodguard.servlet.OptionsHandlerMapping;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletPath;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

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

	@Bean
	@ConditionalOnMissingBean
	MethodIndexHolder methodGuardIndex(ObjectProvider<HandlerMapping> handlerMappings,
			ObjectProvider<RouteSource> routeSources, ObjectProvider<DispatcherServletPath> dispatcherServletPath) {
		return new MethodIndexHolder(new HandlerMappingRouteSources(handlerMappings, routeSources,
				() -> dispatcherServletPath.getIfAvailable(() -> () -> "/").getPrefix()));
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
			MethodGuardProperties properties) {
		return new MethodRejections(index, problems, properties.getUnknownMethodStatus());
	}

	@Bean
	@ConditionalOnMissingBean
	MethodGuardExceptionResolver methodGuardExceptionResolver(MethodRejections rejections, BeanFactory beanFactory) {
		Supplier<HandlerExceptionResolver> delegate = () -> beanFactory.getBean(MVC_EXCEPTION_RESOLVER_BEAN,
				HandlerExceptionResolver.class);
		return new MethodGuardExceptionResolver(rejections, delegate);
	}

	@Bean
	@ConditionalOnMissingBean
	MethodGuardAdvice methodGuardAdvice(MethodRejections rejections) {
		return new MethodGuardAdvice(rejections);
	}

	@Bean
	@ConditionalOnMissingBean
	OptionsHandlerMapping methodGuardOptionsHandlerMapping(MethodIndexHolder index, BeanFactory beanFactory) {
		return new OptionsHandlerMapping(index, () -> globalCors(beanFactory));
	}

	private static CorsConfigurationSource globalCors(BeanFactory beanFactory) {
		if (beanFactory.containsBean(MVC_HANDLER_MAPPING_BEAN)
				&& beanFactory.getBean(MVC_HANDLER_MAPPING_BEAN) instanceof AbstractHandlerMapping mapping) {
			return mapping.getCorsConfigurationSource();
		}
		return null;
	}

}
