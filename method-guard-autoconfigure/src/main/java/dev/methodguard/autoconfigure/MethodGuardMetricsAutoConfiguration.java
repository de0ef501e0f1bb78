package dev.methodguard.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;

import dev.methodguard.internal.actuate.RejectionMetrics;
import dev.methodguard.internal.allow.MethodIndexHolder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code method.guard.rejections} counter, with Micrometer on the
 * classpath. The registry is looked up at each rejection, so the ordering against the
 * metrics auto-configuration does not matter.
 */
@AutoConfiguration(after = MethodGuardAutoConfiguration.class)
@ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
@ConditionalOnBean(MethodIndexHolder.class)
public final class MethodGuardMetricsAutoConfiguration {

	@Bean
	RejectionMetrics methodGuardRejectionMetrics(ObjectProvider<MeterRegistry> registry) {
		return new RejectionMetrics(registry::getIfUnique);
	}

}
