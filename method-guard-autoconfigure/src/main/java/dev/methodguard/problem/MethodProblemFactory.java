package dev.methodguard.problem;

import java.net.URI;
import java.net.URISyntaxException;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

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
 * <li>{@value #TITLE_CODE_405} and {@value #DETAIL_CODE_405}</li>
 * <li>{@value #TITLE_CODE_501} and {@value #DETAIL_CODE_501}</li>
 * </ul>
 * The detail arguments are {@code {0}} the method, {@code {1}} the path and {@code {2}} the
 * allowed methods. Method and path are bounded in length and reduced to visible ASCII
 * without markup characters before they appear in the problem.
 */
public final class MethodProblemFactory {

	/** Message code of the title of a 405. */
	public static final String TITLE_CODE_405 = "problemDetail.title.dev.methodguard.MethodNotAllowed";

	/** Message code of the detail of a 405. */
	public static final String DETAIL_CODE_405 = "problemDetail.dev.methodguard.MethodNotAllowed";

	/** Message code of the title of a 501. */
	public static final String TITLE_CODE_501 = "problemDetail.title.dev.methodguard.MethodNotImplemented";

	/** Message code of the detail of a 501. */
	public static final String DETAIL_CODE_501 = "problemDetail.dev.methodguard.MethodNotImplemented";

	/** Name of the extension member that lists the allowed methods. */
	public static final String ALLOWED_METHODS_MEMBER = "allowedMethods";

	static final int MAX_METHOD_LENGTH = 32;

	static final int MAX_PATH_LENGTH = 256;

	private static final String DEFAULT_DETAIL_405 = "Method {0} is not supported for {1}. Supported methods: {2}.";

	private static final String DEFAULT_DETAIL_501 = "Method {0} is not implemented by this server.";

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
		boolean notAllowed = status == HttpStatus.METHOD_NOT_ALLOWED;
		String path = safe(rejection.path(), MAX_PATH_LENGTH);
		String allowed = (rejection.allowed() != null) ? rejection.allowed().toHeaderValue() : "";
		Object[] args = { safe(rejection.method(), MAX_METHOD_LENGTH), path, allowed };
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setType(this.type);
		problem.setTitle(message(notAllowed ? TITLE_CODE_405 : TITLE_CODE_501, null, status.getReasonPhrase(), locale));
		problem.setDetail(message(notAllowed ? DETAIL_CODE_405 : DETAIL_CODE_501, args,
				notAllowed ? DEFAULT_DETAIL_405 : DEFAULT_DETAIL_501, locale));
		problem.setInstance(instance(path));
		if (this.includeAllowedMethods && rejection.allowed() != null) {
			problem.setProperty(ALLOWED_METHODS_MEMBER, rejection.allowed().methods());
		}
		for (MethodGuardProblemCustomizer customizer : this.customizers) {
			customizer.customize(problem, rejection);
		}
		return problem;
	}

	private String message(String code, Object @Nullable [] args, String defaultMessage, Locale locale) {
		if (this.messageSource == null) {
			return (args != null) ? MessageFormat.format(defaultMessage, args) : defaultMessage;
		}
		String message = this.messageSource.getMessage(code, args, defaultMessage, locale);
		return (message != null) ? message : defaultMessage;
	}

	private static @Nullable URI instance(String path) {
		try {
			return path.startsWith("/") ? new URI(path) : null;
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	/**
	 * Reduce client input to at most {@code max} visible ASCII characters with no markup
	 * characters, marking a cut with {@code ...}.
	 * @param input what the client sent
	 * @param max the longest result
	 * @return the safe text
	 */
	static String safe(String input, int max) {
		int length = Math.min(input.length(), max);
		StringBuilder builder = new StringBuilder(length + 3);
		for (int i = 0; i < length; i++) {
			char c = input.charAt(i);
			boolean visible = c > 0x20 && c < 0x7f && c != '<' && c != '>' && c != '"' && c != '\'' && c != '&'
					&& c != '`' && c != '\\';
			builder.append(visible ? c : '?');
		}
		if (input.length() > max) {
			builder.append("...");
		}
		return builder.toString();
	}

}
