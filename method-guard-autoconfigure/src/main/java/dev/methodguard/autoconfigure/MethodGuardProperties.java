package dev.methodguard.autoconfigure;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import dev.methodguard.internal.allow.PathPolicy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.logging.LogLevel;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties of method-guard.
 */
@ConfigurationProperties("method-guard")
public class MethodGuardProperties {

	/**
	 * Whether method-guard is active. When false, Spring's default responses are restored
	 * exactly.
	 */
	private boolean enabled = true;

	/**
	 * Status for a method that no handler of the application implements (such as FOO or a
	 * lowercase get): 501 (Not Implemented, RFC 9110 section 15.6.2) or 405. Where Spring
	 * Security's firewall refuses the method before authentication, a 405 (with the path's
	 * Allow) is given only with security.reveal-before-authentication.
	 */
	private int unknownMethodStatus = 501;

	/**
	 * Path patterns (Spring PathPattern syntax, within the application) where a wrong method
	 * gets a plain 404 problem and no Allow, and OPTIONS a 404: the route's existence is not
	 * revealed.
	 */
	private List<String> concealPaths = new ArrayList<>();

	/**
	 * Path patterns (Spring PathPattern syntax, within the application) that method-guard
	 * leaves entirely to Spring's default handling.
	 */
	private List<String> excludePaths = new ArrayList<>();

	/**
	 * Largest unread request body method-guard reads and discards before it answers a
	 * rejected request or OPTIONS, so that the client's kept-alive connection stays usable
	 * (like Tomcat's server.tomcat.max-swallow-size, whose default it shares). A larger
	 * body, or one the client waits to send (Expect: 100-continue), gets "Connection: close"
	 * on the answer instead. 0 reads no body.
	 */
	private DataSize maxDrainSize = DataSize.ofMegabytes(2);

	/**
	 * Problem details written for rejected methods.
	 */
	private final Problem problem = new Problem();

	/**
	 * Answers to OPTIONS.
	 */
	private final Options options = new Options();

	/**
	 * Logging of rejected requests.
	 */
	private final Log log = new Log();

	/**
	 * The "methods" Actuator endpoint.
	 */
	private final Actuator actuator = new Actuator();

	/**
	 * Rejections answered from the method index before Spring's handler lookup.
	 */
	private final EarlyRejection earlyRejection = new EarlyRejection();

	/**
	 * Opt-in fast routing of Spring MVC's mapping of annotated controllers.
	 */
	private final FastRouting fastRouting = new FastRouting();

	/**
	 * Answers given where Spring Security is in place.
	 */
	private final Security security = new Security();

	/**
	 * Error pages for browsers.
	 */
	private final HtmlErrorPages htmlErrorPages = new HtmlErrorPages();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getUnknownMethodStatus() {
		return this.unknownMethodStatus;
	}

	public void setUnknownMethodStatus(int unknownMethodStatus) {
		if (unknownMethodStatus != 405 && unknownMethodStatus != 501) {
			throw new IllegalArgumentException(
					"method-guard.unknown-method-status must be 501 or 405, not " + unknownMethodStatus);
		}
		this.unknownMethodStatus = unknownMethodStatus;
	}

	public List<String> getConcealPaths() {
		return this.concealPaths;
	}

	public void setConcealPaths(List<String> concealPaths) {
		this.concealPaths = validPatterns("method-guard.conceal-paths", concealPaths);
	}

	public List<String> getExcludePaths() {
		return this.excludePaths;
	}

	public void setExcludePaths(List<String> excludePaths) {
		this.excludePaths = validPatterns("method-guard.exclude-paths", excludePaths);
	}

	public DataSize getMaxDrainSize() {
		return this.maxDrainSize;
	}

	public void setMaxDrainSize(DataSize maxDrainSize) {
		if (maxDrainSize == null || maxDrainSize.isNegative()) {
			throw new IllegalArgumentException(
					"method-guard.max-drain-size must be zero or a positive size, not " + maxDrainSize);
		}
		this.maxDrainSize = maxDrainSize;
	}

	public Problem getProblem() {
		return this.problem;
	}

	public Options getOptions() {
		return this.options;
	}

	public Log getLog() {
		return this.log;
	}

	public Actuator getActuator() {
		return this.actuator;
	}

	public EarlyRejection getEarlyRejection() {
		return this.earlyRejection;
	}

	/**
	 * The settings of fast routing.
	 * @return the settings
	 */
	public FastRouting getFastRouting() {
		return this.fastRouting;
	}

	/**
	 * The settings of the answers given where Spring Security is in place.
	 * @return the settings
	 */
	public Security getSecurity() {
		return this.security;
	}

	/**
	 * The settings of the error pages browsers get.
	 * @return the settings
	 */
	public HtmlErrorPages getHtmlErrorPages() {
		return this.htmlErrorPages;
	}

	private static List<String> validPatterns(String property, List<String> patterns) {
		for (int i = 0; i < patterns.size(); i++) {
			try {
				PathPolicy.parse(List.of(patterns.get(i)));
			}
			catch (RuntimeException ex) {
				throw new IllegalArgumentException(property + "[" + i + "] '" + patterns.get(i)
						+ "' is not a valid path pattern: " + ex.getMessage(), ex);
			}
		}
		return new ArrayList<>(patterns);
	}

	/**
	 * Problem details settings.
	 */
	public static class Problem {

		/**
		 * URI of the "type" member of every problem method-guard writes (405, 501, and the
		 * 404 of a concealed path): an absolute URI, or a path starting with "/". The
		 * default, about:blank, means the problem has no semantics beyond its status code
		 * (RFC 9457 section 4.2.1).
		 */
		private URI type = URI.create("about:blank");

		/**
		 * Whether a 405 problem lists its allowed methods in the "allowedMethods" member.
		 */
		private boolean includeAllowedMethods = true;

		public URI getType() {
			return this.type;
		}

		public void setType(URI type) {
			if (type == null || (!type.isAbsolute() && !type.toString().startsWith("/"))) {
				throw new IllegalArgumentException(
						"method-guard.problem.type must be an absolute URI or a path starting with '/', not " + type);
			}
			this.type = type;
		}

		public boolean isIncludeAllowedMethods() {
			return this.includeAllowedMethods;
		}

		public void setIncludeAllowedMethods(boolean includeAllowedMethods) {
			this.includeAllowedMethods = includeAllowedMethods;
		}

	}

	/**
	 * Answers to OPTIONS.
	 */
	public static class Options {

		/**
		 * Whether method-guard answers OPTIONS (with the Allow of the resource) where the
		 * application has no handler for it. When false, Spring answers as it does by
		 * default, and a functional route's Allow no longer lists OPTIONS.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * Logging of rejected requests.
	 */
	public static class Log {

		/**
		 * Level of the one line logged per rejected request (method, path, pattern, status
		 * and Allow; never the body or the headers).
		 */
		private LogLevel level = LogLevel.DEBUG;

		public LogLevel getLevel() {
			return this.level;
		}

		public void setLevel(LogLevel level) {
			this.level = level;
		}

	}

	/**
	 * The "methods" Actuator endpoint.
	 */
	public static class Actuator {

		/**
		 * Whether the endpoint lists routes and resolves paths that conceal-paths hides.
		 */
		private boolean showConcealed;

		public boolean isShowConcealed() {
			return this.showConcealed;
		}

		public void setShowConcealed(boolean showConcealed) {
			this.showConcealed = showConcealed;
		}

	}

	/**
	 * Rejections answered from the method index before Spring's handler lookup.
	 */
	public static class EarlyRejection {

		/**
		 * Whether a 405 or 501 the method index is certain of is answered before Spring's
		 * handler lookup (which tries every registered pattern), so that a wrong method
		 * never costs more than a right one: in method-guard's servlet filter, before the
		 * DispatcherServlet, where no filter follows it and the content negotiation is
		 * certain, otherwise first thing in Spring MVC. The response is the same either way.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * Opt-in fast routing of Spring MVC's mapping of annotated controllers.
	 */
	public static class FastRouting {

		/**
		 * Whether the mapping of annotated controllers evaluates, for a request, only the
		 * mappings whose patterns may match its path (found in time that does not grow with
		 * the number of routes) instead of every registered one. Spring chooses among them
		 * exactly as it does without: same handler, same 405, 415, 406 and 400, same CORS
		 * handling. Turns itself off, with a log line, where it cannot vouch for a mapping
		 * (custom request conditions, AntPathMatcher configuration).
		 */
		private boolean enabled;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * Answers given where Spring Security is in place.
	 */
	public static class Security {

		/**
		 * Whether a method refused before any authentication, on every path, by the servlet
		 * container (Tomcat's TRACE) or by Spring Security's firewall (TRACE on Jetty,
		 * methods it does not allow) is answered as without Security: a 405 with the path's
		 * Allow on a route, and Security's own answer on a missing path. This tells anyone
		 * which protected paths exist and which methods they take. When false, every such
		 * request gets the same 501 problem without Allow (the method is supported for no
		 * resource, RFC 9110 section 15.6.2), whatever the path, with or without
		 * credentials. Has no effect in an application without a Spring Security filter
		 * chain, where TRACE rejected by the container is a 405 with the path's Allow on a
		 * route (the error page with an empty Allow on a path no route serves).
		 */
		private boolean revealBeforeAuthentication;

		/**
		 * Whether a method refused before authentication gets the path's Allow.
		 * @return {@code true} if it does
		 */
		public boolean isRevealBeforeAuthentication() {
			return this.revealBeforeAuthentication;
		}

		/**
		 * Set whether a method refused before authentication gets the path's Allow.
		 * @param revealBeforeAuthentication {@code true} to reveal it
		 */
		public void setRevealBeforeAuthentication(boolean revealBeforeAuthentication) {
			this.revealBeforeAuthentication = revealBeforeAuthentication;
		}

	}

	/**
	 * Error pages for browsers.
	 */
	public static class HtmlErrorPages {

		/**
		 * Whether a client whose Accept header explicitly accepts text/html (Spring Boot's
		 * rule: text/html, or text/*, comes before the full wildcard, which alone does not
		 * count; a type with q=0 is not accepted) gets the
		 * application's error page instead of the problem for every rejection (405, 501, the
		 * 404 of a concealed path), rendered through Spring Boot's error handling as Spring
		 * Boot renders its own errors (error/405, error/4xx, the whitelabel page, or the
		 * application's own ErrorController or ErrorViewResolver), with the same status and
		 * Allow, and the allowed methods in the "allowedMethods" model attribute. When
		 * false, every client gets the problem (application/problem+json).
		 */
		private boolean enabled = true;

		/**
		 * Whether browsers get error pages.
		 * @return {@code true} if they do
		 */
		public boolean isEnabled() {
			return this.enabled;
		}

		/**
		 * Set whether browsers get error pages.
		 * @param enabled {@code false} to give every client the problem
		 */
		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

}
