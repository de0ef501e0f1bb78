package dev.methodguard.internal.allow;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.methodguard.allow.AllowedMethods;
import dev.methodguard.allow.Presence;
import dev.methodguard.allow.Route;
import dev.methodguard.allow.RouteKind;
import dev.methodguard.allow.RoutePattern;
import dev.methodguard.allow.RouteSource;

import org.springframework.core.io.Resource;
import org.springframework.http.server.PathContainer;
import org.springframework.util.ReflectionUtils;
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

	/** The prefix of the names of Spring Boot's welcome page mappings. */
	private static final String BOOT_WELCOME_PAGE_MAPPINGS = "org.springframework.boot.webmvc.autoconfigure.WelcomePage";

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
		return read().routes();
	}

	/**
	 * Read the handler map, the root handler (as {@code /}) and the default handler (as
	 * {@code /**}). Reported unread: a mapping that looks handlers up its own way (it
	 * overrides {@code getHandlerInternal}), one that matches with {@code AntPathMatcher}, a
	 * handler resolved lazily by bean name, and the container's default servlet. Spring
	 * Boot's welcome page mappings are infrastructure, like its error controller: they
	 * forward {@code /} to the index page, which is read as a static resource, or answer it
	 * with 406, and add no route.
	 */
	@Override
	public Reading read() {
		if (this.mapping.getClass().getName().startsWith(BOOT_WELCOME_PAGE_MAPPINGS)) {
			return new Reading(List.of(), List.of());
		}
		List<Route> routes = new ArrayList<>();
		List<String> unread = new ArrayList<>();
		if (looksUpItsOwnWay(this.mapping)) {
			unread.add("handler mapping " + this.mapping.getClass().getName());
		}
		if (this.mapping.usesPathPatterns()) {
			this.mapping.getPathPatternHandlerMap().forEach((pattern, handler) -> add(routes, unread, pattern, handler));
		}
		else {
			unread.add("ant-path-matcher patterns " + this.mapping.getHandlerMap().keySet() + " of "
					+ this.mapping.getClass().getName());
			for (Map.Entry<String, Object> entry : this.mapping.getHandlerMap().entrySet()) {
				try {
					add(routes, unread, PathPatternParser.defaultInstance.parse(entry.getKey()), entry.getValue());
				}
				catch (PatternParseException ex) {
					logger.debug("Pattern '" + entry.getKey() + "' is not a PathPattern; method-guard leaves it out",
							ex);
				}
			}
		}
		if (this.mapping.getRootHandler() != null) {
			add(routes, unread, PathPatternParser.defaultInstance.parse("/"), this.mapping.getRootHandler());
		}
		if (this.mapping.getDefaultHandler() != null) {
			add(routes, unread, PathPatternParser.defaultInstance.parse("/**"), this.mapping.getDefaultHandler());
		}
		return new Reading(routes, unread);
	}

	private static boolean looksUpItsOwnWay(AbstractUrlHandlerMapping mapping) {
		Method lookup = ReflectionUtils.findMethod(mapping.getClass(), "getHandlerInternal", HttpServletRequest.class);
		return lookup != null && lookup.getDeclaringClass() != AbstractUrlHandlerMapping.class;
	}

	private void add(List<Route> routes, List<String> unread, PathPattern pattern, Object handler) {
		if (handler instanceof DefaultServletHttpRequestHandler || handler instanceof String) {
			unread.add(((handler instanceof String) ? "lazily resolved handler '" + handler + "'"
					: "the container's default servlet") + " at " + pattern.getPatternString());
			return;
		}
		RoutePattern routePattern = new RoutePattern(this.servletPrefix, pattern,
				RequestMappingRouteSource.isCaseSensitive(this.mapping.getPatternParser()));
		AllowedMethods methods = supportedMethods(handler);
		if (handler instanceof ResourceHttpRequestHandler resources) {
			routes.add(new Route(routePattern, methods, RouteKind.RESOURCE, resources.toString(), false, List.of(),
					Presence.checkedBy((path) -> exists(resources, routePattern, path)), this.mapping.getOrder(), List.of(), List.of()));
		}
		else {
			routes.add(new Route(routePattern, methods, RouteKind.HANDLER, handler.toString(), methods.isAny(),
					List.of(), Presence.always(), this.mapping.getOrder(), List.of(), List.of()));
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
