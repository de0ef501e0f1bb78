package dev.methodguard.test;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.methodguard.actuate.MethodsEndpoint.RouteDescriptor;

import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.Assert;

/**
 * The method contract of every route of an application, verified in one call: for each
 * route method-guard knows (read from its {@code methods} endpoint bean), a concrete path is
 * built from the pattern (variables filled with {@code 1}, or the examples given), and
 * <ul>
 * <li>{@code OPTIONS} answers 2xx with the route's {@code Allow};</li>
 * <li>each listed safe method ({@code GET}, {@code HEAD}, {@code QUERY}, {@code TRACE}) is
 * neither 405 nor 501; listed unsafe methods ({@code POST}, {@code PUT}, {@code PATCH},
 * {@code DELETE}) are sent only after {@link #sendListedUnsafeMethods(boolean)
 * sendListedUnsafeMethods(true)}, so that a test never deletes data by surprise;</li>
 * <li>each other standard method (QUERY and TRACE included) is 405 with that same
 * {@code Allow} and an {@code application/problem+json} body; a rejected {@code HEAD} has
 * no body (a served {@code HEAD}'s body is the container's to drop, which MockMvc has not,
 * and {@link java.net.http.HttpClient} reads no body after {@code HEAD});</li>
 * <li>a method nothing implements ({@code FOO}) is 501, or 405 with the same {@code Allow}
 * where the application implements it elsewhere or answers unknown methods with 405; on a
 * route that takes every method (a mapping without a method condition) it is served.</li>
 * </ul>
 * Every violation is collected, and {@code verify} fails with all of them as a table.
 * <pre class="code">
 * MethodContract.of(context)
 *     .example("/api/products/{id}", "/api/products/7")
 *     .exclude("/actuator/**")
 *     .verify(mockMvc);
 * </pre>
 * Patterns with wildcards ({@code /**}, {@code /files/*}) are verified only with an example;
 * through MockMvc, which reaches only the {@code DispatcherServlet}, routes of plain servlets
 * are skipped. Patterns whose routes have an API version condition are skipped too, unless
 * the versions to verify them in are given ({@link #versions(String...)} with
 * {@link #versionHeader(String)}): then their requests are sent once per version, with the
 * version in that header, and expect the {@code Allow} of that version. The report lists what
 * was skipped.
 * <pre class="code">
 * MethodContract.of(context)
 *     .versions("1.0", "1.1")
 *     .versionHeader("X-API-Version")
 *     .verify(mockMvc);
 * </pre>
 */
public final class MethodContract {

	private static final List<String> STANDARD = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "QUERY",
			"TRACE");

	/** What the index lists for a mapping without a method condition (TRACE only if explicit). */
	private static final Set<String> EVERY = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "QUERY");

	private static final Set<String> SAFE = Set.of("GET", "HEAD", "QUERY", "TRACE");

	private static final Pattern PROBLEM_405 = Pattern.compile("\"status\"\\s*:\\s*405\\b");

	private static final AntPathMatcher MATCHER = new AntPathMatcher();

	private final ServedRoutes routes;

	private final Map<String, List<String>> examples = new LinkedHashMap<>();

	private final List<String> excludes = new ArrayList<>();

	private final List<String> includes = new ArrayList<>();

	private final List<String> headers = new ArrayList<>(List.of("Accept", "application/json"));

	private final List<String> versions = new ArrayList<>();

	private @Nullable String versionHeader;

	private boolean sendListedUnsafeMethods;

	private String unknownMethod = "FOO";

	private MethodContract(ServedRoutes routes) {
		this.routes = routes;
	}

	/**
	 * The contract of the application in this context.
	 * @param context the application context, with method-guard's {@code methods} endpoint
	 * bean (Actuator on the classpath, the endpoint available; it need not be exposed over
	 * HTTP, JMX exposure is enough)
	 * @return the contract, to configure and verify
	 * @throws IllegalStateException where the context has no {@code methods} endpoint bean
	 */
	public static MethodContract of(ApplicationContext context) {
		return new MethodContract(ServedRoutes.of(context));
	}

	/**
	 * Concrete paths to send for route patterns, such as an id that exists, in place of the
	 * pattern with its variables filled with {@code 1}.
	 * @param examples concrete paths by route pattern, exactly as the {@code methods}
	 * endpoint lists the pattern
	 * @return this contract
	 */
	public MethodContract examples(Map<String, String> examples) {
		examples.forEach(this::example);
		return this;
	}

	/**
	 * Concrete paths to send for one route pattern.
	 * @param pattern the route pattern, such as {@code /api/products/{id}}
	 * @param paths one or more concrete paths within the application
	 * @return this contract
	 */
	public MethodContract example(String pattern, String... paths) {
		Assert.notEmpty(paths, "At least one path is needed");
		this.examples.computeIfAbsent(pattern, (key) -> new ArrayList<>()).addAll(Arrays.asList(paths));
		return this;
	}

	/**
	 * Leave routes out, such as {@code /actuator/**}.
	 * @param patterns Ant-style patterns matched against the route patterns
	 * @return this contract
	 */
	public MethodContract exclude(String... patterns) {
		this.excludes.addAll(Arrays.asList(patterns));
		return this;
	}

	/**
	 * Verify only some routes.
	 * @param patterns Ant-style patterns matched against the route patterns
	 * @return this contract
	 */
	public MethodContract include(String... patterns) {
		this.includes.addAll(Arrays.asList(patterns));
		return this;
	}

	/**
	 * Whether to send the listed unsafe methods ({@code POST}, {@code PUT}, {@code PATCH},
	 * {@code DELETE}) too, without a body, to check that they are neither 405 nor 501. Off
	 * by default: {@code OPTIONS} and the safe methods vouch for them, and nothing is changed
	 * or deleted.
	 * @param send whether to send them
	 * @return this contract
	 */
	public MethodContract sendListedUnsafeMethods(boolean send) {
		this.sendListedUnsafeMethods = send;
		return this;
	}

	/**
	 * The method token no handler implements, {@code FOO} unless told.
	 * @param method the token
	 * @return this contract
	 */
	public MethodContract unknownMethod(String method) {
		this.unknownMethod = method;
		return this;
	}

	/**
	 * A header for every request, such as {@code Authorization}.
	 * @param name the header name
	 * @param value the header value
	 * @return this contract
	 */
	public MethodContract header(String name, String value) {
		this.headers.add(name);
		this.headers.add(value);
		return this;
	}

	/**
	 * The API versions to verify the patterns whose routes have a version condition in: each
	 * such pattern is verified once per version, its requests carrying the version in the
	 * {@link #versionHeader(String) version header}, against the {@code Allow} the
	 * {@code methods} endpoint resolves for the path in that version. A version in which no
	 * route of the pattern serves the path is skipped for that pattern (and listed). Without
	 * versions, such patterns are skipped (and listed). Unversioned patterns are verified as
	 * always, their requests without a version.
	 * @param versions the versions, as the application's requests carry them, such as
	 * {@code 1.0} and {@code 1.1}; a version the application's strategy cannot parse fails
	 * the verification
	 * @return this contract
	 */
	public MethodContract versions(String... versions) {
		this.versions.addAll(Arrays.asList(versions));
		return this;
	}

	/**
	 * The request header that carries the API version, as the application reads it
	 * ({@code spring.mvc.apiversion.use.header}); needed with {@link #versions(String...)}.
	 * Versions in a query parameter, a media type parameter or a path segment are not
	 * supported.
	 * @param name the header name, such as {@code X-API-Version}
	 * @return this contract
	 */
	public MethodContract versionHeader(String name) {
		this.versionHeader = name;
		return this;
	}

	/**
	 * Verify through MockMvc.
	 * @param mockMvc the MockMvc of the application, with its filters
	 * @throws AssertionError listing every violation as a table, or where no route was
	 * verified
	 */
	public void verify(MockMvc mockMvc) {
		assertSatisfied(check(mockMvc));
	}

	/**
	 * Verify through a MockMvcTester.
	 * @param tester the MockMvcTester of the application, with its filters
	 * @throws AssertionError listing every violation as a table, or where no route was
	 * verified
	 */
	public void verify(MockMvcTester tester) {
		assertSatisfied(check(tester));
	}

	/**
	 * Verify over HTTP against the running server.
	 * @param baseUri the server's base URI, context path included, such as
	 * {@code http://localhost:8080}
	 * @throws AssertionError listing every violation as a table, or where no route was
	 * verified
	 */
	public void verify(URI baseUri) {
		assertSatisfied(check(baseUri));
	}

	/**
	 * Check through MockMvc without failing.
	 * @param mockMvc the MockMvc of the application
	 * @return the report
	 */
	public ContractReport check(MockMvc mockMvc) {
		return check(new MockMvcExchange(mockMvc));
	}

	/**
	 * Check through a MockMvcTester without failing.
	 * @param tester the MockMvcTester of the application
	 * @return the report
	 */
	public ContractReport check(MockMvcTester tester) {
		return check(new MockMvcTesterExchange(tester));
	}

	/**
	 * Check over HTTP without failing.
	 * @param baseUri the server's base URI, context path included
	 * @return the report
	 */
	public ContractReport check(URI baseUri) {
		return check(new HttpExchange(baseUri));
	}

	private static void assertSatisfied(ContractReport report) {
		if (report.requests() == 0) {
			throw new AssertionError("Method contract: no route verified; check the includes and excludes. "
					+ System.lineSeparator() + report);
		}
		if (!report.isSatisfied()) {
			throw new AssertionError(report.toString());
		}
	}

	ContractReport check(Exchange exchange) {
		if (!this.versions.isEmpty() && this.versionHeader == null) {
			throw new IllegalStateException("API versions are given without the header that carries them: "
					+ "add versionHeader(\"X-API-Version\") or the header the application reads");
		}
		Verification verification = new Verification(exchange, this.headers, this.versionHeader);
		List<RouteDescriptor> routes = this.routes.routes();
		Set<String> versioned = new LinkedHashSet<>();
		routes.stream().filter((route) -> route.versions() != null).forEach((route) -> versioned.add(route.pattern()));
		Set<String> seen = new LinkedHashSet<>();
		for (RouteDescriptor route : routes) {
			String pattern = route.pattern();
			if (!selected(pattern) || !seen.add(pattern)) {
				continue;
			}
			boolean withVersions = versioned.contains(pattern);
			if (withVersions && this.versions.isEmpty()) {
				verification.skipped.add(pattern + " (routes with an API version condition: give the versions "
						+ "to verify them in, with versions(...) and versionHeader(...))");
				continue;
			}
			if (!exchange.reachesServlets() && route.sources().equals(List.of("servlet"))) {
				verification.skipped.add(pattern + " (a plain servlet: MockMvc reaches only the DispatcherServlet)");
				continue;
			}
			List<String> paths = this.examples.get(pattern);
			if (paths == null) {
				if (pattern.contains("*") || pattern.contains("?")) {
					verification.skipped.add(pattern + " (a pattern with wildcards: give an example)");
					continue;
				}
				paths = List.of(pattern.replaceAll("\\{[^/]*}", "1"));
			}
			for (String path : paths) {
				if (withVersions) {
					for (String version : this.versions) {
						verify(verification, pattern, path, version);
					}
				}
				else {
					verify(verification, pattern, path, null);
				}
			}
		}
		return new ContractReport(verification.violations, verification.skipped, verification.requests);
	}

	private boolean selected(String pattern) {
		if (!this.includes.isEmpty() && this.includes.stream().noneMatch((include) -> matches(include, pattern))) {
			return false;
		}
		return this.excludes.stream().noneMatch((exclude) -> matches(exclude, pattern));
	}

	private static boolean matches(String filter, String pattern) {
		return filter.equals(pattern) || MATCHER.match(filter, pattern);
	}

	private void verify(Verification verification, String route, String path, @Nullable String version) {
		Target target = new Target(route, path, version);
		List<String> methods = this.routes.methodsAt(path, version);
		if (methods == null) {
			if (version != null && this.routes.methodsAt(path, null) != null) {
				verification.skipped.add(route + " (" + path + ": no route there in version " + version + ")");
			}
			else {
				verification.violation(target, "-", "a route serves the path", "method-guard knows no route there");
			}
			return;
		}
		Set<String> allowed = new LinkedHashSet<>(methods);
		String allow = String.join(", ", methods);
		Answer options = verification.send("OPTIONS", target);
		if (options.status() < 200 || options.status() > 299 || !allowed.equals(options.allowed())) {
			verification.violation(target, "OPTIONS", "2xx, Allow: " + allow, options.describe());
		}
		for (String method : STANDARD) {
			if (allowed.contains(method)) {
				if (SAFE.contains(method) || this.sendListedUnsafeMethods) {
					served(verification, target, method);
				}
			}
			else {
				rejected(verification, target, method, allowed, allow);
			}
		}
		if (allowed.containsAll(EVERY) || allowed.contains(this.unknownMethod)) {
			served(verification, target, this.unknownMethod);
		}
		else {
			Answer answer = verification.send(this.unknownMethod, target);
			boolean rejectedAsUnimplemented = answer.status() == 501;
			boolean rejectedAsNotAllowed = answer.status() == 405 && allowed.equals(answer.allowed());
			if (!rejectedAsUnimplemented && !rejectedAsNotAllowed) {
				verification.violation(target, this.unknownMethod, "501, or 405 with Allow: " + allow,
						answer.describe());
			}
		}
	}

	private static void served(Verification verification, Target target, String method) {
		Answer answer = verification.send(method, target);
		if (answer.status() == 405 || answer.status() == 501 || answer.failure() != null) {
			verification.violation(target, method, "not 405 or 501", got(answer));
		}
	}

	private static void rejected(Verification verification, Target target, String method, Set<String> allowed,
			String allow) {
		Answer answer = verification.send(method, target);
		boolean head = "HEAD".equals(method);
		boolean ok = answer.status() == 405 && allowed.equals(answer.allowed());
		if (head) {
			ok = ok && answer.body().isEmpty();
		}
		else {
			ok = ok && answer.isProblem() && PROBLEM_405.matcher(answer.body()).find();
		}
		if (!ok) {
			String expected = "405, Allow: " + allow + (head ? ", no body" : ", problem body");
			verification.violation(target, method, expected, got(answer));
		}
	}

	private static String got(Answer answer) {
		if (answer.failure() != null) {
			return answer.failure();
		}
		String body;
		if (answer.body().isEmpty()) {
			body = "no body";
		}
		else if (answer.isProblem()) {
			body = "problem body";
		}
		else {
			body = (answer.contentType() != null) ? answer.contentType() + " body" : "body";
		}
		return answer.describe() + ", " + body;
	}

	/**
	 * What the requests of one verified path go to.
	 *
	 * @param route the route pattern
	 * @param path the concrete path
	 * @param version the API version the requests carry, or {@code null}
	 */
	private record Target(String route, String path, @Nullable String version) {
	}

	/**
	 * The state of one verification run.
	 */
	private static final class Verification {

		private final Exchange exchange;

		private final List<String> headers;

		private final @Nullable String versionHeader;

		private final List<ContractViolation> violations = new ArrayList<>();

		private final List<String> skipped = new ArrayList<>();

		private int requests;

		Verification(Exchange exchange, List<String> headers, @Nullable String versionHeader) {
			this.exchange = exchange;
			this.headers = List.copyOf(headers);
			this.versionHeader = versionHeader;
		}

		Answer send(String method, Target target) {
			this.requests++;
			List<String> headers = new ArrayList<>(this.headers);
			if (target.version() != null && this.versionHeader != null) {
				headers.add(this.versionHeader);
				headers.add(target.version());
			}
			return this.exchange.send(method, target.path(), headers.toArray(String[]::new));
		}

		void violation(Target target, String method, String expected, String got) {
			this.violations
				.add(new ContractViolation(target.route(), target.path(), target.version(), method, expected, got));
		}

	}

}
