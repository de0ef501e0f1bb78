package dev.methodguard.library;

import java.net.URI;

import dev.methodguard.test.OpenApiDrift;
import dev.methodguard.test.OpenApiDriftReport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The document springdoc serves against the routes the library serves, with method-guard-test:
 * they differ only where springdoc's account of Spring Data REST does (it documents a
 * {@code PATCH} of a to-one association, which Data REST refuses, and leaves out the root,
 * the search listing and the changes of a collection association); the page {@code /shelf}
 * and springdoc's own {@code /swagger-ui.html} are not part of the API.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LibraryOpenApiDriftTests {

	@Autowired
	private ApplicationContext context;

	@LocalServerPort
	private int port;

	@Test
	void springdocDiffersOnlyWhereItsAccountOfDataRestDoes() throws Exception {
		OpenApiDriftReport report = OpenApiDrift.of(this.context)
			.exclude("/shelf", "/swagger-ui.html")
			.check(URI.create("http://localhost:" + this.port));
		assertThat(report.documentedNotServed()).containsExactly("PATCH /api/books/{}/author");
		assertThat(report.servedNotDocumented()).containsExactlyInAnyOrder("GET /api", "GET /api/",
				"GET /api/books/search", "POST /api/authors/{}/works", "DELETE /api/authors/{}/works/{}");
		LibraryClient client = new LibraryClient(this.port);
		assertThat(client.send("PATCH", "/api/books/1/author", "Content-Type", "application/json").statusCode())
			.as("what springdoc documents and Data REST refuses")
			.isEqualTo(405);
	}

}
