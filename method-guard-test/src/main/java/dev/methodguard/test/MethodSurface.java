package dev.methodguard.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opentest4j.AssertionFailedError;

import dev.methodguard.actuate.MethodsEndpoint.RouteDescriptor;

import org.springframework.context.ApplicationContext;
import org.springframework.util.AntPathMatcher;

/**
 * The method surface of an application (every route pattern, its methods and the kinds of
 * handler behind it) kept as a reviewed text file, one line per route in a stable order:
 * <pre class="code">
 * /api/products/{id} | GET, HEAD, PUT, PATCH, DELETE, OPTIONS | annotated
 * /api/loans/{id} [version 1.1+] | GET, HEAD, PUT, OPTIONS | annotated
 * </pre>
 * (a pattern whose routes have API version conditions has one line per condition).
 * {@link #matchesSnapshot(String)} fails when the running application differs from the
 * file, naming each difference (route added or removed, method added or removed, sources
 * changed). With the system property {@value #UPDATE_PROPERTY}{@code =true} or the
 * environment variable {@value #UPDATE_VARIABLE}{@code =true} it rewrites the file instead;
 * a file that does not exist yet is written, and the check passes. A change of the surface
 * then shows in review as a one-line diff.
 */
public final class MethodSurface {

	/** The system property that rewrites the snapshot file instead of comparing. */
	public static final String UPDATE_PROPERTY = "method-guard.snapshot.update";

	/** The environment variable that rewrites the snapshot file instead of comparing. */
	public static final String UPDATE_VARIABLE = "METHOD_GUARD_SNAPSHOT_UPDATE";

	private static final String SEPARATOR = " | ";

	private static final String HEADER = "# The method surface of the application: route pattern | methods | sources."
			+ "\n" + "# Checked by method-guard-test; rewrite it with -D" + UPDATE_PROPERTY
			+ "=true and review the diff." + "\n";

	private static final AntPathMatcher MATCHER = new AntPathMatcher();

	private final ServedRoutes routes;

	private final boolean update;

	private final List<String> excludes = new ArrayList<>();

	MethodSurface(ServedRoutes routes, boolean update) {
		this.routes = routes;
		this.update = update;
	}

	/**
	 * The method surface of the application in this context.
	 * @param context the application context, with method-guard's {@code methods} endpoint
	 * bean
	 * @return the surface
	 * @throws IllegalStateException where the context has no {@code methods} endpoint bean
	 */
	public static MethodSurface of(ApplicationContext context) {
		boolean update = Boolean.parseBoolean(System.getProperty(UPDATE_PROPERTY))
				|| Boolean.parseBoolean(System.getenv(UPDATE_VARIABLE));
		return new MethodSurface(ServedRoutes.of(context), update);
	}

	/**
	 * Leave routes out of the file, such as {@code /actuator/**}.
	 * @param patterns Ant-style patterns matched against the route patterns
	 * @return this surface
	 */
	public MethodSurface exclude(String... patterns) {
		this.excludes.addAll(Arrays.asList(patterns));
		return this;
	}

	/**
	 * The surface as the snapshot file holds it.
	 * @return the text, one line per route, sorted by pattern
	 */
	public String render() {
		StringBuilder text = new StringBuilder(HEADER);
		current().forEach((pattern, line) -> text.append(line).append("\n"));
		return text.toString();
	}

	/**
	 * Compare the surface with a file under {@code src/test/resources} of the module being
	 * tested (the working directory of the test run), or write it.
	 * @param name the file name within {@code src/test/resources}, such as
	 * {@code method-surface.txt}
	 * @throws AssertionFailedError naming each difference, with the file's and the
	 * application's texts as expected and actual values
	 */
	public void matchesSnapshot(String name) {
		matchesSnapshot(Path.of("src", "test", "resources").resolve(name));
	}

	/**
	 * Compare the surface with a file, or write it.
	 * @param file the snapshot file
	 * @throws AssertionFailedError naming each difference, with the file's and the
	 * application's texts as expected and actual values
	 */
	public void matchesSnapshot(Path file) {
		String actual = render();
		if (this.update || !Files.exists(file)) {
			write(file, actual);
			return;
		}
		String expected = read(file);
		List<String> differences = differences(parse(expected), current());
		if (!differences.isEmpty()) {
			StringBuilder message = new StringBuilder("The method surface differs from ").append(file)
				.append(':')
				.append("\n");
			differences.forEach((difference) -> message.append("  ").append(difference).append("\n"));
			message.append("If the change is intended, rewrite the file with -D")
				.append(UPDATE_PROPERTY)
				.append("=true (or ")
				.append(UPDATE_VARIABLE)
				.append("=true) and commit it.");
			throw new AssertionFailedError(message.toString(), expected, actual);
		}
	}

	private Map<String, String> current() {
		Map<String, String> lines = new LinkedHashMap<>();
		for (RouteDescriptor route : this.routes.routes()) {
			String pattern = route.pattern();
			if (this.excludes.stream().noneMatch((exclude) -> exclude.equals(pattern) || MATCHER.match(exclude, pattern))) {
				String key = (route.versions() != null) ? pattern + " [version " + route.versions() + "]" : pattern;
				lines.put(key, key + SEPARATOR + String.join(", ", route.methods()) + SEPARATOR
						+ String.join(", ", route.sources()));
			}
		}
		return lines;
	}

	static Map<String, String> parse(String text) {
		Map<String, String> lines = new LinkedHashMap<>();
		for (String line : text.split("\\R")) {
			String trimmed = line.strip();
			if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
				String[] cells = cells(trimmed);
				List<String> normalized = new ArrayList<>();
				for (int i = 0; i < cells.length; i++) {
					normalized.add((i == 0) ? cells[0] : String.join(", ", list(cells, i)));
				}
				lines.put(cells[0], String.join(SEPARATOR, normalized));
			}
		}
		return lines;
	}

	static List<String> differences(Map<String, String> expected, Map<String, String> actual) {
		List<String> differences = new ArrayList<>();
		expected.forEach((pattern, line) -> {
			String now = actual.get(pattern);
			if (now == null) {
				differences.add("route removed: " + line);
			}
			else if (!now.equals(line)) {
				differences.addAll(changes(pattern, cells(line), cells(now)));
			}
		});
		actual.forEach((pattern, line) -> {
			if (!expected.containsKey(pattern)) {
				differences.add("route added: " + line);
			}
		});
		return differences;
	}

	private static List<String> changes(String pattern, String[] before, String[] after) {
		List<String> changes = new ArrayList<>();
		List<String> oldMethods = list(before, 1);
		List<String> newMethods = list(after, 1);
		for (String method : oldMethods) {
			if (!newMethods.contains(method)) {
				changes.add(pattern + ": method removed: " + method);
			}
		}
		for (String method : newMethods) {
			if (!oldMethods.contains(method)) {
				changes.add(pattern + ": method added: " + method);
			}
		}
		if (!list(before, 2).equals(list(after, 2))) {
			changes.add(pattern + ": sources changed: " + String.join(", ", list(before, 2)) + " -> "
					+ String.join(", ", list(after, 2)));
		}
		if (changes.isEmpty()) {
			changes.add(pattern + ": line changed: " + String.join(SEPARATOR, before) + " -> "
					+ String.join(SEPARATOR, after));
		}
		return changes;
	}

	private static String[] cells(String line) {
		String[] cells = line.split("\\s*\\|\\s*", -1);
		for (int i = 0; i < cells.length; i++) {
			cells[i] = cells[i].strip();
		}
		return cells;
	}

	private static List<String> list(String[] cells, int index) {
		if (cells.length <= index || cells[index].isEmpty()) {
			return List.of();
		}
		return Arrays.stream(cells[index].split(",")).map(String::strip).toList();
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the method surface snapshot " + file, ex);
		}
	}

	private static void write(Path file, String text) {
		try {
			Path parent = file.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			Files.writeString(file, text, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the method surface snapshot " + file, ex);
		}
	}

}
