package dev.methodguard.internal.servlet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * How {@link RequestBodyDrain} settles an unread body: drained within the bound, otherwise
 * {@code Connection: close}; never more than one byte past the bound read.
 */
class RequestBodyDrainTests {

	private final RequestBodyDrain drain = new RequestBodyDrain(1024);

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	@Test
	void aBodyWithinTheBoundIsReadToItsEndAndTheConnectionKept() {
		CountingRequest request = new CountingRequest(new byte[1024], 1024);
		this.drain.beforeAnswer(request, this.response);
		assertThat(this.response.getHeader("Connection")).isNull();
		assertThat(request.read.get()).isEqualTo(1024);
	}

	@Test
	void aDeclaredLengthOverTheBoundIsNotReadAndClosesTheConnection() {
		CountingRequest request = new CountingRequest(new byte[1025], 1025);
		this.drain.beforeAnswer(request, this.response);
		assertThat(this.response.getHeader("Connection")).isEqualTo("close");
		assertThat(request.read.get()).isZero();
	}

	@Test
	void aChunkedBodyOverTheBoundIsReadOneBytePastItAndClosesTheConnection() {
		CountingRequest request = new CountingRequest(new byte[100_000], -1);
		request.addHeader("Transfer-Encoding", "chunked");
		this.drain.beforeAnswer(request, this.response);
		assertThat(this.response.getHeader("Connection")).isEqualTo("close");
		assertThat(request.read.get()).isEqualTo(1025);
	}

	@Test
	void aChunkedBodyWithinTheBoundIsDrained() {
		CountingRequest request = new CountingRequest(new byte[300], -1);
		request.addHeader("Transfer-Encoding", "chunked");
		this.drain.beforeAnswer(request, this.response);
		assertThat(this.response.getHeader("Connection")).isNull();
		assertThat(request.read.get()).isEqualTo(300);
	}

	@Test
	void aClientWaitingFor100ContinueIsToldCloseAndNothingIsRead() {
		CountingRequest request = new CountingRequest(new byte[10], 10);
		request.addHeader("Expect", "100-continue");
		this.drain.beforeAnswer(request, this.response);
		assertThat(this.response.getHeader("Connection")).isEqualTo("close");
		assertThat(request.read.get()).isZero();
	}

	@Test
	void aBodyAlreadyTakenAsAReaderClosesTheConnection() throws IOException {
		MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/x");
		request.setContent(new byte[10]);
		request.getReader();
		this.drain.beforeAnswer(request, this.response);
		assertThat(this.response.getHeader("Connection")).isEqualTo("close");
	}

	@Test
	void theBodyIsReadFromUnderEveryWrapperSoNoFilterReceivesIt() {
		CountingRequest request = new CountingRequest(new byte[100], 100);
		HttpServletRequestWrapper caching = new HttpServletRequestWrapper(request) {
			@Override
			public ServletInputStream getInputStream() {
				throw new AssertionError("the body went through a filter's wrapper");
			}
		};
		this.drain.beforeAnswer(caching, this.response);
		assertThat(this.response.getHeader("Connection")).isNull();
		assertThat(request.read.get()).isEqualTo(100);
	}

	@Test
	void requestsWithoutABodyAndHttp2StreamsAreLeftAlone() {
		CountingRequest noBody = new CountingRequest(new byte[0], 0);
		this.drain.beforeAnswer(noBody, this.response);
		CountingRequest http2 = new CountingRequest(new byte[5000], 5000);
		http2.setProtocol("HTTP/2.0");
		this.drain.beforeAnswer(http2, this.response);
		assertThat(this.response.getHeader("Connection")).isNull();
		assertThat(http2.read.get()).isZero();
	}

	@Test
	void aCommittedResponseIsLeftAlone() {
		CountingRequest request = new CountingRequest(new byte[5000], 5000);
		this.response.setCommitted(true);
		this.drain.beforeAnswer(request, this.response);
		assertThat(this.response.getHeader("Connection")).isNull();
		assertThat(request.read.get()).isZero();
	}

	@Test
	void zeroReadsNothing() {
		CountingRequest request = new CountingRequest(new byte[1], 1);
		new RequestBodyDrain(0).beforeAnswer(request, this.response);
		assertThat(this.response.getHeader("Connection")).isEqualTo("close");
		assertThat(request.read.get()).isZero();
	}

	@Test
	void aNegativeBoundIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RequestBodyDrain(-1));
	}

	/** A request whose body counts the bytes read from it. */
	static final class CountingRequest extends MockHttpServletRequest {

		private final AtomicLong read = new AtomicLong();

		private final ByteArrayInputStream body;

		CountingRequest(byte[] body, long contentLength) {
			super("PUT", "/x");
			this.body = new ByteArrayInputStream(body);
			if (contentLength >= 0) {
				addHeader("Content-Length", contentLength);
			}
		}

		@Override
		public long getContentLengthLong() {
			String length = getHeader("Content-Length");
			return (length != null) ? Long.parseLong(length) : -1;
		}

		@Override
		public ServletInputStream getInputStream() {
			return new ServletInputStream() {

				@Override
				public int read() throws IOException {
					int b = CountingRequest.this.body.read();
					if (b != -1) {
						CountingRequest.this.read.incrementAndGet();
					}
					return b;
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					int n = CountingRequest.this.body.read(buffer, offset, length);
					if (n > 0) {
						CountingRequest.this.read.addAndGet(n);
					}
					return n;
				}

				@Override
				public boolean isFinished() {
					return CountingRequest.this.body.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}

			};
		}

	}

}
