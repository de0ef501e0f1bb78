package dev.methodguard.security;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.methodguard.testapp.ExpectedContainer;
import dev.methodguard.testapp.LocalHttpClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What clients of a secured application see over real HTTP, with and without credentials:
 * Security's 401 and 403 stand, a request it lets through gets the same 405 problem and
 * {@code Allow} as without Security (a plain servlet's included, whose error page dispatch
 * Security would otherwise check again), and a method refused before any authentication (by
 * its firewall, or {@code TRACE} by Tomcat's connector) is the 501 problem, the same on every
 * path.
 */
@SpringBootTest(classes = SecuredApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class SecuredHttpTests {

	private static final String USER = "user:secret";

	private static final String ADMIN = "admin:secret";

	private static final String PROBLEM = "application/problem+json";

	@LocalServerPort
	private int port;

	@Autowired
	private WebServerApplicationContext context;

	@Test
	void runsOnTheExpectedContainer() {
		ExpectedContainer.assertRunsOn(this.context);
	}

	@Test
	void permittedPathWithAWrongMethodIsTheProblemForAnyone() throws Exception {
		for (String credentials : new String[] { null, USER }) {
			HttpResponse<String> response = send("PUT", "/public/items", credentials);
			assertProblem(response, 405, "GET, HEAD, POST, OPTIONS");
		}
	}

	@Test
	void protectedPathIs401WithoutCredentialsAndTheProblemWithThem() throws Exception {
		HttpResponse<String> anonymous = send("POST", "/private/notes", null);
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("Allow")).isEmpty();
		assertThat(anonymous.body()).doesNotContain("allowedMethods");
		assertProblem(send("POST", "/private/notes", USER), 405, "GET, HEAD, OPTIONS");
		assertThat(send("GET", "/private/notes", USER).body()).isEqualTo("notes");
	}

	@Test
	void wrongCredentialsAre401() throws Exception {
		assertThat(send("POST", "/private/notes", "user:wrong").statusCode()).isEqualTo(401);
	}

	@Test
	void methodRuleDecidesBeforeTheMethodIsRevealed() throws Exception {
		assertThat(send("DELETE", "/public/items/7", null).statusCode()).isEqualTo(401);
		HttpResponse<String> user = send("DELETE", "/public/items/7", USER);
		assertThat(user.statusCode()).isEqualTo(403);
		assertThat(user.headers().firstValue("Allow")).isEmpty();
		assertProblem(send("DELETE", "/public/items/7", ADMIN), 405, "GET, HEAD, PUT, OPTIONS");
		assertThat(send("PUT", "/public/items/7", null).body()).isEqualTo("put 7");
	}

	@Test
	void optionsIsAnsweredOnlyToThoseSecurityLetsThrough() throws Exception {
		assertThat(send("OPTIONS", "/private/notes", null).statusCode()).isEqualTo(401);
		HttpResponse<String> user = send("OPTIONS", "/private/notes", USER);
		assertThat(user.statusCode()).isEqualTo(200);
		assertThat(user.headers().allValues("Allow")).containsExactly("GET, HEAD, OPTIONS");
		assertThat(send("OPTIONS", "/public/items", null).headers().allValues("Allow"))
			.containsExactly("GET, HEAD, POST, OPTIONS");
	}

	@Test
	void plainServletsRejectionIsNotMaskedByTheErrorDispatch() throws Exception {
		assertProblem(send("POST", "/legacy/ping", null), 405, "GET, HEAD, OPTIONS");
		assertThat(send("GET", "/legacy/ping", null).body()).isEqualTo("pong");
	}

	/**
	 * Security's default firewall refuses {@code QUERY}, a standard method, on every path
	 * before authentication, as it refuses {@code TRACE}: the same 501 as for an extension
	 * method, which reveals nothing.
	 */
	@Test
	void methodTheFirewallRejectsIsThe501ProblemWithoutAllow() throws Exception {
		for (String path : new String[] { "/public/items", "/private/notes", "/nowhere" }) {
			for (String method : new String[] { "FOO", "get", "PROPFIND", "QUERY" }) {
				HttpResponse<String> response = send(method, path, null);
				assertThat(response.statusCode()).as("%s %s", method, path).isEqualTo(501);
				assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
				assertThat(response.headers().firstValue("Allow")).isEmpty();
				assertThat(response.body()).contains("\"title\":\"Not Implemented\"")
					.contains("\"instance\":\"" + path + "\"")
					.doesNotContain("allowedMethods");
			}
		}
	}

	/**
	 * Security's own answer: a 400 sent as an error, whose error page dispatch Security checks
	 * like any request for {@code /error}, without the credentials the rejected request never
	 * had checked: a 401 in this application on Tomcat, with or without credentials, as without
	 * method-guard; Jetty refuses some of these paths itself, with a 400.
	 */
	@Test
	void firewallsOtherRejectionsKeepSecuritysAnswer() throws Exception {
		for (String[] request : new String[][] { { "GET", "/public/items;x=1" }, { "FOO", "/public/items;x=1" },
				{ "GET", "/public//items" }, { "PROPFIND", "/public/%2e%2e/private/notes" } }) {
			for (String credentials : new String[] { null, USER }) {
				HttpResponse<String> response = send(request[0], request[1], credentials);
				assertThat(response.statusCode()).as("%s %s", request[0], request[1]).isIn(400, 401);
				assertThat(response.headers().firstValue("Content-Type")).isNotEqualTo(Optional.of(PROBLEM));
				assertThat(response.headers().firstValue("Allow")).isEmpty();
				assertThat(response.body()).doesNotContain("Not Implemented");
			}
		}
	}

	/**
	 * {@code TRACE} is refused before any authentication (by Tomcat's connector, or by
	 * Security's firewall on Jetty): the same 501 problem on every path, permitted, protected
	 * or missing, with or without credentials, no {@code Allow}, never an echo.
	 */
	@Test
	void traceIsThe501ProblemWithoutAllowOnEveryPathAndNeverEchoed() throws Exception {
		for (String path : new String[] { "/public/items", "/private/notes", "/private/nothing-here",
				"/legacy/ping", "/nowhere" }) {
			for (String credentials : new String[] { null, USER }) {
				HttpResponse<String> response = send("TRACE", path, credentials);
				assertThat(response.statusCode()).as("TRACE %s as %s", path, credentials).isEqualTo(501);
				assertThat(response.headers().firstValue("Content-Type")).hasValue(PROBLEM);
				assertThat(response.headers().allValues("Allow")).isEmpty();
				assertThat(response.body()).contains("\"detail\":\"Method TRACE is not implemented by this server.\"")
					.contains("\"instance\":\"" + path + "\"")
					.doesNotContain("allowedMethods")
					.doesNotContain("Authorization");
			}
		}
	}

	/**
	 * Issue 16, item 8: before authentication, {@code TRACE} (refused by Tomcat's connector,
	 * or by Security's firewall on Jetty) must not tell a protected route from a missing path.
	 */
	@Test
	void traceBeforeAuthenticationCannotTellARouteFromAMissingPath() throws Exception {
		HttpResponse<String> route = send("TRACE", "/private/notes", null);
		HttpResponse<String> missing = send("TRACE", "/private/nothing-here", null);
		assertThat(route.statusCode()).as("status").isEqualTo(missing.statusCode());
		assertThat(comparableHeaders(route)).isEqualTo(comparableHeaders(missing));
		assertThat(route.headers().allValues("Allow")).allSatisfy((allow) -> assertThat(allow).isEmpty());
		assertThat(route.body().replace("/private/notes", "{path}"))
			.isEqualTo(missing.body().replace("/private/nothing-here", "{path}"));
	}

	/**
	 * Issue 12: a browser gets the application's error page wherever an API client gets the
	 * problem, although the error page dispatch of this application is not permitted to
	 * anyone who is not authenticated: never a 401 in its place.
	 */
	@Test
	void browserGetsTheApplicationsPageWhereSecurityLetsTheRequestThrough() throws Exception {
		for (String credentials : new String[] { null, USER }) {
			assertPage(sendFromABrowser("PUT", "/public/items", credentials), 405, "GET, HEAD, POST, OPTIONS");
			assertPage(sendFromABrowser("POST", "/legacy/ping", credentials), 405, "GET, HEAD, OPTIONS");
		}
		assertPage(sendFromABrowser("POST", "/private/notes", USER), 405, "GET, HEAD, OPTIONS");
	}

	@Test
	void browserGetsSecuritysAnswerWhereSecurityRejects() throws Exception {
		HttpResponse<String> anonymous = sendFromABrowser("POST", "/private/notes", null);
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("Allow")).isEmpty();
		assertThat(sendFromABrowser("DELETE", "/public/items/7", USER).statusCode()).isEqualTo(403);
	}

	/**
	 * A method refused before any authentication (by the firewall, or {@code TRACE} by
	 * Tomcat's connector) is the 501 page for a browser, without {@code Allow}: the
	 * application has no page for it, so Spring Boot's whitelabel page.
	 */
	@Test
	void browserGetsThe501PageWithoutAllowForAMethodRefusedBeforeAuthentication() throws Exception {
		for (String[] request : new String[][] { { "FOO", "/public/items" }, { "FOO", "/private/notes" },
				{ "TRACE", "/private/notes" }, { "TRACE", "/nowhere" } }) {
			HttpResponse<String> page = sendFromABrowser(request[0], request[1], null);
			assertThat(page.statusCode()).as("%s %s", request[0], request[1]).isEqualTo(501);
			assertThat(page.headers().allValues("Allow")).isEmpty();
			assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
					(type) -> assertThat(type).startsWith("text/html"));
			assertThat(page.body()).contains("Whitelabel Error Page").contains("status=501");
		}
	}

	private static void assertPage(HttpResponse<String> page, int status, String allow) {
		assertThat(page.statusCode()).isEqualTo(status);
		assertThat(page.headers().allValues("Allow")).containsExactly(allow);
		assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/html"));
		assertThat(page.body()).contains("The test application's own 405 page")
			.contains("<p id=\"allow\">" + allow + "</p>");
	}

	private HttpResponse<String> sendFromABrowser(String method, String path, String credentials) throws Exception {
		return new SecuredClient(this.port).send(method, path, credentials, LocalHttpClient.BROWSER_ACCEPT);
	}

	private static void assertProblem(HttpResponse<String> response, int status, String allow) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.headers().allValues("Allow")).containsExactly(allow);
		assertThat(response.body()).contains("\"status\":" + status);
	}

	/** The headers of a response but those that differ between any two responses. */
	private static Map<String, List<String>> comparableHeaders(HttpResponse<String> response) {
		Map<String, List<String>> headers = new TreeMap<>(response.headers().map());
		headers.keySet().removeIf((name) -> name.equalsIgnoreCase("date") || name.equalsIgnoreCase("content-length"));
		return headers;
	}

	private HttpResponse<String> send(String method, String path, String credentials) throws Exception {
		return new SecuredClient(this.port).send(method, path, credentials);
	}

}
