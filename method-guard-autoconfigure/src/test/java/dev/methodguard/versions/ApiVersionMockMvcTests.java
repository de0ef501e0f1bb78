package dev.methodguard.versions;

import java.net.URI;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Where routes differ by API version, the request's version decides: {@code OPTIONS}, 405s
 * and the {@code methods} endpoint list what works in that version, a method the path takes
 * only in other versions is a 405, a path served only in other versions stays a 404, and the
 * version errors are Spring's 400s. Through MockMvc, on the context the HTTP tests share.
 */
@SpringBootTest(classes = VersionedApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { VersionedRoutes.USE_HEADER, VersionedRoutes.DEFAULT_VERSION, VersionedRoutes.SUPPORTED,
				VersionedRoutes.EXPOSE_METHODS })
@AutoConfigureMockMvc
class ApiVersionMockMvcTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void optionsListsTheMethodsOfTheRequestVersion() throws Exception {
		perform("OPTIONS", "/api/loans", "1.0").andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.ALLOW, "GET, HEAD, OPTIONS"));
		perform("OPTIONS", "/api/loans", "1.1").andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.ALLOW, "GET, HEAD, PUT, OPTIONS"));
	}

	@Test
	void aRequestWithoutVersionIsOfTheDefaultVersion() throws Exception {
		perform("OPTIONS", "/api/loans", null).andExpect(header().string(HttpHeaders.ALLOW, "GET, HEAD, OPTIONS"));
		perform("POST", "/api/loans", null).andExpect(status().isMethodNotAllowed())
			.andExpect(header().string(HttpHeaders.ALLOW, "GET, HEAD, OPTIONS"));
	}

	@Test
	void versionsCompareAsTheApplicationParsesThem() throws Exception {
		perform("OPTIONS", "/api/loans", "1.0.0").andExpect(header().string(HttpHeaders.ALLOW, "GET, HEAD, OPTIONS"));
		perform("OPTIONS", "/api/loans", "1.1.0")
			.andExpect(header().string(HttpHeaders.ALLOW, "GET, HEAD, PUT, OPTIONS"));
		perform("PUT", "/api/loans", "1.1.0").andExpect(status().isOk()).andExpect(content().string("replaced"));
	}

	@Test
	void aWrongMethodIsAProblemWithTheAllowOfItsVersion() throws Exception {
		perform("POST", "/api/loans", "1.0").andExpect(status().isMethodNotAllowed())
			.andExpect(header().string(HttpHeaders.ALLOW, "GET, HEAD, OPTIONS"))
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail")
				.value("Method POST is not supported for /api/loans. Supported methods: GET, HEAD, OPTIONS."))
			.andExpect(jsonPath("$.allowedMethods").value(contains("GET", "HEAD", "OPTIONS")));
		perform("POST", "/api/loans", "1.1").andExpect(status().isMethodNotAllowed())
			.andExpect(header().string(HttpHeaders.ALLOW, "GET, HEAD, PUT, OPTIONS"));
	}

	@Test
	void aMethodThePathTakesOnlyInOtherVersionsIsA405() throws Exception {
		perform("PUT", "/api/loans", "1.0").andExpect(status().isMethodNotAllowed())
			.andExpect(header().string(HttpHeaders.ALLOW, "GET, HEAD, OPTIONS"))
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
		perform("PUT", "/api/loans", "1.2").andExpect(status().isMethodNotAllowed())
			.andExpect(header().string(HttpHeaders.ALLOW, "GET, HEAD, OPTIONS"));
		perform("PUT", "/api/loans", "1.1").andExpect(status().isOk()).andExpect(content().string("replaced"));
	}

	@Test
	void aPathServedOnlyInOtherVersionsIsA404WhateverTheMethod() throws Exception {
		perform("GET", "/api/rates", "1.0").andExpect(status().isNotFound());
		perform("POST", "/api/rates", "1.0").andExpect(status().isNotFound());
		perform("OPTIONS", "/api/rates", "1.1").andExpect(status().isNotFound());
		perform("GET", "/api/rates", "1.2").andExpect(status().isOk()).andExpect(content().string("rates"));
		perform("POST", "/api/rates", "1.2").andExpect(status().isMethodNotAllowed())
			.andExpect(header().string(HttpHeaders.ALLOW, "GET, HEAD, OPTIONS"));
	}

	@Test
	void functionalRoutesAreJudgedByTheirVersionPredicate() throws Exception {
		perform("GET", "/api/offers", "1.0").andExpect(status().isNotFound());
		perform("POST", "/api/offers", "1.0").andExpect(status().isNotFound());
		perform("GET", "/api/offers", "1.1").andExpect(status().isOk()).andExpect(content().string("offers"));
		perform("POST", "/api/offers", "1.1").andExpect(status().isMethodNotAllowed())
			.andExpect(header().string(HttpHeaders.ALLOW, "GET, HEAD, OPTIONS"));
		perform("OPTIONS", "/api/offers", "1.2").andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.ALLOW, "GET, HEAD, POST, OPTIONS"));
		perform("POST", "/api/offers", "1.2").andExpect(status().isOk()).andExpect(content().string("offered"));
	}

	@Test
	void aLaterFixedVersionTakesTheMethodFromAnEarlierBaseline() throws Exception {
		perform("OPTIONS", "/api/terms", "1.1")
			.andExpect(header().string(HttpHeaders.ALLOW, "GET, HEAD, POST, OPTIONS"));
		perform("GET", "/api/terms", "1.1").andExpect(status().isOk()).andExpect(content().string("terms 1.1"));
		perform("OPTIONS", "/api/terms", "1.2").andExpect(header().string(HttpHeaders.ALLOW, "POST, OPTIONS"));
		perform("DELETE", "/api/terms", "1.2").andExpect(status().isMethodNotAllowed())
			.andExpect(header().string(HttpHeaders.ALLOW, "POST, OPTIONS"));
		perform("GET", "/api/terms", "1.2").andExpect(status().isMethodNotAllowed())
			.andExpect(header().string(HttpHeaders.ALLOW, "POST, OPTIONS"));
	}

	@Test
	void aRouteWithoutVersionConditionServesEveryVersion() throws Exception {
		perform("POST", "/api/plain", "1.2").andExpect(status().isMethodNotAllowed())
			.andExpect(header().string(HttpHeaders.ALLOW, "GET, HEAD, OPTIONS"));
		perform("OPTIONS", "/api/plain", "1.0").andExpect(header().string(HttpHeaders.ALLOW, "GET, HEAD, OPTIONS"));
	}

	@Test
	void versionErrorsAreSpringsBadRequests() throws Exception {
		perform("GET", "/api/loans", "abc").andExpect(status().isBadRequest());
		perform("OPTIONS", "/api/loans", "abc").andExpect(status().isBadRequest());
		perform("PUT", "/api/loans", "1.3").andExpect(status().isBadRequest());
		perform("GET", "/api/offers", "1.3").andExpect(status().isBadRequest());
	}

	@Test
	void aMismatchSpringFindsBeforeAnInvalidVersionListsTheMethodsOfEveryVersion() throws Exception {
		perform("POST", "/api/loans", "abc").andExpect(status().isMethodNotAllowed())
			.andExpect(header().string(HttpHeaders.ALLOW, "GET, HEAD, PUT, OPTIONS"));
	}

	@Test
	void theMethodsEndpointReportsTheVersionConditionOfEachRoute() throws Exception {
		this.mvc.perform(request("GET", URI.create("/actuator/methods")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.routes[?(@.pattern == '/api/loans')].versions").value(contains("1.0+", "1.1")))
			.andExpect(jsonPath("$.routes[?(@.pattern == '/api/loans')].methods")
				.value(contains(contains("GET", "HEAD", "OPTIONS"), contains("PUT", "OPTIONS"))))
			.andExpect(jsonPath("$.routes[?(@.pattern == '/api/terms')].versions")
				.value(contains("1.0+", "1.1")))
			.andExpect(jsonPath("$.routes[?(@.pattern == '/api/offers')].versions").value(contains("1.1+", "1.2")))
			.andExpect(jsonPath("$.routes[?(@.pattern == '/api/plain')]").value(contains(not(hasKey("versions")))));
	}

	@Test
	void theMethodsEndpointResolvesAPathInOneVersion() throws Exception {
		this.mvc.perform(request("GET", URI.create("/actuator/methods/api/loans?version=1.0")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.allow").value("GET, HEAD, OPTIONS"))
			.andExpect(jsonPath("$.version").value("1.0"));
		this.mvc.perform(request("GET", URI.create("/actuator/methods/api/loans")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.allow").value("GET, HEAD, PUT, OPTIONS"))
			.andExpect(jsonPath("$.version").doesNotExist());
		this.mvc.perform(request("GET", URI.create("/actuator/methods/api/rates?version=1.0")))
			.andExpect(status().isNotFound());
		this.mvc.perform(request("GET", URI.create("/actuator/methods/api/rates?version=x.y")))
			.andExpect(status().isBadRequest());
	}

	private ResultActions perform(String method, String path, String version) throws Exception {
		return this.mvc.perform((version != null)
				? request(method, URI.create(path)).header(VersionedRoutes.HEADER, version)
				: request(method, URI.create(path)));
	}

}
