package dev.methodguard.library;

import java.net.URI;

import dev.methodguard.test.ContractReport;
import dev.methodguard.test.ContractViolation;
import dev.methodguard.test.MethodContract;
import dev.methodguard.test.MethodSurface;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The library with method-guard-test: its method surface, API versions included, is the
 * reviewed {@code method-surface.txt}, and every route keeps its method contract without a
 * single example (Spring Data REST's item 1 exists), the versioned loan in versions 1.0 and
 * 1.1, each with its own {@code Allow}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LibraryMethodSurfaceTests {

	private static final String VERSIONED = "/api/loans/{id}";

	@Autowired
	private ApplicationContext context;

	@LocalServerPort
	private int port;

	private MethodContract contract() {
		return MethodContract.of(this.context).exclude("/actuator/**", "/webjars/**", "/swagger-ui/**");
	}

	private URI server() {
		return URI.create("http://localhost:" + this.port);
	}

	@Test
	void methodSurfaceIsTheReviewedOne() {
		MethodSurface.of(this.context).exclude("/actuator/**", "/webjars/**", "/swagger-ui/**")
			.matchesSnapshot("method-surface.txt");
	}

	@Test
	void everyRouteKeepsItsMethodContractInEveryVersion() {
		MethodContract contract = contract().versions("1.0", "1.1").versionHeader("X-API-Version");
		assertThat(contract.check(server()).skipped()).noneMatch((skipped) -> skipped.startsWith(VERSIONED));
		contract.verify(server());
	}

	@Test
	void withoutVersionsTheVersionedRouteIsSkippedAndListed() {
		ContractReport report = contract().check(server());
		assertThat(report.violations()).isEmpty();
		assertThat(report.skipped()).contains(VERSIONED + " (routes with an API version condition: give the "
				+ "versions to verify them in, with versions(...) and versionHeader(...))");
	}

	/**
	 * Requests whose version sits in a header the library does not read are in its default
	 * version, 1.0, where the loan cannot be renewed: verified as version 1.1, the loan's
	 * {@code PUT} is missing from every {@code Allow}.
	 */
	@Test
	void aVersionHeaderTheLibraryDoesNotReadIsCaught() {
		ContractReport report = contract().include(VERSIONED).versions("1.1").versionHeader("Api-Version")
			.check(server());
		assertThat(report.violations()).allSatisfy((violation) -> {
			assertThat(violation.version()).isEqualTo("1.1");
			assertThat(violation.expected()).contains("Allow: GET, HEAD, PUT, DELETE, OPTIONS");
			assertThat(violation.got()).contains("Allow: GET, HEAD, DELETE, OPTIONS");
		})
			.extracting(ContractViolation::method)
			.containsExactly("OPTIONS", "POST", "PATCH", "QUERY", "TRACE");
		contract().include(VERSIONED).versions("1.1").versionHeader("X-API-Version").verify(server());
	}

}
