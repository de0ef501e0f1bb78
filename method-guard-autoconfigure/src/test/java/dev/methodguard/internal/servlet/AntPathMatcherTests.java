package dev.methodguard.internal.servlet;

import org.junit.jupiter.api.Test;

import dev.methodguard.testapp.TestApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * In {@code ant-path-matcher} mode Spring matches with {@code AntPathMatcher}, whose patterns
 * and matching rules are not {@code PathPattern}'s: the index cannot vouch for them, so
 * nothing is rejected from the index alone; Spring's own 405s still get the truthful problem.
 */
@SpringBootTest(classes = { TestApplication.class, AntPathMatcherTests.Files.class },
		properties = "spring.mvc.pathmatch.matching-strategy=ant-path-matcher")
@AutoConfigureMockMvc
class AntPathMatcherTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void aPatternPathPatternCannotParseStillServes() throws Exception {
		this.mvc.perform(request(HttpMethod.GET, "/files/a/b.txt"))
			.andExpect(status().isOk())
			.andExpect(content().string("text file"));
	}

	@Test
	void springsOwnMethodMismatchIsStillTheProblem() throws Exception {
		this.mvc.perform(request(HttpMethod.PUT, "/reports"))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(header().string("Allow", "GET, HEAD, OPTIONS"))
			.andExpect(content().contentType("application/problem+json"));
	}

	@RestController
	static class Files {

		@GetMapping("/files/**/*.txt")
		String text() {
			return "text file";
		}

		@PostMapping("/files/**")
		String upload() {
			return "uploaded";
		}

	}

}
