package dev.methodguard.versions;

import dev.methodguard.internal.routing.FastRouting;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every expectation of {@link ApiVersionHttpTests} (routes that differ by API version, their
 * {@code Allow}, 405s, 404s and Spring's 400s for version errors), met once more with fast
 * routing on: the contract does not change.
 */
@SpringBootTest(classes = VersionedApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { VersionedRoutes.USE_HEADER, VersionedRoutes.DEFAULT_VERSION, VersionedRoutes.SUPPORTED,
				VersionedRoutes.EXPOSE_METHODS, "method-guard.fast-routing.enabled=true" })
@AutoConfigureMockMvc
class FastRoutingApiVersionHttpTests extends ApiVersionHttpTests {

	@Autowired
	private RequestMappingHandlerMapping requestMappingHandlerMapping;

	@Test
	void fastRoutingIsOnForTheMappingOfAnnotatedControllers() {
		Object routing = ReflectionTestUtils.getField(this.requestMappingHandlerMapping, "fastRouting");
		assertThat(routing).isInstanceOf(FastRouting.class);
		assertThat(((FastRouting) routing).isOn()).isTrue();
	}

}
