package dev.methodguard.library;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The library with {@code method-guard.enabled=false}: Spring's own answers, which the
 * contract with method-guard improves on. Spring Data REST's mapping gives no answer to a
 * wrong method on its resources, and the request falls through to the static resources: a
 * 404 where the resource exists.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "method-guard.enabled=false")
class LibraryWithoutMethodGuardTests {

	@Autowired
	private BookRepository books;

	@LocalServerPort
	private int port;

	@Test
	void aWrongMethodOnSpringDataRestsResourcesIs404() throws Exception {
		LibraryClient client = new LibraryClient(this.port);
		Book book = this.books.findByTitleContainingIgnoreCase("wizard").get(0);
		assertThat(client.send("GET", "/api/books").statusCode()).isEqualTo(200);
		assertThat(client.sendBody("PUT", "/api/books", "application/json", "{}").statusCode()).isEqualTo(404);
		assertThat(client.sendBody("POST", "/api/books/" + book.getId(), "application/json", "{}").statusCode())
			.isEqualTo(404);
		assertThat(client.sendBody("POST", "/api/authors/" + book.getAuthor().getId(), "application/json", "{}")
			.statusCode()).isEqualTo(404);
		HttpResponse<String> withMethodGuardAway = client.send("PUT", "/api/books");
		assertThat(withMethodGuardAway.headers().firstValue("Allow")).isEmpty();
	}

}
