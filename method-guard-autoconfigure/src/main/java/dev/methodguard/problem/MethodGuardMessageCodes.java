package dev.methodguard.problem;

/**
 * The message codes of the titles and details of method-guard's problems, resolved through
 * the application's {@code MessageSource} (English defaults where it has none). The detail
 * arguments are {@code {0}} the method, {@code {1}} the path and {@code {2}} the allowed
 * methods, made safe to show.
 */
public final class MethodGuardMessageCodes {

	/** The title of a 405. */
	public static final String TITLE_405 = "problemDetail.title.dev.methodguard.MethodNotAllowed";

	/** The detail of a 405. */
	public static final String DETAIL_405 = "problemDetail.dev.methodguard.MethodNotAllowed";

	/** The title of a 501. */
	public static final String TITLE_501 = "problemDetail.title.dev.methodguard.MethodNotImplemented";

	/** The detail of a 501. */
	public static final String DETAIL_501 = "problemDetail.dev.methodguard.MethodNotImplemented";

	/** The title of the 404 of a concealed path. */
	public static final String TITLE_404 = "problemDetail.title.dev.methodguard.Concealed";

	/** The detail of the 404 of a concealed path. */
	public static final String DETAIL_404 = "problemDetail.dev.methodguard.Concealed";

	private MethodGuardMessageCodes() {
	}

}
