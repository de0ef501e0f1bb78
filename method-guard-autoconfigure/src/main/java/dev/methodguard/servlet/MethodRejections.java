package dev.methodguard.servlet;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import dev.methodguard.allow.AllowedMethods;
import dev.methodguard.allow.MethodIndex;
import dev.methodguard.allow.PathPolicy;
import dev.methodguard.allow.Resolution;
import dev.methodguard.problem.MethodProblemFactory;
import dev.methodguard.problem.MethodRejectedException;
import dev.methodguard.problem.MethodRejection;
import dev.methodguard.problem.MethodRejectionListener;

import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Decides, from the {@link MethodIndex} and the {@link PathPolicy}, whether a request that
 * found no handler, or the wrong one, is rejected because of its method, and with which
 * status and {@code Allow}. Deciding tells no listener (handler lookups run it, and others
 * than the {@code DispatcherServlet} look handlers up: Spring Security's CORS support does for
 * every request); the {@link MethodRejectionListener listeners} are told by
 * {@link #announce(MethodRejection)} when the rejection's answer is written. The problem is
 * built, customizers included, for every decision, written or not.
 */
public final class MethodRejections {

	private final Supplier<MethodIndex> index;

	private final MethodProblemFactory problems;

	private final int unknownMethodStatus;

	private final PathPolicy policy;

	private final List<MethodRejectionListener> listeners;

	/**
	 * Create the decision logic.
	 * @param index the method index
	 * @param problems the problem factory
	 * @param unknownMethodStatus the status for a method no handler implements, 501 or 405
	 * @param policy the paths to conceal and to leave to Spring
	 * @param listeners the listeners to tell of each rejection
	 */
	public MethodRejections(Supplier<MethodIndex> index, MethodProblemFactory problems, int unknownMethodStatus,
			PathPolicy policy, List<MethodRejectionListener> listeners) {
		this.index = index;
		this.problems = problems;
		this.unknownMethodStatus = unknownMethodStatus;
		this.policy = policy;
		this.listeners = List.copyOf(listeners);
	}

	/**
	 * Whether method-guard leaves this request to Spring's default handling.
	 * @param request the request
	 * @return {@code true} if its path is excluded
	 */
	public boolean isExcluded(HttpServletRequest request) {
		return this.policy.isExcluded(OriginalRequest.pathWithinApplication(request));
	}

	/**
	 * The rejection of a request for which Spring found no handler at all: a 405 where the
	 * path is a known resource and the method is not among its methods, a 501 where no
	 * handler implements the method; otherwise none, and the 404 stands. Decided from the
	 * index alone, so only where the index is complete
	 * ({@link MethodIndex#isComplete()}): a handler it could not read may serve the method.
	 * @param request the request
	 * @return the rejection, or empty
	 */
	public Optional<MethodRejectedException> forNoHandlerFound(HttpServletRequest request) {
		return this.index.get().isComplete() ? forMissingHandler(request) : Optional.empty();
	}

	/**
	 * The rejection of a request already refused because of its method by the container, a
	 * servlet, a firewall or method-guard's rule never to echo {@code TRACE}: a 405 where
	 * the path is a known resource and the method is not among its methods, a 501 where no
	 * handler implements the method; otherwise none. The refusal stands whatever the index
	 * could read; the index only chooses the status and the {@code Allow}.
	 * @param request the request
	 * @return the rejection, or empty
	 */
	public Optional<MethodRejectedException> forMissingHandler(HttpServletRequest request) {
		return forMissingHandler(request, OriginalRequest.pathWithinApplication(request));
	}

	/**
	 * The rejection of a request that a plain servlet answered with 405 or 501: as
	 * {@link #forMissingHandler(HttpServletRequest)}, for the path the container mapped to
	 * the servlet (normalized: {@code //} merged, dot segments removed).
	 * @param request the request
	 * @return the rejection, or empty
	 */
	public Optional<MethodRejectedException> forServletError(HttpServletRequest request) {
		return forMissingHandler(request, OriginalRequest.mappedPath(request));
	}

	/**
	 * The rejection of a 405 or 501 the container sent before any filter (Tomcat's own
	 * rejection of {@code TRACE}), seen on the error page dispatch: as
	 * {@link #forMissingHandler(HttpServletRequest)}; where the failed request was mapped to
	 * a plain servlet, for the path as the container normalized it to choose that servlet.
	 * @param request the request of the error page dispatch
	 * @param plainServlet whether the failed request was mapped to a plain servlet
	 * @return the rejection, or empty
	 */
	public Optional<MethodRejectedException> forContainerError(HttpServletRequest request, boolean plainServlet) {
		return forMissingHandler(request, containerPath(request, plainServlet));
	}

	/**
	 * The rejection of a method refused on every path before any authentication, by the
	 * servlet container (Tomcat's {@code TRACE}) or by Spring Security's firewall, where
	 * nothing of the application may be revealed yet: a 501 without {@code Allow}, whatever
	 * the path. RFC 9110 (section 15.6.2) makes 501 the answer for a method the server
	 * supports for no resource, which is what a refusal on every path means, even where a
	 * handler maps the method (it is never reached); a 405 would need the resource's
	 * {@code Allow} (section 15.5.6). Nothing is looked up: the status, headers and problem,
	 * and what listeners and customizers see, are the same for a route, a missing path and a
	 * concealed one.
	 * @param request the request (for the container's refusal, that of the error page
	 * dispatch)
	 * @param plainServlet whether the container mapped the refused request to a plain
	 * servlet (never so for the firewall's refusal)
	 * @return the rejection, or empty where the path is excluded
	 */
	public Optional<MethodRejectedException> forRefusedMethod(HttpServletRequest request, boolean plainServlet) {
		String path = containerPath(request, plainServlet);
		if (this.policy.isExcluded(path)) {
			return Optional.empty();
		}
		return Optional.of(reject(request, path, 501, null, List.of()));
	}

	private static String containerPath(HttpServletRequest request, boolean plainServlet) {
		String path = OriginalRequest.pathWithinApplication(request);
		return plainServlet ? OriginalRequest.normalize(path) : path;
	}

	private Optional<MethodRejectedException> forMissingHandler(HttpServletRequest request, String path) {
		if (this.policy.isExcluded(path)) {
			return Optional.empty();
		}
		String method = OriginalRequest.method(request);
		MethodIndex methodIndex = this.index.get();
		if (!methodIndex.isImplemented(method)) {
			return unimplemented(request, path, lookupForUnimplemented(methodIndex, path));
		}
		return methodIndex.lookup(path)
			.filter((known) -> !known.allowed().contains(method))
			.map((known) -> reject(request, path, 405, known.allowed(), known.patterns()));
	}

	/**
	 * The rejection of a request decided from the index alone, before any handler lookup:
	 * a 501 for a method no handler implements, a 405 where the path matches known patterns
	 * and none of them takes the method. Only where the index is complete. Costs one index
	 * lookup when the request is not rejected, on the path Spring MVC already parsed (where
	 * that path starts at the context path; below a servlet path it starts there, and the
	 * raw path is used), and no check of a static resource's presence where some route
	 * takes the method.
	 * @param request the request
	 * @return the rejection, or empty where the normal handling must decide
	 */
	public Optional<MethodRejectedException> beforeHandlerLookup(HttpServletRequest request) {
		MethodIndex methodIndex = this.index.get();
		if (!methodIndex.isComplete()) {
			return Optional.empty();
		}
		String method = request.getMethod();
		String path = OriginalRequest.pathWithinApplication(request);
		if (!methodIndex.isImplemented(method)) {
			return this.policy.isExcluded(path) ? Optional.empty()
					: unimplemented(request, path, lookupForUnimplemented(methodIndex, path));
		}
		PathContainer parsed = ServletRequestPathUtils.hasParsedRequestPath(request)
				? ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication() : null;
		Optional<Resolution> resolution = (parsed != null && parsed.value().length() == path.length())
				? methodIndex.lookupRejecting(parsed, method) : methodIndex.lookupRejecting(path, method);
		if (resolution.isEmpty() || this.policy.isExcluded(path)) {
			return Optional.empty();
		}
		return Optional.of(reject(request, path, 405, resolution.get().allowed(), resolution.get().patterns()));
	}

	/**
	 * Whether a route serving the request's path takes a method.
	 * @param request the request
	 * @param method the method token
	 * @return {@code true} if the index knows the path and a route of it takes the method
	 */
	public boolean isTaken(HttpServletRequest request, String method) {
		return this.index.get()
			.lookup(OriginalRequest.pathWithinApplication(request))
			.filter((known) -> known.allowed().contains(method))
			.isPresent();
	}

	/**
	 * The rejection of a request whose handler does not support its method.
	 * @param request the request
	 * @param supported the methods the handler said it supports
	 * @return the rejection, or empty where the path is excluded
	 */
	public Optional<MethodRejectedException> forMethodMismatch(HttpServletRequest request,
			Collection<String> supported) {
		String path = OriginalRequest.pathWithinApplication(request);
		if (this.policy.isExcluded(path)) {
			return Optional.empty();
		}
		MethodIndex methodIndex = this.index.get();
		Optional<Resolution> resolution = methodIndex.lookup(path);
		if (methodIndex.isComplete() && !methodIndex.isImplemented(OriginalRequest.method(request))) {
			Optional<MethodRejectedException> rejected = unimplemented(request, path, resolution);
			if (rejected.isPresent()) {
				return rejected;
			}
		}
		AllowedMethods allowed = AllowedMethods.of(supported).withOptions();
		List<String> patterns = List.of();
		if (resolution.isPresent()) {
			allowed = resolution.get().allowed().union(allowed);
			patterns = resolution.get().patterns();
		}
		return Optional.of(reject(request, path, 405, allowed, patterns));
	}

	/**
	 * The rejection of an {@code OPTIONS} request on a concealed path: a 404.
	 * @param request the request
	 * @param resolution what the index knows of its path
	 * @return the rejection, or empty where the path is not concealed
	 */
	public Optional<MethodRejectedException> forConcealedOptions(HttpServletRequest request, Resolution resolution) {
		String path = OriginalRequest.pathWithinApplication(request);
		if (!this.policy.isConcealed(path)) {
			return Optional.empty();
		}
		return Optional.of(reject(request, path, 405, resolution.allowed(), resolution.patterns()));
	}

	/**
	 * Tell the listeners of a rejection whose answer is being written: once per answered
	 * request, never for a decision no client saw.
	 * @param rejection the rejection
	 */
	public void announce(MethodRejection rejection) {
		for (MethodRejectionListener listener : this.listeners) {
			listener.onRejection(rejection);
		}
	}

	/**
	 * The lookup behind a method no handler implements: a 501 needs the path's patterns for
	 * its metrics only, so it costs no resource lookup (a flood of unknown methods on random
	 * paths touches no file); a 405 needs the path's {@code Allow}.
	 */
	private Optional<Resolution> lookupForUnimplemented(MethodIndex methodIndex, String path) {
		return (this.unknownMethodStatus == 501) ? methodIndex.lookupWithoutIo(path) : methodIndex.lookup(path);
	}

	/**
	 * A 501 says the server implements the method for no resource: it carries no
	 * {@code Allow} (RFC 9110 asks for one on a 405 only), so it reveals nothing of the
	 * resource and is the same whether or not the request went through a security filter; the
	 * patterns, known without I/O, only tag the metrics. Where unknown methods are 405s, the
	 * path's {@code Allow} is required, and an unknown path stays 404.
	 */
	private Optional<MethodRejectedException> unimplemented(HttpServletRequest request, String path,
			Optional<Resolution> resolution) {
		List<String> patterns = resolution.map(Resolution::patterns).orElse(List.of());
		if (this.unknownMethodStatus == 501) {
			return Optional.of(reject(request, path, 501, null, patterns));
		}
		return resolution.map((known) -> reject(request, path, 405, known.allowed(), patterns));
	}

	private MethodRejectedException reject(HttpServletRequest request, String path, int status,
			AllowedMethods allowed, List<String> patterns) {
		boolean concealed = this.policy.isConcealed(path);
		int finalStatus = (concealed && status == 405) ? 404 : status;
		MethodRejection rejection = new MethodRejection(finalStatus, OriginalRequest.method(request),
				OriginalRequest.requestUri(request), concealed ? null : allowed, concealed ? List.of() : patterns);
		return new MethodRejectedException(rejection,
				this.problems.create(rejection, RequestContextUtils.getLocale(request)));
	}

}
