package dev.methodguard.versions;

import java.net.URI;

import dev.methodguard.autoconfigure.MethodGuardAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The request's API version is read however the application reads it: from a query
 * parameter, a path segment or a media type parameter, as from a header, through the
 * application's own strategy.
 */
class ApiVersionResolversTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DispatcherServletAutoConfiguration.class,
				WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class,
				HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
				MethodGuardAutoConfiguration.class));

	@Test
	void aQueryParameter() {
		this.runner.withUserConfiguration(Items.class)
			.withPropertyValues("spring.mvc.apiversion.use.query-parameter=version",
					"spring.mvc.apiversion.default=1.0")
			.run((context) -> {
				MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
				mvc.perform(request("OPTIONS", URI.create("/items?version=1.1")))
					.andExpect(header().string(HttpHeaders.ALLOW, "GET, HEAD, PUT, OPTIONS"));
				mvc.perform(request("PUT", URI.create("/items?version=1.0")))
					.andExpect(status().isMethodNotAllowed())
					.andExpect(header().string(HttpHeaders.ALLOW, "GET, HEAD, OPTIONS"));
				mvc.perform(request("PUT", URI.create("/items?version=1.1"))).andExpect(status().isOk());
			});
	}

	@Test
	void aPathSegment() {
		this.runner.withUserConfiguration(VersionInPath.class)
			.withPropertyValues("spring.mvc.apiversion.use.path-segment=1")
			.run((context) -> {
				MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
				mvc.perform(request("OPTIONS", URI.create("/api/1.1/items")))
					.andExpect(header().string(HttpHeaders.ALLOW, "GET, HEAD, PUT, OPTIONS"));
				mvc.perform(request("PUT", URI.create("/api/1.0/items")))
					.andExpect(status().isMethodNotAllowed())
					.andExpect(header().string(HttpHeaders.ALLOW, "GET, HEAD, OPTIONS"));
				mvc.perform(request("PUT", URI.create("/api/1.1/items"))).andExpect(status().isOk());
				mvc.perform(request("GET", URI.create("/api/x/items"))).andExpect(status().isBadRequest());
			});
	}

	@Test
	void aMediaTypeParameter() {
		this.runner.withUserConfiguration(Items.class)
			.withPropertyValues("spring.mvc.apiversion.use.media-type-parameter[application/json]=v",
					"spring.mvc.apiversion.default=1.0")
			.run((context) -> {
				MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
				mvc.perform(request("OPTIONS", URI.create("/items")).header(HttpHeaders.ACCEPT,
						"application/json;v=1.1"))
					.andExpect(header().string(HttpHeaders.ALLOW, "GET, HEAD, PUT, OPTIONS"));
				mvc.perform(request("PUT", URI.create("/items")).header(HttpHeaders.ACCEPT,
						"application/json;v=1.0"))
					.andExpect(status().isMethodNotAllowed())
					.andExpect(header().string(HttpHeaders.ALLOW, "GET, HEAD, OPTIONS"));
			});
	}

	@RestController
	static class Items {

		@GetMapping(path = "/items", version = "1.0+")
		String items() {
			return "items";
		}

		@PutMapping(path = "/items", version = "1.1")
		String replace() {
			return "replaced";
		}

	}

	@RestController
	static class VersionInPath {

		@GetMapping(path = "/api/{version}/items", version = "1.0+")
		String items() {
			return "items";
		}

		@PutMapping(path = "/api/{version}/items", version = "1.1")
		String replace() {
			return "replaced";
		}

	}

}
