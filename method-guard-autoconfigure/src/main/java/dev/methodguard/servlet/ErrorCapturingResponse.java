package dev.methodguard.servlet;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * A response that holds back a {@code sendError(405)} or {@code sendError(501)}, so that the
 * {@link MethodGuardFilter} can answer it with the problem instead of the container's error
 * page dispatch. Every other call goes through.
 */
final class ErrorCapturingResponse extends HttpServletResponseWrapper {

	private int capturedStatus;

	ErrorCapturingResponse(HttpServletResponse response) {
		super(response);
	}

	@Override
	public void sendError(int status) throws IOException {
		if (!capture(status)) {
			super.sendError(status);
		}
	}

	@Override
	public void sendError(int status, String message) throws IOException {
		if (!capture(status)) {
			super.sendError(status, message);
		}
	}

	@Override
	public boolean isCommitted() {
		return this.capturedStatus != 0 || super.isCommitted();
	}

	private boolean capture(int status) {
		if ((status == SC_METHOD_NOT_ALLOWED || status == SC_NOT_IMPLEMENTED) && !super.isCommitted()) {
			this.capturedStatus = status;
			return true;
		}
		return false;
	}

	/**
	 * The status held back.
	 * @return 405, 501, or 0 if none was
	 */
	int capturedStatus() {
		return this.capturedStatus;
	}

}
