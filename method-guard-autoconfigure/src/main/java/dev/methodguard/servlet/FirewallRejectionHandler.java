package dev.methodguard.servlet;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import dev.methodguard.problem.MethodRejectedException;

import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Spring Security's extension point for the requests its firewall rejects, before any
 * authentication: where the method alone was the reason (the request passes the firewall
 * with {@code GET} instead), the answer is method-guard's problem, as for a request no
 * handler takes: a 501 for a method no handler implements (no {@code Allow}, so nothing of
 * the resource is revealed before authorization), a 405 with the path's {@code Allow} (which
 * RFC 9110 requires) for a standard method or where {@code unknown-method-status} is 405;
 * every other rejection, and a refused method on a path no route serves, goes to the handler
 * Security would have used.
 */
public final class FirewallRejectionHandler implements RequestRejectedHandler {

	private final MethodRejections rejections;

	private final ProblemWriter writer;

	private final Supplier<HttpFirewall> firewall;

	private final RequestRejectedHandler fallback;

	/**
	 * Create the handler.
	 * @param rejections the decision logic
	 * @param writer the writer of problems outside Spring MVC
	 * @param firewall the firewall Security uses
	 * @param fallback the handler of every other rejection
	 */
	public FirewallRejectionHandler(MethodRejections rejections, ProblemWriter writer,
			Supplier<HttpFirewall> firewall, RequestRejectedHandler fallback) {
		this.rejections = rejections;
		this.writer = writer;
		this.firewall = firewall;
		this.fallback = fallback;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			RequestRejectedException requestRejectedException) throws IOException, ServletException {
		if (isRejectedForMethodAlone(request)) {
			Optional<MethodRejectedException> rejection = this.rejections.forMissingHandler(request);
			if (rejection.isPresent()) {
				this.writer.writeAnyway(request, response, rejection.get());
				return;
			}
		}
		this.fallback.handle(request, response, requestRejectedException);
	}

	private boolean isRejectedForMethodAlone(HttpServletRequest request) {
		HttpFirewall httpFirewall = this.firewall.get();
		return !passes(httpFirewall, request) && passes(httpFirewall, new GetRequest(request));
	}

	private static boolean passes(HttpFirewall firewall, HttpServletRequest request) {
		try {
			firewall.getFirewalledRequest(request);
			return true;
		}
		catch (RequestRejectedException ex) {
			return false;
		}
	}

	/** The request as if it had been sent with {@code GET}. */
	private static final class GetRequest extends HttpServletRequestWrapper {

		GetRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getMethod() {
			return "GET";
		}

	}

}
