package dev.methodguard.autoconfigure;

import dev.methodguard.internal.allow.MethodIndexHolder;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration for applications with Spring Cloud Context's refresh scope: the method
 * index follows its refreshes, which rebuild refresh-scoped routes (Spring Cloud Gateway's
 * routes from configuration) without a change of any handler mapping. method-guard does not
 * depend on Spring Cloud: its classes are named, never loaded by method-guard.
 */
@AutoConfiguration(after = MethodGuardAutoConfiguration.class,
		afterName = RefreshScopeRouteChanges.REFRESH_AUTO_CONFIGURATION)
@ConditionalOnClass(name = { RefreshScopeRouteChanges.ENVIRONMENT_CHANGE,
		RefreshScopeRouteChanges.REFRESH_SCOPE_REFRESHED })
@ConditionalOnBean(type = RefreshScopeRouteChanges.REFRESH_SCOPE, value = MethodIndexHolder.class)
public final class MethodGuardRefreshAutoConfiguration {

	@Bean
	RefreshScopeRouteChanges methodGuardRefreshScopeRouteChanges(MethodIndexHolder index, ApplicationContext context) {
		return new RefreshScopeRouteChanges(index, context);
	}

}
