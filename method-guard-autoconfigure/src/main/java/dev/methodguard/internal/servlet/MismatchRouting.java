package dev.methodguard.internal.servlet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import dev.methodguard.allow.Route;
import dev.methodguard.allow.RouteKind;
import dev.methodguard.internal.allow.MethodIndex;
import dev.methodguard.internal.allow.PathPolicy;
import dev.methodguard.internal.allow.RequestVersion;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.StringUtils;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.accept.ApiVersionStrategy;
import org.springframework.web.cors.CorsUtils;

/**
 * What a method mismatch of the annotated controllers' mapping becomes when other routes of
 * the path take the method. The {@code DispatcherServlet} consults handler mappings in
 * order and stops at the first that raises the mismatch; since Spring Framework 6.1 the
 * router function mappings come before the annotated one. So:
 * <ul>
 * <li>a route of a mapping consulted later (static resources, URL-mapped handlers with a
 * larger order, the {@code HEAD} of a functional {@code GET} route) that may take the
 * request gets it: the mismatch becomes "no match here";</li>
 * <li>a route consulted earlier that takes the method did not take this request: where its
 * {@code Content-Type} condition refused it, the answer is a 415 naming the media types the
 * routes consume (RFC 9110 §15.5.16), where its {@code Accept} condition did, a 406, as Spring
 * answers such mismatches of annotated controllers;</li>
 * <li>otherwise the mismatch stands.</li>
 * </ul>
 * Where routes differ by API version, only the routes that serve the request's version
 * count, and a path that no route serves in that version is no resource in it: the mismatch,
 * like Spring's answer to {@code OPTIONS} there, becomes "no match here", and Spring's 404
 * follows.
 */
public final class MismatchRouting {

	private final Supplier<MethodIndex> index;

	private final PathPolicy policy;

	private final int functionalHeadOrder;

	private final Supplier<? extends @Nullable ApiVersionStrategy> versionStrategy;

	/**
	 * Create the routing.
	 * @param index the method index
	 * @param policy the path policy; excluded paths keep Spring's mismatch
	 * @param functionalHeadOrder the order of the mapping that answers {@code HEAD} on
	 * functional {@code GET} routes, {@link Integer#MIN_VALUE} where there is none
	 * @param versionStrategy the API version strategy of the mapping, which may supply
	 * {@code null}
	 */
	public MismatchRouting(Supplier<MethodIndex> index, PathPolicy policy, int functionalHeadOrder,
			Supplier<? extends @Nullable ApiVersionStrategy> versionStrategy) {
		this.index = index;
		this.policy = policy;
		this.functionalHeadOrder = functionalHeadOrder;
		this.versionStrategy = versionStrategy;
	}

	/**
	 * Whether routes serve the request's path only in other API versions than the
	 * request's, which can be resolved: the resource does not exist in this version. Never
	 * so for a CORS preflight, which carries no version of its own.
	 * @param request the request
	 * @return {@code true} where routes serve the path, none of them in this version
	 */
	public boolean servedInOtherVersionsOnly(HttpServletRequest request) {
		MethodIndex methodIndex = this.index.get();
		String path = RequestView.of(request).path();
		if (!methodIndex.isVersioned() || this.policy.isExcluded(path) || CorsUtils.isPreFlightRequest(request)) {
			return false;
		}
		RequestVersion version = RequestApiVersion.of(request, this.versionStrategy.get());
		return !RequestApiVersion.fails(version) && version.get() != null
				&& methodIndex.lookup(path, version).isEmpty() && methodIndex.lookup(path).isPresent();
	}

	/**
	 * Whether a request that the mapping of the given order rejects because of its method
	 * goes on to the handler mappings consulted after it.
	 * @param request the request
	 * @param mappingOrder the order of the mapping that found the mismatch
	 * @return {@code true} where a later mapping has a route that may take the request;
	 * {@code false} where the mismatch stands
	 * @throws HttpMediaTypeNotSupportedException where the routes that take the method all
	 * refuse the request's content type
	 * @throws HttpMediaTypeNotAcceptableException where those taking its content type all
	 * answer with media types the request does not accept
	 */
	public boolean defer(HttpServletRequest request, int mappingOrder)
			throws HttpMediaTypeNotSupportedException, HttpMediaTypeNotAcceptableException {
		RequestView view = RequestView.of(request);
		String path = view.path();
		if (this.policy.isExcluded(path)) {
			return false;
		}
		if (servedInOtherVersionsOnly(request)) {
			return true;
		}
		String method = view.method();
		List<Route> taking = taking(path, method, mappingOrder, request);
		if (taking.isEmpty()) {
			return false;
		}
		RequestMediaTypes media = new RequestMediaTypes(request);
		for (Route route : taking) {
			if (consultedAfter(route, method, mappingOrder)
					&& (route.kind() != RouteKind.FUNCTIONAL || (media.consumedBy(route) && media.producedBy(route)))) {
				return true;
			}
		}
		List<Route> consuming = taking.stream().filter(media::consumedBy).toList();
		if (consuming.isEmpty()) {
			throw media.unsupported(mediaTypes(taking, Route::consumes), method);
		}
		if (consuming.stream().noneMatch(media::producedBy)) {
			throw new HttpMediaTypeNotAcceptableException(mediaTypes(consuming, Route::produces));
		}
		return false;
	}

	/**
	 * The routes of the path that take the method, but those of the mapping that found the
	 * mismatch (Spring has judged them) and those of plain servlets (the container hands them
	 * no request the {@code DispatcherServlet} has). A route that may serve the path is
	 * enough to hand the request on, so the presence of a static resource is not checked: no
	 * I/O on a request that the resource's own handler then serves. Where routes differ by
	 * API version, those of the request's version.
	 */
	private List<Route> taking(String path, String method, int mappingOrder, HttpServletRequest request) {
		MethodIndex methodIndex = this.index.get();
		RequestVersion version = methodIndex.isVersioned()
				? RequestApiVersion.of(request, this.versionStrategy.get()) : RequestVersion.NONE;
		List<Route> routes = methodIndex.routesMatching(path, version);
		List<Route> taking = new ArrayList<>(routes.size());
		for (Route route : routes) {
			boolean judged = route.kind() == RouteKind.ANNOTATED && route.order() == mappingOrder;
			if (!judged && route.kind() != RouteKind.SERVLET && route.methods().contains(method)) {
				taking.add(route);
			}
		}
		return taking;
	}

	/**
	 * Whether the {@code DispatcherServlet} consults the mapping that serves this route with
	 * this method after the given one: functional {@code GET} routes answer {@code HEAD}
	 * through method-guard's own mapping, ordered after the annotated one.
	 */
	private boolean consultedAfter(Route route, String method, int mappingOrder) {
		boolean headOfGet = "HEAD".equals(method) && route.kind() == RouteKind.FUNCTIONAL
				&& route.methods().contains("GET") && !route.methods().isAny();
		int order = headOfGet ? this.functionalHeadOrder : route.order();
		return order > mappingOrder;
	}

	private static List<MediaType> mediaTypes(List<Route> routes, Function<Route, List<MediaType>> condition) {
		Set<MediaType> mediaTypes = new LinkedHashSet<>();
		routes.forEach((route) -> mediaTypes.addAll(condition.apply(route)));
		return new ArrayList<>(mediaTypes);
	}

	/**
	 * The content type and accepted media types of a request, parsed when first needed, and
	 * matched as functional routes match them: a request without a content type has
	 * {@code application/octet-stream}, one without {@code Accept} accepts anything.
	 */
	private static final class RequestMediaTypes {

		private final HttpServletRequest request;

		private @Nullable MediaType contentType;

		private @Nullable InvalidMediaTypeException invalidContentType;

		private @Nullable List<MediaType> accepted;

		private boolean contentTypeParsed;

		RequestMediaTypes(HttpServletRequest request) {
			this.request = request;
		}

		boolean consumedBy(Route route) {
			if (route.consumes().isEmpty()) {
				return true;
			}
			MediaType type = contentType();
			if (this.invalidContentType != null) {
				return false;
			}
			MediaType actual = (type != null) ? type : MediaType.APPLICATION_OCTET_STREAM;
			return route.consumes().stream().anyMatch((consumed) -> consumed.includes(actual));
		}

		boolean producedBy(Route route) {
			if (route.produces().isEmpty()) {
				return true;
			}
			return accepted().stream()
				.anyMatch((accepted) -> route.produces().stream().anyMatch(accepted::isCompatibleWith));
		}

		HttpMediaTypeNotSupportedException unsupported(List<MediaType> consumable, String method) {
			MediaType type = contentType();
			if (this.invalidContentType != null) {
				return new HttpMediaTypeNotSupportedException(this.invalidContentType.getMessage(), consumable);
			}
			return new HttpMediaTypeNotSupportedException(type, consumable, HttpMethod.valueOf(method));
		}

		private @Nullable MediaType contentType() {
			if (!this.contentTypeParsed) {
				this.contentTypeParsed = true;
				String value = this.request.getContentType();
				if (StringUtils.hasLength(value)) {
					try {
						this.contentType = MediaType.parseMediaType(value);
					}
					catch (InvalidMediaTypeException ex) {
						this.invalidContentType = ex;
					}
				}
			}
			return this.contentType;
		}

		private List<MediaType> accepted() {
			if (this.accepted == null) {
				Enumeration<String> values = this.request.getHeaders(HttpHeaders.ACCEPT);
				List<String> headers = (values != null) ? Collections.list(values) : List.of();
				try {
					List<MediaType> parsed = MediaType.parseMediaTypes(headers);
					this.accepted = parsed.isEmpty() ? List.of(MediaType.ALL) : parsed;
				}
				catch (InvalidMediaTypeException ex) {
					this.accepted = List.of();
				}
			}
			return this.accepted;
		}

	}

}
