package dev.methodguard.autoconfigure;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.RequestDispatcher;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import dev.methodguard.actuate.MethodGuardEndpointAutoConfiguration;
import dev.methodguard.actuate.MethodsEndpoint;
import dev.methodguard.allow.AllowedMethods;
import dev.methodguard.allow.RoutesChangedEvent;
import dev.methodguard.internal.actuate.RejectionMetrics;
import dev.methodguard.internal.allow.MethodIndex;
import dev.methodguard.internal.allow.MethodIndexHolder;
import dev.methodguard.internal.allow.PathPolicy;
import dev.methodguard.internal.problem.MethodProblemFactory;
import dev.methodguard.internal.servlet.BrowserErrorPages;
import dev.methodguard.internal.servlet.ContainerRejectionFilter;
import dev.methodguard.internal.servlet.MethodGuardAdvice;
import dev.methodguard.internal.servlet.MethodGuardExceptionResolver;
import dev.methodguard.internal.servlet.MethodGuardFilter;
import dev.methodguard.internal.servlet.MethodRejections;
import dev.methodguard.internal.servlet.OptionsHandlerMapping;
import dev.methodguard.internal.servlet.RejectionLogger;
import dev.methodguard.internal.servlet.RequestBodyDrain;
import dev.methodguard.problem.MethodGuardMessageCodes;
import dev.methodguard.problem.MethodGuardProblemCustomizer;
import dev.methodguard.problem.MethodRejection;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletPath;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When {@link MethodGuardAutoConfiguration} applies, what it registers, and how its
 * properties bind.
 */
class MethodGuardAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DispatcherServletAutoConfiguration.class,
				WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
				JacksonAutoConfiguration.class, MethodGuardAutoConfiguration.class));

	@Test
	void registersEveryPieceInAServletWebApplication() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(MethodIndexHolder.class)
			.hasSingleBean(MethodProblemFactory.class)
			.hasSingleBean(MethodRejections.class)
			.hasSingleBean(MethodGuardExceptionResolver.class)
			.hasSingleBean(MethodGuardAdvice.class)
			.hasSingleBean(OptionsHandlerMapping.class)
			.hasSingleBean(MethodGuardProperties.class));
	}

	@Test
	void registersItsFiltersAfterSecurityAndBeforeIt() {
		this.runner.run((context) -> {
			FilterRegistrationBean<?> main = context.getBean("methodGuardFilterRegistration",
					FilterRegistrationBean.class);
			assertThat(main.getFilter()).isInstanceOf(MethodGuardFilter.class);
			assertThat(main.getOrder()).isGreaterThan(-100);
			FilterRegistrationBean<?> container = context.getBean("methodGuardContainerRejectionFilterRegistration",
					FilterRegistrationBean.class);
			assertThat(container.getFilter()).isInstanceOf(ContainerRejectionFilter.class);
			assertThat(container.getOrder()).isLessThan(-100);
		});
	}

	@Test
	void followsSpringSecuritysFilterOrderWhereItIsSet() {
		this.runner.withPropertyValues("spring.security.filter.order=50").run((context) -> {
			assertThat(context.getBean("methodGuardFilterRegistration", FilterRegistrationBean.class).getOrder())
				.isEqualTo(51);
			assertThat(context.getBean("methodGuardContainerRejectionFilterRegistration", FilterRegistrationBean.class)
				.getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE + 100);
		});
		this.runner.withPropertyValues("spring.security.filter.order=" + (Ordered.HIGHEST_PRECEDENCE + 10))
			.run((context) -> {
				assertThat(context.getBean("methodGuardFilterRegistration", FilterRegistrationBean.class).getOrder())
					.isZero();
				assertThat(context
					.getBean("methodGuardContainerRejectionFilterRegistration", FilterRegistrationBean.class)
					.getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE + 9);
			});
	}

	@Test
	void backsOffWithoutSpringBootsWebMvcModule() {
		new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(MethodGuardAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(DispatcherServletPath.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MethodIndexHolder.class));
	}

	@Test
	void filtersCanBeReplacedByName() {
		this.runner.withUserConfiguration(OwnFilterRegistration.class)
			.run((context) -> assertThat(context.getBean("methodGuardFilterRegistration"))
				.isSameAs(context.getBean(OwnFilterRegistration.class).registration));
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withPropertyValues("method-guard.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MethodIndexHolder.class)
				.doesNotHaveBean(MethodGuardAdvice.class)
				.doesNotHaveBean(MethodGuardExceptionResolver.class)
				.doesNotHaveBean(OptionsHandlerMapping.class)
				.doesNotHaveBean(MethodGuardProperties.class));
	}

	@Test
	void backsOffOutsideAWebApplication() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MethodGuardAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(MethodIndexHolder.class));
	}

	@Test
	void backsOffInAReactiveWebApplication() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MethodGuardAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(MethodIndexHolder.class));
	}

	@Test
	void backsOffWithoutSpringMvc() {
		new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(MethodGuardAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(DispatcherServlet.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MethodIndexHolder.class));
	}

	@Test
	void aRoutesChangedEventHasTheIndexBuiltAgain() {
		this.runner.run((context) -> {
			MethodIndexHolder holder = context.getBean(MethodIndexHolder.class);
			MethodIndex before = holder.get();
			assertThat(holder.get()).as("unchanged routes keep the index").isSameAs(before);
			context.publishEvent(new RoutesChangedEvent(this));
			assertThat(holder.get()).as("the index after the event").isNotSameAs(before);
		});
	}

	@Test
	void problemTypeIsConfigurable() {
		this.runner.withPropertyValues("method-guard.problem.type=https://errors.example.com/method")
			.run((context) -> assertThat(problemOf(context.getBean(MethodProblemFactory.class)).getType())
				.isEqualTo(URI.create("https://errors.example.com/method")));
	}

	@Test
	void problemTypeDefaultsToAboutBlank() {
		this.runner.run((context) -> assertThat(problemOf(context.getBean(MethodProblemFactory.class)).getType())
			.isEqualTo(URI.create("about:blank")));
	}

	@Test
	void allowedMethodsMemberCanBeLeftOut() {
		this.runner.withPropertyValues("method-guard.problem.include-allowed-methods=false")
			.run((context) -> assertThat(problemOf(context.getBean(MethodProblemFactory.class)).getProperties())
				.isNullOrEmpty());
	}

	@Test
	void malformedProblemTypeFailsTheStartNamingTheProperty() {
		this.runner.withPropertyValues("method-guard.problem.type=not a uri")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("Failed to bind properties under 'method-guard.problem.type'"));
	}

	@Test
	void relativeProblemTypeFailsTheStartNamingTheProperty() {
		this.runner.withPropertyValues("method-guard.problem.type=problems/method")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("method-guard.problem.type must be an absolute URI"));
	}

	@Test
	void unknownMethodStatusOtherThan405Or501FailsTheStartNamingTheProperty() {
		this.runner.withPropertyValues("method-guard.unknown-method-status=404")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("method-guard.unknown-method-status must be 501 or 405"));
	}

	@Test
	void unknownMethodStatusAccepts405() {
		this.runner.withPropertyValues("method-guard.unknown-method-status=405")
			.run((context) -> assertThat(context.getBean(MethodGuardProperties.class).getUnknownMethodStatus())
				.isEqualTo(405));
	}

	@Test
	void maxDrainSizeDefaultsToTomcatsSwallowSizeAndBinds() {
		this.runner.run((context) -> assertThat(context.getBean(MethodGuardProperties.class).getMaxDrainSize())
			.isEqualTo(DataSize.ofMegabytes(2)));
		this.runner.withPropertyValues("method-guard.max-drain-size=64KB")
			.run((context) -> assertThat(context).hasSingleBean(RequestBodyDrain.class)
				.getBean(MethodGuardProperties.class)
				.extracting(MethodGuardProperties::getMaxDrainSize)
				.isEqualTo(DataSize.ofKilobytes(64)));
	}

	@Test
	void negativeMaxDrainSizeFailsTheStartNamingTheProperty() {
		this.runner.withPropertyValues("method-guard.max-drain-size=-1B")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("method-guard.max-drain-size must be zero or a positive size"));
	}

	@Test
	void concealAndExcludePathsBindIntoThePathPolicy() {
		this.runner
			.withPropertyValues("method-guard.conceal-paths=/admin/**,/internal", "method-guard.exclude-paths=/legacy/**")
			.run((context) -> {
				PathPolicy policy = context.getBean(PathPolicy.class);
				assertThat(policy.isConcealed("/admin/users/1")).isTrue();
				assertThat(policy.isConcealed("/internal")).isTrue();
				assertThat(policy.isConcealed("/public")).isFalse();
				assertThat(policy.isExcluded("/legacy/ping")).isTrue();
				assertThat(policy.concealsRoute("/admin/users/{id}")).isTrue();
			});
	}

	@Test
	void invalidConcealPatternFailsTheStartNamingTheProperty() {
		this.runner.withPropertyValues("method-guard.conceal-paths=/ok,/bad/**/more")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("method-guard.conceal-paths[1] '/bad/**/more' is not a valid path pattern"));
	}

	@Test
	void invalidExcludePatternFailsTheStartNamingTheProperty() {
		this.runner.withPropertyValues("method-guard.exclude-paths={unclosed")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("method-guard.exclude-paths[0]"));
	}

	@Test
	void optionsAnsweringCanBeSwitchedOff() {
		this.runner.withPropertyValues("method-guard.options.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(OptionsHandlerMapping.class)
				.hasSingleBean(MethodGuardExceptionResolver.class));
	}

	@Test
	void browsersGetErrorPagesUnlessSwitchedOff() {
		this.runner.run((context) -> {
			assertThat(context.getBean(BrowserErrorPages.class).isEnabled()).isTrue();
			assertThat(context).hasBean("methodGuardBrowserErrorPageConfigurer");
			assertThat(context.getBean(MethodGuardProperties.class).getHtmlErrorPages().isEnabled()).isTrue();
		});
		this.runner.withPropertyValues("method-guard.html-error-pages.enabled=false").run((context) -> {
			assertThat(context.getBean(BrowserErrorPages.class).isEnabled()).isFalse();
			assertThat(context).doesNotHaveBean("methodGuardBrowserErrorPageConfigurer")
				.hasSingleBean(MethodGuardExceptionResolver.class);
		});
	}

	@Test
	void containersTraceFromABrowserBecomesThePageOfTheRejectionOnTheErrorDispatchUnderWay() {
		this.runner.withUserConfiguration(SecurityFilterChainBean.class).run((context) -> {
			MockHttpServletRequest request = tomcatsTraceErrorDispatch();
			request.addHeader(HttpHeaders.ACCEPT, "text/html");
			MockHttpServletResponse response = new MockHttpServletResponse();
			MockFilterChain chain = new MockFilterChain();
			containerRejectionFilter(context).doFilter(request, prepared(response), chain);
			assertThat(chain.getRequest()).as("the page is rendered down the dispatch").isNotNull();
			assertThat(response.getStatus()).isEqualTo(501);
			assertThat(chain.getRequest().getAttribute(RequestDispatcher.ERROR_STATUS_CODE)).isEqualTo(501);
			assertThat(request.getAttribute(MethodRejection.REQUEST_ATTRIBUTE)).isNotNull();
			assertThat(response.getHeader(HttpHeaders.ALLOW)).isNull();
			assertThat(response.getContentAsString()).isEmpty();
		});
	}

	@Test
	void logLevelBinds() {
		this.runner.withPropertyValues("method-guard.log.level=warn")
			.run((context) -> assertThat(context.getBean(MethodGuardProperties.class).getLog().getLevel())
				.isEqualTo(LogLevel.WARN));
	}

	@Test
	void everyLogLevelOfSpringBootIsALevelOfTheRejectionLogger() {
		for (LogLevel level : LogLevel.values()) {
			this.runner.withPropertyValues("method-guard.log.level=" + level.name().toLowerCase(Locale.ROOT))
				.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(RejectionLogger.class));
		}
	}

	@Test
	void invalidLogLevelFailsTheStartNamingTheProperty() {
		this.runner.withPropertyValues("method-guard.log.level=LOUD")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("Failed to bind properties under 'method-guard.log.level'"));
	}

	@Test
	void methodsEndpointIsAvailableWhenExposed() {
		this.runner.withConfiguration(AutoConfigurations.of(MethodGuardEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=methods")
			.run((context) -> assertThat(context).hasSingleBean(MethodsEndpoint.class));
	}

	@Test
	void methodsEndpointIsNotAvailableUnlessExposed() {
		this.runner.withConfiguration(AutoConfigurations.of(MethodGuardEndpointAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(MethodsEndpoint.class));
	}

	@Test
	void methodsEndpointHonoursItsAccessProperty() {
		this.runner.withConfiguration(AutoConfigurations.of(MethodGuardEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=methods",
					"management.endpoint.methods.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(MethodsEndpoint.class));
	}

	@Test
	void methodsEndpointBacksOffWithoutActuator() {
		this.runner.withConfiguration(AutoConfigurations.of(MethodGuardEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=methods")
			.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MethodsEndpoint.class));
	}

	@Test
	void methodsEndpointBacksOffWhenMethodGuardIsDisabled() {
		this.runner.withConfiguration(AutoConfigurations.of(MethodGuardEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=methods", "method-guard.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MethodsEndpoint.class));
	}

	@Test
	void rejectionMetricsWithMicrometer() {
		this.runner.withConfiguration(AutoConfigurations.of(MethodGuardMetricsAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(RejectionMetrics.class));
	}

	@Test
	void noRejectionMetricsWithoutMicrometer() {
		this.runner.withConfiguration(AutoConfigurations.of(MethodGuardMetricsAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(RejectionMetrics.class));
	}

	@Test
	void noRefreshListenerWithoutSpringCloud() {
		this.runner.withConfiguration(AutoConfigurations.of(MethodGuardRefreshAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(RefreshScopeRouteChanges.class));
	}

	@Test
	void customizersChangeEveryProblemInTheirOrder() {
		this.runner.withUserConfiguration(Customizers.class)
			.run((context) -> assertThat(problemOf(context.getBean(MethodProblemFactory.class)).getProperties())
				.containsEntry("tenant", "second").containsEntry("first", true));
	}

	@Test
	void titlesAndDetailsComeFromTheApplicationsMessageSource() {
		this.runner.withUserConfiguration(Messages.class).run((context) -> {
			ProblemDetail problem = problemOf(context.getBean(MethodProblemFactory.class));
			assertThat(problem.getTitle()).isEqualTo("Methode nicht erlaubt");
			assertThat(problem.getDetail()).isEqualTo("PUT auf /x geht nicht; erlaubt: GET, HEAD");
		});
	}

	@Test
	void revealBeforeAuthenticationDefaultsToFalseAndBinds() {
		this.runner.run((context) -> assertThat(
				context.getBean(MethodGuardProperties.class).getSecurity().isRevealBeforeAuthentication())
			.isFalse());
		this.runner.withPropertyValues("method-guard.security.reveal-before-authentication=true")
			.run((context) -> assertThat(
					context.getBean(MethodGuardProperties.class).getSecurity().isRevealBeforeAuthentication())
				.isTrue());
	}

	@Test
	void containersTraceRevealsNothingWhereSecuritysFilterChainIsDeclared() {
		this.runner.withUserConfiguration(SecurityFilterChainBean.class).run((context) -> {
			MockHttpServletResponse response = new MockHttpServletResponse();
			MockFilterChain chain = new MockFilterChain();
			containerRejectionFilter(context).doFilter(tomcatsTraceErrorDispatch(), prepared(response), chain);
			assertThat(chain.getRequest()).isNull();
			assertThat(response.getStatus()).isEqualTo(501);
			assertThat(response.getHeader(HttpHeaders.ALLOW)).isNull();
			assertThat(response.getContentAsString()).contains("Method TRACE is not implemented by this server.");
		});
	}

	@Test
	void containersTraceGoesToTheErrorPageWithoutSecurityOrWhereRevealingIsAskedFor() {
		WebApplicationContextRunner revealing = this.runner.withUserConfiguration(SecurityFilterChainBean.class)
			.withPropertyValues("method-guard.security.reveal-before-authentication=true");
		for (WebApplicationContextRunner runner : List.of(this.runner, revealing)) {
			runner.run((context) -> {
				MockHttpServletResponse response = new MockHttpServletResponse();
				MockFilterChain chain = new MockFilterChain();
				containerRejectionFilter(context).doFilter(tomcatsTraceErrorDispatch(), prepared(response), chain);
				assertThat(chain.getRequest()).isNotNull();
				assertThat(response.getHeader(HttpHeaders.ALLOW)).isEmpty();
			});
		}
	}

	@Test
	void problemsWrittenOutsideSpringMvcUseSpringMvcsConvertersWhateverOtherAdaptersExist() {
		for (Class<?> second : List.of(SecondHandlerAdapter.class, PrimarySecondHandlerAdapter.class)) {
			this.runner.withUserConfiguration(SecurityFilterChainBean.class, second).run((context) -> {
				assertThat(context.getBeansOfType(RequestMappingHandlerAdapter.class)).hasSize(2);
				MockHttpServletResponse response = new MockHttpServletResponse();
				containerRejectionFilter(context).doFilter(tomcatsTraceErrorDispatch(), prepared(response),
						new MockFilterChain());
				assertThat(response.getStatus()).isEqualTo(501);
				assertThat(response.getContentType()).isEqualTo("application/problem+json");
				assertThat(response.getContentAsString()).contains("\"status\":501")
					.contains("Method TRACE is not implemented by this server.");
			});
		}
	}

	private static Filter containerRejectionFilter(ApplicationContext context) {
		return context.getBean("methodGuardContainerRejectionFilterRegistration", FilterRegistrationBean.class)
			.getFilter();
	}

	/** The error page dispatch that follows Tomcat's own rejection of {@code TRACE}. */
	private static MockHttpServletRequest tomcatsTraceErrorDispatch() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
		request.setDispatcherType(DispatcherType.ERROR);
		request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 405);
		request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/private/notes");
		request.setAttribute("jakarta.servlet.error.method", "TRACE");
		return request;
	}

	/** The response as Tomcat hands it to the error page: 405, and the servlet's methods. */
	private static MockHttpServletResponse prepared(MockHttpServletResponse response) {
		response.setStatus(405);
		response.setHeader(HttpHeaders.ALLOW, "GET, HEAD, POST, PUT, DELETE, OPTIONS");
		return response;
	}

	private static ProblemDetail problemOf(MethodProblemFactory factory) {
		return factory.create(new MethodRejection(405, "PUT", "/x", AllowedMethods.of("GET"),
				List.of("/x")), Locale.ENGLISH);
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnFilterRegistration {

		private final FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
				(request, response, chain) -> chain.doFilter(request, response));

		@Bean
		FilterRegistrationBean<Filter> methodGuardFilterRegistration() {
			return this.registration;
		}

	}

	/** A stand-in for the filter chain bean that Spring Security declares. */
	@Configuration(proxyBeanMethods = false)
	static class SecurityFilterChainBean {

		@Bean
		Filter springSecurityFilterChain() {
			return (request, response, chain) -> chain.doFilter(request, response);
		}

	}

	/** A second adapter without a JSON converter, as a library may declare (Spring Data REST does). */
	@Configuration(proxyBeanMethods = false)
	static class SecondHandlerAdapter {

		@Bean
		RequestMappingHandlerAdapter libraryHandlerAdapter() {
			return new RequestMappingHandlerAdapter();
		}

	}

	/** The same adapter, declared primary. */
	@Configuration(proxyBeanMethods = false)
	static class PrimarySecondHandlerAdapter {

		@Bean
		@Primary
		RequestMappingHandlerAdapter libraryHandlerAdapter() {
			return new RequestMappingHandlerAdapter();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Customizers {

		@Bean
		@Order(2)
		MethodGuardProblemCustomizer second() {
			return (problem, rejection) -> problem.setProperty("tenant", "second");
		}

		@Bean
		@Order(1)
		MethodGuardProblemCustomizer first() {
			return (problem, rejection) -> {
				problem.setProperty("tenant", "first");
				problem.setProperty("first", true);
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Messages {

		@Bean
		MessageSource messageSource() {
			StaticMessageSource messages = new StaticMessageSource();
			messages.addMessage(MethodGuardMessageCodes.TITLE_405, Locale.ENGLISH, "Methode nicht erlaubt");
			messages.addMessage(MethodGuardMessageCodes.DETAIL_405, Locale.ENGLISH,
					"{0} auf {1} geht nicht; erlaubt: {2}");
			return messages;
		}

	}

}
