package dev.methodguard.internal.servlet;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * What {@link ErrorCapturingResponse} does with a servlet's calls: a 405 or 501 goes to the
 * answer at once, with its message; from then on the response acts as a committed one.
 */
class ErrorCapturingResponseTests {

	private final MockHttpServletResponse container = new MockHttpServletResponse();

	private final List<String> answers = new ArrayList<>();

	private final ErrorCapturingResponse response = new ErrorCapturingResponse(this.container,
			(status, message) -> this.answers.add(status + " " + message));

	@Test
	void a405GoesToTheAnswerAtOnceWithItsMessageAndNotToTheContainer() throws IOException {
		this.response.sendError(405, "not here");
		assertThat(this.answers).containsExactly("405 not here");
		assertThat(this.container.getStatus()).isEqualTo(200);
		assertThat(this.container.getErrorMessage()).isNull();
		assertThat(this.response.isCaptured()).isTrue();
		assertThat(this.response.isCommitted()).isTrue();
	}

	@Test
	void a501WithoutMessageGoesToTheAnswerWithoutOne() throws IOException {
		this.response.sendError(501);
		assertThat(this.answers).containsExactly("501 null");
	}

	@Test
	void otherErrorsGoToTheContainer() throws IOException {
		this.response.sendError(404, "gone");
		assertThat(this.answers).isEmpty();
		assertThat(this.container.getStatus()).isEqualTo(404);
		assertThat(this.container.getErrorMessage()).isEqualTo("gone");
		assertThat(this.response.isCaptured()).isFalse();
	}

	@Test
	void anErrorOnAResponseTheContainerCommittedIsNotCaptured() {
		this.container.setCommitted(true);
		assertThatIllegalStateException().isThrownBy(() -> this.response.sendError(405));
		assertThat(this.answers).isEmpty();
	}

	@Test
	void writesThroughAWriterTakenBeforeTheErrorStopAtTheError() throws IOException {
		PrintWriter writer = this.response.getWriter();
		writer.write("before");
		this.response.sendError(405);
		writer.write("after");
		writer.println("line");
		writer.printf("%s", "formatted");
		writer.flush();
		writer.close();
		assertThat(this.container.getContentAsString()).isEqualTo("before");
		assertThat(writer.checkError()).isFalse();
	}

	@Test
	void writesThroughAStreamTakenBeforeTheErrorStopAtTheError() throws IOException {
		ServletOutputStream stream = this.response.getOutputStream();
		stream.write("before".getBytes(StandardCharsets.US_ASCII));
		this.response.sendError(501);
		stream.write('a');
		stream.write("fter".getBytes(StandardCharsets.US_ASCII), 0, 4);
		ByteBuffer buffer = ByteBuffer.wrap("buffer".getBytes(StandardCharsets.US_ASCII));
		stream.write(buffer);
		stream.println("line");
		stream.flush();
		stream.close();
		assertThat(this.container.getContentAsString()).isEqualTo("before");
		assertThat(buffer.hasRemaining()).isFalse();
		assertThat(stream.isReady()).isTrue();
	}

	@Test
	void aWriterOrStreamTakenAfterTheErrorWritesNothing() throws IOException {
		this.response.sendError(405);
		this.response.getWriter().println("after");
		this.response.getOutputStream().print("after");
		this.response.flushBuffer();
		assertThat(this.container.getContentAsString()).isEmpty();
		assertThat(this.container.isCommitted()).isFalse();
	}

	@Test
	void statusHeadersAndCookiesSetAfterTheErrorAreIgnored() throws IOException {
		this.response.setHeader("X-Before", "kept");
		this.response.sendError(405);
		this.response.setStatus(200);
		this.response.setHeader("X-After", "set");
		this.response.addHeader("X-After", "added");
		this.response.setIntHeader("X-Int", 1);
		this.response.addIntHeader("X-Int", 2);
		this.response.setDateHeader("X-Date", 0);
		this.response.addDateHeader("X-Date", 0);
		this.response.addCookie(new Cookie("after", "1"));
		this.response.setContentType("text/plain");
		this.response.setContentLength(5);
		this.response.setCharacterEncoding("ISO-8859-1");
		assertThat(this.container.getStatus()).isEqualTo(200);
		assertThat(this.container.getHeaderNames()).containsExactly("X-Before");
		assertThat(this.container.getCookies()).isEmpty();
		assertThat(this.container.getContentType()).isNull();
		assertThat(this.container.getContentLength()).isZero();
	}

	@Test
	void errorsRedirectsAndResetsAfterTheErrorAreRefusedAsOnACommittedResponse() throws IOException {
		this.response.sendError(405);
		assertThatIllegalStateException().isThrownBy(() -> this.response.sendError(405));
		assertThatIllegalStateException().isThrownBy(() -> this.response.sendError(500, "late"));
		assertThatIllegalStateException().isThrownBy(() -> this.response.sendRedirect("/elsewhere"));
		assertThatIllegalStateException().isThrownBy(() -> this.response.sendRedirect("/elsewhere", 307));
		assertThatIllegalStateException().isThrownBy(this.response::reset);
		assertThatIllegalStateException().isThrownBy(this.response::resetBuffer);
		assertThatIllegalStateException().isThrownBy(() -> this.response.setBufferSize(1024));
		assertThat(this.answers).containsExactly("405 null");
		assertThat(this.container.getRedirectedUrl()).isNull();
	}

	@Test
	void theServletsWriterStillReportsTheContainerWritersErrors() throws IOException {
		ErrorCapturingResponse failing = new ErrorCapturingResponse(new HttpServletResponseWrapper(this.container) {

			@Override
			public PrintWriter getWriter() {
				return new PrintWriter(new FailingWriter());
			}

		}, (status, message) -> this.answers.add(status + " " + message));
		PrintWriter writer = failing.getWriter();
		writer.write("lost");
		assertThat(writer.checkError()).isTrue();
	}

	/** A writer whose client has gone. */
	static final class FailingWriter extends Writer {

		@Override
		public void write(char[] chars, int offset, int length) throws IOException {
			throw new IOException("Broken pipe");
		}

		@Override
		public void flush() throws IOException {
			throw new IOException("Broken pipe");
		}

		@Override
		public void close() {
		}

	}

}
