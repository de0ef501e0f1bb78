package dev.methodguard.internal.servlet;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.methodguard.testapp.TestApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A pattern route overlapping a static location ({@code @PostMapping("/assets/{name}")} and
 * {@code /assets/**}): a static file served costs one resource resolution, as with Spring
 * alone; a missing one, or a wrong method, still gets the truthful answer.
 */
@SpringBootTest(classes = { TestApplication.class, StaticOverlapTests.Assets.class })
@AutoConfigureMockMvc
class StaticOverlapTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private CountingResolver resolver;

	@BeforeEach
	void resetCount() {
		this.resolver.resolutions.set(0);
	}

	@Test
	void aServedStaticFileCostsOneResolution() throws Exception {
		this.mvc.perform(request(HttpMethod.GET, "/assets/hello.txt")).andExpect(status().isOk());
		assertThat(this.resolver.resolutions).hasValue(1);
	}

	@Test
	void aPostReachesTheControllerWithoutAnyResolution() throws Exception {
		this.mvc.perform(request(HttpMethod.POST, "/assets/new.txt")).andExpect(status().isOk());
		assertThat(this.resolver.resolutions).hasValue(0);
	}

	@Test
	void aWrongMethodOnAnExistingFileListsBothRoutes() throws Exception {
		this.mvc.perform(request(HttpMethod.DELETE, "/assets/hello.txt"))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(header().string("Allow", "GET, HEAD, POST, OPTIONS"));
	}

	@Test
	void aGetOnAMissingFileIsTheControllersMethodMismatch() throws Exception {
		this.mvc.perform(request(HttpMethod.GET, "/assets/missing.txt"))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(header().string("Allow", "POST, OPTIONS"));
	}

	/** Counts the static resources it is asked to resolve. */
	static final class CountingResolver extends PathResourceResolver {

		private final AtomicInteger resolutions = new AtomicInteger();

		@Override
		protected Resource resolveResourceInternal(HttpServletRequest request, String requestPath,
				List<? extends Resource> locations, ResourceResolverChain chain) {
			this.resolutions.incrementAndGet();
			return super.resolveResourceInternal(request, requestPath, locations, chain);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import(AssetsController.class)
	static class Assets implements WebMvcConfigurer {

		private final CountingResolver resolver = new CountingResolver();

		@Bean
		CountingResolver countingResolver() {
			return this.resolver;
		}

		@Override
		public void addResourceHandlers(ResourceHandlerRegistry registry) {
			registry.addResourceHandler("/assets/**")
				.addResourceLocations("classpath:/static/")
				.resourceChain(false)
				.addResolver(this.resolver);
		}

	}

	@RestController
	static class AssetsController {

		@PostMapping("/assets/{name}")
		String upload(@PathVariable String name) {
			return "uploaded " + name;
		}

	}

}
