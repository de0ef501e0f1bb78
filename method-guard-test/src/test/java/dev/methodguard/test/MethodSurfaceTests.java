package dev.methodguard.test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

import dev.methodguard.test.good.GoodApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The method surface as a reviewed file: written when missing, matched, every difference
 * named when the application changed, rewritten on demand.
 */
@SpringBootTest(classes = GoodApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "management.endpoints.web.exposure.include=health,methods")
@AutoConfigureMockMvc
class MethodSurfaceTests {

	private static final String ITEM = "/items/{id} | GET, HEAD, PUT, DELETE, OPTIONS | annotated";

	private static final String HELLO = "/fn/hello/{name} | GET, HEAD, OPTIONS | functional";

	@Autowired
	private ApplicationContext context;

	@TempDir
	private Path directory;

	private MethodSurface surface(boolean update) {
		return new MethodSurface(ServedRoutes.of(this.context), update).exclude("/actuator/**");
	}

	@Test
	void matchesTheReviewedFileOfTheModule() {
		MethodSurface.of(this.context).exclude("/actuator/**").matchesSnapshot("method-surface-good.txt");
	}

	@Test
	void writesAMissingFileOneLinePerRouteSortedAndThenMatchesIt() throws Exception {
		Path file = this.directory.resolve("nested/method-surface.txt");
		surface(false).matchesSnapshot(file);
		String text = Files.readString(file, StandardCharsets.UTF_8);
		assertThat(text).startsWith("# ").contains("\n" + ITEM + "\n").contains("\n" + HELLO + "\n")
			.doesNotContain("/actuator");
		assertThat(List.copyOf(MethodSurface.parse(text).keySet())).isSorted();
		surface(false).matchesSnapshot(file);
		assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(text);
	}

	@Test
	void namesEveryDifferenceWithBothTexts() throws Exception {
		String current = surface(false).render();
		String reviewed = current.replace(ITEM, "/items/{id} | GET, HEAD, PUT, PATCH, OPTIONS | annotated")
			.replace(HELLO + "\n", "")
			.replace("/items | GET, HEAD, POST, OPTIONS | annotated",
					"/items | GET, HEAD, POST, OPTIONS | functional")
			+ "/zz/gone | GET, HEAD, OPTIONS | annotated\n";
		Path file = this.directory.resolve("method-surface.txt");
		Files.writeString(file, reviewed, StandardCharsets.UTF_8);
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(() -> surface(false).matchesSnapshot(file))
			.satisfies((failure) -> {
				assertThat(failure.getMessage()).startsWith("The method surface differs from " + file + ":\n")
					.contains("\n  /items: sources changed: functional -> annotated\n")
					.contains("\n  /items/{id}: method removed: PATCH\n")
					.contains("\n  /items/{id}: method added: DELETE\n")
					.contains("\n  route removed: /zz/gone | GET, HEAD, OPTIONS | annotated\n")
					.contains("\n  route added: " + HELLO + "\n")
					.endsWith("=true) and commit it.");
				assertThat(failure.getExpected().getStringRepresentation()).isEqualTo(reviewed);
				assertThat(failure.getActual().getStringRepresentation()).isEqualTo(current);
			});
		assertThat(Files.readString(file, StandardCharsets.UTF_8)).as("a failed match leaves the file alone")
			.isEqualTo(reviewed);
	}

	@Test
	void ignoresCommentsBlankLinesAndSpacing() throws Exception {
		String spaced = surface(false).render().replace(" | ", "  |  ").replace("\n/", "\n\n# note\n/");
		Path file = this.directory.resolve("method-surface.txt");
		Files.writeString(file, spaced, StandardCharsets.UTF_8);
		surface(false).matchesSnapshot(file);
	}

	@Test
	void rewritesTheFileWhenUpdating() throws Exception {
		Path file = this.directory.resolve("method-surface.txt");
		Files.writeString(file, "/zz/gone | GET | annotated\n", StandardCharsets.UTF_8);
		surface(true).matchesSnapshot(file);
		assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(surface(false).render());
	}

}
