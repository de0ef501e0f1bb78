package dev.methodguard.test;

import java.net.URI;

import org.junit.jupiter.api.Test;

import dev.methodguard.test.versioned.VersionedApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Routes with API version conditions: skipped and listed unless the versions are given;
 * with them, verified once per version against that version's {@code Allow}, through
 * MockMvc and over HTTP, so that an {@code OPTIONS} that lies in one version, or a version
 * header the application does not read, is caught.
 */
@SpringBootTest(classes = VersionedApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=health,methods",
				"spring.mvc.apiversion.use.header=X-API-Version", "spring.mvc.apiversion.default=1.0" })
@AutoConfigureMockMvc
class VersionedApplicationContractTests {

	private static final String HEADER = "X-API-Version";

	@Autowired
	private ApplicationContext context;

	@Autowired
	private MockMvc mockMvc;

	@LocalServerPort
	private int port;

	private MethodContract contract() {
		return MethodContract.of(this.context).include("/versioned/**", "/unversioned");
	}

	@Test
	void skipsAndListsVersionedRoutesWithoutVersions() {
		ContractReport report = contract().check(this.mockMvc);
		assertThat(report.violations()).isEmpty();
		assertThat(report.skipped()).containsExactly(
				"/versioned/fine (routes with an API version condition: give the versions to verify them in, "
						+ "with versions(...) and versionHeader(...))",
				"/versioned/lying (routes with an API version condition: give the versions to verify them in, "
						+ "with versions(...) and versionHeader(...))",
				"/versioned/new (routes with an API version condition: give the versions to verify them in, "
						+ "with versions(...) and versionHeader(...))");
		assertThat(report.requests()).isPositive();
	}

	@Test
	void namesTheVersionWhoseOptionsLiesThroughMockMvc() {
		assertLyingOptionsInVersion11(contract().versions("1.0", "1.1").versionHeader(HEADER).check(this.mockMvc));
	}

	@Test
	void namesTheVersionWhoseOptionsLiesOverHttp() {
		assertLyingOptionsInVersion11(contract().versions("1.0", "1.1")
			.versionHeader(HEADER)
			.check(URI.create("http://localhost:" + this.port)));
	}

	private static void assertLyingOptionsInVersion11(ContractReport report) {
		assertThat(report.violations())
			.extracting(ContractViolation::route, ContractViolation::version, ContractViolation::method,
					ContractViolation::expected, ContractViolation::got)
			.containsExactly(tuple("/versioned/lying", "1.1", "OPTIONS", "2xx, Allow: GET, HEAD, OPTIONS",
					"200, Allow: GET, HEAD, PUT, DELETE, OPTIONS"));
		assertThat(report.skipped()).containsExactly("/versioned/new (/versioned/new: no route there in version 1.0)");
	}

	@Test
	void failsWithTheVersionInTheTable() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> contract().versions("1.0", "1.1").versionHeader(HEADER).verify(this.mockMvc))
			.withMessageStartingWith("Method contract: 1 violation(s) in ")
			.withMessageContaining("| /versioned/lying [version 1.1] | OPTIONS | 2xx, Allow: GET, HEAD, OPTIONS | "
					+ "200, Allow: GET, HEAD, PUT, DELETE, OPTIONS |");
	}

	@Test
	void passesOnTheVersionedRoutesThatKeepTheContractInEveryVersion() {
		MethodContract contract = contract().exclude("/versioned/lying").versions("1.0", "1.1").versionHeader(HEADER);
		contract.verify(this.mockMvc);
		contract.verify(URI.create("http://localhost:" + this.port));
	}

	@Test
	void catchesAVersionHeaderTheApplicationDoesNotRead() {
		ContractReport report = MethodContract.of(this.context)
			.include("/versioned/fine")
			.versions("1.1")
			.versionHeader("X-Version")
			.check(this.mockMvc);
		assertThat(report.violations()).allSatisfy((violation) -> {
			assertThat(violation.version()).isEqualTo("1.1");
			assertThat(violation.expected()).contains("Allow: GET, HEAD, PUT, OPTIONS");
			assertThat(violation.got()).contains("Allow: GET, HEAD, OPTIONS");
		})
			.extracting(ContractViolation::method)
			.containsExactly("OPTIONS", "POST", "PATCH", "DELETE", "QUERY", "TRACE");
	}

	@Test
	void needsTheVersionHeaderWithVersions() {
		assertThatIllegalStateException().isThrownBy(() -> contract().versions("1.1").check(this.mockMvc))
			.withMessageContaining("versionHeader");
	}

}
