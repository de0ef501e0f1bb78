package dev.methodguard.datarest;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.methodguard.allow.Route;
import dev.methodguard.allow.RouteKind;
import dev.methodguard.internal.allow.MethodIndex;
import dev.methodguard.internal.allow.MethodIndexHolder;
import dev.methodguard.internal.servlet.EarlyRejectionHandlerMapping;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * method-guard on a Spring Data REST application: wrong methods on the resources it exports
 * are the 405 problem with the resource's {@code Allow} instead of a 404, {@code OPTIONS} is
 * answered with the same set, unknown repositories stay 404, and the index, which reads Spring
 * Data REST's handler mapping, is complete, so rejections are answered early.
 */
@SpringBootTest(classes = DataRestApplication.class, properties = "spring.data.rest.base-path=/api")
@AutoConfigureMockMvc
class DataRestMethodGuardTests {

	private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private MethodIndexHolder index;

	@Autowired
	private EarlyRejectionHandlerMapping early;

	@Autowired
	private BookRepository books;

	@Autowired
	private AuthorRepository authors;

	@Autowired
	private GenreRepository genres;

	@BeforeEach
	void resetFixtures() {
		LibraryFixtures.reset(this.books, this.authors, this.genres);
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = ';', value = { "PUT;/api/books;GET, HEAD, POST, OPTIONS",
			"POST;/api/books/1;GET, HEAD, PUT, PATCH, DELETE, OPTIONS",
			"POST;/api/authors/1;GET, HEAD, PUT, PATCH, OPTIONS", "DELETE;/api/authors/1;GET, HEAD, PUT, PATCH, OPTIONS",
			"DELETE;/api/genres;GET, HEAD, OPTIONS", "PUT;/api/genres/1;GET, HEAD, OPTIONS",
			"POST;/api/books/search;GET, HEAD, PUT, PATCH, DELETE, OPTIONS",
			"DELETE;/api/books/search/findByTitle;GET, HEAD, OPTIONS",
			"PATCH;/api/books/1/author;GET, HEAD, PUT, DELETE, OPTIONS",
			"DELETE;/api/authors/1/books;GET, HEAD, POST, PUT, PATCH, OPTIONS", "PUT;/api;GET, HEAD, OPTIONS",
			"POST;/api/profile;GET, HEAD, OPTIONS", "PUT;/api/profile/books;GET, HEAD, OPTIONS",
			"PUT;/api/stats;GET, HEAD, OPTIONS", "DELETE;/api/books/1/summary;GET, HEAD, OPTIONS" })
	void aWrongMethodIsTheProblemWithTheResourcesAllowAnsweredEarly(String method, String path, String allow)
			throws Exception {
		MockHttpServletRequest probe = new MockHttpServletRequest(method, path);
		assertThat(this.early.getHandler(probe)).as("%s %s answered before the handler lookup", method, path)
			.isNotNull();
		this.mvc.perform(request(method, URI.create(path)).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(header().string(HttpHeaders.ALLOW, allow))
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(405))
			.andExpect(jsonPath("$.instance").value(path));
		this.mvc.perform(request("OPTIONS", URI.create(path)))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.ALLOW, allow));
	}

	@Test
	void optionsOnAnItemCarriesSpringDataRestsAcceptPatch() throws Exception {
		this.mvc.perform(request("OPTIONS", URI.create("/api/books/1")))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.ALLOW, "GET, HEAD, PUT, PATCH, DELETE, OPTIONS"))
			.andExpect(header().string("Accept-Patch",
					"application/merge-patch+json, application/json-patch+json, application/json"));
	}

	@Test
	void listedMethodsStillReachSpringDataRest() throws Exception {
		this.mvc.perform(request("GET", URI.create("/api/books/1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.title").value("Earthsea"));
		this.mvc.perform(request("GET", URI.create("/api/books/search/findByTitle?title=Earthsea")))
			.andExpect(status().isOk());
		this.mvc.perform(request("GET", URI.create("/api/books/1/author"))).andExpect(status().isOk());
		this.mvc.perform(request("PATCH", URI.create("/api/books/1")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"Tehanu\"}")).andExpect(status().is2xxSuccessful());
		this.mvc.perform(request("GET", URI.create("/api/books/1")))
			.andExpect(jsonPath("$.title").value("Tehanu"));
		this.mvc.perform(request("DELETE", URI.create("/api/books/1"))).andExpect(status().isNoContent());
		this.mvc.perform(request("GET", URI.create("/api/stats"))).andExpect(status().isOk());
		this.mvc.perform(request("GET", URI.create("/api/books/1/summary"))).andExpect(status().isOk());
	}

	@Test
	void unknownRepositoriesAndUnexportedOnesStay404ForEveryMethod() throws Exception {
		for (String path : List.of("/api/nothing", "/api/nothing/1", "/api/drafts", "/api/drafts/1",
				"/api/nothing/here")) {
			for (String method : METHODS) {
				this.mvc.perform(request(method, URI.create(path)))
					.andExpect((result) -> assertThat(result.getResponse().getStatus()).as("%s %s", method, path)
						.isEqualTo(404));
			}
		}
	}

	@Test
	void theIndexIsCompleteAndHoldsOneRouteSetPerExportedResource() {
		MethodIndex methodIndex = this.index.get();
		assertThat(methodIndex.unread()).isEmpty();
		assertThat(methodIndex.isComplete()).isTrue();
		List<String> dataRest = methodIndex.routes()
			.stream()
			.filter((route) -> route.kind() == RouteKind.DATA_REST)
			.map((route) -> route.pattern().value())
			.toList();
		assertThat(dataRest).contains("/api", "/api/books", "/api/books/{id}", "/api/authors/{id}/books",
				"/api/profile/genres")
			.noneMatch((pattern) -> pattern.contains("{repository}"));
		assertThat(methodIndex.routes()).map(Route::handler)
			.anyMatch((handler) -> handler.contains("StatsController"));
	}

}
