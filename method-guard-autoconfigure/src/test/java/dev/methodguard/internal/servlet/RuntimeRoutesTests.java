package dev.methodguard.internal.servlet;

import java.lang.reflect.Method;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import dev.methodguard.testapp.TestApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Mappings registered and unregistered at run time, and router functions replaced at run
 * time, are reflected in the very next response: no stale {@code Allow}, no stale early
 * rejection, also under concurrent requests.
 */
@SpringBootTest(classes = TestApplication.class, properties = "method-guard.log.level=OFF")
@AutoConfigureMockMvc
class RuntimeRoutesTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mapping;

	@Autowired
	private RouterFunctionMapping routerFunctionMapping;

	private final Handler handler = new Handler();

	private final Method put = ReflectionUtils.findMethod(Handler.class, "put");

	private RequestMappingInfo info(String path) {
		return RequestMappingInfo.paths(path)
			.methods(RequestMethod.PUT)
			.options(this.mapping.getBuilderConfiguration())
			.build();
	}

	@Test
	void registeredAndUnregisteredMappingsShowInTheNextResponse() throws Exception {
		RequestMappingInfo info = info("/runtime/a");
		this.mvc.perform(request("PUT", URI.create("/runtime/a"))).andExpect(status().isNotFound());
		this.mapping.registerMapping(info, this.handler, this.put);
		this.mvc.perform(request("PUT", URI.create("/runtime/a"))).andExpect(status().isOk());
		this.mvc.perform(request("DELETE", URI.create("/runtime/a")))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(header().string(HttpHeaders.ALLOW, "PUT, OPTIONS"));
		this.mvc.perform(request("OPTIONS", URI.create("/runtime/a")))
			.andExpect(header().string(HttpHeaders.ALLOW, "PUT, OPTIONS"));
		this.mapping.unregisterMapping(info);
		this.mvc.perform(request("PUT", URI.create("/runtime/a"))).andExpect(status().isNotFound());
		this.mvc.perform(request("OPTIONS", URI.create("/runtime/a"))).andExpect(status().isNotFound());
	}

	@Test
	void addingAMethodToAKnownPathEndsItsEarlyRejection() throws Exception {
		RequestMappingInfo info = info("/reports");
		this.mvc.perform(request("PUT", URI.create("/reports"))).andExpect(status().isMethodNotAllowed());
		this.mapping.registerMapping(info, this.handler, this.put);
		try {
			this.mvc.perform(request("PUT", URI.create("/reports"))).andExpect(status().isOk());
			this.mvc.perform(request("DELETE", URI.create("/reports")))
				.andExpect(header().string(HttpHeaders.ALLOW, "GET, HEAD, PUT, OPTIONS"));
		}
		finally {
			this.mapping.unregisterMapping(info);
		}
		this.mvc.perform(request("PUT", URI.create("/reports")))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(header().string(HttpHeaders.ALLOW, "GET, HEAD, OPTIONS"));
	}

	@Test
	void aRouterFunctionReplacedInItsMappingShowsInTheNextResponse() throws Exception {
		RouterFunction<?> original = this.routerFunctionMapping.getRouterFunction();
		this.mvc.perform(request("PUT", URI.create("/fn/hello")))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(header().string(HttpHeaders.ALLOW, "GET, HEAD, POST, OPTIONS"));
		this.routerFunctionMapping.setRouterFunction(RouterFunctions.route()
			.PUT("/fn/hello", (request) -> ServerResponse.ok().body("replaced put"))
			.build()
			.andOther(original));
		try {
			this.mvc.perform(request("PUT", URI.create("/fn/hello")))
				.andExpect(status().isOk())
				.andExpect(content().string("replaced put"));
			this.mvc.perform(request("DELETE", URI.create("/fn/hello")))
				.andExpect(status().isMethodNotAllowed())
				.andExpect(header().string(HttpHeaders.ALLOW, "GET, HEAD, POST, PUT, OPTIONS"));
			this.mvc.perform(request("OPTIONS", URI.create("/fn/hello")))
				.andExpect(header().string(HttpHeaders.ALLOW, "GET, HEAD, POST, PUT, OPTIONS"));
		}
		finally {
			this.routerFunctionMapping.setRouterFunction(original);
		}
		this.mvc.perform(request("PUT", URI.create("/fn/hello")))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(header().string(HttpHeaders.ALLOW, "GET, HEAD, POST, OPTIONS"));
	}

	@Test
	void concurrentRequestsSeeOneStateOrTheOtherAndNeverFail() throws Exception {
		RequestMappingInfo info = info("/runtime/b");
		AtomicBoolean running = new AtomicBoolean(true);
		Set<String> seen = ConcurrentHashMap.newKeySet();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Future<?>> clients = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			clients.add(pool.submit(() -> {
				while (running.get()) {
					int put = this.mvc.perform(request("PUT", URI.create("/runtime/b"))).andReturn().getResponse()
						.getStatus();
					MockHttpServletResponse delete = this.mvc.perform(request("DELETE", URI.create("/runtime/b"))).andReturn().getResponse();
					seen.add(put + "/" + delete.getStatus() + "/" + delete.getHeader(HttpHeaders.ALLOW));
				}
				return null;
			}));
		}
		for (int round = 0; round < 50; round++) {
			this.mapping.registerMapping(info, this.handler, this.put);
			Thread.sleep(2);
			this.mapping.unregisterMapping(info);
			Thread.sleep(2);
		}
		running.set(false);
		for (Future<?> client : clients) {
			client.get(30, TimeUnit.SECONDS);
		}
		pool.shutdown();
		assertThat(seen).isNotEmpty()
			.allSatisfy((answer) -> assertThat(answer).isIn("200/405/PUT, OPTIONS", "404/404/null", "200/404/null",
					"404/405/PUT, OPTIONS"));
		this.mvc.perform(request("PUT", URI.create("/runtime/b"))).andExpect(status().isNotFound());
	}

	@ResponseBody
	static class Handler {

		public String put() {
			return "put";
		}

	}

}
