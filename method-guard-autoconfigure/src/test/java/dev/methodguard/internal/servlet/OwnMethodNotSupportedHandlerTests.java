package dev.methodguard.internal.servlet;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.methodguard.testapp.TestApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An application that handles {@link HttpRequestMethodNotSupportedException} in its own
 * controller advice keeps its own 405 answers (its envelope, its codes), fed with the
 * truthful methods, whatever produced the 405 and whatever the client accepts; the
 * {@code Allow} header is set even where its handler sets none. A 501 stays method-guard's.
 */
@SpringBootTest(classes = { TestApplication.class, OwnMethodNotSupportedHandlerTests.OwnHandler.class })
@AutoConfigureMockMvc
class OwnMethodNotSupportedHandlerTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void annotatedControllersWrongMethodGetsTheApplicationsEnvelopeWithTheTruthfulMethods() throws Exception {
		this.mvc.perform(request(HttpMethod.valueOf("PUT"), "/reports"))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(header().string("Allow", "GET, HEAD, OPTIONS"))
			.andExpect(jsonPath("$.code").value("METHOD_NOT_ALLOWED"))
			.andExpect(jsonPath("$.supported").value(contains("GET", "HEAD", "OPTIONS")));
	}

	@Test
	void theEnvelopeDoesNotDependOnWhatTheClientAccepts() throws Exception {
		this.mvc.perform(request(HttpMethod.valueOf("PUT"), "/reports").header("Accept", "application/json"))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(jsonPath("$.code").value("METHOD_NOT_ALLOWED"));
	}

	@Test
	void aFunctionalRoutesWrongMethodGetsTheApplicationsEnvelopeToo() throws Exception {
		this.mvc.perform(request(HttpMethod.valueOf("DELETE"), "/fn/hello"))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(header().string("Allow", "GET, HEAD, POST, OPTIONS"))
			.andExpect(jsonPath("$.code").value("METHOD_NOT_ALLOWED"));
	}

	@Test
	void anUnknownMethodStaysMethodGuards501() throws Exception {
		this.mvc.perform(request(HttpMethod.valueOf("FOO"), "/reports"))
			.andExpect(status().isNotImplemented())
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(jsonPath("$.title").value("Not Implemented"));
	}

	@RestControllerAdvice
	static class OwnHandler {

		@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
		ResponseEntity<Map<String, Object>> methodNotAllowed(HttpRequestMethodNotSupportedException ex) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("code", "METHOD_NOT_ALLOWED");
			body.put("supported", ex.getSupportedMethods());
			return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).body(body);
		}

	}

}
