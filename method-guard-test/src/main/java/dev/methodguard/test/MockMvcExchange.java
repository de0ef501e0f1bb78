package dev.methodguard.test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Requests through {@link MockMvc}, asynchronous handlers included.
 */
final class MockMvcExchange implements Exchange {

	private final MockMvc mockMvc;

	MockMvcExchange(MockMvc mockMvc) {
		this.mockMvc = mockMvc;
	}

	@Override
	public Answer send(String method, String path, String... headers) {
		try {
			MvcResult result = this.mockMvc.perform(request(method, path, headers)).andReturn();
			if (result.getRequest().isAsyncStarted()) {
				result = this.mockMvc.perform(MockMvcRequestBuilders.asyncDispatch(result)).andReturn();
			}
			return answer(result.getResponse());
		}
		catch (Exception ex) {
			return Answer.failed(ex);
		}
	}

	static MockHttpServletRequestBuilder request(String method, String path, String... headers) {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method),
				URI.create(path));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return request;
	}

	static Answer answer(MockHttpServletResponse response) throws Exception {
		List<String> allow = response.getHeaders("Allow");
		return new Answer(response.getStatus(), allow.isEmpty() ? null : String.join(", ", allow),
				response.getContentType(), response.getContentAsString(StandardCharsets.UTF_8), null);
	}

}
