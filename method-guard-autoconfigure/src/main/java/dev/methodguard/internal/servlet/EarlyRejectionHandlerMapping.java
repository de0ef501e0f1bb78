package dev.methodguard.internal.servlet;

import java.util.function.BooleanSupplier;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

/**
 * Answers 405 and 501 straight from the method index, before Spring MVC's handler lookup —
 * which tries every registered pattern when no literal path matches — whenever the index is
 * certain: no handler implements the method at all, or the path matches known patterns and
 * none of them takes the method. Anything else goes the normal way, after one index lookup.
 * CORS preflights and {@code OPTIONS} are never answered here. The rejection is written
 * directly by the {@link ProblemWriter} where content negotiation is certain and the
 * application has neither a {@code ResponseBodyAdvice} nor its own 405 handler, and raised
 * otherwise; either way the bytes, metrics and log line are those of the normal way.
 * <p>
 * The index is certain only where it read every handler of the application
 * ({@link dev.methodguard.internal.allow.MethodIndex#isComplete()}); anything it could not read turns
 * this shortcut off. So does a change of routes that may already have taken effect but
 * whose end the index has not heard of yet (see
 * {@link dev.methodguard.internal.allow.MethodIndexHolder#isSettled()}): for as long as it lasts,
 * requests take the normal way.
 */
public final class EarlyRejectionHandlerMapping extends AbstractHandlerMapping {

	/** The order of this mapping: right after method-guard's OPTIONS and ERROR mappings. */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 1;

	private final MethodRejections rejections;

	private final ProblemWriter writer;

	private final ApplicationAdvice advice;

	private final BooleanSupplier settled;

	/**
	 * Create the mapping for routes that change only with an invalidation of the index.
	 * @param rejections the decision logic
	 * @param writer writes the rejections whose content negotiation is certain
	 * @param advice what the application's own controller advice does; where it handles
	 * the 405s or changes bodies, the rejection is always raised, never written directly, so
	 * that the bytes are those of the normal way
	 */
	public EarlyRejectionHandlerMapping(MethodRejections rejections, ProblemWriter writer, ApplicationAdvice advice) {
		this(rejections, writer, advice, () -> true);
	}

	/**
	 * Create the mapping.
	 * @param rejections the decision logic
	 * @param writer writes the rejections whose content negotiation is certain
	 * @param advice what the application's own controller advice does; where it handles
	 * the 405s or changes bodies, the rejection is always raised, never written directly, so
	 * that the bytes are those of the normal way
	 * @param settled whether no change of routes is going on that the index may not reflect
	 * yet; while one is, nothing is answered here
	 */
	public EarlyRejectionHandlerMapping(MethodRejections rejections, ProblemWriter writer, ApplicationAdvice advice,
			BooleanSupplier settled) {
		this.rejections = rejections;
		this.writer = writer;
		this.advice = advice;
		this.settled = settled;
		setOrder(ORDER);
	}

	@Override
	protected @Nullable Object getHandlerInternal(HttpServletRequest request) {
		if (request.getDispatcherType() != DispatcherType.REQUEST || "OPTIONS".equals(request.getMethod())
				|| CorsUtils.isPreFlightRequest(request) || !this.settled.getAsBoolean()
				|| request.getAttribute(FloorRejections.NOTHING_TO_REJECT_ATTRIBUTE) != null) {
			return null;
		}
		return this.rejections.beforeHandlerLookup(request)
			.map((rejection) -> new RejectionHandler(rejection, directWriter()))
			.orElse(null);
	}

	private @Nullable ProblemWriter directWriter() {
		return (this.advice.advisesBodies() || this.advice.handlesMethodNotSupported()) ? null : this.writer;
	}

}
