package dev.methodguard.internal.allow;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.ResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;

/**
 * A resolver chain over the resolvers of a resource handler, to ask whether a static
 * resource exists without serving it.
 */
record ResourceLookup(List<ResourceResolver> resolvers, int index) implements ResourceResolverChain {

	ResourceLookup(List<ResourceResolver> resolvers) {
		this(List.copyOf(resolvers), 0);
	}

	@Override
	public @Nullable Resource resolveResource(@Nullable HttpServletRequest request, String requestPath,
			List<? extends Resource> locations) {
		if (this.index >= this.resolvers.size()) {
			return null;
		}
		return this.resolvers.get(this.index)
			.resolveResource(request, requestPath, locations, new ResourceLookup(this.resolvers, this.index + 1));
	}

	@Override
	public @Nullable String resolveUrlPath(String resourcePath, List<? extends Resource> locations) {
		if (this.index >= this.resolvers.size()) {
			return null;
		}
		return this.resolvers.get(this.index)
			.resolveUrlPath(resourcePath, locations, new ResourceLookup(this.resolvers, this.index + 1));
	}

}
