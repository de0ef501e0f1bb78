package dev.methodguard.allow;

import java.util.Collection;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Holds the application's {@link MethodIndex}, built once from its route sources after
 * every singleton, and so every handler mapping, has been initialized, and built again only
 * after it is {@link #invalidate() invalidated} by a change of routes.
 */
public final class MethodIndexHolder implements Supplier<MethodIndex>, SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(MethodIndexHolder.class);

	private final Supplier<? extends Collection<? extends RouteSource>> sources;

	private final boolean optionsEverywhere;

	private final AtomicInteger version = new AtomicInteger();

	private volatile MethodIndex index;

	/**
	 * Create a holder.
	 * @param sources the route sources, asked for when the index is built
	 * @param optionsEverywhere whether method-guard answers {@code OPTIONS} on every known
	 * path
	 */
	public MethodIndexHolder(Supplier<? extends Collection<? extends RouteSource>> sources,
			boolean optionsEverywhere) {
		this.sources = sources;
		this.optionsEverywhere = optionsEverywhere;
	}

	@Override
	public void afterSingletonsInstantiated() {
		get();
	}

	/**
	 * Forget the index, so that the next {@link #get()} builds it anew from the current
	 * routes: for handler mappings that change at run time. Requests already holding the
	 * old index finish with it; none rebuilds it per request.
	 */
	public void invalidate() {
		this.version.incrementAndGet();
		this.index = null;
	}

	/**
	 * The index, built on first use and after each invalidation. It is built without holding
	 * any lock of this holder (reading the routes takes the handler mappings' own locks, which
	 * a thread in the middle of a lookup may hold); a build that an invalidation overtook is
	 * used by its caller but not kept.
	 * @return the index
	 */
	@Override
	public MethodIndex get() {
		MethodIndex current = this.index;
		if (current != null) {
			return current;
		}
		int built = this.version.get();
		long start = System.nanoTime();
		current = MethodIndex.build(this.sources.get(), this.optionsEverywhere);
		synchronized (this) {
			if (this.version.get() == built) {
				this.index = current;
			}
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Indexed " + current.routes().size() + " routes in " + (System.nanoTime() - start) / 1_000_000
					+ " ms");
		}
		return current;
	}

}
