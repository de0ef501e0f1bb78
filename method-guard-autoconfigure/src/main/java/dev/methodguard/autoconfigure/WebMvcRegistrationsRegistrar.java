package dev.methodguard.autoconfigure;

import dev.methodguard.servlet.UnionRequestMappingHandlerMapping;

import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Registers method-guard's {@link WebMvcRegistrations}, which supplies a
 * {@link UnionRequestMappingHandlerMapping}, only where no other is declared. Spring Boot
 * takes a single {@code WebMvcRegistrations} ({@code getIfUnique()}): a second one would
 * silently cancel the application's or a library's, and a condition evaluated with
 * method-guard's auto-configuration would miss one declared by an auto-configuration that
 * comes later. So the decision waits until every configuration class has registered its bean
 * definitions.
 */
final class WebMvcRegistrationsRegistrar implements BeanDefinitionRegistryPostProcessor {

	/** The name of the bean this registrar may register. */
	static final String BEAN_NAME = "methodGuardWebMvcRegistrations";

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
		if (!(registry instanceof ListableBeanFactory beanFactory) || BeanFactoryUtils
			.beanNamesForTypeIncludingAncestors(beanFactory, WebMvcRegistrations.class, true, false).length > 0) {
			return;
		}
		RootBeanDefinition definition = new RootBeanDefinition(UnionRegistrations.class);
		definition.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
		registry.registerBeanDefinition(BEAN_NAME, definition);
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
	}

	/**
	 * Supplies Spring MVC's mapping of annotated controllers: a
	 * {@link UnionRequestMappingHandlerMapping}.
	 */
	static final class UnionRegistrations implements WebMvcRegistrations {

		@Override
		public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
			return new UnionRequestMappingHandlerMapping();
		}

	}

}
