package dev.methodguard.internal.servlet;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import dev.methodguard.internal.allow.RequestVersion;

import org.springframework.web.accept.ApiVersionStrategy;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The API version of a request, resolved, parsed and validated the way Spring MVC's handler
 * mappings do it ({@link ApiVersionStrategy#resolveParseAndValidateVersion}), when first
 * asked for: the request's version, or the default version where it sends none. Where that
 * fails (a missing required version, one that does not parse, one not supported: Spring's
 * 400), it is {@link #failed() failed} and every route counts, so that method-guard leaves
 * such requests to Spring. A version read from the path works where Spring MVC parsed the
 * path; elsewhere (a servlet filter) the path is parsed for the resolution only.
 */
final class RequestApiVersion implements RequestVersion {

	private final HttpServletRequest request;

	private final ApiVersionStrategy strategy;

	private boolean resolved;

	private @Nullable Comparable<?> version;

	private boolean failed;

	private RequestApiVersion(HttpServletRequest request, ApiVersionStrategy strategy) {
		this.request = request;
		this.strategy = strategy;
	}

	/**
	 * The version of a request.
	 * @param request the request
	 * @param strategy the application's strategy, {@code null} without API versioning
	 * @return the version, resolved when first asked for; {@link RequestVersion#NONE}
	 * without a strategy
	 */
	static RequestVersion of(HttpServletRequest request, @Nullable ApiVersionStrategy strategy) {
		return (strategy != null) ? new RequestApiVersion(request, strategy) : RequestVersion.NONE;
	}

	/**
	 * Whether a version was asked for and could not be resolved.
	 * @param version a version from {@link #of}
	 * @return {@code true} if resolving it failed
	 */
	static boolean failed(RequestVersion version) {
		return version instanceof RequestApiVersion requestVersion && requestVersion.failed;
	}

	/**
	 * Whether the version cannot be resolved, resolving it now if it was not asked for yet.
	 * @param version a version from {@link #of}
	 * @return {@code true} if resolving it fails
	 */
	static boolean fails(RequestVersion version) {
		version.get();
		return failed(version);
	}

	@Override
	public @Nullable Comparable<?> get() {
		if (!this.resolved) {
			this.resolved = true;
			try {
				this.version = resolve();
			}
			catch (RuntimeException ex) {
				this.failed = true;
			}
		}
		return this.version;
	}

	private @Nullable Comparable<?> resolve() {
		if (ServletRequestPathUtils.hasParsedRequestPath(this.request)) {
			return this.strategy.resolveParseAndValidateVersion(this.request);
		}
		ServletRequestPathUtils.parseAndCache(this.request);
		try {
			return this.strategy.resolveParseAndValidateVersion(this.request);
		}
		finally {
			ServletRequestPathUtils.clearParsedRequestPath(this.request);
		}
	}

}
