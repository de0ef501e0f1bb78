package dev.methodguard.allow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.io.Resource;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.resource.DefaultServletHttpRequestHandler;
import org.springframework.web.servlet.resource.ResourceHandlerUtils;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.support.WebContentGenerator;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.web.util.pattern.PatternParseException;

/**
 * Routes of handlers mapped by URL in an {@link AbstractUrlHandlerMapping}: static resources
 * ({@link ResourceHttpRequestHandler}) and other handlers such as {@code HttpRequestHandler}s
 * and view controllers, with the methods their {@link WebContentGenerator} supports. A
 * static path is a resource only if the resource exists, so a {@code /**} pattern does not
 * turn unknown paths into resources.
 */
public final class UrlHandlerRouteSource implements RouteSource {

	private static final Log logger = LogFactory.getLog(UrlHandlerRouteSource.class);

	private static final Pattern MATRIX_PARAMETERS = Pattern.compile(";[^/]*");

	private final AbstractUrlHandlerMapping mapping;

	private final String servletPrefix;

	/**
	 * Create a source.
	 * @param mapping the handler mapping to read
	 * @param servletPrefix the path prefix of the {@code DispatcherServlet}, {@code ""} for
	 * {@code /}
	 */
	public UrlHandlerRouteSource(AbstractUrlHandlerMapping mapping, String servletPrefix) {
		this.mapping = mapping;
		this.servletPrefix = servletPrefix;
	}

	@Override
	public List<Route> routes() {
		List<Route> routes = new ArrayList<>();
		if (this.mapping.usesPathPatterns()) {
			this.mapping.getPathPatternHandlerMap().forEach((pattern, handler) -> add(routes, pattern, handler));
		}
		else {
			for (Map.Entry<String, Object> entry : this.mapping.getHandlerMap().entrySet()) {
				try {
					add(routes, PathPatternParser.defaultInstance.parse(entry.getKey()), entry.getValue());
				}
				catch (PatternParseException ex) {
					logger.debug("Pattern '" + entry.getKey() + "' is not a PathPattern; method-guard leaves it out",
							ex);
				}
			}
		}
		return routes;
	}

	private void add(List<Route> routes, PathPattern pattern, Object handler) {
		if (handler instanceof DefaultServletHttpRequestHandler || handler instanceof String) {
			return;
		}
		RoutePattern routePattern = new RoutePattern(this.servletPrefix, pattern,
				RequestMappingRouteSource.isCaseSensitive(this.mapping.getPatternParser()));
		AllowedMethods methods = supportedMethods(handler);
		if (handler instanceof ResourceHttpRequestHandler resources) {
			routes.add(new Route(routePattern, methods, RouteKind.RESOURCE, resources.toString(), false, List.of(),
					(path) -> exists(resources, routePattern, path), this.mapping.getOrder(), List.of(), List.of()));
		}
		else {
			routes.add(new Route(routePattern, methods, RouteKind.HANDLER, handler.toString(), false, List.of(),
					Route.ALWAYS_PRESENT, this.mapping.getOrder(), List.of(), List.of()));
		}
	}

	private static AllowedMethods supportedMethods(Object handler) {
		if (handler instanceof WebContentGenerator generator && generator.getSupportedMethods() != null) {
			return AllowedMethods.of(Arrays.asList(generator.getSupportedMethods()));
		}
		return AllowedMethods.any();
	}

	/**
	 * The path without the {@code ;name=value} content of its segments, as Spring MVC serves
	 * {@code /index.html;.txt} with {@code /index.html}.
	 */
	private static String withoutMatrixParameters(String path) {
		return (path.indexOf(';') < 0) ? path : MATRIX_PARAMETERS.matcher(path).replaceAll("");
	}

	private static boolean exists(ResourceHttpRequestHandler handler, RoutePattern pattern, PathContainer path) {
		PathContainer within = pattern.withinServlet(path);
		if (within == null) {
			return false;
		}
		String withinPattern = pattern.pathPattern().extractPathWithinPattern(within).value();
		String resourcePath = ResourceHandlerUtils.normalizeInputPath(withoutMatrixParameters(withinPattern));
		if (ResourceHandlerUtils.shouldIgnoreInputPath(resourcePath) || ResourceHandlerUtils.isInvalidPath(resourcePath)) {
			return false;
		}
		try {
			Resource resource = new ResourceLookup(handler.getResourceResolvers()).resolveResource(null, resourcePath,
					handler.getLocations());
			return resource != null;
		}
		catch (RuntimeException ex) {
			logger.debug("Could not resolve static resource '" + resourcePath + "'", ex);
			return false;
		}
	}

}
