package dev.methodguard.benchmarks;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Logger;
import dev.methodguard.internal.routing.FastRouting;
import dev.methodguard.servlet.UnionRequestMappingHandlerMapping;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The handler lookup of a matched {@code GET} in Spring MVC's mapping of annotated
 * controllers, with and without fast routing, and the setup of fast routing (its table of
 * the mappings), for the load benchmark's route shapes: N groups of {@code /r{i}/items/{id}}
 * GET and PUT and {@code /r{i}/info} GET, 3 N mappings.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FastRoutingBenchmark {

	private static final int PATHS = 1024;

	/** The number of route groups. */
	@Param({ "10", "10000" })
	public int groups;

	private GenericApplicationContext context;

	private RequestMappingHandlerMapping spring;

	private RequestMappingHandlerMapping fast;

	private List<RequestMappingInfo> infos;

	private Map<RequestMappingInfo, HandlerMethod> registered;

	private String[] paths;

	private int next;

	/**
	 * Register the routes in both mappings.
	 */
	@Setup(Level.Trial)
	public void setUp() {
		((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
			.setLevel(ch.qos.logback.classic.Level.WARN);
		this.context = new GenericApplicationContext();
		this.context.registerBean(FastRouting.class, FastRouting::new,
				(definition) -> definition.setScope(BeanDefinition.SCOPE_PROTOTYPE));
		this.context.refresh();
		this.spring = register(new RequestMappingHandlerMapping());
		this.fast = register(new UnionRequestMappingHandlerMapping());
		this.registered = this.fast.getHandlerMethods();
		this.infos = new ArrayList<>(this.registered.keySet());
		this.paths = new String[PATHS];
		for (int i = 0; i < PATHS; i++) {
			this.paths[i] = "/r" + ((i * 7919) % this.groups) + "/items/" + i;
		}
	}

	/**
	 * Close the context.
	 */
	@TearDown(Level.Trial)
	public void tearDown() {
		this.context.close();
	}

	private RequestMappingHandlerMapping register(RequestMappingHandlerMapping mapping) {
		mapping.setApplicationContext(this.context);
		mapping.afterPropertiesSet();
		Routes handler = new Routes();
		Method item = ReflectionUtils.findMethod(Routes.class, "item");
		Method put = ReflectionUtils.findMethod(Routes.class, "put");
		Method info = ReflectionUtils.findMethod(Routes.class, "info");
		RouteGroups.register(mapping, this.groups, handler, item, put, info);
		return mapping;
	}

	/**
	 * Spring's own lookup of a matched GET.
	 * @return the handler
	 * @throws Exception on a lookup failure
	 */
	@Benchmark
	public HandlerExecutionChain springLookup() throws Exception {
		return this.spring.getHandler(new MockHttpServletRequest("GET", this.paths[this.next++ & (PATHS - 1)]));
	}

	/**
	 * The lookup of a matched GET with fast routing.
	 * @return the handler
	 * @throws Exception on a lookup failure
	 */
	@Benchmark
	public HandlerExecutionChain fastLookup() throws Exception {
		return this.fast.getHandler(new MockHttpServletRequest("GET", this.paths[this.next++ & (PATHS - 1)]));
	}

	/**
	 * Fast routing's setup, as at startup: told of every registration, then its table of
	 * every mapping built.
	 * @return whether fast routing is on
	 */
	@Benchmark
	public boolean setUpFastRouting() {
		FastRouting routing = new FastRouting();
		for (RequestMappingInfo info : this.infos) {
			routing.registered(info);
		}
		routing.start("benchmark", this.registered, () -> this.registered, true, false);
		return routing.isOn();
	}

	/**
	 * The handlers of the routes.
	 */
	public static class Routes {

		/**
		 * Serve an item.
		 * @return the body
		 */
		public String item() {
			return "item";
		}

		/**
		 * Replace an item.
		 * @return the body
		 */
		public String put() {
			return "put";
		}

		/**
		 * Serve the info.
		 * @return the body
		 */
		public String info() {
			return "info";
		}

	}

}
