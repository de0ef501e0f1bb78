package dev.methodguard.internal.problem;

/**
 * Client input made safe to show: bounded in length, visible ASCII only, no markup
 * characters.
 */
public final class SafeText {

	/** The longest method shown. */
	public static final int MAX_METHOD_LENGTH = 32;

	/** The longest path shown. */
	public static final int MAX_PATH_LENGTH = 256;

	private SafeText() {
	}

	/**
	 * Reduce client input to at most {@code max} visible ASCII characters with no markup
	 * characters, each other character replaced by {@code ?}, marking a cut with
	 * {@code ...}.
	 * @param input what the client sent
	 * @param max the longest result, before the cut mark
	 * @return the safe text
	 */
	public static String of(String input, int max) {
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

	/**
	 * A method made safe to show.
	 * @param method the method token the client sent
	 * @return the safe text
	 */
	public static String method(String method) {
		return of(method, MAX_METHOD_LENGTH);
	}

	/**
	 * A path made safe to show.
	 * @param path the path the client sent
	 * @return the safe text
	 */
	public static String path(String path) {
		return of(path, MAX_PATH_LENGTH);
	}

}
