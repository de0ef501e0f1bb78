package dev.methodguard.internal.problem;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.methodguard.problem.MethodGuardMessageCodes;
import dev.methodguard.problem.MethodGuardProblemCustomizer;
import dev.methodguard.problem.MethodRejection;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Builds the RFC 9457 problem for a {@link MethodRejection}: the one place that decides its
 * {@code type}, {@code title}, {@code detail}, {@code instance} and extension members.
 * <p>
 * Title and detail are resolved through the application's {@link MessageSource} with the
 * codes below (English defaults), so an application can translate them:
 * <ul>
 * <li>{@value MethodGuardMessageCodes#TITLE_405} and {@value MethodGuardMessageCodes#DETAIL_405}</li>
 * <li>{@value MethodGuardMessageCodes#TITLE_501} and {@value MethodGuardMessageCodes#DETAIL_501}</li>
 * <li>{@value MethodGuardMessageCodes#TITLE_404} and {@value MethodGuardMessageCodes#DETAIL_404} (a concealed path)</li>
 * </ul>
 * The detail arguments are {@code {0}} the method, {@code {1}} the path and {@code {2}} the
 * allowed methods. Method and path are made {@link SafeText safe} before they appear in the
 * problem.
 */
public final class MethodProblemFactory {

	private static final String DEFAULT_DETAIL_405 = "Method {0} is not supported for {1}. Supported methods: {2}.";

	private static final String DEFAULT_DETAIL_501 = "Method {0} is not implemented by this server.";

	private static final String DEFAULT_DETAIL_404 = "No resource found at {1}.";

	private final URI type;

	private final @Nullable MessageSource messageSource;

	private final boolean includeAllowedMethods;

	private final List<MethodGuardProblemCustomizer> customizers;

	/**
	 * Create a factory.
	 * @param type the {@code type} of every problem
	 * @param messageSource the source of titles and details, or {@code null} for the English
	 * defaults
	 * @param includeAllowedMethods whether a 405 lists its allowed methods in the body
	 * @param customizers the customizers to apply, in order
	 */
	public MethodProblemFactory(URI type, @Nullable MessageSource messageSource, boolean includeAllowedMethods,
			List<MethodGuardProblemCustomizer> customizers) {
		this.type = Objects.requireNonNull(type, "type");
		this.messageSource = messageSource;
		this.includeAllowedMethods = includeAllowedMethods;
		this.customizers = List.copyOf(customizers);
	}

	/**
	 * The problem for a rejection.
	 * @param rejection the decision
	 * @param locale the locale of the request
	 * @return a new problem
	 */
	public ProblemDetail create(MethodRejection rejection, Locale locale) {
		HttpStatus status = HttpStatus.valueOf(rejection.status());
		String path = SafeText.path(rejection.path());
		String allowed = (rejection.allowed() != null) ? rejection.allowed().toHeaderValue() : "";
		Object[] args = { SafeText.method(rejection.method()), path, allowed };
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setType(this.type);
		problem.setTitle(message(titleCode(status), null, status.getReasonPhrase(), locale));
		problem.setDetail(message(detailCode(status), args, defaultDetail(status), locale));
		problem.setInstance(instance(path));
		if (this.includeAllowedMethods && rejection.allowed() != null) {
			problem.setProperty(MethodRejection.ALLOWED_METHODS, rejection.allowed().methods());
		}
		for (MethodGuardProblemCustomizer customizer : this.customizers) {
			customizer.customize(problem, rejection);
		}
		return problem;
	}

	private static String titleCode(HttpStatus status) {
		return switch (status) {
			case METHOD_NOT_ALLOWED -> MethodGuardMessageCodes.TITLE_405;
			case NOT_IMPLEMENTED -> MethodGuardMessageCodes.TITLE_501;
			default -> MethodGuardMessageCodes.TITLE_404;
		};
	}

	private static String detailCode(HttpStatus status) {
		return switch (status) {
			case METHOD_NOT_ALLOWED -> MethodGuardMessageCodes.DETAIL_405;
			case NOT_IMPLEMENTED -> MethodGuardMessageCodes.DETAIL_501;
			default -> MethodGuardMessageCodes.DETAIL_404;
		};
	}

	private static String defaultDetail(HttpStatus status) {
		return switch (status) {
			case METHOD_NOT_ALLOWED -> DEFAULT_DETAIL_405;
			case NOT_IMPLEMENTED -> DEFAULT_DETAIL_501;
			default -> DEFAULT_DETAIL_404;
		};
	}

	private String message(String code, Object @Nullable [] args, String defaultMessage, Locale locale) {
		String message = (this.messageSource != null) ? this.messageSource.getMessage(code, args, null, locale) : null;
		return (message != null) ? message : substitute(defaultMessage, args);
	}

	/**
	 * The default text with its {@code {n}} placeholders replaced, without building a
	 * {@code MessageFormat} on every rejection (the defaults have no other syntax).
	 */
	private static String substitute(String text, Object @Nullable [] args) {
		if (args == null) {
			return text;
		}
		String result = text;
		for (int i = 0; i < args.length; i++) {
			result = result.replace("{" + i + "}", String.valueOf(args[i]));
		}
		return result;
	}

	private static @Nullable URI instance(String path) {
		try {
			return path.startsWith("/") ? new URI(path) : null;
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

}
