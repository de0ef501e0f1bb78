package dev.methodguard.versions;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import dev.methodguard.testapp.ExpectedContainer;
import dev.methodguard.testapp.LocalHttpClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a client of a real server sees of an application that versions its API through a
 * header: the {@code Allow} of {@code OPTIONS} and of a 405 is that of the request's version,
 * a method the path takes only in other versions is a 405, a path served only in other
 * versions a 404, and the version errors are Spring's 400s.
 */
@SpringBootTest(classes = VersionedApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { VersionedRoutes.USE_HEADER, VersionedRoutes.DEFAULT_VERSION, VersionedRoutes.SUPPORTED,
				VersionedRoutes.EXPOSE_METHODS })
@AutoConfigureMockMvc
class ApiVersionHttpTests {

	@LocalServerPort
	private int port;

	@Autowired
	private WebServerApplicationContext context;

	@Test
	void runsOnTheExpectedContainer() {
		ExpectedContainer.assertRunsOn(this.context);
	}

	@Test
	void optionsListsTheMethodsOfTheRequestVersion() throws Exception {
		HttpResponse<String> version10 = send("OPTIONS", "/api/loans", "1.0");
		assertThat(version10.statusCode()).isEqualTo(200);
		assertThat(version10.headers().allValues("Allow")).containsExactly("GET, HEAD, OPTIONS");
		HttpResponse<String> version11 = send("OPTIONS", "/api/loans", "1.1");
		assertThat(version11.statusCode()).isEqualTo(200);
		assertThat(version11.headers().allValues("Allow")).containsExactly("GET, HEAD, PUT, OPTIONS");
		HttpResponse<String> withoutVersion = send("OPTIONS", "/api/loans", null);
		assertThat(withoutVersion.headers().allValues("Allow")).containsExactly("GET, HEAD, OPTIONS");
	}

	@Test
	void aWrongMethodIsAProblemWithTheAllowOfItsVersion() throws Exception {
		HttpResponse<String> response = send("POST", "/api/loans", "1.0");
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.headers().allValues("Allow")).containsExactly("GET, HEAD, OPTIONS");
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(JsonPath.<List<String>>read(response.body(), "$.allowedMethods")).containsExactly("GET", "HEAD",
				"OPTIONS");
	}

	@Test
	void aMethodThePathTakesOnlyInOtherVersionsIsA405() throws Exception {
		HttpResponse<String> version10 = send("PUT", "/api/loans", "1.0");
		assertThat(version10.statusCode()).isEqualTo(405);
		assertThat(version10.headers().allValues("Allow")).containsExactly("GET, HEAD, OPTIONS");
		HttpResponse<String> version11 = send("PUT", "/api/loans", "1.1");
		assertThat(version11.statusCode()).isEqualTo(200);
		assertThat(version11.body()).isEqualTo("replaced");
	}

	@Test
	void aPathServedOnlyInOtherVersionsIsA404() throws Exception {
		assertThat(send("GET", "/api/rates", "1.0").statusCode()).isEqualTo(404);
		assertThat(send("POST", "/api/rates", "1.0").statusCode()).isEqualTo(404);
		assertThat(send("GET", "/api/rates", "1.2").statusCode()).isEqualTo(200);
	}

	@Test
	void functionalRoutesAreJudgedByTheirVersionPredicate() throws Exception {
		assertThat(send("GET", "/api/offers", "1.0").statusCode()).isEqualTo(404);
		HttpResponse<String> post = send("POST", "/api/offers", "1.1");
		assertThat(post.statusCode()).isEqualTo(405);
		assertThat(post.headers().allValues("Allow")).containsExactly("GET, HEAD, OPTIONS");
		assertThat(send("POST", "/api/offers", "1.2").statusCode()).isEqualTo(200);
	}

	@Test
	void versionErrorsAreSpringsBadRequests() throws Exception {
		assertThat(send("GET", "/api/loans", "abc").statusCode()).isEqualTo(400);
		assertThat(send("OPTIONS", "/api/loans", "abc").statusCode()).isEqualTo(400);
		assertThat(send("GET", "/api/loans", "1.3").statusCode()).isEqualTo(400);
	}

	@Test
	void theMethodsEndpointReportsTheVersionConditionOfEachRoute() throws Exception {
		HttpResponse<String> response = send("GET", "/actuator/methods", null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<List<String>>read(response.body(), "$.routes[?(@.pattern == '/api/loans')].versions"))
			.containsExactly("1.0+", "1.1");
	}

	private HttpResponse<String> send(String method, String path, String version)
			throws IOException, InterruptedException {
		LocalHttpClient client = new LocalHttpClient(this.port);
		return (version != null) ? client.send(method, path, VersionedRoutes.HEADER, version)
				: client.send(method, path);
	}

}
