package dev.methodguard.internal.servlet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import dev.methodguard.allow.AllowedMethods;
import dev.methodguard.internal.problem.MethodRejectedException;
import dev.methodguard.problem.MethodRejection;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.accept.NotAcceptableApiVersionException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every method rejection Spring MVC raises into a {@link MethodRejectedException},
 * whatever handler raised it, and hands that to the application's exception resolvers, so
 * that method-guard's controller advice renders it through the application's message
 * converters. It sees what the advice alone cannot: mismatches raised by a resource or
 * {@code HttpRequestHandler} (to which Spring applies no advice), requests that found no
 * handler although the path is a known resource (functional routes), methods no handler
 * implements (501), a method whose route Spring chose only to refuse the request's API
 * version (a fixed version earlier than the request's, where the path's routes of that
 * version take other methods: 405, not Spring's 400), and the rejections method-guard's own
 * handlers raise. Where the
 * application's own controller advice handles {@link HttpRequestMethodNotSupportedException}
 * ({@link ApplicationAdvice}), its handler answers every 405 instead, given the truthful
 * methods; 501s and the 404s of concealed paths stay method-guard's. A browser gets the
 * application's error page instead of method-guard's problem (see {@link BrowserErrorPages}).
 */
public final class MethodGuardExceptionResolver implements HandlerExceptionResolver, Ordered {

	/** The order of this resolver: before Spring's and the application's own. */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	/**
	 * The request attribute that marks a request whose rejection this resolver rendered:
	 * an error the renderer sends with it (the application's handler calling
	 * {@code sendError}) is then the application's, not a rejection to decide again.
	 */
	static final String RENDERED_ATTRIBUTE = MethodGuardExceptionResolver.class.getName() + ".RENDERED";

	private final MethodRejections rejections;

	private final RejectionResponses responses;

	private final Supplier<HandlerExceptionResolver> delegate;

	private final RequestBodyDrain drain;

	private final ApplicationAdvice advice;

	private final BrowserErrorPages pages;

	/**
	 * Create a resolver that answers API clients and browsers alike with the problem.
	 * @param rejections the decision logic
	 * @param responses tells the listeners and builds the problem of each rejection answered
	 * @param delegate the resolver that renders a {@link MethodRejectedException}, usually
	 * Spring MVC's composite of its exception resolvers
	 * @param drain settles the unread request body before the rejection is rendered
	 * @param advice what the application's own controller advice handles
	 */
	public MethodGuardExceptionResolver(MethodRejections rejections, RejectionResponses responses,
			Supplier<HandlerExceptionResolver> delegate, RequestBodyDrain drain, ApplicationAdvice advice) {
		this(rejections, responses, delegate, drain, advice, BrowserErrorPages.disabled());
	}

	/**
	 * Create a resolver.
	 * @param rejections the decision logic
	 * @param responses tells the listeners and builds the problem of each rejection answered
	 * @param delegate the resolver that renders a {@link MethodRejectedException}, usually
	 * Spring MVC's composite of its exception resolvers
	 * @param drain settles the unread request body before the rejection is rendered
	 * @param advice what the application's own controller advice handles
	 * @param pages the browser face, which sends browsers to the application's error page
	 */
	public MethodGuardExceptionResolver(MethodRejections rejections, RejectionResponses responses,
			Supplier<HandlerExceptionResolver> delegate, RequestBodyDrain drain, ApplicationAdvice advice,
			BrowserErrorPages pages) {
		this.rejections = rejections;
		this.responses = responses;
		this.delegate = delegate;
		this.drain = drain;
		this.advice = advice;
		this.pages = pages;
	}

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception ex) {
		Optional<MethodRejection> rejected;
		if (ex instanceof DecidedRejection decided) {
			rejected = Optional.of(decided.rejection());
		}
		else if (ex instanceof HttpRequestMethodNotSupportedException mismatch) {
			String[] supported = mismatch.getSupportedMethods();
			rejected = this.rejections.forMethodMismatch(request, (supported != null) ? Set.of(supported) : Set.of());
		}
		else if (ex instanceof NoHandlerFoundException || ex instanceof NoResourceFoundException) {
			rejected = this.rejections.forNoHandlerFound(request);
		}
		else if (ex instanceof NotAcceptableApiVersionException) {
			rejected = this.rejections.forVersionMismatch(request);
		}
		else {
			return null;
		}
		return rejected.map((rejection) -> render(request, response, rejection)).orElse(null);
	}

	private ModelAndView render(HttpServletRequest request, HttpServletResponse response,
			MethodRejection rejection) {
		if (!isTheApplications(rejection) && this.pages.wantsPage(request)) {
			request.setAttribute(RENDERED_ATTRIBUTE, Boolean.TRUE);
			try {
				this.pages.sendError(request, response, rejection);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return new ModelAndView();
		}
		this.drain.beforeAnswer(request, response);
		this.responses.announce(rejection);
		request.setAttribute(RENDERED_ATTRIBUTE, Boolean.TRUE);
		if (rejection.allowed() != null) {
			response.setHeader(HttpHeaders.ALLOW, rejection.allowed().toHeaderValue());
		}
		ModelAndView rendered = this.delegate.get()
			.resolveException(request, response, null, toRender(request, rejection));
		if (rendered != null) {
			return rendered;
		}
		response.setStatus(rejection.status());
		return new ModelAndView();
	}

	/**
	 * The exception to render: a 405 goes to the application's own handler of
	 * {@link HttpRequestMethodNotSupportedException} where it has one (with the truthful
	 * methods; the {@code Allow} header is already set in case that handler sets none);
	 * anything else is method-guard's problem, built now.
	 */
	private Exception toRender(HttpServletRequest request, MethodRejection rejection) {
		AllowedMethods allowed = rejection.allowed();
		if (isTheApplications(rejection) && allowed != null) {
			return new HttpRequestMethodNotSupportedException(rejection.method(), allowed.methods());
		}
		return this.responses.exception(request, rejection);
	}

	/** Whether the application's own handler of {@link HttpRequestMethodNotSupportedException} answers. */
	private boolean isTheApplications(MethodRejection decided) {
		return decided.status() == 405 && decided.allowed() != null && this.advice.handlesMethodNotSupported();
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
