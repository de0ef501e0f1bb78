package dev.methodguard.internal.routing;

import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.methodguard.internal.routing.CandidateTable.Entry;

import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

/**
 * The mappings whose patterns may match the path of one request, as the registered
 * instances: membership is identity, checked by a short scan where there are few, through
 * an identity set where there are many.
 */
final class Candidates {

	private static final int SCANNED = 16;

	private static final Comparator<Entry> REGISTRY_ORDER = Comparator.comparingInt(Entry::position);

	private final List<Entry[]> groups;

	private final int count;

	private @Nullable Set<RequestMappingInfo> set;

	/**
	 * Create the candidates.
	 * @param groups the entries, in groups that share a literal prefix; a mapping with
	 * several patterns may be in more than one
	 * @param count the number of entries in all groups
	 */
	Candidates(List<Entry[]> groups, int count) {
		this.groups = groups;
		this.count = count;
	}

	/**
	 * The candidates, in groups that share a literal prefix.
	 * @return the groups, not to be modified
	 */
	List<Entry[]> groups() {
		return this.groups;
	}

	/**
	 * Whether the mapping is a candidate.
	 * @param mapping a registered mapping
	 * @return {@code true} if its patterns may match the path
	 */
	boolean contains(RequestMappingInfo mapping) {
		if (this.count > SCANNED) {
			return set().contains(mapping);
		}
		for (int i = 0; i < this.groups.size(); i++) {
			for (Entry candidate : this.groups.get(i)) {
				if (candidate.mapping() == mapping) {
					return true;
				}
			}
		}
		return false;
	}

	private Set<RequestMappingInfo> set() {
		Set<RequestMappingInfo> set = this.set;
		if (set == null) {
			set = Collections.newSetFromMap(new IdentityHashMap<>(this.count * 2));
			for (Entry[] group : this.groups) {
				for (Entry entry : group) {
					set.add(entry.mapping());
				}
			}
			this.set = set;
		}
		return set;
	}

	/**
	 * The candidates, each once, in the order Spring's registry iterates them.
	 * @return the entries
	 */
	Entry[] inRegistryOrder() {
		if (this.groups.size() == 1) {
			return this.groups.get(0);
		}
		Entry[] entries = new Entry[this.count];
		int next = 0;
		for (Entry[] group : this.groups) {
			System.arraycopy(group, 0, entries, next, group.length);
			next += group.length;
		}
		Arrays.sort(entries, REGISTRY_ORDER);
		int distinct = 0;
		for (int i = 0; i < entries.length; i++) {
			if (distinct == 0 || entries[distinct - 1].position() != entries[i].position()) {
				entries[distinct++] = entries[i];
			}
		}
		return (distinct < entries.length) ? Arrays.copyOf(entries, distinct) : entries;
	}

}
