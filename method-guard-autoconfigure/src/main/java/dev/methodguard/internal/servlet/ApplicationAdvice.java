package dev.methodguard.internal.servlet;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.ControllerAdviceBean;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * What the application's own controller advice asks of method-guard's answers, read once
 * from its {@code @ControllerAdvice} beans:
 * <ul>
 * <li>whether it handles {@link HttpRequestMethodNotSupportedException} itself (an
 * {@code @ExceptionHandler} naming it, declared or inherited, as in a subclass of
 * {@code ResponseEntityExceptionHandler}): its 405 answers are then the application's, fed
 * with method-guard's truthful methods;</li>
 * <li>whether it changes response bodies ({@link ResponseBodyAdvice}): method-guard's answers
 * then always go through Spring MVC's rendering, which applies it, never through the direct
 * write.</li>
 * </ul>
 * Only advice Spring applies to an exception raised without a handler counts (a rejection
 * has no handler): advice scoped to packages, annotations or types does not. method-guard's
 * own advice and Spring Boot's {@code ProblemDetailsExceptionHandler}
 * ({@code spring.mvc.problemdetails.enabled}) are not the application's.
 */
public final class ApplicationAdvice {

	private static final Set<String> NOT_THE_APPLICATIONS = Set.of(MethodGuardAdvice.class.getName(),
			"org.springframework.boot.webmvc.autoconfigure.ProblemDetailsExceptionHandler");

	private final SingletonSupplier<Boolean> handlesMethodNotSupported;

	private final SingletonSupplier<Boolean> advisesBodies;

	/**
	 * Read the application's advice when first asked.
	 * @param advice the controller advice beans of the application, as Spring MVC finds them
	 */
	public ApplicationAdvice(Supplier<List<ControllerAdviceBean>> advice) {
		SingletonSupplier<List<Class<?>>> types = SingletonSupplier.of(() -> advice.get()
			.stream()
			.filter((bean) -> bean.isApplicableToBeanType(null))
			.<Class<?>>map(ControllerAdviceBean::getBeanType)
			.filter((type) -> type != null && !NOT_THE_APPLICATIONS.contains(type.getName()))
			.toList());
		this.handlesMethodNotSupported = SingletonSupplier
			.of(() -> types.obtain().stream().anyMatch(ApplicationAdvice::handlesMethodNotSupported));
		this.advisesBodies = SingletonSupplier
			.of(() -> types.obtain().stream().anyMatch(ResponseBodyAdvice.class::isAssignableFrom));
	}

	/**
	 * Whether the application handles {@link HttpRequestMethodNotSupportedException} in its
	 * own controller advice.
	 * @return {@code true} if it does
	 */
	boolean handlesMethodNotSupported() {
		return this.handlesMethodNotSupported.obtain();
	}

	/**
	 * Whether the application's controller advice may change response bodies.
	 * @return {@code true} if it has a {@link ResponseBodyAdvice}
	 */
	boolean advisesBodies() {
		return this.advisesBodies.obtain();
	}

	/**
	 * Whether one of the type's {@code @ExceptionHandler} methods names
	 * {@link HttpRequestMethodNotSupportedException} itself (in the annotation, or as its
	 * parameter where the annotation names none): a catch-all handler of {@code Exception}
	 * is not a handler of method rejections.
	 */
	private static boolean handlesMethodNotSupported(Class<?> adviceType) {
		Map<Method, ExceptionHandler> handlers = MethodIntrospector.selectMethods(adviceType,
				(MethodIntrospector.MetadataLookup<ExceptionHandler>) (method) -> AnnotatedElementUtils
					.findMergedAnnotation(method, ExceptionHandler.class));
		return handlers.entrySet().stream().anyMatch((handler) -> {
			List<Class<?>> declared = List.of(handler.getValue().value());
			if (declared.isEmpty()) {
				declared = List.of(handler.getKey().getParameterTypes());
			}
			return declared.contains(HttpRequestMethodNotSupportedException.class);
		});
	}

}
