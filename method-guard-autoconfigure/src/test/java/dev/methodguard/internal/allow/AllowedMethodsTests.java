package dev.methodguard.internal.allow;

import org.junit.jupiter.api.Test;

import dev.methodguard.allow.AllowedMethods;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Normalization, order and rendering of {@link AllowedMethods}.
 */
class AllowedMethodsTests {

	@Test
	void ordersCanonicallyThenAlphabetically() {
		assertThat(AllowedMethods
			.of("PROPFIND", "DELETE", "OPTIONS", "PATCH", "PUT", "QUERY", "POST", "GET", "MKCOL", "TRACE")
			.toHeaderValue()).isEqualTo("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, QUERY, MKCOL, PROPFIND, TRACE");
	}

	@Test
	void getImpliesHead() {
		assertThat(AllowedMethods.of("GET").methods()).containsExactly("GET", "HEAD");
		assertThat(AllowedMethods.of("POST").methods()).containsExactly("POST");
	}

	@Test
	void queryDoesNotImplyHead() {
		assertThat(AllowedMethods.of("QUERY").withOptions().toHeaderValue()).isEqualTo("OPTIONS, QUERY");
	}

	@Test
	void methodsAreCaseSensitive() {
		AllowedMethods methods = AllowedMethods.of("GET");
		assertThat(methods.contains("GET")).isTrue();
		assertThat(methods.contains("get")).isFalse();
	}

	@Test
	void unionKeepsEveryMethodOnce() {
		AllowedMethods union = AllowedMethods.of("GET").union(AllowedMethods.of("POST", "GET")).withOptions();
		assertThat(union.toHeaderValue()).isEqualTo("GET, HEAD, POST, OPTIONS");
		assertThat(union).isEqualTo(AllowedMethods.of("OPTIONS", "POST", "GET"));
	}

	@Test
	void anyMethodTakesEverythingButTraceAndRendersTheStandardMethods() {
		AllowedMethods any = AllowedMethods.any();
		assertThat(any.contains("FOO")).isTrue();
		assertThat(any.contains("DELETE")).isTrue();
		assertThat(any.contains("QUERY")).isTrue();
		assertThat(any.contains("TRACE")).isFalse();
		assertThat(any.toHeaderValue()).isEqualTo("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, QUERY");
	}

	@Test
	void anyMethodWithAnExplicitTraceTakesTrace() {
		AllowedMethods methods = AllowedMethods.any().union(AllowedMethods.of("TRACE"));
		assertThat(methods.contains("TRACE")).isTrue();
		assertThat(methods.isAny()).isTrue();
		assertThat(methods.toHeaderValue()).isEqualTo("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, QUERY, TRACE");
	}

	@Test
	void emptySetRendersNothing() {
		assertThat(AllowedMethods.none().isEmpty()).isTrue();
		assertThat(AllowedMethods.of().toHeaderValue()).isEmpty();
	}

	@Test
	void standardMethodsAreKnown() {
		assertThat(AllowedMethods.isStandard("PATCH")).isTrue();
		assertThat(AllowedMethods.isStandard("CONNECT")).isTrue();
		assertThat(AllowedMethods.isStandard("QUERY")).isTrue();
		assertThat(AllowedMethods.isStandard("get")).isFalse();
		assertThat(AllowedMethods.isStandard("PROPFIND")).isFalse();
	}

}
