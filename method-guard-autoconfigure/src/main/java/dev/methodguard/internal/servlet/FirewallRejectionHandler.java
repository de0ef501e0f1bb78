package dev.methodguard.internal.servlet;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import dev.methodguard.problem.MethodRejection;

import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Spring Security's extension point for the requests its firewall rejects, before any
 * authentication: where the method alone was the reason (the request passes the firewall
 * with {@code GET} instead), the answer is method-guard's problem instead of a bare 400.
 * <p>
 * By default nothing of the application is revealed, since no authentication has run: the
 * answer is the 501 problem without {@code Allow} on every path that is not excluded (see
 * {@link MethodRejections#forRefusedMethod}). The firewall refuses the method on every path,
 * so the server supports it for no resource, which is what a 501 says (RFC 9110 section
 * 15.6.2), and the answer is the same for a route and a missing path.
 * <p>
 * Where revealing before authentication is asked for, the answer is that of a request no
 * handler takes: a 501 for a method no handler implements, a 405 with the path's
 * {@code Allow} (which RFC 9110 requires) for a standard method or where
 * {@code unknown-method-status} is 405, and the rejection Security would have answered on a
 * path no route serves.
 * <p>
 * Every other rejection, and a refused method on an excluded path, goes to the handler
 * Security would have used.
 */
public final class FirewallRejectionHandler implements RequestRejectedHandler {

	private final MethodRejections rejections;

	private final ProblemWriter writer;

	private final Supplier<HttpFirewall> firewall;

	private final RequestRejectedHandler fallback;

	private final boolean revealBeforeAuthentication;

	/**
	 * Create the handler.
	 * @param rejections the decision logic
	 * @param writer the writer of problems outside Spring MVC
	 * @param firewall the firewall Security uses
	 * @param fallback the handler of every other rejection
	 * @param revealBeforeAuthentication whether a refused method on a route gets the path's
	 * {@code Allow} where a 405 is the answer, instead of the 501 every path gets
	 */
	public FirewallRejectionHandler(MethodRejections rejections, ProblemWriter writer,
			Supplier<HttpFirewall> firewall, RequestRejectedHandler fallback, boolean revealBeforeAuthentication) {
		this.rejections = rejections;
		this.writer = writer;
		this.firewall = firewall;
		this.fallback = fallback;
		this.revealBeforeAuthentication = revealBeforeAuthentication;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			RequestRejectedException requestRejectedException) throws IOException, ServletException {
		if (isRejectedForMethodAlone(request)) {
			Optional<MethodRejection> rejection = this.revealBeforeAuthentication
					? this.rejections.forMissingHandler(request) : this.rejections.forRefusedMethod(request, false);
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
