package dev.methodguard.internal.servlet;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;

/**
 * Keeps a client's HTTP/1.1 connection trustworthy when method-guard answers a request whose
 * body no handler read (RFC 9112 §9.6): before the answer is written, a body of at most
 * {@code maxDrainBytes} is read and discarded, so that the connection can serve the next
 * request; a larger body, one the client waits to send ({@code Expect: 100-continue}) or one
 * that cannot be read gets {@code Connection: close} on the answer instead. Without this, a
 * container that cannot consume the body after a committed answer (Jetty, for a body that
 * arrives late or is large) closes the connection without having said so, and a client that
 * pools connections fails on its next request. The body is never passed on; HTTP/2 streams
 * are left to the container.
 */
public final class RequestBodyDrain {

	private static final String HTTP_1 = "HTTP/1.";

	private final long maxDrainBytes;

	/**
	 * Create the drain.
	 * @param maxDrainBytes the largest body read and discarded; 0 reads none
	 */
	public RequestBodyDrain(long maxDrainBytes) {
		if (maxDrainBytes < 0) {
			throw new IllegalArgumentException("maxDrainBytes must not be negative, not " + maxDrainBytes);
		}
		this.maxDrainBytes = maxDrainBytes;
	}

	/**
	 * Settle the request's unread body before an answer is written on the response.
	 * @param request the request, with a body or not
	 * @param response the response, not yet committed (a committed one is left alone)
	 */
	void beforeAnswer(HttpServletRequest request, HttpServletResponse response) {
		if (response.isCommitted() || !hasBody(request) || !request.getProtocol().startsWith(HTTP_1)) {
			return;
		}
		long declared = request.getContentLengthLong();
		boolean waitsForContinue = "100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT));
		if (waitsForContinue || declared > this.maxDrainBytes || !drained(request)) {
			response.setHeader(HttpHeaders.CONNECTION, "close");
		}
	}

	private static ServletRequest containers(ServletRequest request) {
		ServletRequest unwrapped = request;
		while (unwrapped instanceof ServletRequestWrapper wrapper) {
			unwrapped = wrapper.getRequest();
		}
		return unwrapped;
	}

	private static boolean hasBody(HttpServletRequest request) {
		return request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
	}

	/**
	 * Reads at most one byte more than the bound, from the container's own request under
	 * every wrapper (so that no filter's wrapper, such as a caching one, receives the body);
	 * true if the body ended within the bound.
	 */
	private boolean drained(HttpServletRequest request) {
		byte[] buffer = new byte[8192];
		long left = this.maxDrainBytes + 1;
		try {
			InputStream body = containers(request).getInputStream();
			while (left > 0) {
				int read = body.read(buffer, 0, (int) Math.min(buffer.length, left));
				if (read == -1) {
					return true;
				}
				left -= read;
			}
			return false;
		}
		catch (IOException | IllegalStateException ex) {
			return false;
		}
	}

}
