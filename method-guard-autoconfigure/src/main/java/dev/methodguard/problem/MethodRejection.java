package dev.methodguard.problem;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.methodguard.allow.AllowedMethods;


/**
 * The decision to reject a request because of its method.
 *
 * @param status {@code 405} (the resource does not support the method), {@code 501} (no
 * handler of the application implements it) or {@code 404} (the path is concealed)
 * @param method the method token of the request, as sent
 * @param path the request path (context path included), as sent
 * @param allowed the methods the resource at the path supports, or {@code null} where no
 * route serves the path
 * @param patterns the route patterns that serve the path, possibly empty
 */
public record MethodRejection(int status, String method, String path, @Nullable AllowedMethods allowed,
		List<String> patterns) {

	/**
	 * The request attribute that holds the rejection of a request answered with the
	 * application's error page, for its own {@code ErrorController} or
	 * {@code ErrorViewResolver}.
	 */
	public static final String REQUEST_ATTRIBUTE = MethodRejection.class.getName() + ".REJECTION";

	/**
	 * The name under which the allowed methods are listed, in the order of the {@code Allow}
	 * header, wherever the answer has one (a 405): the member of the problem
	 * ({@code method-guard.problem.include-allowed-methods}) and the model attribute of the
	 * error page.
	 */
	public static final String ALLOWED_METHODS = "allowedMethods";

	/**
	 * Validate and copy the components.
	 */
	public MethodRejection {
		if (status != 404 && status != 405 && status != 501) {
			throw new IllegalArgumentException("A method rejection is a 404, 405 or 501, not " + status);
		}
		Objects.requireNonNull(method, "method");
		Objects.requireNonNull(path, "path");
		patterns = List.copyOf(patterns);
	}

	/**
	 * The pattern to report the rejection under: the first that serves the path.
	 * @return the pattern, or {@code null} where no route serves the path
	 */
	public @Nullable String pattern() {
		return this.patterns.isEmpty() ? null : this.patterns.get(0);
	}

}
