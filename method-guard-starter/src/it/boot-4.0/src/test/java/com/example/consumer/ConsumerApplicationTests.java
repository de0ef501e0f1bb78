package com.example.consumer;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application as its users run it, over real HTTP: method-guard answers from the jars this
 * build resolved, with nothing but the starter on the classpath.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ConsumerApplicationTests {

	private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	private int port;

	@Test
	void runsOnTheBootLineOfItsParent() {
		assertThat(SpringBootVersion.getVersion()).startsWith(System.getProperty("consumer.expected-boot-line", "?"));
	}

	@Test
	void wrongMethodIsAProblemWithItsAllow() throws Exception {
		HttpResponse<String> response = send("DELETE", "/greetings");
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.headers().allValues("Allow")).containsExactly("GET, HEAD, POST, OPTIONS");
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		Map<String, Object> problem = JsonPath.read(response.body(), "$");
		assertThat(problem).containsEntry("status", 405).containsEntry("instance", "/greetings");
	}

	@Test
	void methodsEndpointListsTheRoute() throws Exception {
		HttpResponse<String> response = send("GET", "/actuator/methods");
		assertThat(response.statusCode()).isEqualTo(200);
		List<List<String>> methods = JsonPath.read(response.body(), "$.routes[?(@.pattern == '/greetings')].methods");
		assertThat(methods).containsExactly(List.of("GET", "HEAD", "POST", "OPTIONS"));
	}

	@Test
	void configurationMetadataIsInTheAutoconfigureJar() throws Exception {
		List<URL> candidates = Collections.list(getClass().getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"));
		List<URL> ours = new ArrayList<>();
		for (URL candidate : candidates) {
			if (candidate.toString().contains("/method-guard-autoconfigure-")) {
				ours.add(candidate);
			}
		}
		assertThat(ours).singleElement().satisfies((url) -> assertThat(url.getProtocol()).isEqualTo("jar"));
		List<Map<String, Object>> properties = JsonPath.read(read(ours.get(0)), "$.properties");
		List<String> names = new ArrayList<>();
		for (Map<String, Object> property : properties) {
			String name = (String) property.get("name");
			if (name.startsWith("method-guard.")) {
				names.add(name);
				assertThat(property.get("description")).as(name).asString().isNotBlank();
				assertThat(property.get("type")).as(name).isNotNull();
			}
		}
		assertThat(names).contains("method-guard.enabled", "method-guard.unknown-method-status");
	}

	private static String read(URL url) throws IOException {
		try (InputStream in = url.openStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
		return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method, BodyPublishers.noBody())
			.header("Accept", "application/json")
			.build(), BodyHandlers.ofString());
	}

}
