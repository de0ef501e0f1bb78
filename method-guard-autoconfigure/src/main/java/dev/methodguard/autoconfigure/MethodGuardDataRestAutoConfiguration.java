package dev.methodguard.autoconfigure;

import dev.methodguard.allow.HandlerMappingReader;
import dev.methodguard.internal.allow.MethodIndexHolder;
import dev.methodguard.internal.allow.datarest.DataRestRouteSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.repository.support.Repositories;
import org.springframework.data.rest.core.config.RepositoryRestConfiguration;
import org.springframework.data.rest.core.mapping.RepositoryResourceMappings;
import org.springframework.data.rest.webmvc.config.RepositoryRestMvcConfiguration;

/**
 * Auto-configuration of method-guard for Spring Data REST: the resources it exports enter
 * the method index with the methods its metadata supports, and its handler mapping counts as
 * read, so that the index stays complete. Only where Spring Data REST is on the class path
 * and configured, by Spring Boot or by the application.
 */
@AutoConfiguration(after = MethodGuardAutoConfiguration.class,
		afterName = "org.springframework.boot.data.rest.autoconfigure.DataRestAutoConfiguration")
@ConditionalOnClass(RepositoryRestMvcConfiguration.class)
@ConditionalOnBean({ MethodIndexHolder.class, RepositoryResourceMappings.class })
public final class MethodGuardDataRestAutoConfiguration {

	/**
	 * Reads Spring Data REST's handler mapping with a {@link DataRestRouteSource}.
	 * @param repositories the repositories of the application
	 * @param resourceMappings Spring Data REST's resource mappings
	 * @param configuration Spring Data REST's configuration
	 * @return the reader
	 */
	@Bean
	@ConditionalOnMissingBean(name = "methodGuardDataRestReader")
	HandlerMappingReader methodGuardDataRestReader(Repositories repositories,
			RepositoryResourceMappings resourceMappings, RepositoryRestConfiguration configuration) {
		return (mapping, servletPrefix) -> DataRestRouteSource.isDataRestMapping(mapping)
				? new DataRestRouteSource(mapping, servletPrefix, repositories, resourceMappings, configuration)
				: null;
	}

}
