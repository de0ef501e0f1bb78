package dev.methodguard.internal.servlet;

import dev.methodguard.internal.routing.FastRouting;
import dev.methodguard.testapp.TestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every expectation of {@link ContainerHttpTests} (a real Tomcat, a context path, a
 * {@code DispatcherServlet} below a servlet path, plain servlets beside it, functional and
 * annotated routes, 405, 415, 501, {@code OPTIONS}, {@code HEAD}, {@code QUERY}, browsers),
 * met once more with fast routing on: the contract does not change.
 */
@SpringBootTest(classes = { TestApplication.class, ContainerHttpTests.Servlets.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.servlet.context-path=/ctx", "spring.mvc.servlet.path=/mvc",
				"method-guard.log.level=INFO", "method-guard.fast-routing.enabled=true" })
class FastRoutingContainerHttpTests extends ContainerHttpTests {

	@Autowired
	private RequestMappingHandlerMapping requestMappingHandlerMapping;

	@Test
	void fastRoutingIsOnForTheMappingOfAnnotatedControllers() {
		Object routing = ReflectionTestUtils.getField(this.requestMappingHandlerMapping, "fastRouting");
		assertThat(routing).isInstanceOf(FastRouting.class);
		assertThat(((FastRouting) routing).isOn()).isTrue();
	}

}
