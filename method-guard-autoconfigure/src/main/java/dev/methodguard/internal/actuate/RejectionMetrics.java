package dev.methodguard.internal.actuate;

import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import dev.methodguard.allow.AllowedMethods;
import dev.methodguard.problem.MethodRejection;
import dev.methodguard.problem.MethodRejectionListener;


/**
 * Counts rejections in the counter {@value #METER_NAME}, tagged with {@code status},
 * {@code method} (a standard method by name, anything else as {@code OTHER}) and
 * {@code pattern} (the route pattern, never the raw path; {@code UNKNOWN} where no route
 * serves the path). Every tag takes its values from a set fixed by the application, not by
 * what clients send, so the number of series stays bounded.
 */
public final class RejectionMetrics implements MethodRejectionListener {

	/** The name of the counter. */
	public static final String METER_NAME = "method.guard.rejections";

	private final Supplier<MeterRegistry> registry;

	/**
	 * Create the listener.
	 * @param registry the registry, asked for at each rejection (it may not exist yet when
	 * this listener is created); may supply {@code null}
	 */
	public RejectionMetrics(Supplier<MeterRegistry> registry) {
		this.registry = registry;
	}

	@Override
	public void onRejection(MethodRejection rejection) {
		MeterRegistry meterRegistry = this.registry.get();
		if (meterRegistry == null) {
			return;
		}
		String pattern = rejection.pattern();
		Counter.builder(METER_NAME)
			.description("Requests method-guard rejected because of their method")
			.tag("status", Integer.toString(rejection.status()))
			.tag("method", AllowedMethods.isStandard(rejection.method()) ? rejection.method() : "OTHER")
			.tag("pattern", (pattern != null) ? pattern : "UNKNOWN")
			.register(meterRegistry)
			.increment();
	}

}
