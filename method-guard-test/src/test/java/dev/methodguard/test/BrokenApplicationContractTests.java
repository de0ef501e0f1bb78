package dev.methodguard.test;

import java.net.URI;

import org.junit.jupiter.api.Test;

import dev.methodguard.test.broken.BrokenApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * An application that breaks its method contract by hand fails the verification with every
 * violation named, through MockMvc, MockMvcTester and over HTTP: a listed method answering
 * 405, an {@code OPTIONS} that lies, and (only once listed unsafe methods are sent) a
 * {@code POST} answering 405 without {@code Allow}.
 */
@SpringBootTest(classes = BrokenApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "management.endpoints.web.exposure.include=health,methods")
@AutoConfigureMockMvc
class BrokenApplicationContractTests {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private MockMvc mockMvc;

	@Autowired
	private MockMvcTester tester;

	@LocalServerPort
	private int port;

	private MethodContract contract() {
		return MethodContract.of(this.context).include("/broken/**");
	}

	@Test
	void namesEveryViolationThroughMockMvc() {
		assertViolationsOfSafeMethods(contract().check(this.mockMvc));
	}

	@Test
	void namesEveryViolationThroughMockMvcTester() {
		assertViolationsOfSafeMethods(contract().check(this.tester));
	}

	@Test
	void namesEveryViolationOverHttp() {
		assertViolationsOfSafeMethods(contract().check(URI.create("http://localhost:" + this.port)));
	}

	private static void assertViolationsOfSafeMethods(ContractReport report) {
		assertThat(report.violations())
			.extracting(ContractViolation::route, ContractViolation::method, ContractViolation::expected,
					ContractViolation::got)
			.containsExactlyInAnyOrder(
					tuple("/broken/lying-options", "OPTIONS", "2xx, Allow: GET, HEAD, OPTIONS",
							"200, Allow: GET, PUT, DELETE, OPTIONS"),
					tuple("/broken/refuses", "GET", "not 405 or 501", "405, Allow: POST, no body"),
					tuple("/broken/refuses", "HEAD", "not 405 or 501", "405, Allow: POST, no body"));
	}

	@Test
	void sendsListedUnsafeMethodsOnlyWhenTold() {
		ContractReport report = contract().sendListedUnsafeMethods(true).check(this.mockMvc);
		assertThat(report.violations()).filteredOn(ContractViolation::route, "/broken/no-allow")
			.extracting(ContractViolation::method, ContractViolation::expected, ContractViolation::got)
			.containsExactly(tuple("POST", "not 405 or 501", "405, Allow: (none), no body"));
		assertThat(contract().check(this.mockMvc).violations()).extracting(ContractViolation::route)
			.doesNotContain("/broken/no-allow");
	}

	@Test
	void failsWithATableOfEveryViolation() {
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> contract().verify(this.mockMvc))
			.withMessageStartingWith("Method contract: 3 violation(s) in ")
			.withMessageContaining("| route                 | method  | expected                       |")
			.withMessageContaining(
					"| /broken/lying-options | OPTIONS | 2xx, Allow: GET, HEAD, OPTIONS | 200, Allow: GET, PUT, DELETE, OPTIONS |")
			.withMessageContaining("| /broken/refuses       | GET     | not 405 or 501 ")
			.withMessageContaining("| /broken/refuses       | HEAD    | not 405 or 501 ");
	}

	@Test
	void passesOnTheRoutesThatKeepTheContract() {
		contract().include("/broken/fine").exclude("/broken/lying-options", "/broken/refuses", "/broken/no-allow")
			.verify(this.mockMvc);
	}

}
