package dev.methodguard.internal.servlet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import dev.methodguard.allow.AllowedMethods;
import dev.methodguard.internal.allow.MethodIndex;
import dev.methodguard.internal.allow.PathPolicy;
import dev.methodguard.internal.allow.RequestVersion;
import dev.methodguard.internal.allow.Resolution;
import dev.methodguard.problem.MethodRejection;

import org.springframework.http.server.PathContainer;
import org.springframework.web.accept.ApiVersionStrategy;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Decides, from the {@link MethodIndex} and the {@link PathPolicy}, whether a request that
 * found no handler, or the wrong one, is rejected because of its method, and with which
 * status and {@code Allow}: a pure decision, a {@link MethodRejection}, with no side effect.
 * Handler lookups run it, and others than the {@code DispatcherServlet} look handlers up
 * (Spring Security's CORS support does for every request), so nothing is told and nothing
 * is built here: the listeners are told, and the problem built, by {@link RejectionResponses}
 * when the rejection's answer is written.
 * <p>
 * Where the application versions its API and routes have version conditions, every decision
 * is taken for the request's version ({@link RequestApiVersion}): the methods of a path are
 * those of the routes that serve that version. A method the path takes only in other
 * versions is a 405 with this version's {@code Allow} (the resource exists in this version,
 * the method does not), where Spring MVC answers 404; a path served only in other versions
 * stays a 404. A request whose version Spring rejects (missing, invalid, unsupported: 400) is
 * never rejected here before Spring has judged it.
 */
public final class MethodRejections {

	private final Supplier<MethodIndex> index;

	private final int unknownMethodStatus;

	private final PathPolicy policy;

	private final Supplier<? extends @Nullable ApiVersionStrategy> versionStrategy;

	/**
	 * Create the decision logic for an application without API versioning.
	 * @param index the method index
	 * @param unknownMethodStatus the status for a method no handler implements, 501 or 405
	 * @param policy the paths to conceal and to leave to Spring
	 */
	public MethodRejections(Supplier<MethodIndex> index, int unknownMethodStatus, PathPolicy policy) {
		this(index, unknownMethodStatus, policy, () -> null);
	}

	/**
	 * Create the decision logic.
	 * @param index the method index
	 * @param unknownMethodStatus the status for a method no handler implements, 501 or 405
	 * @param policy the paths to conceal and to leave to Spring
	 * @param versionStrategy the API version strategy of the application's handler mappings,
	 * asked for per decision; it may supply {@code null} (no API versioning)
	 */
	public MethodRejections(Supplier<MethodIndex> index, int unknownMethodStatus, PathPolicy policy,
			Supplier<? extends @Nullable ApiVersionStrategy> versionStrategy) {
		this.index = index;
		this.unknownMethodStatus = unknownMethodStatus;
		this.policy = policy;
		this.versionStrategy = versionStrategy;
	}

	/**
	 * Whether method-guard leaves this request to Spring's default handling.
	 * @param request the request
	 * @return {@code true} if its path is excluded
	 */
	public boolean isExcluded(HttpServletRequest request) {
		return this.policy.isExcluded(RequestView.of(request).path());
	}

	/**
	 * The rejection of a request for which Spring found no handler at all: a 405 where the
	 * path is a known resource and the method is not among its methods, a 501 where no
	 * handler implements the method; otherwise none, and the 404 stands. Decided from the
	 * index alone, so only where the index is complete
	 * ({@link MethodIndex#isComplete()}): a handler it could not read may serve the method;
	 * and, where the path has versioned routes, only for a request whose API version can be
	 * resolved.
	 * @param request the request
	 * @return the rejection, or empty
	 */
	public Optional<MethodRejection> forNoHandlerFound(HttpServletRequest request) {
		return this.index.get().isComplete()
				? forMissingHandler(request, RequestView.of(request), true) : Optional.empty();
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
	public Optional<MethodRejection> forMissingHandler(HttpServletRequest request) {
		return forMissingHandler(request, RequestView.of(request), false);
	}

	/**
	 * The rejection of a request that a plain servlet answered with 405 or 501: as
	 * {@link #forMissingHandler(HttpServletRequest)}, for the path the container mapped to
	 * the servlet (normalized: {@code //} merged, dot segments removed).
	 * @param request the request
	 * @return the rejection, or empty
	 */
	public Optional<MethodRejection> forServletError(HttpServletRequest request) {
		return forMissingHandler(request, RequestView.fixForPlainServlet(request), false);
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
	public Optional<MethodRejection> forContainerError(HttpServletRequest request, boolean plainServlet) {
		return forMissingHandler(request, RequestView.ofContainerError(request, plainServlet), false);
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
	public Optional<MethodRejection> forRefusedMethod(HttpServletRequest request, boolean plainServlet) {
		RequestView view = RequestView.ofContainerError(request, plainServlet);
		if (this.policy.isExcluded(view.path())) {
			return Optional.empty();
		}
		return Optional.of(reject(view, 501, null, List.of()));
	}

	/**
	 * The rejection of a request no handler took. Where Spring found none, and the decision
	 * needs an API version that cannot be resolved, Spring's 404 stands: the methods of no
	 * version are known to be this request's.
	 */
	private Optional<MethodRejection> forMissingHandler(HttpServletRequest request, RequestView view,
			boolean springFoundNone) {
		String path = view.path();
		if (this.policy.isExcluded(path)) {
			return Optional.empty();
		}
		String method = view.method();
		MethodIndex methodIndex = this.index.get();
		RequestVersion version = versionOf(request, methodIndex);
		if (!methodIndex.isImplemented(method)) {
			return unimplemented(view, lookupForUnimplemented(methodIndex, path, version));
		}
		Optional<Resolution> resolution = methodIndex.lookup(path, version);
		if (springFoundNone && RequestApiVersion.failed(version)) {
			return Optional.empty();
		}
		return resolution.filter((known) -> !known.allowed().contains(method))
			.map((known) -> reject(view, 405, known.allowed(), known.patterns()));
	}

	/**
	 * The rejection of a request decided from the index alone, before any handler lookup:
	 * a 501 for a method no handler implements, a 405 where the path matches known patterns
	 * and none of them takes the method. Only where the index is complete. Costs one index
	 * lookup when the request is not rejected, on the path Spring MVC already parsed (where
	 * that path starts at the context path; below a servlet path it starts there, and the
	 * raw path is used), and no check of a static resource's presence where some route
	 * takes the method. Where the decision needs the request's API version and that cannot
	 * be resolved, the request is left to Spring, whose 400 stands.
	 * @param request the request
	 * @return the rejection, or empty where the normal handling must decide
	 */
	public Optional<MethodRejection> beforeHandlerLookup(HttpServletRequest request) {
		MethodIndex methodIndex = this.index.get();
		if (!methodIndex.isComplete()) {
			return Optional.empty();
		}
		RequestView view = RequestView.of(request);
		String method = view.method();
		String path = view.path();
		RequestVersion version = versionOf(request, methodIndex);
		if (!methodIndex.isImplemented(method)) {
			return this.policy.isExcluded(path) ? Optional.empty()
					: unimplemented(view, lookupForUnimplemented(methodIndex, path, version));
		}
		PathContainer parsed = ServletRequestPathUtils.hasParsedRequestPath(request)
				? ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication() : null;
		Optional<Resolution> resolution = (parsed != null && parsed.value().length() == path.length())
				? methodIndex.lookupRejecting(parsed, method, version)
				: methodIndex.lookupRejecting(path, method, version);
		if (resolution.isEmpty() || this.policy.isExcluded(path) || RequestApiVersion.failed(version)) {
			return Optional.empty();
		}
		return Optional.of(reject(view, 405, resolution.get().allowed(), resolution.get().patterns()));
	}

	/**
	 * Whether a route serving the request's path takes a method.
	 * @param request the request
	 * @param method the method token
	 * @return {@code true} if the index knows the path and a route of it takes the method
	 */
	public boolean isTaken(HttpServletRequest request, String method) {
		MethodIndex methodIndex = this.index.get();
		return methodIndex.lookup(RequestView.of(request).path(), versionOf(request, methodIndex))
			.filter((known) -> known.allowed().contains(method))
			.isPresent();
	}

	/**
	 * What the index knows of the request's path, for the request's API version: the
	 * resolution an answer to {@code OPTIONS} lists. Empty where no route serves the path in
	 * that version, and, where the application versions its API, wherever the request's
	 * version cannot be resolved: Spring answers such a request 400 wherever a handler of a
	 * versioned mapping takes it.
	 * @param request the request
	 * @return the resolution, or empty
	 */
	public Optional<Resolution> lookup(HttpServletRequest request) {
		MethodIndex methodIndex = this.index.get();
		RequestVersion version = RequestApiVersion.of(request, this.versionStrategy.get());
		if (RequestApiVersion.fails(version)) {
			return Optional.empty();
		}
		return methodIndex.lookup(RequestView.of(request).path(),
				methodIndex.isVersioned() ? version : RequestVersion.NONE);
	}

	/**
	 * The rejection of a request that Spring MVC matched to an annotated route of a fixed API
	 * version earlier than the request's, and refused because of that version (a later fixed
	 * version takes the method from an earlier baseline): a 405 where routes of the path serve
	 * the request's version and none of them takes the method; otherwise none, and Spring's
	 * 400 stands.
	 * @param request the request
	 * @return the rejection, or empty
	 */
	public Optional<MethodRejection> forVersionMismatch(HttpServletRequest request) {
		RequestView view = RequestView.of(request);
		String path = view.path();
		MethodIndex methodIndex = this.index.get();
		RequestVersion version = versionOf(request, methodIndex);
		if (this.policy.isExcluded(path) || version.get() == null) {
			return Optional.empty();
		}
		return methodIndex.lookup(path, version)
			.filter((known) -> !known.allowed().contains(view.method()))
			.map((known) -> reject(view, 405, known.allowed(), known.patterns()));
	}

	/**
	 * The rejection of a request whose handler does not support its method.
	 * @param request the request
	 * @param supported the methods the handler said it supports
	 * @return the rejection, or empty where the path is excluded
	 */
	public Optional<MethodRejection> forMethodMismatch(HttpServletRequest request,
			Collection<String> supported) {
		RequestView view = RequestView.of(request);
		String path = view.path();
		if (this.policy.isExcluded(path)) {
			return Optional.empty();
		}
		MethodIndex methodIndex = this.index.get();
		RequestVersion version = versionOf(request, methodIndex);
		Optional<Resolution> resolution = methodIndex.lookup(path, version);
		if (methodIndex.isComplete() && !methodIndex.isImplemented(view.method())) {
			Optional<MethodRejection> rejected = unimplemented(view, resolution);
			if (rejected.isPresent()) {
				return rejected;
			}
		}
		AllowedMethods allowed = AllowedMethods.of(inThisVersion(supported, methodIndex, path, version, resolution))
			.withOptions();
		List<String> patterns = List.of();
		if (resolution.isPresent()) {
			allowed = resolution.get().allowed().union(allowed);
			patterns = resolution.get().patterns();
		}
		return Optional.of(reject(view, 405, allowed, patterns));
	}

	/**
	 * The methods a handler said it supports, without those the index knows on the path only
	 * in other API versions than the request's: Spring's mismatch lists the methods of every
	 * version.
	 */
	private static Collection<String> inThisVersion(Collection<String> supported, MethodIndex methodIndex,
			String path, RequestVersion version, Optional<Resolution> resolution) {
		if (version == RequestVersion.NONE || version.get() == null) {
			return supported;
		}
		AllowedMethods everyVersion = methodIndex.lookup(path).map(Resolution::allowed).orElse(AllowedMethods.none());
		AllowedMethods thisVersion = resolution.map(Resolution::allowed).orElse(AllowedMethods.none());
		List<String> kept = new ArrayList<>(supported.size());
		for (String method : supported) {
			if (!everyVersion.contains(method) || thisVersion.contains(method)) {
				kept.add(method);
			}
		}
		return kept;
	}

	/**
	 * The rejection of an {@code OPTIONS} request on a concealed path: a 404.
	 * @param request the request
	 * @param resolution what the index knows of its path
	 * @return the rejection, or empty where the path is not concealed
	 */
	public Optional<MethodRejection> forConcealedOptions(HttpServletRequest request, Resolution resolution) {
		RequestView view = RequestView.of(request);
		if (!this.policy.isConcealed(view.path())) {
			return Optional.empty();
		}
		return Optional.of(reject(view, 405, resolution.allowed(), resolution.patterns()));
	}

	/**
	 * The lookup behind a method no handler implements: a 501 needs the path's patterns for
	 * its metrics only, so it costs no resource lookup (a flood of unknown methods on random
	 * paths touches no file); a 405 needs the path's {@code Allow}.
	 */
	private Optional<Resolution> lookupForUnimplemented(MethodIndex methodIndex, String path,
			RequestVersion version) {
		return (this.unknownMethodStatus == 501) ? methodIndex.lookupWithoutIo(path, version)
				: methodIndex.lookup(path, version);
	}

	/**
	 * The version of a request, where the index has versioned routes; nothing to resolve
	 * otherwise.
	 */
	private RequestVersion versionOf(HttpServletRequest request, MethodIndex methodIndex) {
		return methodIndex.isVersioned() ? RequestApiVersion.of(request, this.versionStrategy.get())
				: RequestVersion.NONE;
	}

	/**
	 * A 501 says the server implements the method for no resource: it carries no
	 * {@code Allow} (RFC 9110 asks for one on a 405 only), so it reveals nothing of the
	 * resource and is the same whether or not the request went through a security filter; the
	 * patterns, known without I/O, only tag the metrics. Where unknown methods are 405s, the
	 * path's {@code Allow} is required, and an unknown path stays 404.
	 */
	private Optional<MethodRejection> unimplemented(RequestView view, Optional<Resolution> resolution) {
		List<String> patterns = resolution.map(Resolution::patterns).orElse(List.of());
		if (this.unknownMethodStatus == 501) {
			return Optional.of(reject(view, 501, null, patterns));
		}
		return resolution.map((known) -> reject(view, 405, known.allowed(), patterns));
	}

	private MethodRejection reject(RequestView view, int status, @Nullable AllowedMethods allowed,
			List<String> patterns) {
		boolean concealed = this.policy.isConcealed(view.path());
		int finalStatus = (concealed && status == 405) ? 404 : status;
		return new MethodRejection(finalStatus, view.method(), view.uri(), concealed ? null : allowed,
				concealed ? List.of() : patterns);
	}

}
