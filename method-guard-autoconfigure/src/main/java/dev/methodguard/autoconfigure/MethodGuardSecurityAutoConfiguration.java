package dev.methodguard.autoconfigure;

import io.micrometer.observation.ObservationRegistry;

import dev.methodguard.internal.servlet.FirewallRejectionHandler;
import dev.methodguard.internal.servlet.MethodRejections;
import dev.methodguard.internal.servlet.ProblemWriter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.web.firewall.CompositeRequestRejectedHandler;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.ObservationMarkingRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Auto-configuration of method-guard for Spring Security: the requests its firewall rejects
 * for their method alone get method-guard's problem instead of a bare 400: the 501 without
 * {@code Allow} on every path, or, with
 * {@code method-guard.security.reveal-before-authentication}, the 501 or 405 a request no
 * handler takes would get. Backs off when the application has its own
 * {@link RequestRejectedHandler}.
 */
@AutoConfiguration(after = MethodGuardAutoConfiguration.class)
@ConditionalOnClass({ RequestRejectedHandler.class, ObservationRegistry.class })
@ConditionalOnBean(MethodRejections.class)
public final class MethodGuardSecurityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(RequestRejectedHandler.class)
	FirewallRejectionHandler methodGuardRequestRejectedHandler(MethodRejections rejections, ProblemWriter writer,
			ObjectProvider<HttpFirewall> firewall, ObjectProvider<ObservationRegistry> observationRegistry,
			MethodGuardProperties properties) {
		ObservationRegistry registry = observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP);
		RequestRejectedHandler fallback = registry.isNoop() ? new HttpStatusRequestRejectedHandler()
				: new CompositeRequestRejectedHandler(new ObservationMarkingRequestRejectedHandler(registry),
						new HttpStatusRequestRejectedHandler());
		StrictHttpFirewall defaultFirewall = new StrictHttpFirewall();
		return new FirewallRejectionHandler(rejections, writer, () -> firewall.getIfUnique(() -> defaultFirewall),
				fallback, properties.getSecurity().isRevealBeforeAuthentication());
	}

}
