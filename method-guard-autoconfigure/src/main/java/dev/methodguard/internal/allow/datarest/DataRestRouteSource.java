package dev.methodguard.internal.allow.datarest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.methodguard.allow.AllowedMethods;
import dev.methodguard.allow.Presence;
import dev.methodguard.allow.Route;
import dev.methodguard.allow.RouteKind;
import dev.methodguard.allow.RoutePattern;
import dev.methodguard.allow.RouteSource;
import dev.methodguard.internal.allow.RequestMappingRouteSource;

import org.springframework.core.Ordered;
import org.springframework.data.mapping.PersistentEntity;
import org.springframework.data.mapping.PersistentProperty;
import org.springframework.data.mapping.SimpleAssociationHandler;
import org.springframework.data.repository.support.Repositories;
import org.springframework.data.rest.core.Path;
import org.springframework.data.rest.core.config.RepositoryRestConfiguration;
import org.springframework.data.rest.core.mapping.HttpMethods;
import org.springframework.data.rest.core.mapping.PropertyAwareResourceMapping;
import org.springframework.data.rest.core.mapping.ResourceMappings;
import org.springframework.data.rest.core.mapping.ResourceMetadata;
import org.springframework.data.rest.core.mapping.ResourceType;
import org.springframework.data.rest.core.mapping.SearchResourceMappings;
import org.springframework.data.rest.core.mapping.SupportedHttpMethods;
import org.springframework.data.rest.webmvc.BasePathAwareHandlerMapping;
import org.springframework.data.rest.webmvc.RepositoryRestHandlerMapping;
import org.springframework.data.rest.webmvc.RestMediaTypes;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.web.util.pattern.PatternParseException;

/**
 * Routes of Spring Data REST's handler mapping: one route per resource it exports, with the
 * methods its own metadata supports there, instead of the patterns of its controllers, which
 * stand for every repository ({@code /{repository}/{id}}) and would make any path below the
 * base path a resource.
 * <p>
 * For each repository whose resource is exported, below the base path: the collection
 * ({@code /books}) and the item ({@code /books/{id}}) with the methods of
 * {@link SupportedHttpMethods#getMethodsFor(ResourceType)}, which apply the repository's
 * exported CRUD methods and the exposure configuration, the same sets Spring Data REST's own
 * {@code OPTIONS} answers there; the search resource ({@code /books/search}) and each
 * exported query method ({@code /books/search/findByTitle}) where the repository exports
 * searches; each exported association ({@code /books/{id}/author}, and
 * {@code /books/{id}/author/{propertyId}}) with the methods of
 * {@link SupportedHttpMethods#getMethodsFor(PersistentProperty)}; and the resource's
 * profile ({@code /profile/books}). Each set is cut to the methods Spring Data REST's
 * controllers map on that kind of resource. Its other routes (the root, {@code /profile})
 * are read as mapped.
 * <p>
 * Spring Data REST answers {@code OPTIONS} on some of these resources with an incomplete
 * {@code Allow} ({@code GET} alone where {@code HEAD} works too) and on others not at all, so
 * method-guard answers {@code OPTIONS} on all of them, with the {@code Accept-Patch} Spring
 * Data REST sends on an item.
 * <p>
 * Controllers of the application in these mappings ({@code @BasePathAwareController},
 * {@code @RepositoryRestController}) are read as annotated controllers; a route of a
 * {@code @RepositoryRestController} that Spring Data REST never serves, since its first
 * segment is no exported resource, is left out. Reported unread: such a route whose first
 * segment is not literal, a pattern of Spring Data REST's own controllers that stands for
 * every repository in a way this source does not know, and patterns matched with
 * {@code AntPathMatcher}.
 */
public final class DataRestRouteSource implements RouteSource {

	/** The collection resource of every repository, below the base path. */
	static final String COLLECTION = "/{repository}";

	/** The item resource. */
	static final String ITEM = "/{repository}/{id}";

	/** An association of an item. */
	static final String ASSOCIATION = "/{repository}/{id}/{property}";

	/** One associated item of an item. */
	static final String ASSOCIATED_ITEM = "/{repository}/{id}/{property}/{propertyId}";

	/** The search resource. */
	static final String SEARCHES = "/{repository}/search";

	/** One query method. */
	static final String SEARCH = "/{repository}/search/{search}";

	/** The profile (ALPS, JSON schema) of the collection. */
	static final String PROFILE = "/profile/{repository}";

	private static final Set<String> TEMPLATES = Set.of(COLLECTION, ITEM, ASSOCIATION, ASSOCIATED_ITEM, SEARCHES,
			SEARCH, PROFILE);

	private static final String REPOSITORY_VARIABLE = "{repository}";

	private static final String OWN_PACKAGE = "org.springframework.data.rest.webmvc";

	/** The {@code Accept-Patch} of Spring Data REST's own {@code OPTIONS} answer on an item. */
	private static final List<MediaType> ITEM_ACCEPT_PATCH = List.of(RestMediaTypes.MERGE_PATCH_JSON,
			RestMediaTypes.JSON_PATCH_JSON, MediaType.APPLICATION_JSON);

	private final List<BasePathAwareHandlerMapping> delegates;

	private final int order;

	private final String servletPrefix;

	private final Repositories repositories;

	private final ResourceMappings mappings;

	private final String basePath;

	/**
	 * Create a source.
	 * @param mapping Spring Data REST's handler mapping, as {@link #isDataRestMapping}
	 * accepts it
	 * @param servletPrefix the path prefix of the {@code DispatcherServlet}, {@code ""} for
	 * {@code /}
	 * @param repositories the repositories of the application
	 * @param mappings Spring Data REST's resource mappings
	 * @param configuration Spring Data REST's configuration, for its base path
	 */
	public DataRestRouteSource(HandlerMapping mapping, String servletPrefix, Repositories repositories,
			ResourceMappings mappings, RepositoryRestConfiguration configuration) {
		if (!isDataRestMapping(mapping)) {
			throw new IllegalArgumentException("Not a Spring Data REST handler mapping: " + mapping);
		}
		this.delegates = delegates(mapping);
		this.order = (mapping instanceof Ordered ordered) ? ordered.getOrder() : Ordered.LOWEST_PRECEDENCE;
		this.servletPrefix = servletPrefix;
		this.repositories = repositories;
		this.mappings = mappings;
		this.basePath = normalizeBasePath(configuration.getBasePath().toString());
	}

	/**
	 * Whether a handler mapping is Spring Data REST's: a {@link BasePathAwareHandlerMapping}
	 * (a {@link RepositoryRestHandlerMapping} among them), or the mapping Spring Data REST
	 * registers, which delegates to such mappings and is nothing but the {@code Iterable}
	 * of them.
	 * @param mapping a handler mapping
	 * @return {@code true} if this source reads it
	 */
	public static boolean isDataRestMapping(HandlerMapping mapping) {
		if (mapping instanceof BasePathAwareHandlerMapping) {
			return true;
		}
		if (!(mapping instanceof Iterable<?> elements)) {
			return false;
		}
		boolean any = false;
		for (Object element : elements) {
			if (!(element instanceof BasePathAwareHandlerMapping)) {
				return false;
			}
			any = true;
		}
		return any;
	}

	private static List<BasePathAwareHandlerMapping> delegates(HandlerMapping mapping) {
		if (mapping instanceof BasePathAwareHandlerMapping single) {
			return List.of(single);
		}
		List<BasePathAwareHandlerMapping> delegates = new ArrayList<>();
		for (Object element : (Iterable<?>) mapping) {
			delegates.add((BasePathAwareHandlerMapping) element);
		}
		return List.copyOf(delegates);
	}

	@Override
	public List<Route> routes() {
		return read().routes();
	}

	@Override
	public Reading read() {
		List<Route> routes = new ArrayList<>();
		List<String> unread = new ArrayList<>();
		Map<String, Template> templates = new LinkedHashMap<>();
		for (BasePathAwareHandlerMapping delegate : this.delegates) {
			readOwn(delegate, templates, routes, unread);
			readApplications(delegate, routes, unread);
		}
		if (!templates.isEmpty()) {
			readResources(templates, routes, unread);
		}
		return new Reading(routes, unread);
	}

	/**
	 * Spring Data REST's own controllers: the patterns that stand for every repository are
	 * collected, with the methods mapped on them, for the resources; the others are routes.
	 */
	private void readOwn(BasePathAwareHandlerMapping delegate, Map<String, Template> templates, List<Route> routes,
			List<String> unread) {
		boolean caseSensitive = isCaseSensitive(delegate.getPatternParser());
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : delegate.getHandlerMethods().entrySet()) {
			HandlerMethod handlerMethod = entry.getValue();
			if (!isOwn(handlerMethod)) {
				continue;
			}
			RequestMappingInfo info = entry.getKey();
			PathPatternsRequestCondition condition = info.getPathPatternsCondition();
			if (condition == null) {
				unread.add("ant-path-matcher patterns " + info.getPatternValues() + " of " + handlerMethod);
				continue;
			}
			AllowedMethods methods = declaredMethods(info);
			for (PathPattern pattern : condition.getPatterns()) {
				String value = pattern.getPatternString();
				String template = withinBasePath(value);
				if (value.contains(REPOSITORY_VARIABLE)) {
					if (template != null && TEMPLATES.contains(template)) {
						templates.merge(template, new Template(methods, patchConsumes(info, methods),
								delegate.getPatternParser(), caseSensitive), Template::merge);
					}
					else {
						unread.add("Spring Data REST pattern " + value + " of " + handlerMethod);
					}
				}
				else if (served(delegate, value, unread)) {
					routes.add(new Route(new RoutePattern(this.servletPrefix, pattern, caseSensitive), methods,
							RouteKind.DATA_REST, handlerMethod.toString(), false, List.of(), Presence.always(),
							this.order, List.of(), List.of()));
				}
			}
		}
	}

	/**
	 * The application's own controllers in Spring Data REST's mappings, read as annotated
	 * controllers, in the order of Spring Data REST's mapping.
	 */
	private void readApplications(BasePathAwareHandlerMapping delegate, List<Route> routes, List<String> unread) {
		Reading reading = new RequestMappingRouteSource(delegate, this.servletPrefix, DataRestRouteSource::isOwn)
			.read();
		unread.addAll(reading.unread());
		for (Route route : reading.routes()) {
			if (served(delegate, route.pattern().pathPattern().getPatternString(), unread)) {
				routes.add(new Route(route.pattern(), route.methods(), route.kind(), route.handler(),
						route.explicitOptions(), route.acceptPatch(), route.presence(), this.order, route.consumes(),
						route.produces()));
			}
		}
	}

	/**
	 * Whether Spring Data REST serves a pattern of one of its mappings at all: its
	 * repository mapping serves nothing below the base path but the root and the exported
	 * resources ({@code RepositoryRestHandlerMapping.lookupHandlerMethod}). A pattern whose
	 * first segment there is not literal is reported unread.
	 */
	private boolean served(BasePathAwareHandlerMapping delegate, String pattern, List<String> unread) {
		if (!(delegate instanceof RepositoryRestHandlerMapping)) {
			return true;
		}
		String within = withinBasePath(pattern);
		if (within == null) {
			return true;
		}
		String path = within.startsWith("/") ? within.substring(1) : within;
		if (path.isEmpty()) {
			return true;
		}
		int slash = path.indexOf('/');
		String first = (slash < 0) ? path : path.substring(0, slash);
		if (!isLiteral(first)) {
			unread.add("Spring Data REST repository route " + pattern + " (its first segment decides whether it is"
					+ " served)");
			return false;
		}
		return this.mappings.exportsTopLevelResourceFor("/" + first);
	}

	/**
	 * The routes of the exported resources, each repository's once (the first whose path it
	 * is, as Spring Data REST resolves a path to a repository).
	 */
	private void readResources(Map<String, Template> templates, List<Route> routes, List<String> unread) {
		Set<String> seen = new HashSet<>();
		for (Class<?> domainType : this.repositories) {
			ResourceMetadata metadata = this.mappings.getMetadataFor(domainType);
			String name = (metadata != null && metadata.isExported()) ? segment(metadata.getPath()) : null;
			if (name == null || !seen.add(name) || !this.mappings.exportsTopLevelResourceFor("/" + name)) {
				continue;
			}
			Resource resource = new Resource(templates, routes, unread, "/" + name, describe(domainType, metadata));
			SupportedHttpMethods supported = metadata.getSupportedHttpMethods();
			resource.add(COLLECTION, "", names(supported.getMethodsFor(ResourceType.COLLECTION)), List.of());
			resource.add(ITEM, "/{id}", names(supported.getMethodsFor(ResourceType.ITEM)), ITEM_ACCEPT_PATCH);
			SearchResourceMappings searches = metadata.getSearchResourceMappings();
			if (searches.isExported()) {
				resource.add(SEARCHES, "/search", null, List.of());
				searches.getExportedMappings().forEach((search) -> {
					String searchName = segment(search.getPath());
					if (searchName != null) {
						resource.add(SEARCH, "/search/" + searchName, null, List.of());
					}
				});
			}
			PersistentEntity<?, ?> entity = this.repositories.getPersistentEntity(domainType);
			entity.doWithAssociations((SimpleAssociationHandler) (association) -> {
				PersistentProperty<?> property = association.getInverse();
				String propertyName = segment(metadata.getMappingFor(property).getPath());
				PropertyAwareResourceMapping resolved = (propertyName != null) ? metadata.getProperty(propertyName)
						: null;
				if (resolved != null && resolved.isExported() && resolved.getProperty().equals(property)) {
					Set<String> methods = names(supported.getMethodsFor(property));
					resource.add(ASSOCIATION, "/{id}/" + propertyName, associationMethods(property, methods), null);
					resource.add(ASSOCIATED_ITEM, "/{id}/" + propertyName + "/{propertyId}", methods, null);
				}
			});
			resource.addProfile();
		}
	}

	/**
	 * The methods of an association resource: those its metadata supports, but what Spring
	 * Data REST's {@code RepositoryPropertyReferenceController} refuses whatever the
	 * metadata says, with its own 405: {@code DELETE} of a whole collection or map (one of
	 * its items can be deleted) and {@code PATCH} of a single reference.
	 */
	private static Set<String> associationMethods(PersistentProperty<?> property, Set<String> supported) {
		Set<String> methods = new LinkedHashSet<>(supported);
		methods.remove((property.isCollectionLike() || property.isMap()) ? "DELETE" : "PATCH");
		return methods;
	}

	private String describe(Class<?> domainType, ResourceMetadata metadata) {
		String repository = this.repositories.getRepositoryInformationFor(domainType)
			.map((information) -> information.getRepositoryInterface().getName())
			.orElse(domainType.getName());
		return "Spring Data REST resource " + metadata.getPath() + " of " + repository;
	}

	private static AllowedMethods declaredMethods(RequestMappingInfo info) {
		Set<RequestMethod> declared = info.getMethodsCondition().getMethods();
		return declared.isEmpty() ? AllowedMethods.any()
				: AllowedMethods.of(declared.stream().map(RequestMethod::name).toList());
	}

	private static List<MediaType> patchConsumes(RequestMappingInfo info, AllowedMethods methods) {
		return (methods.contains("PATCH") && !methods.isAny())
				? List.copyOf(info.getConsumesCondition().getConsumableMediaTypes()) : List.of();
	}

	private static Set<String> names(HttpMethods methods) {
		Set<String> names = new LinkedHashSet<>();
		methods.forEach((method) -> names.add(method.name()));
		return names;
	}

	/**
	 * Whether a handler method is one of Spring Data REST's own controllers.
	 * @param handlerMethod the handler method
	 * @return {@code true} for a controller of Spring Data REST's web package
	 */
	static boolean isOwn(HandlerMethod handlerMethod) {
		String packageName = handlerMethod.getBeanType().getPackageName();
		return packageName.equals(OWN_PACKAGE) || packageName.startsWith(OWN_PACKAGE + ".");
	}

	/**
	 * The path below the base path, {@code ""} for the base path itself, or {@code null} if
	 * the pattern is not below it.
	 */
	private @Nullable String withinBasePath(String pattern) {
		if (this.basePath.isEmpty()) {
			return pattern;
		}
		if (pattern.equals(this.basePath)) {
			return "";
		}
		return pattern.startsWith(this.basePath + "/") ? pattern.substring(this.basePath.length()) : null;
	}

	/**
	 * The single segment of a Spring Data REST path such as {@code /books}, or {@code null}
	 * where it has none or more than one: a path of several segments is no resource, since
	 * Spring Data REST resolves the first segment alone.
	 */
	private static @Nullable String segment(Path path) {
		String value = path.toString();
		String segment = value.startsWith("/") ? value.substring(1) : value;
		return (segment.isEmpty() || segment.indexOf('/') >= 0) ? null : segment;
	}

	private static boolean isLiteral(String segment) {
		for (int i = 0; i < segment.length(); i++) {
			char c = segment.charAt(i);
			if (c == '{' || c == '}' || c == '*' || c == '?') {
				return false;
			}
		}
		return !segment.isEmpty();
	}

	private static String normalizeBasePath(String basePath) {
		String value = basePath.trim();
		while (value.endsWith("/")) {
			value = value.substring(0, value.length() - 1);
		}
		return (value.isEmpty() || value.startsWith("/")) ? value : "/" + value;
	}

	private static boolean isCaseSensitive(@Nullable PathPatternParser parser) {
		return parser == null || parser.isCaseSensitive();
	}

	/**
	 * What Spring Data REST's controllers map on one pattern that stands for every
	 * repository.
	 *
	 * @param methods the methods mapped there
	 * @param patchConsumes the media types its {@code PATCH} consumes
	 * @param parser the parser of the mapping that holds it, or {@code null}
	 * @param caseSensitive whether that mapping matches case-sensitively
	 */
	private record Template(AllowedMethods methods, List<MediaType> patchConsumes, @Nullable PathPatternParser parser,
			boolean caseSensitive) {

		Template merge(Template other) {
			Set<MediaType> consumes = new LinkedHashSet<>(this.patchConsumes);
			consumes.addAll(other.patchConsumes);
			return new Template(this.methods.union(other.methods), List.copyOf(consumes), this.parser,
					this.caseSensitive);
		}

		/**
		 * The methods mapped here that the resource supports, or all mapped here where the
		 * resource's metadata has no say.
		 */
		AllowedMethods cut(@Nullable Set<String> supported) {
			if (supported == null) {
				return this.methods;
			}
			if (this.methods.isAny()) {
				return AllowedMethods.of(supported);
			}
			return AllowedMethods.of(this.methods.methods().stream().filter(supported::contains).toList());
		}

	}

	/**
	 * The routes of one exported resource being read.
	 */
	private final class Resource {

		private final Map<String, Template> templates;

		private final List<Route> routes;

		private final List<String> unread;

		private final String path;

		private final String description;

		Resource(Map<String, Template> templates, List<Route> routes, List<String> unread, String path,
				String description) {
			this.templates = templates;
			this.routes = routes;
			this.unread = unread;
			this.path = path;
			this.description = description;
		}

		/**
		 * Add the route of a pattern below the resource's path, if Spring Data REST maps the
		 * template it matches.
		 * @param template the template of Spring Data REST's controllers
		 * @param below the pattern below the resource's path
		 * @param supported the methods the metadata supports there, {@code null} where it has
		 * no say
		 * @param acceptPatch the media types of its {@code Accept-Patch}, {@code null} for
		 * those the mapped {@code PATCH} consumes
		 */
		void add(String template, String below, @Nullable Set<String> supported,
				@Nullable List<MediaType> acceptPatch) {
			addAt(template, DataRestRouteSource.this.basePath + this.path + below, supported, acceptPatch);
		}

		void addProfile() {
			addAt(PROFILE, DataRestRouteSource.this.basePath + "/profile" + this.path, null, List.of());
		}

		private void addAt(String template, String value, @Nullable Set<String> supported,
				@Nullable List<MediaType> acceptPatch) {
			Template mapped = this.templates.get(template);
			if (mapped == null) {
				return;
			}
			AllowedMethods methods = mapped.cut(supported);
			List<MediaType> patch = !methods.contains("PATCH") ? List.of()
					: (acceptPatch != null) ? acceptPatch : mapped.patchConsumes();
			PathPatternParser parser = (mapped.parser() != null) ? mapped.parser() : PathPatternParser.defaultInstance;
			PathPattern pattern;
			try {
				pattern = parser.parse(value);
			}
			catch (PatternParseException ex) {
				this.unread.add("Spring Data REST resource path " + value + " (" + ex.getMessage() + ")");
				return;
			}
			this.routes.add(new Route(new RoutePattern(DataRestRouteSource.this.servletPrefix, pattern,
					mapped.caseSensitive()), methods, RouteKind.DATA_REST, this.description, false, patch,
					Presence.always(), DataRestRouteSource.this.order, List.of(), List.of()));
		}

	}

}
