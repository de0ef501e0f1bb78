package dev.methodguard.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.methodguard.internal.allow.MethodIndex;

import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.FieldVisitor;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * method-guard's public API is exactly the types listed in {@code public-types.txt}: a type
 * outside the {@value #INTERNAL} packages that becomes public, or stops being, fails this
 * test until the list is changed on purpose (every public type is a promise once released),
 * and no public or protected member of the API names an internal type. Public types of the
 * internal packages carry no promise: they are public only because the auto-configuration
 * in another package creates them.
 */
class PublicTypesTests {

	private static final String INTERNAL = "dev.methodguard.internal";

	@Test
	void publicTypesOutsideTheInternalPackagesNestedOnesIncludedAreExactlyTheListedOnes() throws Exception {
		assertThat(publicTypes()).as("public types of method-guard-autoconfigure (nested ones included) outside "
				+ INTERNAL + ": make a new one package-private or internal, or add it to public-types.txt deliberately")
			.containsExactlyElementsOf(listed());
	}

	@Test
	void theApiNamesNoInternalType() throws Exception {
		Path classes = classes();
		List<String> leaks = new ArrayList<>();
		try (Stream<Path> files = Files.walk(classes)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".class")).toList()) {
				String name = typeName(classes, file);
				if (!name.startsWith(INTERNAL + ".")) {
					new ClassReader(Files.readAllBytes(file)).accept(new LeakFinder(name, leaks), ClassReader.SKIP_CODE);
				}
			}
		}
		assertThat(leaks).as("public or protected members of the API that name an internal type").isEmpty();
	}

	private static Path classes() throws URISyntaxException {
		return Path.of(MethodIndex.class.getProtectionDomain().getCodeSource().getLocation().toURI());
	}

	private static String typeName(Path classes, Path file) {
		String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
		return name.substring(0, name.length() - ".class".length());
	}

	/**
	 * Read from the class files (not loaded: some need optional dependencies absent here).
	 */
	private static Set<String> publicTypes() throws IOException, URISyntaxException {
		Path classes = classes();
		Set<String> types = new TreeSet<>();
		try (Stream<Path> files = Files.walk(classes)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".class")).toList()) {
				String name = typeName(classes, file);
				if (!name.startsWith(INTERNAL + ".") && !name.matches(".*\\$\\d.*")
						&& (new ClassReader(Files.readAllBytes(file)).getAccess() & Opcodes.ACC_PUBLIC) != 0) {
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

	/**
	 * Collects the public and protected fields and methods of a public type (nested types
	 * included) whose descriptor or generic signature names an internal type.
	 */
	private static final class LeakFinder extends ClassVisitor {

		private static final String INTERNAL_PATH = "L" + INTERNAL.replace('.', '/') + "/";

		private final String type;

		private final List<String> leaks;

		private boolean visible;

		LeakFinder(String type, List<String> leaks) {
			super(Opcodes.ASM9);
			this.type = type;
			this.leaks = leaks;
		}

		@Override
		public void visit(int version, int access, String name, String signature, String superName,
				String[] interfaces) {
			this.visible = (access & Opcodes.ACC_PUBLIC) != 0;
			check("extends", access, (superName != null) ? "L" + superName + ";" : "", signature);
			for (String implemented : interfaces) {
				check("implements", access, "L" + implemented + ";", null);
			}
		}

		@Override
		public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
			check(name, access, descriptor, signature);
			return null;
		}

		@Override
		public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
				String[] exceptions) {
			check(name, access, descriptor, signature);
			if (exceptions != null) {
				for (String exception : exceptions) {
					check(name + " throws", access, "L" + exception + ";", null);
				}
			}
			return null;
		}

		private void check(String member, int access, String descriptor, String signature) {
			boolean exposed = (access & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED)) != 0
					&& (access & Opcodes.ACC_SYNTHETIC) == 0;
			if (this.visible && exposed && (descriptor.contains(INTERNAL_PATH)
					|| (signature != null && signature.contains(INTERNAL_PATH)))) {
				this.leaks.add(this.type + "." + member + " " + ((signature != null) ? signature : descriptor));
			}
		}

	}

}
