package dev.methodguard.servlet;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import dev.methodguard.allow.AllowedMethods;
import dev.methodguard.allow.MethodIndex;
import dev.methodguard.allow.Resolution;
import dev.methodguard.problem.MethodProblemFactory;
import dev.methodguard.problem.MethodRejectedException;
import dev.methodguard.problem.MethodRejection;

import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Decides, from the {@link MethodIndex}, whether a request that found no handler or the
 * wrong one is rejected because of its method, and with which status and {@code Allow}.
 */
public final class MethodRejections {

	private final Supplier<MethodIndex> index;

	private final MethodProblemFactory problems;

	private final int unknownMethodStatus;

	/**
	 * Create the decision logic.
	 * @param index the method index
	 * @param problems the problem factory
	 * @param unknownMethodStatus the status for a method no handler implements, 501 or 405
	 */
	public MethodRejections(Supplier<MethodIndex> index, MethodProblemFactory problems, int unknownMethodStatus) {
		this.index = index;
		this.problems = problems;
		this.unknownMethodStatus = unknownMethodStatus;
	}

	/**
	 * The rejection of a request for which Spring found no handler at all: a 405 where
	 * the path is a known resource and the method is not among its methods, a 501 where no
	 * handler implements the method; otherwise none, and the 404 stands.
	 * @param request the request
	 * @return the rejection, or empty
	 */
	public Optional<MethodRejectedException> forMissingHandler(HttpServletRequest request) {
		String method = OriginalRequest.method(request);
		MethodIndex methodIndex = this.index.get();
		Optional<Resolution> resolution = methodIndex.lookup(OriginalRequest.pathWithinApplication(request));
		if (!methodIndex.isImplemented(method)) {
			return unimplemented(request, resolution);
		}
		return resolution.filter((known) -> !known.allowed().contains(method))
			.map((known) -> reject(request, 405, known.allowed(), known.patterns()));
	}

	/**
	 * The rejection of a request whose handler does not support its method.
	 * @param request the request
	 * @param supported the methods the handler said it supports
	 * @return the rejection
	 */
	public MethodRejectedException forMethodMismatch(HttpServletRequest request, Collection<String> supported) {
		MethodIndex methodIndex = this.index.get();
		Optional<Resolution> resolution = methodIndex.lookup(OriginalRequest.pathWithinApplication(request));
		if (!methodIndex.isImplemented(OriginalRequest.method(request))) {
			Optional<MethodRejectedException> rejected = unimplemented(request, resolution);
			if (rejected.isPresent()) {
				return rejected.get();
			}
		}
		AllowedMethods allowed = AllowedMethods.of(supported).withOptions();
		List<String> patterns = List.of();
		if (resolution.isPresent()) {
			allowed = resolution.get().allowed().union(allowed);
			patterns = resolution.get().patterns();
		}
		return reject(request, 405, allowed, patterns);
	}

	private Optional<MethodRejectedException> unimplemented(HttpServletRequest request,
			Optional<Resolution> resolution) {
		AllowedMethods allowed = resolution.map(Resolution::allowed).orElse(null);
		if (this.unknownMethodStatus == 405 && allowed == null) {
			return Optional.empty();
		}
		List<String> patterns = resolution.map(Resolution::patterns).orElse(List.of());
		return Optional.of(reject(request, this.unknownMethodStatus, allowed, patterns));
	}

	private MethodRejectedException reject(HttpServletRequest request, int status, AllowedMethods allowed,
			List<String> patterns) {
		MethodRejection rejection = new MethodRejection(status, OriginalRequest.method(request), OriginalRequest.requestUri(request),
				allowed, patterns);
		return new MethodRejectedException(rejection,
				this.problems.create(rejection, RequestContextUtils.getLocale(request)));
	}

}
