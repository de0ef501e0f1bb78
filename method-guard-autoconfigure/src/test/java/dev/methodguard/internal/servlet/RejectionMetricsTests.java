package dev.methodguard.internal.servlet;

import java.net.URI;
import java.util.List;
import java.util.Random;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.methodguard.internal.actuate.RejectionMetrics;
import dev.methodguard.testapp.TestApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * The {@code method.guard.rejections} counter: values after a known sequence of requests,
 * and a number of series that stays bounded whatever paths and methods clients send.
 */
@SpringBootTest(classes = { TestApplication.class, RejectionMetricsTests.Registry.class },
		properties = "method-guard.log.level=OFF")
@AutoConfigureMockMvc
class RejectionMetricsTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private MeterRegistry registry;

	@Test
	void countsRejectionsByStatusMethodAndPattern() throws Exception {
		double put = count("405", "PUT", "/reports");
		double other = count("501", "OTHER", "/reports");
		double functional = count("405", "DELETE", "/fn/hello/{name}");
		double unknown = count("501", "OTHER", "UNKNOWN");
		perform("PUT", "/reports");
		perform("PUT", "/reports");
		perform("FOO", "/reports");
		perform("DELETE", "/fn/hello/ann");
		perform("PROPFIND", "/nowhere");
		perform("GET", "/reports");
		perform("DELETE", "/nowhere");
		assertThat(count("405", "PUT", "/reports")).isEqualTo(put + 2);
		assertThat(count("501", "OTHER", "/reports")).isEqualTo(other + 1);
		assertThat(count("405", "DELETE", "/fn/hello/{name}")).isEqualTo(functional + 1);
		assertThat(count("501", "OTHER", "UNKNOWN")).isEqualTo(unknown + 1);
	}

	@Test
	void seriesStayBoundedWhateverClientsSend() throws Exception {
		Random random = new Random(42);
		List<String> prefixes = List.of("/reports", "/items/", "/fn/hello/", "/commands/", "/nowhere/", "/");
		for (int i = 0; i < 10_000; i++) {
			String path = prefixes.get(random.nextInt(prefixes.size())) + Long.toHexString(random.nextLong());
			String method = (random.nextInt(3) == 0) ? randomToken(random)
					: List.of("PUT", "DELETE", "PATCH", "TRACE", "POST").get(random.nextInt(5));
			perform(method, (random.nextInt(4) == 0) ? "/reports" : path);
		}
		long series = this.registry.find(RejectionMetrics.METER_NAME).counters().size();
		double total = this.registry.find(RejectionMetrics.METER_NAME)
			.counters()
			.stream()
			.mapToDouble((counter) -> counter.count())
			.sum();
		assertThat(total).as("rejections counted").isGreaterThan(5_000);
		assertThat(series).as("meter series after 10 000 random requests").isLessThan(60);
		assertThat(this.registry.find(RejectionMetrics.METER_NAME).counters())
			.allSatisfy((counter) -> assertThat(counter.getId().getTag("method")).isIn("GET", "HEAD", "POST", "PUT",
					"PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT", "OTHER"));
	}

	private static String randomToken(Random random) {
		StringBuilder token = new StringBuilder();
		int length = 1 + random.nextInt(12);
		for (int i = 0; i < length; i++) {
			token.append((char) ('A' + random.nextInt(26)));
		}
		return token.toString();
	}

	private void perform(String method, String path) throws Exception {
		this.mvc.perform(request(method, URI.create(path)));
	}

	private double count(String status, String method, String pattern) {
		Counter counter = this.registry.find(RejectionMetrics.METER_NAME)
			.tags("status", status, "method", method, "pattern", pattern)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Registry {

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
