package dev.methodguard.internal.servlet;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;

/**
 * A response that takes a {@code sendError(405)} or {@code sendError(501)} out of the
 * container's hands and gives it to an {@link Answer} at once, on the thread that sends it:
 * the {@link MethodGuardFilter} writes the problem, or sends the error on to the container
 * with the servlet's message. Answering at the call, not after the filter chain returns,
 * is what makes an asynchronous servlet work: it sends its error after {@code startAsync()},
 * from another thread, once the filter has long returned, and the container finishes the
 * response when the servlet calls {@code complete()}.
 * <p>
 * From the captured error on, the response behaves as a committed one: it says it is
 * committed; status, header, cookie, content type and trailer changes are ignored; what
 * the servlet writes is discarded, through a writer or stream it took before the error as
 * well as after; {@code sendError}, {@code sendRedirect}, {@code reset},
 * {@code resetBuffer} and {@code setBufferSize} throw {@link IllegalStateException}.
 * Every other call goes through.
 */
final class ErrorCapturingResponse extends HttpServletResponseWrapper {

	private final Answer answer;

	private volatile boolean captured;

	private @Nullable GuardedOutputStream outputStream;

	private @Nullable PrintWriter writer;

	/**
	 * Wrap a response.
	 * @param response the container's response
	 * @param answer what answers a captured error
	 */
	ErrorCapturingResponse(HttpServletResponse response, Answer answer) {
		super(response);
		this.answer = answer;
	}

	@Override
	public void sendError(int status) throws IOException {
		if (!capture(status, null)) {
			super.sendError(status);
		}
	}

	@Override
	public void sendError(int status, String message) throws IOException {
		if (!capture(status, message)) {
			super.sendError(status, message);
		}
	}

	private boolean capture(int status, @Nullable String message) throws IOException {
		requireNotCaptured("sendError");
		if ((status != SC_METHOD_NOT_ALLOWED && status != SC_NOT_IMPLEMENTED) || super.isCommitted()) {
			return false;
		}
		this.captured = true;
		this.answer.answer(status, message);
		return true;
	}

	/**
	 * Whether an error was captured and answered.
	 * @return {@code true} once the {@link Answer} was called
	 */
	boolean isCaptured() {
		return this.captured;
	}

	@Override
	public boolean isCommitted() {
		return this.captured || super.isCommitted();
	}

	@Override
	public ServletOutputStream getOutputStream() throws IOException {
		if (this.outputStream == null) {
			this.outputStream = new GuardedOutputStream(this.captured ? null : super.getOutputStream());
		}
		return this.outputStream;
	}

	@Override
	public PrintWriter getWriter() throws IOException {
		if (this.writer == null) {
			PrintWriter target = this.captured ? new PrintWriter(Writer.nullWriter()) : super.getWriter();
			this.writer = new PrintWriter(new GuardedWriter(target));
		}
		return this.writer;
	}

	@Override
	public void flushBuffer() throws IOException {
		if (!this.captured) {
			super.flushBuffer();
		}
	}

	@Override
	public void sendRedirect(String location) throws IOException {
		requireNotCaptured("sendRedirect");
		super.sendRedirect(location);
	}

	@Override
	public void sendRedirect(String location, int status) throws IOException {
		requireNotCaptured("sendRedirect");
		super.sendRedirect(location, status);
	}

	@Override
	public void sendRedirect(String location, boolean clearBuffer) throws IOException {
		requireNotCaptured("sendRedirect");
		super.sendRedirect(location, clearBuffer);
	}

	@Override
	public void sendRedirect(String location, int status, boolean clearBuffer) throws IOException {
		requireNotCaptured("sendRedirect");
		super.sendRedirect(location, status, clearBuffer);
	}

	@Override
	public void reset() {
		requireNotCaptured("reset");
		super.reset();
	}

	@Override
	public void resetBuffer() {
		requireNotCaptured("resetBuffer");
		super.resetBuffer();
	}

	@Override
	public void setBufferSize(int size) {
		requireNotCaptured("setBufferSize");
		super.setBufferSize(size);
	}

	@Override
	public void setStatus(int status) {
		if (!this.captured) {
			super.setStatus(status);
		}
	}

	@Override
	public void setHeader(String name, String value) {
		if (!this.captured) {
			super.setHeader(name, value);
		}
	}

	@Override
	public void addHeader(String name, String value) {
		if (!this.captured) {
			super.addHeader(name, value);
		}
	}

	@Override
	public void setIntHeader(String name, int value) {
		if (!this.captured) {
			super.setIntHeader(name, value);
		}
	}

	@Override
	public void addIntHeader(String name, int value) {
		if (!this.captured) {
			super.addIntHeader(name, value);
		}
	}

	@Override
	public void setDateHeader(String name, long date) {
		if (!this.captured) {
			super.setDateHeader(name, date);
		}
	}

	@Override
	public void addDateHeader(String name, long date) {
		if (!this.captured) {
			super.addDateHeader(name, date);
		}
	}

	@Override
	public void addCookie(Cookie cookie) {
		if (!this.captured) {
			super.addCookie(cookie);
		}
	}

	@Override
	public void setTrailerFields(Supplier<Map<String, String>> supplier) {
		if (!this.captured) {
			super.setTrailerFields(supplier);
		}
	}

	@Override
	public void setContentType(String type) {
		if (!this.captured) {
			super.setContentType(type);
		}
	}

	@Override
	public void setContentLength(int length) {
		if (!this.captured) {
			super.setContentLength(length);
		}
	}

	@Override
	public void setContentLengthLong(long length) {
		if (!this.captured) {
			super.setContentLengthLong(length);
		}
	}

	@Override
	public void setCharacterEncoding(String encoding) {
		if (!this.captured) {
			super.setCharacterEncoding(encoding);
		}
	}

	@Override
	public void setCharacterEncoding(Charset encoding) {
		if (!this.captured) {
			super.setCharacterEncoding(encoding);
		}
	}

	@Override
	public void setLocale(Locale locale) {
		if (!this.captured) {
			super.setLocale(locale);
		}
	}

	private void requireNotCaptured(String call) {
		if (this.captured) {
			throw new IllegalStateException("Cannot call " + call + "() after the response has been committed");
		}
	}

	/** Answers a captured {@code sendError} on the response the servlet cannot reach. */
	@FunctionalInterface
	interface Answer {

		/**
		 * Answer the error, on the thread that sent it.
		 * @param status 405 or 501
		 * @param message the message the servlet sent with it, or {@code null}
		 * @throws IOException on a write failure
		 */
		void answer(int status, @Nullable String message) throws IOException;

	}

	/**
	 * The servlet's output stream: writes through until an error is captured, discards
	 * after. A stream taken after the error has no target: it is always ready, and calls a
	 * write listener at once.
	 */
	private final class GuardedOutputStream extends ServletOutputStream {

		private final @Nullable ServletOutputStream target;

		GuardedOutputStream(@Nullable ServletOutputStream target) {
			this.target = target;
		}

		private @Nullable ServletOutputStream open() {
			return ErrorCapturingResponse.this.captured ? null : this.target;
		}

		@Override
		public void write(int b) throws IOException {
			ServletOutputStream open = open();
			if (open != null) {
				open.write(b);
			}
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			ServletOutputStream open = open();
			if (open != null) {
				open.write(bytes, offset, length);
			}
		}

		@Override
		public void write(ByteBuffer buffer) throws IOException {
			ServletOutputStream open = open();
			if (open != null) {
				open.write(buffer);
			}
			else {
				buffer.position(buffer.limit());
			}
		}

		@Override
		public void flush() throws IOException {
			ServletOutputStream open = open();
			if (open != null) {
				open.flush();
			}
		}

		@Override
		public void close() throws IOException {
			ServletOutputStream open = open();
			if (open != null) {
				open.close();
			}
		}

		@Override
		public boolean isReady() {
			ServletOutputStream open = open();
			return open == null || open.isReady();
		}

		@Override
		public void setWriteListener(WriteListener listener) {
			if (this.target != null) {
				this.target.setWriteListener(listener);
				return;
			}
			try {
				listener.onWritePossible();
			}
			catch (IOException ex) {
				listener.onError(ex);
			}
		}

	}

	/**
	 * What the servlet's writer writes to: the container's writer until an error is
	 * captured, nothing after. The servlet gets a plain {@link PrintWriter} around it, as
	 * {@code PrintWriter.println} writes its line separator straight to its target; this
	 * one is a {@code PrintWriter} itself so that the servlet's {@code checkError()} still
	 * reports the container writer's errors.
	 */
	private final class GuardedWriter extends PrintWriter {

		private final PrintWriter target;

		GuardedWriter(PrintWriter target) {
			super(target);
			this.target = target;
		}

		private boolean discards() {
			return ErrorCapturingResponse.this.captured;
		}

		@Override
		public void write(int c) {
			if (!discards()) {
				this.target.write(c);
			}
		}

		@Override
		public void write(char[] chars, int offset, int length) {
			if (!discards()) {
				this.target.write(chars, offset, length);
			}
		}

		@Override
		public void write(String text, int offset, int length) {
			if (!discards()) {
				this.target.write(text, offset, length);
			}
		}

		@Override
		public void flush() {
			if (!discards()) {
				this.target.flush();
			}
		}

		@Override
		public void close() {
			if (!discards()) {
				this.target.close();
			}
		}

		@Override
		public boolean checkError() {
			return !discards() && this.target.checkError();
		}

	}

}
