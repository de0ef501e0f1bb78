package dev.methodguard.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurationSupport;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * The message converters of the application's handler adapters, for the problems written
 * outside Spring MVC: those of Spring MVC's own adapter first (the bean
 * {@link WebMvcConfigurationSupport} declares, whose converters render the advice's
 * problems), then those of every other {@link RequestMappingHandlerAdapter} bean in their
 * order. A library that declares an adapter of its own (Spring Data REST does) thus neither
 * hides the application's converters nor puts its own first.
 */
final class ApplicationConverters {

	/** The name of Spring MVC's own adapter bean. */
	static final String MVC_ADAPTER = "requestMappingHandlerAdapter";

	private ApplicationConverters() {
	}

	/**
	 * The converters of every adapter bean, Spring MVC's own first.
	 * @param beanFactory the application's bean factory
	 * @return the converters in order of preference, possibly empty
	 */
	static List<HttpMessageConverter<?>> of(ListableBeanFactory beanFactory) {
		Map<String, RequestMappingHandlerAdapter> adapters = new LinkedHashMap<>(
				beanFactory.getBeansOfType(RequestMappingHandlerAdapter.class));
		List<RequestMappingHandlerAdapter> ordered = new ArrayList<>();
		RequestMappingHandlerAdapter mvc = adapters.remove(MVC_ADAPTER);
		if (mvc != null) {
			ordered.add(mvc);
		}
		List<RequestMappingHandlerAdapter> others = new ArrayList<>(adapters.values());
		AnnotationAwareOrderComparator.sort(others);
		ordered.addAll(others);
		List<HttpMessageConverter<?>> converters = new ArrayList<>();
		for (RequestMappingHandlerAdapter adapter : ordered) {
			converters.addAll(adapter.getMessageConverters());
		}
		return converters;
	}

}
