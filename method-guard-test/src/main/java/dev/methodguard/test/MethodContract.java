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
 * are skipped, and so are patterns whose routes have an API version condition (the requests
 * carry no version). The report lists what was skipped.
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
		Verification verification = new Verification(exchange, this.headers.toArray(String[]::new));
		List<RouteDescriptor> routes = this.routes.routes();
		Set<String> versioned = new LinkedHashSet<>();
		routes.stream().filter((route) -> route.versions() != null).forEach((route) -> versioned.add(route.pattern()));
		Set<String> seen = new LinkedHashSet<>();
		for (RouteDescriptor route : routes) {
			String pattern = route.pattern();
			if (!selected(pattern) || !seen.add(pattern)) {
				continue;
			}
			if (versioned.contains(pattern)) {
				verification.skipped.add(pattern + " (routes with an API version condition are not verified yet)");
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
				verify(verification, pattern, path);
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

	private void verify(Verification verification, String route, String path) {
		List<String> methods = this.routes.methodsAt(path);
		if (methods == null) {
			verification.violation(route, path, "-", "a route serves the path", "method-guard knows no route there");
			return;
		}
		Set<String> allowed = new LinkedHashSet<>(methods);
		String allow = String.join(", ", methods);
		Answer options = verification.send("OPTIONS", path);
		if (options.status() < 200 || options.status() > 299 || !allowed.equals(options.allowed())) {
			verification.violation(route, path, "OPTIONS", "2xx, Allow: " + allow, options.describe());
		}
		for (String method : STANDARD) {
			if (allowed.contains(method)) {
				if (SAFE.contains(method) || this.sendListedUnsafeMethods) {
					served(verification, route, path, method);
				}
			}
			else {
				rejected(verification, route, path, method, allowed, allow);
			}
		}
		if (allowed.containsAll(EVERY) || allowed.contains(this.unknownMethod)) {
			served(verification, route, path, this.unknownMethod);
		}
		else {
			Answer answer = verification.send(this.unknownMethod, path);
			boolean rejectedAsUnimplemented = answer.status() == 501;
			boolean rejectedAsNotAllowed = answer.status() == 405 && allowed.equals(answer.allowed());
			if (!rejectedAsUnimplemented && !rejectedAsNotAllowed) {
				verification.violation(route, path, this.unknownMethod, "501, or 405 with Allow: " + allow,
						answer.describe());
			}
		}
	}

	private static void served(Verification verification, String route, String path, String method) {
		Answer answer = verification.send(method, path);
		if (answer.status() == 405 || answer.status() == 501 || answer.failure() != null) {
			verification.violation(route, path, method, "not 405 or 501", got(answer));
		}
	}

	private static void rejected(Verification verification, String route, String path, String method,
			Set<String> allowed, String allow) {
		Answer answer = verification.send(method, path);
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
			verification.violation(route, path, method, expected, got(answer));
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
	 * The state of one verification run.
	 */
	private static final class Verification {

		private final Exchange exchange;

		private final String[] headers;

		private final List<ContractViolation> violations = new ArrayList<>();

		private final List<String> skipped = new ArrayList<>();

		private int requests;

		Verification(Exchange exchange, String[] headers) {
			this.exchange = exchange;
			this.headers = headers;
		}

		Answer send(String method, String path) {
			this.requests++;
			return this.exchange.send(method, path, this.headers);
		}

		void violation(String route, String path, String method, String expected, String got) {
			this.violations.add(new ContractViolation(route, path, method, expected, got));
		}

	}

}
