package dev.methodguard.test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.methodguard.test.documented.DocumentedApplication;
import dev.methodguard.test.good.GoodApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Drift between an OpenAPI document and the served routes, both ways: from a document given
 * as YAML or JSON, and from the document the application serves where springdoc would.
 */
class OpenApiDriftTests {

	private static final String MATCHING_YAML = """
			openapi: 3.1.0
			info: {title: items, version: "1"}
			paths:
			  /items:
			    get: {responses: {"200": {description: all}}}
			    post: {responses: {"201": {description: created}}}
			  /items/{itemId}:
			    parameters: [{name: itemId, in: path, required: true}]
			    get: {responses: {"200": {description: one}}}
			    put: {responses: {"204": {description: replaced}}}
			    delete: {responses: {"204": {description: deleted}}}
			  /fn/hello/{name}:
			    get: {responses: {"200": {description: hello}}}
			  /any:
			    get: {}
			    post: {}
			    put: {}
			    patch: {}
			    delete: {}
			    query: {}
			""";

	private static final String DRIFTED_JSON = """
			{"openapi":"3.1.0","paths":{
			  "/items":{"get":{},"post":{}},
			  "/items/{id}":{"get":{},"put":{},"patch":{}},
			  "/gone":{"get":{}},
			  "/any":{"get":{},"post":{},"put":{},"patch":{},"delete":{},"query":{}}}}
			""";

	/**
	 * Documents given as text or file, against the good application.
	 */
	@Nested
	@SpringBootTest(classes = GoodApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = "management.endpoints.web.exposure.include=health,methods")
	@AutoConfigureMockMvc
	class GivenDocument {

		@Autowired
		private ApplicationContext context;

		@TempDir
		private Path directory;

		@Test
		void aMatchingYamlDocumentShowsNoDrift() throws Exception {
			Path file = this.directory.resolve("openapi.yaml");
			Files.writeString(file, MATCHING_YAML, StandardCharsets.UTF_8);
			assertThat(OpenApiDrift.of(this.context).check(file).isEmpty()).isTrue();
			OpenApiDrift.of(this.context).verify(file);
		}

		@Test
		void reportsBothDirectionsOfAJsonDocument() {
			OpenApiDriftReport report = OpenApiDrift.of(this.context).check(DRIFTED_JSON);
			assertThat(report.documentedNotServed()).containsExactlyInAnyOrder("PATCH /items/{}", "GET /gone");
			assertThat(report.servedNotDocumented()).containsExactlyInAnyOrder("DELETE /items/{}",
					"GET /fn/hello/{}");
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> OpenApiDrift.of(this.context).verifyDocument(DRIFTED_JSON))
				.withMessageStartingWith("OpenAPI drift: 2 documented but not served, 2 served but not documented")
				.withMessageContaining("documented, not served: PATCH /items/{}")
				.withMessageContaining("served, not documented: GET /fn/hello/{}");
		}

		@Test
		void exclusionsApplyToBothSides() {
			OpenApiDriftReport report = OpenApiDrift.of(this.context).exclude("/gone", "/fn/**").check(DRIFTED_JSON);
			assertThat(report.documentedNotServed()).containsExactly("PATCH /items/{}");
			assertThat(report.servedNotDocumented()).containsExactly("DELETE /items/{}");
		}

		@Test
		void otherKindsOfRoutesWhenAsked() {
			OpenApiDriftReport report = OpenApiDrift.of(this.context).sources("servlet").check(MATCHING_YAML);
			assertThat(report.servedNotDocumented()).containsExactly("GET /servlet/ping");
		}

	}

	/**
	 * The document the application serves at springdoc's path.
	 */
	@Nested
	@SpringBootTest(classes = DocumentedApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = "management.endpoints.web.exposure.include=health,methods")
	@AutoConfigureMockMvc
	class ServedDocument {

		@Autowired
		private ApplicationContext context;

		@Autowired
		private MockMvc mockMvc;

		@LocalServerPort
		private int port;

		@Test
		void readThroughMockMvc() {
			assertDrift(OpenApiDrift.of(this.context).check(this.mockMvc));
		}

		@Test
		void readOverHttp() {
			assertDrift(OpenApiDrift.of(this.context).check(URI.create("http://localhost:" + this.port)));
		}

		private void assertDrift(OpenApiDriftReport report) {
			assertThat(report.documentedNotServed()).containsExactly("POST /things");
			assertThat(report.servedNotDocumented()).containsExactly("DELETE /things/{}");
		}

	}

}
