package dev.methodguard.internal.servlet;

import java.io.IOException;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import dev.methodguard.problem.MethodRejection;

import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The rejections the {@link EarlyRejectionHandlerMapping} would write, written instead by
 * method-guard's servlet filter before the request reaches the {@code DispatcherServlet}:
 * the same decision, the same writer, so the same bytes, metrics and log line, without the
 * cost of the dispatch. Only where that is certain: a request bound for the
 * {@code DispatcherServlet}, on its first dispatch, not {@code OPTIONS}, not a CORS request
 * (Spring MVC's CORS handling may add headers), with a content negotiation whose outcome is
 * certain, where the application has neither a {@code ResponseBodyAdvice} nor its own 405
 * handler, while no change of routes is under way, and where no filter of the application
 * follows method-guard's (it would see the request, and might change the answer). The
 * problem is built in the locale the {@code DispatcherServlet}'s {@code LocaleResolver}
 * resolves. Anything else takes the normal way; a request found to be no rejection is not
 * looked up again by the {@link EarlyRejectionHandlerMapping}, so a served request pays one
 * index lookup, as before.
 */
public final class FloorRejections {

	/**
	 * The request attribute that marks a request this floor found nothing to reject in: the
	 * {@link EarlyRejectionHandlerMapping} does not look it up again.
	 */
	static final String NOTHING_TO_REJECT_ATTRIBUTE = FloorRejections.class.getName() + ".NOTHING_TO_REJECT";

	private final MethodRejections rejections;

	private final ProblemWriter writer;

	private final ApplicationAdvice advice;

	private final BooleanSupplier settled;

	private final BooleanSupplier lastFilter;

	private final Supplier<@Nullable String> dispatcherServletName;

	private final Supplier<@Nullable LocaleResolver> localeResolver;

	/**
	 * Create the floor.
	 * @param rejections the decision logic
	 * @param writer writes the rejections
	 * @param advice what the application's own controller advice does
	 * @param settled whether no change of routes is under way
	 * @param lastFilter whether method-guard's filter is the last one a request bound for the
	 * {@code DispatcherServlet} passes
	 * @param dispatcherServletName the name of the {@code DispatcherServlet}
	 * @param localeResolver the {@code DispatcherServlet}'s locale resolver
	 */
	public FloorRejections(MethodRejections rejections, ProblemWriter writer, ApplicationAdvice advice,
			BooleanSupplier settled, BooleanSupplier lastFilter, Supplier<@Nullable String> dispatcherServletName,
			Supplier<@Nullable LocaleResolver> localeResolver) {
		this.rejections = rejections;
		this.writer = writer;
		this.advice = advice;
		this.settled = settled;
		this.lastFilter = lastFilter;
		this.dispatcherServletName = dispatcherServletName;
		this.localeResolver = localeResolver;
	}

	/**
	 * Answer the request here if it is a rejection the early rejection would write.
	 * @param request the request, which passed the application's other filters
	 * @param response the response
	 * @return {@code true} if answered
	 * @throws IOException on a write failure
	 */
	boolean answered(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (request.getDispatcherType() != DispatcherType.REQUEST || "OPTIONS".equals(request.getMethod())
				|| request.getHeader(HttpHeaders.ORIGIN) != null || !isBoundForTheDispatcherServlet(request)
				|| this.advice.advisesBodies() || this.advice.handlesMethodNotSupported()
				|| !this.settled.getAsBoolean() || !this.lastFilter.getAsBoolean()) {
			return false;
		}
		Optional<MethodRejection> rejection = this.rejections.beforeHandlerLookup(request);
		if (rejection.isEmpty()) {
			request.setAttribute(NOTHING_TO_REJECT_ATTRIBUTE, Boolean.TRUE);
			return false;
		}
		if (!this.writer.isCertain(request)) {
			return false;
		}
		LocaleResolver resolver = this.localeResolver.get();
		if (resolver != null && request.getAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE) == null) {
			request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, resolver);
		}
		return this.writer.write(request, response, rejection.get());
	}

	private boolean isBoundForTheDispatcherServlet(HttpServletRequest request) {
		HttpServletMapping mapping = request.getHttpServletMapping();
		String name = this.dispatcherServletName.get();
		return name != null && mapping != null && name.equals(mapping.getServletName());
	}

}
