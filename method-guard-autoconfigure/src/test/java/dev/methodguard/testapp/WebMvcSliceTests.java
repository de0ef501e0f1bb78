package dev.methodguard.testapp;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A {@code @WebMvcTest} slice includes method-guard, so controller tests see the 405s of
 * production.
 */
@WebMvcTest(TestControllers.class)
class WebMvcSliceTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void sliceAnswersAWrongMethodWithTheProblem() throws Exception {
		this.mvc.perform(put("/reports").accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(header().string(HttpHeaders.ALLOW, "GET, HEAD, OPTIONS"))
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(options("/reports"))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.ALLOW, "GET, HEAD, OPTIONS"));
	}

}
