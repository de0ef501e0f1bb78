package dev.methodguard.internal.servlet;

import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

import dev.methodguard.autoconfigure.MethodGuardAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;
import org.springframework.web.servlet.resource.ResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A method the annotated controllers do not take on a path reaches the handler mappings
 * Spring consults after theirs (static resources, method-guard's {@code HEAD} for functional
 * routes) when one of them takes it, and only those.
 */
class UnionRoutingTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DispatcherServletAutoConfiguration.class,
				WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class,
				HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
				MethodGuardAutoConfiguration.class))
		.withUserConfiguration(Application.class);

	@Test
	void aStaticResourceUnderAnAnnotatedPatternOfAnotherMethodIsServed() {
		this.runner.run((context) -> {
			MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
			mvc.perform(request("GET", URI.create("/assets/hello.txt")))
				.andExpect(status().isOk())
				.andExpect(content().string("hello\n"));
			mvc.perform(request("HEAD", URI.create("/assets/hello.txt"))).andExpect(status().isOk());
			mvc.perform(request("POST", URI.create("/assets/hello.txt")))
				.andExpect(status().isOk())
				.andExpect(content().string("uploaded hello.txt"));
			mvc.perform(request("GET", URI.create("/assets/missing.txt")))
				.andExpect(status().isMethodNotAllowed())
				.andExpect(header().string(HttpHeaders.ALLOW, "POST, OPTIONS"));
		});
	}

	@Test
	void aStaticFileIsResolvedOnceWhetherOrNotAnAnnotatedPatternOfAnotherMethodOverlapsIt() {
		this.runner.withPropertyValues("method-guard.early-rejection.enabled=false").run((context) -> {
			MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
			CountingResolver resolutions = context.getBean(CountingResolver.class);
			resolutions.getAndReset();
			mvc.perform(request("GET", URI.create("/assets/hello.txt"))).andExpect(status().isOk());
			assertThat(resolutions.getAndReset()).isEqualTo(1);
			mvc.perform(request("GET", URI.create("/files/hello.txt"))).andExpect(status().isOk());
			assertThat(resolutions.getAndReset()).isEqualTo(1);
			mvc.perform(request("POST", URI.create("/assets/hello.txt"))).andExpect(status().isOk());
			assertThat(resolutions.getAndReset()).isZero();
		});
	}

	@Test
	void headOnAFunctionalGetRouteBesideAnAnnotatedPostIsAnsweredLikeItsGet() {
		this.runner.run((context) -> {
			MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
			mvc.perform(request("HEAD", URI.create("/pages")))
				.andExpect(status().isOk())
				.andExpect(header().string("X-Source", "functional"));
			mvc.perform(request("POST", URI.create("/pages"))).andExpect(content().string("annotated post"));
			mvc.perform(request("PUT", URI.create("/pages")))
				.andExpect(status().isMethodNotAllowed())
				.andExpect(header().string(HttpHeaders.ALLOW, "GET, HEAD, POST, OPTIONS"));
		});
	}

	@Test
	void functionalHeadIsOrderedAfterEveryAnnotatedAndFunctionalMappingWhateverTheRegistrationOrder() {
		this.runner.run((context) -> {
			int head = context.getBean(FunctionalHeadHandlerMapping.class).getOrder();
			assertThat(context.getBeansOfType(RequestMappingHandlerMapping.class).values())
				.allSatisfy((mapping) -> assertThat(mapping.getOrder()).isLessThan(head));
			assertThat(context.getBeansOfType(RouterFunctionMapping.class).values())
				.allSatisfy((mapping) -> assertThat(mapping.getOrder()).isLessThan(head));
		});
		this.runner.withUserConfiguration(LateRouterFunctionMapping.class).run((context) -> {
			assertThat(context.getBean(FunctionalHeadHandlerMapping.class).getOrder()).isEqualTo(6);
		});
	}

	@Test
	void anAnnotatedHeadMappingWinsOverAFunctionalGet() {
		this.runner.run((context) -> {
			MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
			mvc.perform(request("HEAD", URI.create("/both")))
				.andExpect(status().isOk())
				.andExpect(header().string("X-Source", "annotated"));
			mvc.perform(request("GET", URI.create("/both"))).andExpect(header().string("X-Source", "functional"));
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class Application implements WebMvcConfigurer {

		private final CountingResolver resolutions = new CountingResolver();

		@Override
		public void addResourceHandlers(ResourceHandlerRegistry registry) {
			registry.addResourceHandler("/assets/**")
				.addResourceLocations("classpath:/static/")
				.resourceChain(false)
				.addResolver(this.resolutions);
			registry.addResourceHandler("/files/**")
				.addResourceLocations("classpath:/static/")
				.resourceChain(false)
				.addResolver(this.resolutions);
		}

		@Bean
		CountingResolver assetResolutions() {
			return this.resolutions;
		}

		@Bean
		Controllers controllers() {
			return new Controllers();
		}

		@Bean
		RouterFunction<ServerResponse> routes() {
			return RouterFunctions.route()
				.GET("/pages", (request) -> ServerResponse.ok().header("X-Source", "functional").body("page"))
				.GET("/both", (request) -> ServerResponse.ok().header("X-Source", "functional").body("both"))
				.build();
		}

	}

	@RestController
	static class Controllers {

		@PostMapping("/assets/{name}")
		String upload(@PathVariable String name) {
			return "uploaded " + name;
		}

		@PostMapping("/pages")
		String pages() {
			return "annotated post";
		}

		@RequestMapping(path = "/both", method = RequestMethod.HEAD)
		ResponseEntity<Void> both() {
			return ResponseEntity.ok().header("X-Source", "annotated").build();
		}

	}

	/**
	 * Counts the resolutions of static resources under {@code /assets}, method-guard's own
	 * included.
	 */
	static final class CountingResolver implements ResourceResolver {

		private final AtomicInteger resolutions = new AtomicInteger();

		int getAndReset() {
			return this.resolutions.getAndSet(0);
		}

		@Override
		public Resource resolveResource(HttpServletRequest request, String requestPath,
				List<? extends Resource> locations, ResourceResolverChain chain) {
			this.resolutions.incrementAndGet();
			return chain.resolveResource(request, requestPath, locations);
		}

		@Override
		public String resolveUrlPath(String resourcePath, List<? extends Resource> locations,
				ResourceResolverChain chain) {
			return chain.resolveUrlPath(resourcePath, locations);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class LateRouterFunctionMapping {

		@Bean
		RouterFunctionMapping lateRouterFunctionMapping() {
			RouterFunctionMapping mapping = new RouterFunctionMapping();
			mapping.setOrder(5);
			return mapping;
		}

	}

}
