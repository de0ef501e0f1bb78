package dev.methodguard.internal.allow;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.methodguard.allow.AllowedMethods;
import dev.methodguard.allow.Route;
import dev.methodguard.allow.RouteKind;
import dev.methodguard.allow.RoutePattern;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index's trie and its raw-segment fast path must agree with Spring's own
 * {@link PathPattern#matches(PathContainer)} on every path: random route tables of
 * literal, {@code {var}}, {@code *}, {@code **} and {@code {*rest}} patterns, looked up with
 * random paths, compared with a linear scan of Spring's matcher.
 */
class MethodIndexDifferentialTests {

	private static final String[] PATTERN_SEGMENTS = { "a", "b", "c", "{v}", "{v}", "*", "a*", "{v:[0-9]+}", "" };

	private static final String[] PATH_SEGMENTS = { "a", "b", "c", "", "1", "42", "ab", "A", "a;m=1", "%61", "b%2Fc" };

	@Test
	void lookupAgreesWithSpringsMatcherOnRandomTables() {
		Random random = new Random(20261127);
		PathPatternParser parser = PathPatternParser.defaultInstance;
		for (int table = 0; table < 300; table++) {
			List<Route> routes = new ArrayList<>();
			List<PathPattern> patterns = new ArrayList<>();
			int size = 1 + random.nextInt(12);
			for (int i = 0; i < size; i++) {
				PathPattern pattern = parser.parse(randomPattern(random));
				patterns.add(pattern);
				routes.add(Route.of(new RoutePattern("", pattern), AllowedMethods.of("M" + i), RouteKind.ANNOTATED,
						pattern.getPatternString()));
			}
			MethodIndex index = MethodIndex.of(routes);
			for (int p = 0; p < 60; p++) {
				String path = randomPath(random);
				List<String> expected = new ArrayList<>();
				for (int i = 0; i < size; i++) {
					if (patterns.get(i).matches(PathContainer.parsePath(path))) {
						expected.add("M" + i);
					}
				}
				List<String> actual = index.lookup(path)
					.map((resolution) -> resolution.allowed().methods())
					.orElse(List.of())
					.stream()
					.filter((method) -> !method.equals("OPTIONS"))
					.toList();
				assertThat(actual).as("%s on %s", path, patterns).containsExactlyInAnyOrderElementsOf(expected);
			}
		}
	}

	private static String randomPattern(Random random) {
		StringBuilder pattern = new StringBuilder();
		int length = 1 + random.nextInt(4);
		for (int i = 0; i < length; i++) {
			String segment = PATTERN_SEGMENTS[random.nextInt(PATTERN_SEGMENTS.length)];
			if (segment.isEmpty() && i < length - 1) {
				segment = "a";
			}
			pattern.append('/').append(segment.replace("{v", "{v" + i));
		}
		if (random.nextInt(6) == 0) {
			pattern.append(random.nextBoolean() ? "/**" : "/{*rest}");
		}
		return pattern.toString();
	}

	private static String randomPath(Random random) {
		StringBuilder path = new StringBuilder();
		int length = random.nextInt(6);
		for (int i = 0; i < length; i++) {
			path.append('/').append(PATH_SEGMENTS[random.nextInt(PATH_SEGMENTS.length)]);
		}
		return path.isEmpty() ? "/" : path.toString();
	}

}
