package dev.methodguard.internal.servlet;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.util.ClassUtils;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.ControllerAdviceBean;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule by which an application's controller advice takes over method-guard's 405s, and
 * by which its body advice turns the direct write off.
 */
class ApplicationAdviceTests {

	@Test
	void anExceptionHandlerNamingTheExceptionTakesOver() {
		assertThat(adviceOf(Named.class).handlesMethodNotSupported()).isTrue();
		assertThat(adviceOf(ByParameter.class).handlesMethodNotSupported()).isTrue();
	}

	@Test
	void aSubclassOfResponseEntityExceptionHandlerTakesOver() {
		assertThat(adviceOf(OwnProblemDetails.class).handlesMethodNotSupported()).isTrue();
	}

	@Test
	void aCatchAllHandlerDoesNot() {
		assertThat(adviceOf(CatchAll.class).handlesMethodNotSupported()).isFalse();
	}

	@Test
	void methodGuardsAndSpringBootsOwnHandlersAreNotTheApplications() {
		Class<?> boots = ClassUtils.resolveClassName(
				"org.springframework.boot.webmvc.autoconfigure.ProblemDetailsExceptionHandler", null);
		ApplicationAdvice advice = adviceOf(MethodGuardAdvice.class, boots);
		assertThat(advice.handlesMethodNotSupported()).isFalse();
		assertThat(advice.advisesBodies()).isFalse();
	}

	@Test
	void aResponseBodyAdviceIsSeen() {
		assertThat(adviceOf(BodyAdvice.class).advisesBodies()).isTrue();
		assertThat(adviceOf(Named.class).advisesBodies()).isFalse();
	}

	private static ApplicationAdvice adviceOf(Class<?>... types) {
		GenericApplicationContext context = new GenericApplicationContext();
		for (Class<?> type : types) {
			context.registerBean(type);
		}
		context.refresh();
		return new ApplicationAdvice(() -> ControllerAdviceBean.findAnnotatedBeans(context));
	}

	@ControllerAdvice
	static class Named {

		@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
		void handle() {
		}

	}

	@ControllerAdvice
	static class ByParameter {

		@ExceptionHandler
		void handle(HttpRequestMethodNotSupportedException ex) {
		}

	}

	@ControllerAdvice
	static class OwnProblemDetails extends ResponseEntityExceptionHandler {

	}

	@ControllerAdvice
	static class CatchAll {

		@ExceptionHandler(Exception.class)
		void handle() {
		}

	}

	@ControllerAdvice
	static class BodyAdvice implements ResponseBodyAdvice<Object> {

		@Override
		public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
			return false;
		}

		@Override
		public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType selectedContentType,
				Class<? extends HttpMessageConverter<?>> selectedConverterType, ServerHttpRequest request,
				ServerHttpResponse response) {
			return body;
		}

	}

}
