package dev.methodguard.test;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What the application answered to one request, whatever sent it.
 *
 * @param status the status code, or {@code -1} where the request failed with an exception
 * @param allow the {@code Allow} header values joined with {@code ", "}, or {@code null}
 * @param contentType the {@code Content-Type}, or {@code null}
 * @param body the body as text
 * @param failure the exception the request failed with, or {@code null}
 */
record Answer(int status, @Nullable String allow, @Nullable String contentType, String body,
		@Nullable String failure) {

	static Answer failed(Throwable ex) {
		return new Answer(-1, null, null, "", ex.getClass().getSimpleName() + ": " + ex.getMessage());
	}

	/**
	 * The methods of the {@code Allow} header, or {@code null} without one.
	 * @return the methods
	 */
	@Nullable Set<String> allowed() {
		return (this.allow != null) ? parse(this.allow) : null;
	}

	static Set<String> parse(String header) {
		Set<String> methods = new LinkedHashSet<>();
		for (String method : header.split(",")) {
			if (!method.isBlank()) {
				methods.add(method.trim());
			}
		}
		return methods;
	}

	boolean isProblem() {
		return this.contentType != null
				&& this.contentType.toLowerCase(Locale.ROOT).startsWith("application/problem+json");
	}

	String describe() {
		if (this.failure != null) {
			return this.failure;
		}
		StringBuilder text = new StringBuilder().append(this.status);
		text.append(", Allow: ").append((this.allow != null) ? this.allow : "(none)");
		return text.toString();
	}

}
