package dev.methodguard.autoconfigure;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.web.servlet.AbstractFilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.boot.web.servlet.ServletContextInitializerBeans;
import org.springframework.util.function.SingletonSupplier;

/**
 * Whether method-guard's filter is the last filter a request passes before its servlet,
 * decided once, when first asked (every filter is registered by then): no filter bean or
 * registration of the application ordered after it takes requests, and the servlet
 * container registered no filter of its own but those that pass every request they do not
 * upgrade (Tomcat's and Jetty's WebSocket filters). Where another filter follows, rejections
 * are not answered in method-guard's filter, and one line at INFO says which filter keeps
 * them in Spring MVC.
 */
final class LastFilterCheck {

	private static final Log logger = LogFactory.getLog(LastFilterCheck.class);

	/** Container filters that pass every request they do not upgrade to a WebSocket. */
	private static final Set<String> PASSING_CONTAINER_FILTERS = Set.of("org.apache.tomcat.websocket.server.WsFilter",
			"org.eclipse.jetty.ee11.websocket.servlet.WebSocketUpgradeFilter",
			"org.eclipse.jetty.ee10.websocket.servlet.WebSocketUpgradeFilter");

	private LastFilterCheck() {
	}

	/**
	 * The check for a filter.
	 * @param beanFactory the bean factory of the application
	 * @param servletContext the servlet context, {@code null} outside a servlet container
	 * @param filterName the name of method-guard's filter
	 * @return the check
	 */
	static BooleanSupplier of(ListableBeanFactory beanFactory, Supplier<@Nullable ServletContext> servletContext,
			String filterName) {
		SingletonSupplier<Boolean> last = SingletonSupplier
			.of(() -> isLast(beanFactory, servletContext.get(), filterName));
		return last::obtain;
	}

	private static boolean isLast(ListableBeanFactory beanFactory, @Nullable ServletContext servletContext,
			String filterName) {
		Integer order = null;
		Set<String> known = new HashSet<>();
		Set<AbstractFilterRegistrationBean<?>> filters = new LinkedHashSet<>();
		for (ServletContextInitializer initializer : new ServletContextInitializerBeans(beanFactory)) {
			if (initializer instanceof AbstractFilterRegistrationBean<?> filter) {
				known.add(filter.getFilterName());
				filters.add(filter);
				if (filterName.equals(filter.getFilterName())) {
					order = filter.getOrder();
				}
			}
		}
		if (order == null) {
			return keptInSpringMvc("method-guard's filter is not registered");
		}
		for (AbstractFilterRegistrationBean<?> filter : filters) {
			if (filter.isEnabled() && !filterName.equals(filter.getFilterName()) && filter.getOrder() > order
					&& filter.determineDispatcherTypes().contains(DispatcherType.REQUEST)) {
				return keptInSpringMvc("the filter '" + filter.getFilterName() + "' follows method-guard's");
			}
		}
		if (servletContext != null) {
			for (FilterRegistration registration : servletContext.getFilterRegistrations().values()) {
				if (!known.contains(registration.getName())
						&& !PASSING_CONTAINER_FILTERS.contains(registration.getClassName())) {
					return keptInSpringMvc("the servlet container's filter '" + registration.getName() + "' ("
							+ registration.getClassName() + ") may follow method-guard's");
				}
			}
		}
		return true;
	}

	private static boolean keptInSpringMvc(String reason) {
		logger.info("Early rejections are answered in Spring MVC, not in method-guard's filter: " + reason);
		return false;
	}

}
