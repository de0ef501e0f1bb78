package dev.methodguard.internal.servlet;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import dev.methodguard.internal.problem.MethodRejectedException;
import dev.methodguard.problem.MethodRejection;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;

/**
 * Writes a rejection decided before handler lookup straight through the application's
 * message converter for {@code application/problem+json}, where the outcome of Spring's
 * content negotiation is certain (no {@code Accept}, or {@code *}{@code /*},
 * {@code application/json} or {@code application/problem+json}; no file extension that
 * would call for a {@code Content-Disposition}): the same converter, media type, status and
 * headers as the advice's answer, without the cost of raising and resolving an exception.
 * Any other request is left to the advice. Outside Spring MVC, it answers a browser with the
 * application's error page instead (see {@link BrowserErrorPages}).
 */
public final class ProblemWriter {

	private static final List<String> CERTAIN_ACCEPT = List.of("*/*", "application/json", "application/problem+json");

	private final Supplier<List<HttpMessageConverter<?>>> converters;

	private final RequestBodyDrain drain;

	private final RejectionResponses responses;

	private final BrowserErrorPages pages;

	private volatile @Nullable HttpMessageConverter<Object> problemJson;

	private volatile boolean resolved;

	/**
	 * Create a writer.
	 * @param converters the message converters of the application, in order of preference
	 * @param drain settles the unread request body before the answer is written
	 * @param responses tells the listeners of each rejection this writer answers, as it
	 * answers it, and builds its problem
	 */
	public ProblemWriter(Supplier<List<HttpMessageConverter<?>>> converters, RequestBodyDrain drain,
			RejectionResponses responses) {
		this(converters, drain, responses, BrowserErrorPages.disabled());
	}

	/**
	 * Create a writer that answers browsers with the application's error page.
	 * @param converters the message converters of the application, in order of preference
	 * @param drain settles the unread request body before the answer is written
	 * @param responses tells the listeners of each rejection this writer answers, as it
	 * answers it, and builds its problem
	 * @param pages the browser face
	 */
	public ProblemWriter(Supplier<List<HttpMessageConverter<?>>> converters, RequestBodyDrain drain,
			RejectionResponses responses, BrowserErrorPages pages) {
		this.converters = converters;
		this.drain = drain;
		this.responses = responses;
		this.pages = pages;
	}

	/**
	 * Write the rejection if the outcome of content negotiation is certain.
	 * @param request the request
	 * @param response the response
	 * @param rejection the rejection
	 * @return {@code true} if written, {@code false} if the advice must write it
	 * @throws IOException on a write failure
	 */
	boolean write(HttpServletRequest request, HttpServletResponse response, MethodRejection rejection)
			throws IOException {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if ((accept != null && !CERTAIN_ACCEPT.contains(accept.trim())) || hasExtension(request.getRequestURI())
				|| this.pages.wantsPage(request)) {
			return false;
		}
		if (converter() == null) {
			return false;
		}
		writeAnyway(request, response, rejection);
		return true;
	}

	/**
	 * Answer a rejection decided outside Spring MVC (a servlet filter, Spring Security's
	 * firewall), where no content negotiation runs, and not on an error page dispatch: a
	 * browser gets the application's error page (see {@link BrowserErrorPages}); any other
	 * client the rejection as {@code application/problem+json}, whatever it accepts. A path
	 * with a file extension gets the {@code Content-Disposition} Spring MVC adds to such error
	 * bodies. Without a JSON converter the status and headers are sent with an empty body.
	 * @param request the request
	 * @param response the response, not yet committed
	 * @param rejection the rejection
	 * @throws IOException on a write failure
	 */
	public void writeAnyway(HttpServletRequest request, HttpServletResponse response,
			MethodRejection rejection) throws IOException {
		if (this.pages.wantsPage(request)) {
			this.pages.sendError(request, response, rejection);
			return;
		}
		writeProblem(request, response, rejection);
	}

	/**
	 * Write the rejection as {@code application/problem+json} whatever the request accepts,
	 * as {@link #writeAnyway} writes it for an API client.
	 * @param request the request
	 * @param response the response, not yet committed
	 * @param rejection the rejection
	 * @throws IOException on a write failure
	 */
	void writeProblem(HttpServletRequest request, HttpServletResponse response, MethodRejection rejection)
			throws IOException {
		this.drain.beforeAnswer(request, response);
		this.responses.announce(rejection);
		MethodRejectedException answer = this.responses.exception(request, rejection);
		response.resetBuffer();
		response.setStatus(rejection.status());
		MethodGuardAdvice.setHeaders(response, answer);
		if (hasExtension(RequestView.of(request).uri())) {
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "inline;filename=f.txt");
		}
		HttpMessageConverter<Object> converter = converter();
		if (converter == null || "HEAD".equals(RequestView.method(request))) {
			response.flushBuffer();
			return;
		}
		ServletServerHttpResponse output = new ServletServerHttpResponse(response);
		converter.write(answer.getBody(), MediaType.APPLICATION_PROBLEM_JSON, output);
		output.flush();
	}

	private static boolean hasExtension(String uri) {
		return uri.lastIndexOf('.') > uri.lastIndexOf('/');
	}

	@SuppressWarnings("unchecked")
	private @Nullable HttpMessageConverter<Object> converter() {
		if (!this.resolved) {
			for (HttpMessageConverter<?> candidate : this.converters.get()) {
				if (candidate.canWrite(ProblemDetail.class, MediaType.APPLICATION_PROBLEM_JSON)) {
					this.problemJson = (HttpMessageConverter<Object>) candidate;
					break;
				}
			}
			this.resolved = true;
		}
		return this.problemJson;
	}

}
