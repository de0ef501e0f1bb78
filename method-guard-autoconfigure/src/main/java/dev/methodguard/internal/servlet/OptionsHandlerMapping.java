package dev.methodguard.internal.servlet;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import dev.methodguard.allow.Route;
import dev.methodguard.internal.allow.MethodIndex;
import dev.methodguard.internal.allow.Resolution;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

/**
 * Answers {@code OPTIONS} on every known resource with the {@code Allow} set of the
 * {@link MethodIndex}, the same set a 405 there carries. Ordered before every other handler
 * mapping; it steps aside for CORS preflights, for paths the index does not know (their 404
 * stands), for excluded paths, where a handler serving the path answers {@code OPTIONS}
 * itself (it maps it, or takes every method), and everywhere while the index is incomplete
 * (a handler it could not read may serve the path). On a concealed path it answers 404.
 * Where routes differ by API version, the set is that of the request's version; it steps
 * aside where no route serves the path in that version, and where the request's version
 * cannot be resolved (Spring's 400 stands).
 */
public final class OptionsHandlerMapping extends AbstractHandlerMapping {

	/** The response header of RFC 10008 that lists the media types a {@code QUERY} takes. */
	static final String ACCEPT_QUERY = "Accept-Query";

	private static final String QUERY = "QUERY";

	private final Supplier<MethodIndex> index;

	private final MethodRejections rejections;

	private final Supplier<CorsConfigurationSource> cors;

	private final RequestBodyDrain drain;

	/**
	 * Create the mapping.
	 * @param index the method index
	 * @param rejections the decision logic, for excluded and concealed paths
	 * @param cors the application's global CORS configuration, applied to the
	 * {@code OPTIONS} answers as Spring MVC applies it to its own; the supplier may return
	 * {@code null}
	 * @param drain settles the unread request body before the answer is written
	 */
	public OptionsHandlerMapping(Supplier<MethodIndex> index, MethodRejections rejections,
			Supplier<CorsConfigurationSource> cors, RequestBodyDrain drain) {
		this.index = index;
		this.rejections = rejections;
		this.cors = cors;
		this.drain = drain;
		setOrder(Ordered.HIGHEST_PRECEDENCE);
	}

	@Override
	protected @Nullable Object getHandlerInternal(HttpServletRequest request) {
		if (!"OPTIONS".equals(request.getMethod()) || request.getDispatcherType() == DispatcherType.ERROR
				|| CorsUtils.isPreFlightRequest(request) || this.rejections.isExcluded(request)) {
			return null;
		}
		MethodIndex methodIndex = this.index.get();
		if (!methodIndex.isComplete()) {
			return null;
		}
		Resolution resolution = this.rejections.lookup(request).orElse(null);
		if (resolution == null || resolution.explicitOptions()) {
			return null;
		}
		return this.rejections.forConcealedOptions(request, resolution)
			.<Object>map(RejectionHandler::new)
			.orElseGet(() -> new AllowResponder(resolution, this.cors.get(), this.drain));
	}

	/**
	 * Write the answer to {@code OPTIONS}: 200, {@code Allow} and, where PATCH takes
	 * declared media types, {@code Accept-Patch}, where QUERY does, {@code Accept-Query}
	 * (RFC 10008); no body.
	 * @param response the response
	 * @param resolution what the index knows of the path
	 */
	static void writeAllow(HttpServletResponse response, Resolution resolution) {
		writeAllow(response, resolution.allowed().toHeaderValue(), MediaType.toString(resolution.acceptPatch()),
				acceptQuery(resolution));
	}

	private static void writeAllow(HttpServletResponse response, String allow, String acceptPatch,
			String acceptQuery) {
		response.setStatus(HttpServletResponse.SC_OK);
		response.setHeader(HttpHeaders.ALLOW, allow);
		if (!acceptPatch.isEmpty()) {
			response.setHeader(HttpHeaders.ACCEPT_PATCH, acceptPatch);
		}
		if (!acceptQuery.isEmpty()) {
			response.setHeader(ACCEPT_QUERY, acceptQuery);
		}
		response.setContentLength(0);
	}

	/**
	 * The media types a {@code QUERY} on the path consumes, for {@code Accept-Query}: those
	 * the routes that map {@code QUERY} declare, or none where one of them takes any type
	 * (a header that listed some would turn the others away).
	 */
	static String acceptQuery(Resolution resolution) {
		Set<MediaType> types = new LinkedHashSet<>();
		for (Route route : resolution.routes()) {
			if (!route.methods().isAny() && route.methods().contains(QUERY)) {
				if (route.consumes().isEmpty()) {
					return "";
				}
				types.addAll(route.consumes());
			}
		}
		return MediaType.toString(types);
	}

	/**
	 * Answers {@code OPTIONS} with the {@code Allow} of a resolution; carries the global
	 * CORS configuration so that Spring's CORS processing applies to it.
	 */
	private static final class AllowResponder implements HttpRequestHandler, CorsConfigurationSource {

		private final String allow;

		private final String acceptPatch;

		private final String acceptQuery;

		private final @Nullable CorsConfigurationSource cors;

		private final RequestBodyDrain drain;

		AllowResponder(Resolution resolution, @Nullable CorsConfigurationSource cors, RequestBodyDrain drain) {
			this.allow = resolution.allowed().toHeaderValue();
			this.acceptPatch = MediaType.toString(resolution.acceptPatch());
			this.acceptQuery = acceptQuery(resolution);
			this.cors = cors;
			this.drain = drain;
		}

		@Override
		public void handleRequest(HttpServletRequest request, HttpServletResponse response) {
			this.drain.beforeAnswer(request, response);
			writeAllow(response, this.allow, this.acceptPatch, this.acceptQuery);
		}

		@Override
		public @Nullable CorsConfiguration getCorsConfiguration(HttpServletRequest request) {
			return (this.cors != null) ? this.cors.getCorsConfiguration(request) : null;
		}

	}

}
