package dev.methodguard.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.json.JsonMapper;

import dev.methodguard.actuate.MethodsEndpoint.RouteDescriptor;

import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.AntPathMatcher;

/**
 * Drift between an OpenAPI document and the routes the application serves, in both
 * directions: operations documented but not served, and methods served but not documented.
 * Paths are compared with their variables unnamed ({@code /items/{id}} and
 * {@code /items/{itemId}} are one path); {@code HEAD} and {@code OPTIONS} served alongside
 * {@code GET} need no documentation. Only the routes of annotated controllers, functional
 * routes and Spring Data REST are compared unless {@link #sources(String...)} says otherwise
 * (static resources and Actuator are not what an OpenAPI document describes).
 * <pre class="code">
 * OpenApiDrift.of(context).exclude("/error").verify(mockMvc);   // springdoc's document
 * OpenApiDrift.of(context).verify(Path.of("src/main/resources/openapi.yaml"));
 * </pre>
 */
public final class OpenApiDrift {

	private static final List<String> OPERATIONS = List.of("get", "put", "post", "delete", "options", "head", "patch",
			"trace", "query");

	private static final AntPathMatcher MATCHER = new AntPathMatcher();

	private final ServedRoutes routes;

	private final String docsPath;

	private final List<String> excludes = new ArrayList<>();

	private final Set<String> sources = new LinkedHashSet<>(List.of("annotated", "functional", "data_rest"));

	private OpenApiDrift(ServedRoutes routes, String docsPath) {
		this.routes = routes;
		this.docsPath = docsPath;
		this.excludes.addAll(List.of(docsPath, docsPath + "/**", docsPath + ".yaml"));
	}

	/**
	 * The drift of the application in this context; its springdoc document is read from
	 * {@code springdoc.api-docs.path} ({@code /v3/api-docs} unless set).
	 * @param context the application context, with method-guard's {@code methods} endpoint
	 * bean
	 * @return the drift check, to configure and verify
	 * @throws IllegalStateException where the context has no {@code methods} endpoint bean
	 */
	public static OpenApiDrift of(ApplicationContext context) {
		String docsPath = context.getEnvironment().getProperty("springdoc.api-docs.path", "/v3/api-docs");
		return new OpenApiDrift(ServedRoutes.of(context), docsPath);
	}

	/**
	 * Leave paths out of both sides, such as {@code /error} or {@code /internal/**}.
	 * @param patterns Ant-style patterns matched against route patterns and documented paths
	 * @return this check
	 */
	public OpenApiDrift exclude(String... patterns) {
		this.excludes.addAll(Arrays.asList(patterns));
		return this;
	}

	/**
	 * The kinds of handler whose routes are compared, {@code annotated}, {@code functional}
	 * and {@code data_rest} unless told (others: {@code resource}, {@code handler},
	 * {@code servlet}, {@code actuator}).
	 * @param kinds the kinds, as the {@code methods} endpoint names them
	 * @return this check
	 */
	public OpenApiDrift sources(String... kinds) {
		this.sources.clear();
		this.sources.addAll(Arrays.asList(kinds));
		return this;
	}

	/**
	 * Compare with the document springdoc serves, fetched through MockMvc.
	 * @param mockMvc the MockMvc of the application
	 * @throws AssertionError listing the drift in both directions
	 */
	public void verify(MockMvc mockMvc) {
		assertNoDrift(check(mockMvc));
	}

	/**
	 * Compare with the document springdoc serves, fetched over HTTP.
	 * @param baseUri the server's base URI, context path included
	 * @throws AssertionError listing the drift in both directions
	 */
	public void verify(URI baseUri) {
		assertNoDrift(check(baseUri));
	}

	/**
	 * Compare with an OpenAPI document in a file.
	 * @param document the file, JSON or YAML
	 * @throws AssertionError listing the drift in both directions
	 */
	public void verify(Path document) {
		assertNoDrift(check(document));
	}

	/**
	 * Compare with an OpenAPI document.
	 * @param document the document, JSON or YAML
	 * @throws AssertionError listing the drift in both directions
	 */
	public void verifyDocument(String document) {
		assertNoDrift(check(document));
	}

	/**
	 * Check against the document springdoc serves, fetched through MockMvc, without failing.
	 * @param mockMvc the MockMvc of the application
	 * @return the drift
	 */
	public OpenApiDriftReport check(MockMvc mockMvc) {
		return check(new MockMvcExchange(mockMvc));
	}

	/**
	 * Check against the document springdoc serves, fetched over HTTP, without failing.
	 * @param baseUri the server's base URI, context path included
	 * @return the drift
	 */
	public OpenApiDriftReport check(URI baseUri) {
		return check(new HttpExchange(baseUri));
	}

	/**
	 * Check against an OpenAPI document in a file, without failing.
	 * @param document the file, JSON or YAML
	 * @return the drift
	 */
	public OpenApiDriftReport check(Path document) {
		try {
			return check(Files.readString(document, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the OpenAPI document " + document, ex);
		}
	}

	/**
	 * Check against an OpenAPI document, without failing.
	 * @param document the document, JSON or YAML
	 * @return the drift
	 */
	public OpenApiDriftReport check(String document) {
		Map<String, Set<String>> documented = documented(document);
		Map<String, Set<String>> served = served();
		List<String> notServed = new ArrayList<>();
		documented.forEach((path, methods) -> {
			Set<String> there = served.getOrDefault(path, Set.of());
			methods.stream().filter((method) -> !there.contains(method)).forEach((method) -> notServed.add(method + " " + path));
		});
		List<String> notDocumented = new ArrayList<>();
		served.forEach((path, methods) -> {
			Set<String> there = documented.getOrDefault(path, Set.of());
			for (String method : methods) {
				boolean implied = "OPTIONS".equals(method) || ("HEAD".equals(method) && methods.contains("GET"));
				if (!implied && !there.contains(method)) {
					notDocumented.add(method + " " + path);
				}
			}
		});
		return new OpenApiDriftReport(notServed, notDocumented);
	}

	private OpenApiDriftReport check(Exchange exchange) {
		Answer answer = exchange.send("GET", this.docsPath, "Accept", "application/json");
		if (answer.status() != 200) {
			throw new AssertionError("No OpenAPI document at " + this.docsPath + " (is springdoc on the classpath?): "
					+ ((answer.failure() != null) ? answer.failure() : answer.status()));
		}
		return check(answer.body());
	}

	private static void assertNoDrift(OpenApiDriftReport report) {
		if (!report.isEmpty()) {
			throw new AssertionError(report.toString());
		}
	}

	private Map<String, Set<String>> served() {
		Map<String, Set<String>> served = new LinkedHashMap<>();
		for (RouteDescriptor route : this.routes.routes()) {
			if (route.sources().stream().anyMatch(this.sources::contains) && !excluded(route.pattern())) {
				served.computeIfAbsent(normalize(route.pattern()), (key) -> new TreeSet<>()).addAll(route.methods());
			}
		}
		return served;
	}

	@SuppressWarnings("unchecked")
	private Map<String, Set<String>> documented(String document) {
		Object tree = document.stripLeading().startsWith("{")
				? JsonMapper.builder().build().readValue(document, Map.class)
				: new Yaml(new SafeConstructor(new LoaderOptions())).load(document);
		if (!(tree instanceof Map<?, ?> root) || !(root.get("paths") instanceof Map<?, ?> paths)) {
			throw new IllegalArgumentException("Not an OpenAPI document: no 'paths' object");
		}
		Map<String, Set<String>> documented = new LinkedHashMap<>();
		((Map<String, Object>) paths).forEach((path, item) -> {
			if (!excluded(path) && item instanceof Map<?, ?> operations) {
				for (Object key : operations.keySet()) {
					if (OPERATIONS.contains(String.valueOf(key))) {
						documented.computeIfAbsent(normalize(path), (k) -> new TreeSet<>())
							.add(String.valueOf(key).toUpperCase(Locale.ROOT));
					}
				}
			}
		});
		return documented;
	}

	private boolean excluded(String path) {
		return this.excludes.stream().anyMatch((exclude) -> exclude.equals(path) || MATCHER.match(exclude, path));
	}

	static String normalize(String path) {
		StringBuilder normalized = new StringBuilder();
		int depth = 0;
		for (char c : path.toCharArray()) {
			if (c == '{') {
				if (depth++ == 0) {
					normalized.append("{}");
				}
			}
			else if (c == '}') {
				depth--;
			}
			else if (depth == 0) {
				normalized.append(c);
			}
		}
		return normalized.toString();
	}

}
