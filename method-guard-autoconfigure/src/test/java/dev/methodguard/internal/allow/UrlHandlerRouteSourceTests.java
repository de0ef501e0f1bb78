package dev.methodguard.internal.allow;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.methodguard.allow.RouteSource;

import org.springframework.context.support.StaticApplicationContext;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import org.springframework.web.servlet.mvc.ParameterizableViewController;
import org.springframework.web.servlet.resource.DefaultServletHttpRequestHandler;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading URL-mapped handlers: what is indexed, and what is reported unread.
 */
class UrlHandlerRouteSourceTests {

	@Test
	void handlersRootAndDefaultHandlerAreRead() {
		SimpleUrlHandlerMapping mapping = mapping(Map.of("/page", new ParameterizableViewController()));
		mapping.setRootHandler(new ParameterizableViewController());
		mapping.setDefaultHandler(new ParameterizableViewController());
		RouteSource.Reading reading = new UrlHandlerRouteSource(mapping, "").read();
		assertThat(reading.unread()).isEmpty();
		assertThat(reading.routes()).extracting((route) -> route.pattern().value() + " " + route.methods())
			.containsExactlyInAnyOrder("/page [GET, HEAD]", "/ [GET, HEAD]", "/** [GET, HEAD]");
	}

	@Test
	void lazyHandlersAndTheDefaultServletAreReportedUnread() {
		StaticApplicationContext context = new StaticApplicationContext();
		context.registerPrototype("someBean", Object.class);
		SimpleUrlHandlerMapping mapping = mapping(
				Map.of("/lazy", "someBean", "/**", new DefaultServletHttpRequestHandler()), context);
		RouteSource.Reading reading = new UrlHandlerRouteSource(mapping, "").read();
		assertThat(reading.routes()).isEmpty();
		assertThat(reading.unread()).hasSize(2);
	}

	@Test
	void antPathMatcherPatternsAreReportedUnread() {
		SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(
				Map.of("/files/**/*.txt", new ParameterizableViewController()));
		mapping.setPatternParser(null);
		mapping.setApplicationContext(new StaticApplicationContext());
		RouteSource.Reading reading = new UrlHandlerRouteSource(mapping, "").read();
		assertThat(reading.unread()).singleElement().asString().startsWith("ant-path-matcher patterns");
	}

	private static SimpleUrlHandlerMapping mapping(Map<String, Object> handlers) {
		return mapping(handlers, new StaticApplicationContext());
	}

	private static SimpleUrlHandlerMapping mapping(Map<String, Object> handlers, StaticApplicationContext context) {
		SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(handlers);
		mapping.setPatternParser(new PathPatternParser());
		mapping.setApplicationContext(context);
		return mapping;
	}

}
