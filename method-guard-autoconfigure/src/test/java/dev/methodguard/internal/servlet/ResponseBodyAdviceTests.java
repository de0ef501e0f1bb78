package dev.methodguard.internal.servlet;

import org.junit.jupiter.api.Test;

import dev.methodguard.testapp.TestApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * An application's {@link ResponseBodyAdvice} applies to method-guard's problems whatever the
 * client accepts: no faster path writes other bytes.
 */
@SpringBootTest(classes = { TestApplication.class, ResponseBodyAdviceTests.TraceIdAdvice.class })
@AutoConfigureMockMvc
class ResponseBodyAdviceTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void theAdviceAppliesWhateverTheClientAccepts() throws Exception {
		String none = body(null);
		String json = body("application/json");
		String any = body("*/*");
		assertThat(none).contains("\"traceId\":\"trace-1\"");
		assertThat(json).isEqualTo(none);
		assertThat(any).isEqualTo(none);
	}

	private String body(String accept) throws Exception {
		var builder = request(HttpMethod.valueOf("PUT"), "/reports");
		if (accept != null) {
			builder.header("Accept", accept);
		}
		return this.mvc.perform(builder).andReturn().getResponse().getContentAsString();
	}

	@RestControllerAdvice
	static class TraceIdAdvice implements ResponseBodyAdvice<Object> {

		@Override
		public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
			return true;
		}

		@Override
		public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType selectedContentType,
				Class<? extends HttpMessageConverter<?>> selectedConverterType, ServerHttpRequest request,
				ServerHttpResponse response) {
			if (body instanceof ProblemDetail problem) {
				problem.setProperty("traceId", "trace-1");
			}
			return body;
		}

	}

}
