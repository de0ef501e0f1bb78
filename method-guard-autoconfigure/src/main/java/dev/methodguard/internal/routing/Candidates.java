package dev.methodguard.internal.routing;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

/**
 * The mappings whose patterns may match the path of one request, as the registered
 * instances: membership is identity, checked by a short scan where there are few, through
 * an identity set where there are many.
 */
final class Candidates {

	private static final int SCANNED = 16;

	private final List<RequestMappingInfo[]> groups;

	private final @Nullable Set<RequestMappingInfo> set;

	Candidates(List<RequestMappingInfo[]> groups, int count) {
		this.groups = groups;
		if (count > SCANNED) {
			this.set = Collections.newSetFromMap(new IdentityHashMap<>(count * 2));
			for (RequestMappingInfo[] group : groups) {
				Collections.addAll(this.set, group);
			}
		}
		else {
			this.set = null;
		}
	}

	/**
	 * The candidates, in groups that share a literal prefix.
	 * @return the groups, not to be modified
	 */
	List<RequestMappingInfo[]> groups() {
		return this.groups;
	}

	/**
	 * Whether the mapping is a candidate.
	 * @param mapping a registered mapping
	 * @return {@code true} if its patterns may match the path
	 */
	boolean contains(RequestMappingInfo mapping) {
		if (this.set != null) {
			return this.set.contains(mapping);
		}
		for (int i = 0; i < this.groups.size(); i++) {
			for (RequestMappingInfo candidate : this.groups.get(i)) {
				if (candidate == mapping) {
					return true;
				}
			}
		}
		return false;
	}

}
