package dev.methodguard.internal.servlet;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.methodguard.testapp.TestApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Routes the index cannot read (functional resources, a router function not built with the
 * DSL) make it incomplete: nothing is then rejected from the index alone, so a handler it
 * does not see still serves its requests as with Spring alone; Spring's own 405s still get
 * the truthful problem.
 */
@SpringBootTest(classes = { TestApplication.class, IncompleteIndexTests.Unreadable.class })
@AutoConfigureMockMvc
class IncompleteIndexTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void aFunctionalResourceBesideAnIndexedPatternIsServed() throws Exception {
		this.mvc.perform(request(HttpMethod.GET, "/docs/hello.txt"))
			.andExpect(status().isOk())
			.andExpect(content().string("hello docs\n"));
	}

	@Test
	void anExtensionMethodOnlyAnUnreadableRouteTakesIsServedNot501() throws Exception {
		this.mvc.perform(request(HttpMethod.valueOf("PROPFIND"), "/dav/x"))
			.andExpect(status().isMultiStatus())
			.andExpect(content().string("dav"));
	}

	@Test
	void optionsIsLeftToSpringWhereAnUnreadHandlerMayServeThePath() throws Exception {
		this.mvc.perform(request(HttpMethod.OPTIONS, "/docs/hello.txt"))
			.andExpect(status().isOk())
			.andExpect(header().string("Allow", containsString("GET")));
	}

	@Test
	void springsOwnMethodMismatchIsStillTheTruthfulProblem() throws Exception {
		this.mvc.perform(request(HttpMethod.PUT, "/reports"))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(header().string("Allow", "GET, HEAD, OPTIONS"))
			.andExpect(content().contentType("application/problem+json"));
	}

	@Configuration(proxyBeanMethods = false)
	@Import(DocsController.class)
	static class Unreadable {

		@Bean
		RouterFunction<ServerResponse> docsResources() {
			return RouterFunctions.resources("/docs/**", new ClassPathResource("docs/"));
		}

		@Bean
		RouterFunction<ServerResponse> davRouter() {
			return new DavRouter();
		}

	}

	@RestController
	static class DocsController {

		@DeleteMapping("/docs/{id}")
		void delete(@PathVariable String id) {
		}

	}

	/** A router function written by hand, not with the DSL: the index cannot read it. */
	static final class DavRouter implements RouterFunction<ServerResponse> {

		@Override
		public Optional<HandlerFunction<ServerResponse>> route(ServerRequest request) {
			if ("PROPFIND".equals(request.method().name()) && request.path().startsWith("/dav/")) {
				return Optional.of((req) -> ServerResponse.status(207).body("dav"));
			}
			return Optional.empty();
		}

	}

}
