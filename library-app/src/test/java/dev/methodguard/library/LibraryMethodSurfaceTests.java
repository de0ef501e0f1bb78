package dev.methodguard.library;

import java.net.URI;

import dev.methodguard.test.ContractReport;
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
 * reviewed {@code method-surface.txt}, and every route but the versioned one keeps its method
 * contract without a single example (Spring Data REST's item 1 exists).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LibraryMethodSurfaceTests {

	@Autowired
	private ApplicationContext context;

	@LocalServerPort
	private int port;

	@Test
	void methodSurfaceIsTheReviewedOne() {
		MethodSurface.of(this.context).exclude("/actuator/**", "/webjars/**", "/swagger-ui/**")
			.matchesSnapshot("method-surface.txt");
	}

	@Test
	void everyUnversionedRouteKeepsItsMethodContract() {
		MethodContract contract = MethodContract.of(this.context).exclude("/actuator/**", "/webjars/**",
				"/swagger-ui/**");
		ContractReport report = contract.check(URI.create("http://localhost:" + this.port));
		assertThat(report.skipped())
			.contains("/api/loans/{id} (routes with an API version condition are not verified yet)");
		contract.verify(URI.create("http://localhost:" + this.port));
	}

}
