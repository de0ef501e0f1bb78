package dev.methodguard.autoconfigure;

import dev.methodguard.allow.MethodIndexHolder;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration for applications with Spring Cloud Context on the classpath: the
 * method index follows its refreshes, which rebuild refresh-scoped routes (Spring Cloud
 * Gateway's routes from configuration) without a change of any handler mapping. method-guard
 * does not depend on Spring Cloud: the events are recognized by their class names.
 */
@AutoConfiguration(after = MethodGuardAutoConfiguration.class)
@ConditionalOnClass(name = { RefreshScopeRouteChanges.ENVIRONMENT_CHANGE,
		RefreshScopeRouteChanges.REFRESH_SCOPE_REFRESHED })
@ConditionalOnBean(MethodIndexHolder.class)
public final class MethodGuardRefreshAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RefreshScopeRouteChanges methodGuardRefreshScopeRouteChanges(MethodIndexHolder index, ApplicationContext context) {
		return new RefreshScopeRouteChanges(index, context);
	}

}
