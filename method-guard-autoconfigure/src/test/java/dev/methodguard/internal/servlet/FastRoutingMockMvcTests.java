package dev.methodguard.internal.servlet;

import dev.methodguard.internal.routing.FastRouting;
import dev.methodguard.testapp.TestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every expectation of {@link MethodGuardMockMvcTests} (annotated, functional, static and
 * URL-mapped handlers; 405, 415, 406, 501, {@code OPTIONS}, {@code HEAD}, CORS), met once more
 * through MockMvc with fast routing on: the contract does not change.
 */
@SpringBootTest(classes = TestApplication.class,
		properties = { "spring.mvc.problemdetails.enabled=true", "method-guard.fast-routing.enabled=true" })
@AutoConfigureMockMvc
class FastRoutingMockMvcTests extends MethodGuardMockMvcTests {

	@Autowired
	private RequestMappingHandlerMapping requestMappingHandlerMapping;

	@Test
	void fastRoutingIsOnForTheMappingOfAnnotatedControllers() {
		Object routing = ReflectionTestUtils.getField(this.requestMappingHandlerMapping, "fastRouting");
		assertThat(routing).isInstanceOf(FastRouting.class);
		assertThat(((FastRouting) routing).isOn()).isTrue();
	}

}
