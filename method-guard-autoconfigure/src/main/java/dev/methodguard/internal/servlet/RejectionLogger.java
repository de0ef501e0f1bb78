package dev.methodguard.internal.servlet;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.methodguard.internal.problem.SafeText;
import dev.methodguard.problem.MethodRejection;
import dev.methodguard.problem.MethodRejectionListener;


/**
 * Logs one line per rejection at a chosen level: method, path (made safe and truncated),
 * pattern, status and {@code Allow}. Never the body or the headers of the request.
 */
public final class RejectionLogger implements MethodRejectionListener {

	private static final Log logger = LogFactory.getLog(RejectionLogger.class);

	/**
	 * The levels a rejection can be logged at.
	 */
	public enum Level {

		/** Log at TRACE. */
		TRACE,

		/** Log at DEBUG. */
		DEBUG,

		/** Log at INFO. */
		INFO,

		/** Log at WARN. */
		WARN,

		/** Log at ERROR. */
		ERROR,

		/** Log at FATAL. */
		FATAL,

		/** Do not log. */
		OFF

	}

	private final Level level;

	/**
	 * Create the logger.
	 * @param level the level to log rejections at
	 */
	public RejectionLogger(Level level) {
		this.level = level;
	}

	@Override
	public void onRejection(MethodRejection rejection) {
		if (!isEnabled()) {
			return;
		}
		String pattern = rejection.pattern();
		String message = "Rejected " + SafeText.method(rejection.method()) + " " + SafeText.path(rejection.path())
				+ " with " + rejection.status() + " (pattern " + ((pattern != null) ? pattern : "UNKNOWN")
				+ ", Allow: " + ((rejection.allowed() != null) ? rejection.allowed().toHeaderValue() : "-") + ")";
		switch (this.level) {
			case TRACE -> logger.trace(message);
			case DEBUG -> logger.debug(message);
			case INFO -> logger.info(message);
			case WARN -> logger.warn(message);
			case ERROR -> logger.error(message);
			case FATAL -> logger.fatal(message);
			default -> {
			}
		}
	}

	private boolean isEnabled() {
		return switch (this.level) {
			case TRACE -> logger.isTraceEnabled();
			case DEBUG -> logger.isDebugEnabled();
			case INFO -> logger.isInfoEnabled();
			case WARN -> logger.isWarnEnabled();
			case ERROR -> logger.isErrorEnabled();
			case FATAL -> logger.isFatalEnabled();
			case OFF -> false;
		};
	}

}
