package dev.methodguard.allow;

import java.util.Collection;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Holds the application's {@link MethodIndex}, built once from its route sources after
 * every singleton, and so every handler mapping, has been initialized.
 */
public final class MethodIndexHolder implements Supplier<MethodIndex>, SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(MethodIndexHolder.class);

	private final Supplier<? extends Collection<? extends RouteSource>> sources;

	private final boolean optionsEverywhere;

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
	 * The index, built on first use.
	 * @return the index
	 */
	@Override
	public MethodIndex get() {
		MethodIndex current = this.index;
		if (current == null) {
			synchronized (this) {
				current = this.index;
				if (current == null) {
					long start = System.nanoTime();
					current = MethodIndex.build(this.sources.get(), this.optionsEverywhere);
					this.index = current;
					if (logger.isDebugEnabled()) {
						logger.debug("Indexed " + current.routes().size() + " routes in "
								+ (System.nanoTime() - start) / 1_000_000 + " ms");
					}
				}
			}
		}
		return current;
	}

}
