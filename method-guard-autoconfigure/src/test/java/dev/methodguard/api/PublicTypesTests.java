package dev.methodguard.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.methodguard.internal.allow.MethodIndex;

import org.springframework.asm.ClassReader;
import org.springframework.asm.Opcodes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public types of method-guard's main code are exactly those listed in
 * {@code public-types.txt}: a type that becomes public, or stops being, fails this test
 * until the list is changed on purpose (every public type is a promise once released).
 */
class PublicTypesTests {

	@Test
	void publicTypesAreExactlyTheListedOnes() throws Exception {
		assertThat(publicTopLevelTypes()).as("public top-level types of method-guard-autoconfigure: make a new one "
				+ "package-private, or add it to public-types.txt deliberately")
			.containsExactlyElementsOf(listed());
	}

	/**
	 * Read from the class files (not loaded: some need optional dependencies absent here).
	 */
	private static Set<String> publicTopLevelTypes() throws IOException, URISyntaxException {
		Path classes = Path.of(MethodIndex.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		Set<String> types = new TreeSet<>();
		try (Stream<Path> files = Files.walk(classes)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".class")).toList()) {
				String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
				name = name.substring(0, name.length() - ".class".length());
				if (!name.contains("$") && (new ClassReader(Files.readAllBytes(file)).getAccess() & Opcodes.ACC_PUBLIC) != 0) {
					types.add(name);
				}
			}
		}
		return types;
	}

	private static List<String> listed() throws IOException {
		try (InputStream input = PublicTypesTests.class.getResourceAsStream("/public-types.txt")) {
			assertThat(input).as("public-types.txt").isNotNull();
			return new String(input.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(String::strip)
				.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.sorted()
				.toList();
		}
	}

}
