package dev.methodguard.internal.servlet;

import java.net.URI;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;

import org.junit.jupiter.api.Test;

import dev.methodguard.testapp.TestApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Handler behaviour of method-guard on a small application, through MockMvc. Spring Boot's
 * own problem details handler is switched on, to show that method-guard's advice wins
 * over it.
 */
@SpringBootTest(classes = TestApplication.class, properties = "spring.mvc.problemdetails.enabled=true")
@AutoConfigureMockMvc
class MethodGuardMockMvcTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void wrongMethodOnAnnotatedHandlerIsAProblemWithTruthfulAllow() throws Exception {
		this.mvc.perform(request("PUT", URI.create("/reports")).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(header().string(HttpHeaders.ALLOW, "GET, HEAD, OPTIONS"))
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("about:blank"))
			.andExpect(jsonPath("$.title").value("Method Not Allowed"))
			.andExpect(jsonPath("$.status").value(405))
			.andExpect(jsonPath("$.detail")
				.value("Method PUT is not supported for /reports. Supported methods: GET, HEAD, OPTIONS."))
			.andExpect(jsonPath("$.instance").value("/reports"))
			.andExpect(jsonPath("$.allowedMethods[0]").value("GET"))
			.andExpect(jsonPath("$.allowedMethods[1]").value("HEAD"))
			.andExpect(jsonPath("$.allowedMethods[2]").value("OPTIONS"))
			.andExpect(jsonPath("$.allowedMethods.length()").value(3));
	}

	@Test
	void allowListsEveryMethodOfEveryMappingOfThePathInCanonicalOrder() throws Exception {
		this.mvc.perform(request("POST", URI.create("/items/7")))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(header().string(HttpHeaders.ALLOW, "GET, HEAD, PUT, PATCH, DELETE, OPTIONS"));
	}

	@Test
	void literalSiblingOfAPatternAddsItsMethodsToThatPath() throws Exception {
		this.mvc.perform(request("PUT", URI.create("/items/custom")).content("{}").contentType(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk());
		this.mvc.perform(options("/items/custom"))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.ALLOW, "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS"));
	}

	@Test
	void problemIsProblemJsonWhenTheClientAcceptsProblemJson() throws Exception {
		this.mvc.perform(request("DELETE", URI.create("/reports")).accept(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(405));
	}

	/**
	 * A browser's 405 is sent to the container's error page (which MockMvc does not render),
	 * with the truthful {@code Allow} and the problem's detail as the error message;
	 * {@code BrowserHttpTests} shows the page over real HTTP.
	 */
	@Test
	void clientAcceptingOnlyHtmlIsSentToTheErrorPageWith405AndAllow() throws Exception {
		MvcResult result = this.mvc.perform(request("DELETE", URI.create("/reports")).accept(MediaType.TEXT_HTML))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(header().string(HttpHeaders.ALLOW, "GET, HEAD, OPTIONS"))
			.andReturn();
		assertThat(result.getResponse().getErrorMessage())
			.isEqualTo("Method DELETE is not supported for /reports. Supported methods: GET, HEAD, OPTIONS.");
		assertThat(result.getResponse().getContentAsString()).isEmpty();
	}

	@Test
	void clientAcceptingOnlyXmlStillGets405WithAllow() throws Exception {
		this.mvc.perform(request("DELETE", URI.create("/reports")).accept(MediaType.APPLICATION_XML))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(header().string(HttpHeaders.ALLOW, "GET, HEAD, OPTIONS"));
	}

	@Test
	void headThatIsRejectedHasNoBody() throws Exception {
		MvcResult result = this.mvc.perform(request("HEAD", URI.create("/commands")))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(header().string(HttpHeaders.ALLOW, "POST, OPTIONS"))
			.andReturn();
		assertThat(result.getResponse().getContentAsByteArray()).isEmpty();
	}

	@Test
	void optionsAnswersTheSameAllowAsThe405() throws Exception {
		String allow = this.mvc.perform(request("PATCH", URI.create("/reports")))
			.andExpect(status().isMethodNotAllowed())
			.andReturn()
			.getResponse()
			.getHeader(HttpHeaders.ALLOW);
		this.mvc.perform(options("/reports"))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.ALLOW, allow));
	}

	@Test
	void optionsCarriesAcceptPatchFromPatchMappings() throws Exception {
		this.mvc.perform(options("/items/3"))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.ALLOW, "GET, HEAD, PUT, PATCH, DELETE, OPTIONS"))
			.andExpect(header().string(HttpHeaders.ACCEPT_PATCH, "application/merge-patch+json"));
	}

	@Test
	void explicitOptionsHandlerOfTheApplicationWins() throws Exception {
		this.mvc.perform(options("/own-options"))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Own-Options", "yes"))
			.andExpect(header().string(HttpHeaders.ALLOW, "GET,OPTIONS"));
	}

	@Test
	void corsPreflightIsLeftToSpring() throws Exception {
		this.mvc.perform(options("/api/cors").header(HttpHeaders.ORIGIN, "http://localhost:3000")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PUT"))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:3000"))
			.andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "GET,POST,PUT"));
		this.mvc.perform(options("/api/cors").header(HttpHeaders.ORIGIN, "http://localhost:3000")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "DELETE"))
			.andExpect(status().isForbidden())
			.andExpect(header().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN));
	}

	@Test
	void plainOptionsGoesThroughSpringsCorsProcessingAsSpringsOwnAnswerDoes() throws Exception {
		this.mvc.perform(options("/api/cors"))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.ALLOW, "GET, HEAD, OPTIONS"))
			.andExpect(header().stringValues(HttpHeaders.VARY, HttpHeaders.ORIGIN,
					HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS));
		this.mvc.perform(options("/api/cors").header(HttpHeaders.ORIGIN, "http://localhost:3000"))
			.andExpect(status().isForbidden())
			.andExpect(content().string("Invalid CORS request"));
	}

	@Test
	void wrongMethodOnExistingStaticResourceIsAProblem() throws Exception {
		this.mvc.perform(request("POST", URI.create("/hello.txt")).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(header().string(HttpHeaders.ALLOW, "GET, HEAD, OPTIONS"))
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.instance").value("/hello.txt"));
		this.mvc.perform(options("/hello.txt"))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.ALLOW, "GET, HEAD, OPTIONS"));
	}

	@Test
	void missingStaticResourceStays404WhateverTheMethod() throws Exception {
		this.mvc.perform(request("POST", URI.create("/missing.txt"))).andExpect(status().isNotFound());
		this.mvc.perform(request("GET", URI.create("/missing.txt"))).andExpect(status().isNotFound());
		this.mvc.perform(options("/missing.txt")).andExpect(status().isNotFound());
	}

	@Test
	void unknownPathStays404() throws Exception {
		this.mvc.perform(request("DELETE", URI.create("/nowhere/at/all"))).andExpect(status().isNotFound());
	}

	@Test
	void traceIsAnsweredByTheFilterAndNeverEchoed() throws Exception {
		this.mvc.perform(request("TRACE", URI.create("/reports")).header("X-Secret", "do-not-echo"))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(header().string(HttpHeaders.ALLOW, "GET, HEAD, OPTIONS"))
			.andExpect(content().string(not(containsString("do-not-echo"))));
		this.mvc.perform(request("TRACE", URI.create("/nowhere/at/all")))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(header().string(HttpHeaders.ALLOW, ""));
	}

	@Test
	void methodNoHandlerImplementsIs501() throws Exception {
		this.mvc.perform(request("FOO", URI.create("/reports")).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isNotImplemented())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Not Implemented"))
			.andExpect(jsonPath("$.status").value(501))
			.andExpect(header().doesNotExist("Allow"))
			.andExpect(jsonPath("$.allowedMethods").doesNotExist());
		this.mvc.perform(request("get", URI.create("/reports"))).andExpect(status().isNotImplemented());
	}

	@Test
	void longMethodNamesAreNotEchoedUnbounded() throws Exception {
		String method = "X".repeat(5000);
		MvcResult result = this.mvc.perform(request(method, URI.create("/reports")))
			.andExpect(status().isNotImplemented())
			.andReturn();
		assertThat(result.getResponse().getContentAsString()).hasSizeLessThan(1000).doesNotContain("X".repeat(33));
	}

	@Test
	void wrongMethodOnFunctionalRouteIsA405NotA404() throws Exception {
		this.mvc.perform(request("PUT", URI.create("/fn/hello/alice")).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(header().string(HttpHeaders.ALLOW, "GET, HEAD, OPTIONS"))
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.instance").value("/fn/hello/alice"));
		this.mvc.perform(request("DELETE", URI.create("/fn/hello")))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(header().string(HttpHeaders.ALLOW, "GET, HEAD, POST, OPTIONS"));
	}

	@Test
	void headOnFunctionalGetRouteIsAnsweredLikeGetByAHandlerThatSeesHead() throws Exception {
		this.mvc.perform(request("HEAD", URI.create("/fn/hello")))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Greeting", "hi"));
		this.mvc.perform(request("HEAD", URI.create("/finder")))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Seen-Method", "HEAD"));
		this.mvc.perform(request("GET", URI.create("/finder"))).andExpect(header().string("X-Seen-Method", "GET"));
		this.mvc.perform(request("HEAD", URI.create("/fn/hello/bob"))).andExpect(status().isOk());
	}

	@Test
	void optionsOnFunctionalRouteAnswersItsAllow() throws Exception {
		this.mvc.perform(options("/fn/hello"))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.ALLOW, "GET, HEAD, POST, OPTIONS"));
	}

	@Test
	void functionalRouteNeighboursStay404() throws Exception {
		this.mvc.perform(request("PUT", URI.create("/fn/hello/alice/more"))).andExpect(status().isNotFound());
		this.mvc.perform(request("HEAD", URI.create("/fn/nothing"))).andExpect(status().isNotFound());
		this.mvc.perform(options("/fn")).andExpect(status().isNotFound());
	}

	@Test
	void allowIsTheUnionOfAnnotatedAndFunctionalRoutesAndEveryListedMethodWorks() throws Exception {
		this.mvc.perform(request("DELETE", URI.create("/mixed")))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(header().string(HttpHeaders.ALLOW, "GET, HEAD, POST, OPTIONS"));
		this.mvc.perform(request("GET", URI.create("/mixed")))
			.andExpect(status().isOk())
			.andExpect(content().string("annotated get"));
		this.mvc.perform(request("POST", URI.create("/mixed")))
			.andExpect(status().isOk())
			.andExpect(content().string("functional post"));
	}

	@Test
	void aFunctionalRouteConsultedBeforeTheAnnotatedOnesRefusingTheContentTypeIs415NotA404() throws Exception {
		this.mvc.perform(request("POST", URI.create("/orders")).contentType(MediaType.TEXT_PLAIN).content("order"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(header().string(HttpHeaders.ACCEPT, "application/json"));
		this.mvc.perform(request("POST", URI.create("/orders")).contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isOk())
			.andExpect(content().string("functional order"));
		this.mvc.perform(request("GET", URI.create("/orders")))
			.andExpect(status().isOk())
			.andExpect(content().string("annotated orders"));
		this.mvc.perform(request("DELETE", URI.create("/orders")))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(header().string(HttpHeaders.ALLOW, "GET, HEAD, POST, PUT, OPTIONS"));
	}

	@Test
	void aFunctionalRouteConsultedBeforeTheAnnotatedOnesThatCannotAnswerTheAcceptedTypeIs406() throws Exception {
		this.mvc.perform(request("PUT", URI.create("/orders")).accept(MediaType.TEXT_PLAIN))
			.andExpect(status().isNotAcceptable());
		this.mvc.perform(request("PUT", URI.create("/orders")).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk())
			.andExpect(content().json("{\"order\":\"put\"}"));
	}

	@Test
	void annotatedConsumesProducesAndParamsMismatchesKeepSpringsStatus() throws Exception {
		this.mvc.perform(request("PATCH", URI.create("/items/7")).contentType(MediaType.TEXT_PLAIN).content("x"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(header().string(HttpHeaders.ACCEPT, "application/merge-patch+json"));
		this.mvc.perform(request("GET", URI.create("/reports/export")).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isNotAcceptable());
		this.mvc.perform(request("GET", URI.create("/reports/export")).accept("text/csv"))
			.andExpect(status().isOk());
		this.mvc.perform(request("GET", URI.create("/search"))).andExpect(status().isBadRequest());
		this.mvc.perform(request("GET", URI.create("/search?q=x"))).andExpect(status().isOk());
	}

	@Test
	void errorDispatchOfA405FromOutsideSpringMvcBecomesTheProblem() throws Exception {
		this.mvc.perform(request("GET", URI.create("/error")).accept(MediaType.APPLICATION_JSON).with((request) -> {
			request.setDispatcherType(DispatcherType.ERROR);
			request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 405);
			request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/reports");
			request.setAttribute("jakarta.servlet.error.method", "TRACE");
			return request;
		}))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(header().string(HttpHeaders.ALLOW, "GET, HEAD, OPTIONS"))
			.andExpect(jsonPath("$.detail")
				.value("Method TRACE is not supported for /reports. Supported methods: GET, HEAD, OPTIONS."))
			.andExpect(jsonPath("$.instance").value("/reports"));
	}

	@Test
	void rightMethodsAreUntouched() throws Exception {
		this.mvc.perform(request("GET", URI.create("/reports"))).andExpect(status().isOk()).andExpect(jsonPath("$.report").value("ok"));
		this.mvc.perform(request("POST", URI.create("/commands"))).andExpect(status().isAccepted());
		this.mvc.perform(request("GET", URI.create("/hello.txt"))).andExpect(status().isOk());
	}

}
