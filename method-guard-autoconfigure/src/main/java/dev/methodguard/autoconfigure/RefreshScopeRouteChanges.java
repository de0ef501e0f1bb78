package dev.methodguard.autoconfigure;

import org.jspecify.annotations.Nullable;

import dev.methodguard.internal.allow.MethodIndexHolder;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;

/**
 * Tells the method index of Spring Cloud's refresh ({@code POST /actuator/refresh}, a bus
 * refresh, a configuration reload), which rebuilds the beans of the refresh scope: routes
 * built from configuration, such as Spring Cloud Gateway's, change then without a change of
 * any handler mapping. Spring Cloud changes the environment first ({@value #ENVIRONMENT_CHANGE},
 * published by the application context), then destroys the refresh-scoped beans, which are
 * built again, from the new environment, as soon as they are next used, and only then tells
 * of it ({@value #REFRESH_SCOPE_REFRESHED}). The first event announces a change to the index
 * (no rejection from the index alone before Spring's handler lookup until it is over), the
 * second one ends it and has the index built again from the routes as they now are.
 * <p>
 * The events are recognized by their class names, so that method-guard needs no Spring
 * Cloud: this listener is registered only where Spring Cloud Context is on the classpath
 * and its refresh scope is enabled.
 */
final class RefreshScopeRouteChanges implements GenericApplicationListener {

	/** Spring Cloud Context's event for a changed environment. */
	static final String ENVIRONMENT_CHANGE = "org.springframework.cloud.context.environment.EnvironmentChangeEvent";

	/** Spring Cloud Context's event for a refreshed refresh scope, or one bean of it. */
	static final String REFRESH_SCOPE_REFRESHED = "org.springframework.cloud.context.scope.refresh."
			+ "RefreshScopeRefreshedEvent";

	/** Spring Cloud Context's auto-configuration of the refresh scope. */
	static final String REFRESH_AUTO_CONFIGURATION = "org.springframework.cloud.autoconfigure.RefreshAutoConfiguration";

	/**
	 * Spring Cloud Context's refresh scope: without it (switched off with
	 * {@code spring.cloud.refresh.enabled=false}) no bean is ever rebuilt by a refresh, and no
	 * {@code RefreshScopeRefreshedEvent} would end a change begun by a change of the
	 * environment.
	 */
	static final String REFRESH_SCOPE = "org.springframework.cloud.context.scope.refresh.RefreshScope";

	private final MethodIndexHolder index;

	private final ApplicationContext context;

	/**
	 * Create the listener.
	 * @param index the method index to tell
	 * @param context the application context whose environment changes count (not that of
	 * a child context, whose events reach this one too)
	 */
	RefreshScopeRouteChanges(MethodIndexHolder index, ApplicationContext context) {
		this.index = index;
		this.context = context;
	}

	@Override
	public boolean supportsEventType(ResolvableType eventType) {
		return kind(eventType.toClass()) != null;
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		String kind = kind(event.getClass());
		if (ENVIRONMENT_CHANGE.equals(kind) && event.getSource() == this.context) {
			this.index.beginChange();
		}
		else if (REFRESH_SCOPE_REFRESHED.equals(kind)) {
			this.index.endChange();
		}
	}

	/**
	 * Heard first: the index is told before any other listener acts on the event.
	 */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	/**
	 * Which of the two events a type is, or extends.
	 */
	private static @Nullable String kind(@Nullable Class<?> type) {
		for (Class<?> candidate = type; candidate != null; candidate = candidate.getSuperclass()) {
			String name = candidate.getName();
			if (ENVIRONMENT_CHANGE.equals(name) || REFRESH_SCOPE_REFRESHED.equals(name)) {
				return name;
			}
		}
		return null;
	}

}
