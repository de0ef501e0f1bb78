package dev.methodguard.internal.routing;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;

import dev.methodguard.internal.routing.CandidateTable.Entry;
import dev.methodguard.servlet.UnionRequestMappingHandlerMapping;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.accept.ApiVersionHolder;
import org.springframework.web.accept.DefaultApiVersionStrategy;
import org.springframework.web.accept.SemanticApiVersionParser;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The differential proof of fast routing (issue 15, DESIGN decision 14): random route tables
 * (literal, {@code {var}}, regex-variable, {@code *}, {@code ?}, {@code **}, {@code {*rest}}
 * and trailing-slash patterns, overlapping and equally specific ones, one or two per mapping;
 * conditions on methods, parameters, headers, consumes, produces and API versions; handlers
 * with and without {@code @CrossOrigin}) are registered, in the same order, in Spring's own
 * {@link RequestMappingHandlerMapping} and in a {@link UnionRequestMappingHandlerMapping}
 * with fast routing; random requests (every method, {@code HEAD}, {@code OPTIONS}, CORS
 * preflights and unknown methods; paths with encoded, matrix, empty and odd segments;
 * with or without a context path; parameters, headers, content types with and without a
 * body, accepted media types, versions, valid or not) are resolved by both, before and after mappings are unregistered
 * and registered at run time (and, in some tables, with mappings registered before the
 * handler mappings were initialized). For every request the outcome must be the same: the handler
 * (or none), the exception with its message, headers and body, the CORS handling, and every
 * request attribute the lookup leaves.
 * <p>
 * Seeded: {@code -Dfastrouting.seed=...} repeats a run, {@code -Dfastrouting.tables=...}
 * sizes it; a difference names the seed of its table, which repeats it alone with
 * {@code -Dfastrouting.tables=1}.
 */
class FastRoutingDifferentialTests {

	private static final long SEED = Long.getLong("fastrouting.seed", 20261202L);

	private static final int TABLES = Integer.getInteger("fastrouting.tables", 2000);

	private static final int REQUESTS = 50;

	private static final String[] PATTERN_SEGMENTS = { "a", "a", "b", "c", "ab", "A", "x.y", "{v}", "{v}",
			"{id:\\d+}", "{n:[a-c]+}", "*", "a*", "?b", "" };

	private static final String[] PATH_SEGMENTS = { "a", "a", "b", "c", "ab", "A", "x.y", "1", "42", "", "%61",
			"a;m=1", "b%2Fc", "%C3%A9", "x%20y", "..", "bb", "a.b" };

	private static final RequestMethod[] MAPPED_METHODS = { RequestMethod.GET, RequestMethod.GET, RequestMethod.POST,
			RequestMethod.PUT, RequestMethod.DELETE, RequestMethod.PATCH, RequestMethod.HEAD, RequestMethod.OPTIONS };

	private static final String[] REQUEST_METHODS = { "GET", "GET", "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE",
			"OPTIONS", "OPTIONS", "TRACE", "FOO" };

	private static final String[] PARAMS = { "p", "p=1", "!p", "p!=2", "q" };

	private static final String[] HEADERS = { "h", "h=1", "!h", "h!=2" };

	private static final String[] CONSUMES = { "application/json", "text/plain", "!text/plain", "application/*" };

	private static final String[] PRODUCES = { "application/json", "text/html", "!text/html", "text/plain" };

	private static final String[] VERSIONS = { "1.0", "1.1", "1.2+", "2.0" };

	private static final String[] ACCEPTS = { "application/json", "text/html", "*/*", "text/plain",
			"application/xml", "text/html;q=0.9, application/json", "bogus" };

	private static final String[] CONTENT_TYPES = { "application/json", "text/plain", "application/xml", "bogus/" };

	private static final String[] REQUEST_VERSIONS = { "1.0", "1.1", "1.2", "1.5", "2.0", "bad" };

	private static final Method PLAIN = ReflectionUtils.findMethod(Handler.class, "handle");

	private static final Method CORS = ReflectionUtils.findMethod(Handler.class, "handleCors");

	/**
	 * Fast routing logs once per handler mapping it starts for: thousands here.
	 */
	@BeforeAll
	static void quietFastRoutingLog() {
		LoggingSystem.get(FastRoutingDifferentialTests.class.getClassLoader())
			.setLogLevel(FastRouting.class.getName(), LogLevel.WARN);
	}

	@AfterAll
	static void restoreFastRoutingLog() {
		LoggingSystem.get(FastRoutingDifferentialTests.class.getClassLoader())
			.setLogLevel(FastRouting.class.getName(), null);
	}

	@Test
	void fastRoutingResolvesEveryRequestAsSpringDoes() {
		Proof proof = new Proof(() -> new FastRouting(Proof::count));
		String difference = proof.run(SEED, TABLES);
		assertThat(difference).as("first difference").isNull();
		assertThat(proof.requests).as("requests resolved").isEqualTo((long) TABLES * REQUESTS);
		assertThat(proof.outcomes.keySet()).as("kinds of outcome seen").contains("handler", "no handler",
				"HttpOptionsHandler", "PreFlightHttpRequestHandler", "HttpRequestMethodNotSupportedException",
				"HttpMediaTypeNotSupportedException", "HttpMediaTypeNotAcceptableException",
				"UnsatisfiedServletRequestParameterException", "IllegalStateException",
				"NotAcceptableApiVersionException", "InvalidApiVersionException");
		assertThat(proof.offTables).as("tables fast routing was off for").isZero();
		assertThat(proof.unorderedTables).as("tables with mappings registered before initialization")
			.isPositive()
			.isLessThan(TABLES / 4);
		assertThat(proof.narrowed).as("requests for which fast routing left some registered mapping out")
			.isGreaterThan(proof.requests / 2);
	}

	@Test
	void theProofDetectsANarrowingThatDropsOneCandidate() {
		Proof proof = new Proof(() -> new FastRouting(FastRoutingDifferentialTests::dropLast));
		String difference = proof.run(SEED, TABLES);
		assertThat(difference).as("first difference").isNotNull().contains("-Dfastrouting.seed=");
	}

	@Test
	void theProofDetectsCandidatesEvaluatedOutOfTheRegistrysOrder() {
		Proof proof = new Proof(() -> new FastRouting(FastRoutingDifferentialTests::reversed));
		String difference = proof.run(SEED, TABLES);
		assertThat(difference).as("first difference").isNotNull().contains("-Dfastrouting.seed=");
	}

	private static Candidates reversed(Candidates candidates) {
		List<Entry[]> groups = new ArrayList<>();
		int count = 0;
		for (Entry[] group : candidates.groups()) {
			Entry[] reversed = new Entry[group.length];
			for (int i = 0; i < group.length; i++) {
				Entry entry = group[group.length - 1 - i];
				reversed[i] = new Entry(entry.mapping(), -entry.position(), entry.handlerMethod());
			}
			groups.add(reversed);
			count += reversed.length;
		}
		return new Candidates(groups, count);
	}

	private static Candidates dropLast(Candidates candidates) {
		List<Entry[]> groups = new ArrayList<>(candidates.groups());
		if (groups.isEmpty()) {
			return candidates;
		}
		Entry[] last = groups.remove(groups.size() - 1);
		groups.add(Arrays.copyOf(last, last.length - 1));
		return new Candidates(groups, groups.stream().mapToInt((group) -> group.length).sum());
	}

	/**
	 * One run of the proof: fast routing instances from the given supplier, counted.
	 */
	private static final class Proof {

		private static final ThreadLocal<long[]> counts = ThreadLocal.withInitial(() -> new long[1]);

		private final Supplier<FastRouting> fastRouting;

		private final List<FastRouting> created = new ArrayList<>();

		private long requests;

		private long offTables;

		private long unorderedTables;

		private long narrowed;

		private final Map<String, Long> outcomes = new TreeMap<>();

		Proof(Supplier<FastRouting> fastRouting) {
			this.fastRouting = fastRouting;
		}

		static Candidates count(Candidates candidates) {
			for (Entry[] group : candidates.groups()) {
				counts.get()[0] += group.length;
			}
			return candidates;
		}

		/**
		 * The first difference, with the seed that repeats it, or {@code null}.
		 */
		@Nullable String run(long seed, int tables) {
			try (GenericApplicationContext context = new GenericApplicationContext()) {
				context.registerBean(FastRouting.class, () -> {
					FastRouting created = this.fastRouting.get();
					this.created.add(created);
					return created;
				}, (definition) -> definition.setScope(BeanDefinition.SCOPE_PROTOTYPE));
				context.refresh();
				for (int table = 0; table < tables; table++) {
					String difference = runTable(seed + table, context);
					if (difference != null) {
						return difference;
					}
				}
			}
			return null;
		}

		private @Nullable String runTable(long seed, GenericApplicationContext context) {
			Random random = new Random(seed);
			boolean versioned = random.nextInt(3) == 0;
			RequestMappingHandlerMapping spring = mapping(new RequestMappingHandlerMapping(), versioned, context);
			RequestMappingHandlerMapping fast = mapping(new UnionRequestMappingHandlerMapping(), versioned, context);
			List<String> log = new ArrayList<>();
			List<Registration> registrations = new ArrayList<>();
			int size = 1 + random.nextInt(random.nextBoolean() ? 8 : 30);
			int early = (!versioned && random.nextInt(8) == 0) ? 1 + random.nextInt(random.nextBoolean() ? 1 : size)
					: 0;
			FastRouting routing = null;
			for (int i = 0; i <= size; i++) {
				if (i == early) {
					spring.afterPropertiesSet();
					this.created.clear();
					fast.afterPropertiesSet();
					assertThat(this.created).as("fast routing of the mapping").hasSize(1);
					routing = this.created.get(0);
					log.add((early > 0) ? "(the mappings above registered before the handler mappings were initialized)"
							: "(handler mappings initialized)");
				}
				String difference = (i < size) ? register(randomRegistration(random, i, versioned), spring, fast,
						registrations, log, seed) : null;
				if (difference != null) {
					return difference;
				}
			}
			if (!routing.isOn()) {
				this.offTables++;
			}
			else if (!routing.isOrdered()) {
				this.unorderedTables++;
			}
			for (int r = 0; r < REQUESTS; r++) {
				if (r == REQUESTS / 3 && !registrations.isEmpty()) {
					Registration removed = registrations
						.remove((early > 0 && random.nextBoolean()) ? 0 : random.nextInt(registrations.size()));
					spring.unregisterMapping(removed.spring(spring));
					fast.unregisterMapping(removed.fast(fast));
					log.add("unregistered " + removed.spring(spring));
				}
				if (r == 2 * REQUESTS / 3) {
					String difference = register(randomRegistration(random, size, versioned), spring, fast,
							registrations, log, seed);
					if (difference != null) {
						return difference;
					}
				}
				RequestSpec request = randomRequest(random, versioned);
				String expected = resolve(spring, request.build());
				counts.get()[0] = 0;
				String actual = resolve(fast, request.build());
				if (counts.get()[0] < registrations.size()) {
					this.narrowed++;
				}
				this.requests++;
				this.outcomes.merge(kind(expected), 1L, Long::sum);
				if (!expected.equals(actual)) {
					return difference(seed, log, request + "\n  Spring:       " + expected + "\n  fast routing: "
							+ actual);
				}
			}
			return null;
		}

		private static String kind(String outcome) {
			String first = outcome.substring(0, outcome.indexOf(','));
			if (first.startsWith("handler ") && Character.isDigit(first.charAt("handler ".length()))) {
				return "handler";
			}
			if (first.startsWith("handler ")) {
				return first.substring("handler ".length()).split(" ")[0];
			}
			String type = first.split(":")[0];
			return type.substring(type.lastIndexOf('.') + 1);
		}

		private static @Nullable String register(Registration registration, RequestMappingHandlerMapping spring,
				RequestMappingHandlerMapping fast, List<Registration> registrations, List<String> log, long seed) {
			String expected = registerIn(spring, registration.spring(spring), registration);
			String actual = registerIn(fast, registration.fast(fast), registration);
			if (!expected.equals(actual)) {
				return difference(seed, log,
						"registering " + registration.spring(spring) + ": " + expected + " / " + actual);
			}
			log.add(registration.spring(spring) + " -> handler " + registration.handler().id
					+ (registration.cors() ? " (CORS)" : "") + ": " + expected);
			if (expected.equals("registered")) {
				registrations.add(registration);
			}
			return null;
		}

		private static String registerIn(RequestMappingHandlerMapping mapping, RequestMappingInfo info,
				Registration registration) {
			try {
				mapping.registerMapping(info, registration.handler(), registration.cors() ? CORS : PLAIN);
				return "registered";
			}
			catch (RuntimeException ex) {
				return ex.getClass().getSimpleName();
			}
		}

		private static String difference(long seed, List<String> log, String what) {
			return "Fast routing differs from Spring (repeat with -Dfastrouting.seed=" + seed
					+ " -Dfastrouting.tables=1)\n  routes:\n    " + String.join("\n    ", log) + "\n  request: " + what;
		}

	}

	private static RequestMappingHandlerMapping mapping(RequestMappingHandlerMapping mapping, boolean versioned,
			GenericApplicationContext context) {
		if (versioned) {
			mapping.setApiVersionStrategy(new DefaultApiVersionStrategy(
					List.of((request) -> request.getHeader("X-API-Version")), new SemanticApiVersionParser(), false,
					null, false, (version) -> true, null));
		}
		mapping.setApplicationContext(context);
		return mapping;
	}

	private static Registration randomRegistration(Random random, int id, boolean versioned) {
		int patternCount = (random.nextInt(5) == 0) ? 2 : 1;
		String[] patterns = new String[patternCount];
		for (int i = 0; i < patternCount; i++) {
			patterns[i] = randomPattern(random);
		}
		RequestMethod[] methods = new RequestMethod[random.nextInt(3)];
		for (int i = 0; i < methods.length; i++) {
			methods[i] = MAPPED_METHODS[random.nextInt(MAPPED_METHODS.length)];
		}
		String[] params = pick(random, PARAMS, 5);
		String[] headers = pick(random, HEADERS, 6);
		String[] consumes = pick(random, CONSUMES, 4);
		String[] produces = pick(random, PRODUCES, 4);
		String version = (versioned && random.nextInt(3) > 0) ? VERSIONS[random.nextInt(VERSIONS.length)] : null;
		Supplier<RequestMappingInfo.Builder> builder = () -> {
			RequestMappingInfo.Builder info = RequestMappingInfo.paths(patterns)
				.methods(methods)
				.params(params)
				.headers(headers)
				.consumes(consumes)
				.produces(produces);
			return (version != null) ? info.version(version) : info;
		};
		return new Registration(builder, new Handler(id), random.nextInt(4) == 0);
	}

	private static String[] pick(Random random, String[] values, int oneIn) {
		return (random.nextInt(oneIn) == 0) ? new String[] { values[random.nextInt(values.length)] } : new String[0];
	}

	private static String randomPattern(Random random) {
		StringBuilder pattern = new StringBuilder();
		int length = random.nextInt(4);
		for (int i = 0; i < length; i++) {
			String segment = PATTERN_SEGMENTS[random.nextInt(PATTERN_SEGMENTS.length)];
			if (segment.isEmpty() && i < length - 1) {
				segment = "a";
			}
			pattern.append('/').append(segment.replace("{v", "{v" + i).replace("{id", "{id" + i).replace("{n", "{n" + i));
		}
		int end = random.nextInt(10);
		if (end == 0) {
			pattern.append("/**");
		}
		else if (end == 1) {
			pattern.append("/{*rest}");
		}
		else if (end == 2 || pattern.isEmpty()) {
			pattern.append('/');
		}
		return pattern.toString();
	}

	private static RequestSpec randomRequest(Random random, boolean versioned) {
		String method = REQUEST_METHODS[random.nextInt(REQUEST_METHODS.length)];
		StringBuilder path = new StringBuilder();
		int length = random.nextInt(5);
		for (int i = 0; i < length; i++) {
			path.append('/').append(PATH_SEGMENTS[random.nextInt(PATH_SEGMENTS.length)]);
		}
		if (path.isEmpty() || random.nextInt(8) == 0) {
			path.append('/');
		}
		List<String[]> headers = new ArrayList<>();
		List<String[]> params = new ArrayList<>();
		if (random.nextInt(3) == 0) {
			params.add(new String[] { random.nextBoolean() ? "p" : "q", random.nextBoolean() ? "1" : "2" });
		}
		if (random.nextInt(3) == 0) {
			headers.add(new String[] { "h", random.nextBoolean() ? "1" : "2" });
		}
		if (random.nextBoolean()) {
			headers.add(new String[] { "Accept", ACCEPTS[random.nextInt(ACCEPTS.length)] });
		}
		String contentType = (random.nextInt(3) == 0) ? CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)] : null;
		boolean body = random.nextBoolean();
		if (versioned && random.nextInt(4) > 0) {
			headers.add(new String[] { "X-API-Version", REQUEST_VERSIONS[random.nextInt(REQUEST_VERSIONS.length)] });
		}
		if (random.nextInt(4) == 0) {
			headers.add(new String[] { "Origin", random.nextBoolean() ? "https://a.example" : "https://b.example" });
			if (method.equals("OPTIONS") && random.nextInt(3) > 0) {
				headers.add(new String[] { "Access-Control-Request-Method",
						REQUEST_METHODS[random.nextInt(REQUEST_METHODS.length)] });
				if (random.nextBoolean()) {
					headers.add(new String[] { "Access-Control-Request-Headers", "h" });
				}
			}
		}
		String contextPath = (random.nextInt(5) == 0) ? "/ctx" : "";
		return new RequestSpec(method, contextPath, path.toString(), params, headers, contentType, body);
	}

	/**
	 * What a mapping makes of a request: its handler or exception, its CORS handling and the
	 * request attributes it leaves.
	 */
	private static String resolve(RequestMappingHandlerMapping mapping, MockHttpServletRequest request) {
		StringBuilder outcome = new StringBuilder();
		try {
			HandlerExecutionChain chain = mapping.getHandler(request);
			if (chain == null) {
				outcome.append("no handler");
			}
			else {
				outcome.append(handler(chain.getHandler(), request));
				for (HandlerInterceptor interceptor : chain.getInterceptorList()) {
					outcome.append(", interceptor ").append(interceptor(interceptor, chain.getHandler(), request));
				}
			}
		}
		catch (Exception ex) {
			outcome.append(exception(ex));
		}
		TreeMap<String, String> attributes = new TreeMap<>();
		for (String name : Collections.list(request.getAttributeNames())) {
			attributes.put(name, value(request.getAttribute(name)));
		}
		return outcome.append(", attributes ").append(attributes).toString();
	}

	private static String handler(Object handler, MockHttpServletRequest request) throws Exception {
		if (handler instanceof HandlerMethod method) {
			if (method.getBean() instanceof Handler mapped) {
				return "handler " + mapped.id + "#" + method.getMethod().getName();
			}
			return "handler " + method.getBeanType().getSimpleName() + " answering "
					+ ReflectionUtils.invokeMethod(method.getMethod(), method.getBean());
		}
		if (handler instanceof HttpRequestHandler requestHandler) {
			MockHttpServletResponse response = new MockHttpServletResponse();
			requestHandler.handleRequest(request, response);
			return "handler " + handler.getClass().getSimpleName() + " answering " + response(response);
		}
		return "handler " + handler;
	}

	private static String interceptor(HandlerInterceptor interceptor, Object handler, MockHttpServletRequest request)
			throws Exception {
		String description = interceptor.getClass().getSimpleName();
		if (interceptor instanceof CorsConfigurationSource source) {
			MockHttpServletResponse response = new MockHttpServletResponse();
			description += " " + cors(source.getCorsConfiguration(request)) + " "
					+ interceptor.preHandle(request, response, handler) + " " + response(response);
		}
		return description;
	}

	private static String cors(@Nullable CorsConfiguration config) {
		return (config != null) ? "[origins " + config.getAllowedOrigins() + " " + config.getAllowedOriginPatterns()
				+ ", methods " + config.getAllowedMethods() + ", headers " + config.getAllowedHeaders() + ", exposed "
				+ config.getExposedHeaders() + ", credentials " + config.getAllowCredentials() + ", max age "
				+ config.getMaxAge() + "]" : "no CORS configuration";
	}

	private static String response(MockHttpServletResponse response) {
		TreeMap<String, List<String>> headers = new TreeMap<>();
		for (String name : response.getHeaderNames()) {
			headers.put(name, response.getHeaders(name));
		}
		return response.getStatus() + " " + headers;
	}

	private static String exception(Exception ex) {
		StringBuilder description = new StringBuilder(ex.getClass().getName()).append(": ").append(ex.getMessage());
		if (ex instanceof HttpRequestMethodNotSupportedException mismatch) {
			description.append(", supported ").append(Arrays.toString(mismatch.getSupportedMethods()));
		}
		if (ex instanceof HttpMediaTypeNotSupportedException unsupported) {
			description.append(", supported ").append(unsupported.getSupportedMediaTypes());
		}
		if (ex instanceof HttpMediaTypeNotAcceptableException notAcceptable) {
			description.append(", supported ").append(notAcceptable.getSupportedMediaTypes());
		}
		if (ex instanceof ErrorResponse response) {
			description.append(", headers ").append(response.getHeaders()).append(", body ").append(response.getBody());
		}
		return description.toString();
	}

	private static String value(@Nullable Object value) {
		if (value instanceof HandlerMethod method) {
			return (method.getBean() instanceof Handler mapped) ? "handler " + mapped.id + "#"
					+ method.getMethod().getName() : "handler " + method.getBeanType().getSimpleName();
		}
		if (value instanceof ApiVersionHolder holder) {
			return "version " + holder.getVersionIfPresent()
					+ (holder.hasError() ? " error " + exception(holder.getError()) : "");
		}
		String text = String.valueOf(value);
		boolean identity = value != null
				&& text.equals(value.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(value)));
		return identity ? value.getClass().getName() : text;
	}

	/**
	 * One mapping, built for each handler mapping with that mapping's own configuration.
	 */
	private record Registration(Supplier<RequestMappingInfo.Builder> builder, Handler handler, boolean cors,
			RequestMappingInfo[] built) {

		Registration(Supplier<RequestMappingInfo.Builder> builder, Handler handler, boolean cors) {
			this(builder, handler, cors, new RequestMappingInfo[2]);
		}

		/**
		 * The mapping for Spring's own handler mapping, built with its configuration.
		 */
		RequestMappingInfo spring(RequestMappingHandlerMapping mapping) {
			if (this.built[0] == null) {
				this.built[0] = this.builder.get().options(mapping.getBuilderConfiguration()).build();
			}
			return this.built[0];
		}

		/**
		 * The mapping for the handler mapping with fast routing, built with its configuration.
		 */
		RequestMappingInfo fast(RequestMappingHandlerMapping mapping) {
			if (this.built[1] == null) {
				this.built[1] = this.builder.get().options(mapping.getBuilderConfiguration()).build();
			}
			return this.built[1];
		}

	}

	/**
	 * A request, built anew for each handler mapping.
	 */
	private record RequestSpec(String method, String contextPath, String path, List<String[]> params,
			List<String[]> headers, @Nullable String contentType, boolean body) {

		MockHttpServletRequest build() {
			MockHttpServletRequest request = new MockHttpServletRequest(this.method, this.contextPath + this.path);
			request.setContextPath(this.contextPath);
			StringBuilder query = new StringBuilder();
			for (String[] param : this.params) {
				request.addParameter(param[0], param[1]);
				query.append(query.isEmpty() ? "" : "&").append(param[0]).append('=').append(param[1]);
			}
			if (!query.isEmpty()) {
				request.setQueryString(query.toString());
			}
			for (String[] header : this.headers) {
				request.addHeader(header[0], header[1]);
			}
			if (this.contentType != null) {
				request.setContentType(this.contentType);
			}
			if (this.body) {
				request.setContent("{}".getBytes(StandardCharsets.UTF_8));
				request.addHeader("Content-Length", "2");
			}
			return request;
		}

		@Override
		public String toString() {
			StringBuilder description = new StringBuilder(this.method).append(' ')
				.append(this.contextPath.isEmpty() ? "" : "(context path " + this.contextPath + ") ")
				.append(this.path);
			this.params.forEach((param) -> description.append(" ?").append(param[0]).append('=').append(param[1]));
			this.headers.forEach((header) -> description.append(" [").append(header[0]).append(": ")
				.append(header[1])
				.append(']'));
			if (this.contentType != null) {
				description.append(" [Content-Type: ").append(this.contentType).append(']');
			}
			return description.append(this.body ? " with a body" : "").toString();
		}

	}

	/**
	 * A handler, told apart from the others by its id.
	 */
	static final class Handler {

		private final int id;

		Handler(int id) {
			this.id = id;
		}

		public void handle() {
		}

		@CrossOrigin(origins = "https://a.example", exposedHeaders = "X-Exposed")
		public void handleCors() {
		}

		@Override
		public String toString() {
			return "handler " + this.id;
		}

	}

}
