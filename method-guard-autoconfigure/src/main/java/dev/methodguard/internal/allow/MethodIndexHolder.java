package dev.methodguard.internal.allow;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.methodguard.allow.RouteSource;

import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Holds the application's {@link MethodIndex}, built once from its route sources after
 * every singleton, and so every handler mapping, has been initialized, and built again only
 * after it is {@link #invalidate() invalidated} by a change of routes.
 * <p>
 * The holder keeps one <em>generation</em> at a time: {@link #invalidate()} replaces it
 * with a new, empty one in a single atomic write, and an index is published only by
 * completing the generation that was current before its routes were read. So once
 * {@code invalidate()} has returned, no index built from routes read before it is ever
 * returned by a call that starts after it, and none is kept. The first caller that finds
 * the current generation empty builds its index; the others wait for that one build.
 * <p>
 * No lock of the holder is held while routes are read, and {@code invalidate()} never
 * waits: reading the routes takes the handler mappings' own locks, and a mapping calls
 * {@code invalidate()} when its routes change. A caller that itself holds such a lock,
 * as a handler mapping in the middle of its lookup holds its registry's read lock, uses
 * {@link #getWithoutWaiting()}: waiting there for another thread's build could deadlock,
 * since that build can be queued for the same lock behind a writer that waits for the
 * caller to release it.
 * <p>
 * Routes also change without a call to {@code invalidate()}: an index whose
 * {@link MethodIndex#isUnchanged() sources saw a change} since it was built (a
 * {@code RouterFunctionMapping} given another router function) is never returned; the
 * call that finds it so builds the index anew, as after an invalidation. The check costs
 * one identity comparison per source that can tell. A change that takes effect before the
 * holder hears of its end, such as Spring Cloud's refresh of its refresh scope, is announced
 * by {@link #beginChange()} and closed by {@link #endChange()}: meanwhile the holder is not
 * {@link #isSettled() settled}, and nothing may reject a request from its index alone before
 * Spring's handler lookup. A change whose end is never told (an environment changed without a
 * refresh of the refresh scope) is over after {@link #CHANGE_TIMEOUT_NANOS}: the holder
 * settles and forgets its index, so that early rejection is not lost for good.
 */
public final class MethodIndexHolder implements Supplier<MethodIndex>, SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(MethodIndexHolder.class);

	private final Supplier<? extends Collection<? extends RouteSource>> sources;

	private final boolean optionsEverywhere;

	private final AtomicReference<Generation> current = new AtomicReference<>(new Generation());

	/** How long a change announced by {@link #beginChange()} may last untold: 10 seconds. */
	static final long CHANGE_TIMEOUT_NANOS = 10_000_000_000L;

	private final LongSupplier nanoClock;

	private volatile boolean changing;

	private volatile long changeDeadline;

	/**
	 * Create a holder.
	 * @param sources the route sources, asked for when the index is built
	 * @param optionsEverywhere whether method-guard answers {@code OPTIONS} on every known
	 * path
	 */
	public MethodIndexHolder(Supplier<? extends Collection<? extends RouteSource>> sources,
			boolean optionsEverywhere) {
		this(sources, optionsEverywhere, System::nanoTime);
	}

	MethodIndexHolder(Supplier<? extends Collection<? extends RouteSource>> sources, boolean optionsEverywhere,
			LongSupplier nanoClock) {
		this.sources = sources;
		this.optionsEverywhere = optionsEverywhere;
		this.nanoClock = nanoClock;
	}

	@Override
	public void afterSingletonsInstantiated() {
		get();
	}

	/**
	 * Forget the index, so that the next {@link #get()} builds it anew from the current
	 * routes: for handler mappings that change at run time, to be called after the change.
	 * Never waits, not even for a build in progress; that build is still returned to the
	 * callers it serves, which started before this invalidation, but it is never kept.
	 */
	public void invalidate() {
		this.current.set(new Generation());
	}

	/**
	 * Announce a change of routes that may take effect at any moment from now on, before
	 * {@link #endChange()} reports that it is over: until then the holder is not
	 * {@link #isSettled() settled}. For changes that are announced in two steps, such as
	 * Spring Cloud's refresh, which changes the environment first and then rebuilds its
	 * refresh-scoped beans, routes included, telling of it only once they are rebuilt. A
	 * second call before {@code endChange()} extends it; one {@code endChange()} ends both. A
	 * change not ended within {@link #CHANGE_TIMEOUT_NANOS} ends on its own, as if
	 * {@code endChange()} had been called.
	 */
	public void beginChange() {
		this.changeDeadline = this.nanoClock.getAsLong() + CHANGE_TIMEOUT_NANOS;
		this.changing = true;
	}

	/**
	 * Report that the change announced by {@link #beginChange()}, or a change of routes
	 * announced by nothing, is over: the holder is {@link #isSettled() settled} again and
	 * forgets its index, as {@link #invalidate()} does.
	 */
	public void endChange() {
		this.changing = false;
		invalidate();
	}

	/**
	 * Whether no change of routes announced by {@link #beginChange()} is going on: only then
	 * may a request be rejected from the index alone before Spring's handler lookup, since
	 * during such a change the routes may already be others than those indexed.
	 * @return {@code false} between {@code beginChange()} and {@code endChange()}, at most for
	 * {@link #CHANGE_TIMEOUT_NANOS}
	 */
	public boolean isSettled() {
		if (!this.changing) {
			return true;
		}
		if (this.nanoClock.getAsLong() - this.changeDeadline < 0) {
			return false;
		}
		endChange();
		return true;
	}

	/**
	 * The index of the generation current when this call starts: the one already built,
	 * or else built by this thread, or by the one thread already building it while this
	 * one waits. It is built from routes read after every {@link #invalidate()} that
	 * returned before this call; an invalidation during the call may leave it older than
	 * the routes are when the call returns, as for any call concurrent with a change, but
	 * then it is not kept. A built index whose sources saw a change since counts as
	 * invalidated: this call replaces its generation and builds anew. A build that fails
	 * fails each of its waiting callers too, and the next call builds again.
	 * <p>
	 * Not for callers holding a lock that reading the routes can take, such as a handler
	 * mapping's registry lock: they use {@link #getWithoutWaiting()}.
	 * @return the index
	 * @throws IllegalStateException if a route source asks for the index while it is
	 * being built, or if the build this call waited for failed
	 */
	@Override
	public MethodIndex get() {
		Generation generation = current();
		MethodIndex index = generation.index();
		if (index != null) {
			return index;
		}
		if (generation.claim()) {
			return buildAsOwner(generation);
		}
		return generation.await();
	}

	/**
	 * The index, like {@link #get()}, for a caller that holds a lock which reading the
	 * routes may take, such as a handler mapping that holds its registry's read lock during
	 * a lookup: it never waits for another thread. If the index of the current generation
	 * is not built yet and another thread is building it, this thread builds one as well
	 * (its own read of a lock it holds does not wait) and offers it to that generation's
	 * waiting callers; whichever of the two builds ends first is kept.
	 * @return the index
	 * @throws IllegalStateException if a route source asks for the index while it is
	 * being built
	 */
	public MethodIndex getWithoutWaiting() {
		Generation generation = current();
		MethodIndex index = generation.index();
		if (index != null) {
			return index;
		}
		if (generation.claim()) {
			return buildAsOwner(generation);
		}
		generation.checkNotBuilding();
		MethodIndex built = build();
		generation.complete(built);
		return built;
	}

	/**
	 * The current generation, replaced first by a new one where its index is built but its
	 * sources saw a change since.
	 */
	private Generation current() {
		Generation generation = this.current.get();
		while (true) {
			MethodIndex index = generation.index();
			if (index == null || index.isUnchanged()) {
				return generation;
			}
			Generation next = new Generation();
			Generation witness = this.current.compareAndExchange(generation, next);
			generation = (witness == generation) ? next : witness;
		}
	}

	private MethodIndex buildAsOwner(Generation generation) {
		MethodIndex built;
		try {
			built = build();
		}
		catch (RuntimeException | Error ex) {
			this.current.compareAndSet(generation, new Generation());
			generation.fail(ex);
			throw ex;
		}
		generation.complete(built);
		return built;
	}

	private MethodIndex build() {
		long start = System.nanoTime();
		MethodIndex built = MethodIndex.build(this.sources.get(), this.optionsEverywhere);
		if (logger.isDebugEnabled()) {
			logger.debug("Indexed " + built.routes().size() + " routes in " + (System.nanoTime() - start) / 1_000_000
					+ " ms");
		}
		return built;
	}

	/**
	 * The routes between two invalidations: the index built from them once one is, and
	 * the thread that builds it for the callers that wait.
	 */
	private static final class Generation {

		private final CompletableFuture<MethodIndex> index = new CompletableFuture<>();

		private final AtomicReference<Thread> builder = new AtomicReference<>();

		MethodIndex index() {
			return this.index.isDone() ? join() : null;
		}

		boolean claim() {
			return this.builder.compareAndSet(null, Thread.currentThread());
		}

		void checkNotBuilding() {
			if (this.builder.get() == Thread.currentThread()) {
				throw new IllegalStateException("A route source asked for the method index while it was being built");
			}
		}

		MethodIndex await() {
			checkNotBuilding();
			return join();
		}

		private MethodIndex join() {
			try {
				return this.index.join();
			}
			catch (CompletionException ex) {
				throw new IllegalStateException("The method index could not be built", ex.getCause());
			}
		}

		void complete(MethodIndex built) {
			this.index.complete(built);
		}

		void fail(Throwable failure) {
			this.index.completeExceptionally(failure);
		}

	}

}
