package dev.methodguard.test;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.methodguard.test.good.GoodApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An application that keeps its method contract passes the verification, through MockMvc,
 * MockMvcTester and over HTTP against the running server (which alone reaches the plain
 * servlet), and the verification sends no listed unsafe method unless told.
 */
@SpringBootTest(classes = GoodApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "management.endpoints.web.exposure.include=health,methods")
@AutoConfigureMockMvc
class GoodApplicationContractTests {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private MockMvc mockMvc;

	@Autowired
	private MockMvcTester tester;

	@LocalServerPort
	private int port;

	private MethodContract contract() {
		return MethodContract.of(this.context).example("/items/{id}", "/items/7", "/items/1");
	}

	@Test
	void passesThroughMockMvc() {
		ContractReport report = contract().check(this.mockMvc);
		assertThat(report.violations()).isEmpty();
		assertThat(report.skipped()).anySatisfy((skipped) -> assertThat(skipped).startsWith("/** "))
			.anySatisfy((skipped) -> assertThat(skipped).startsWith("/servlet/ping (a plain servlet"));
		contract().verify(this.mockMvc);
	}

	@Test
	void passesThroughMockMvcTester() {
		contract().verify(this.tester);
	}

	@Test
	void passesOverHttp() {
		URI server = URI.create("http://localhost:" + this.port);
		assertThat(contract().check(server).skipped()).noneMatch((skipped) -> skipped.startsWith("/servlet/ping"));
		contract().verify(server);
	}

	@Test
	void failsWhereNoRouteIsVerified() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> contract().include("/nothing/**").verify(this.mockMvc))
			.withMessageStartingWith("Method contract: no route verified");
	}

	@Test
	void sendsNoListedUnsafeMethodUnlessTold() throws Exception {
		String before = items();
		contract().verify(this.mockMvc);
		assertThat(items()).isEqualTo(before);
	}

	private String items() throws Exception {
		return this.mockMvc.perform(MockMvcRequestBuilders.get("/items"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

}
