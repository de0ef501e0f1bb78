package dev.methodguard.internal.allow;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.methodguard.allow.AllowedMethods;
import dev.methodguard.allow.Route;
import dev.methodguard.allow.RouteKind;
import dev.methodguard.allow.RoutePattern;
import dev.methodguard.allow.RouteSource;

import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The {@link MethodIndexHolder} under forced interleavings: each test drives the threads
 * with latches and with the states of the threads themselves (a thread parked in a wait is
 * observable, a latch cannot tell that it got there), never with sleeps or time limits.
 */
class MethodIndexHolderTests {

	private static final RoutePattern PATTERN = new RoutePattern("",
			PathPatternParser.defaultInstance.parse("/reports"));

	private final ControlledRoutes routes = new ControlledRoutes();

	private final MethodIndexHolder holder = new MethodIndexHolder(() -> List.of(this.routes), true);

	@BeforeAll
	static void loadTheClassesOfABuild() {
		new MethodIndexHolder(() -> List.of(() -> List.of(route("warm-up"))), true).get().lookup("/reports");
	}

	@Test
	void aGetAfterAnInvalidationDuringABuildReturnsAnIndexOfTheNewRoutes() throws Exception {
		Caller stale = Caller.start(this.holder::get);
		this.routes.entered.await();
		this.routes.change("second");
		invalidateWhileTheBuildIsHeld();
		Caller next = Caller.start(this.holder::get);
		boolean waitedForTheStaleBuild = parksInHolder(next.thread);
		this.routes.release.countDown();
		assertThat(waitedForTheStaleBuild).as("the next get() waited for the stale build").isFalse();
		assertThat(handlers(next.result())).containsExactly("second");
		assertThat(handlers(stale.result())).containsExactly("first");
		assertThat(this.holder.get()).isSameAs(next.result());
		assertThat(this.routes.reads).hasValue(2);
	}

	@Test
	void aBuildOvertakenByAnInvalidationIsNotKept() throws Exception {
		Caller stale = Caller.start(this.holder::get);
		this.routes.entered.await();
		this.routes.change("second");
		invalidateWhileTheBuildIsHeld();
		this.routes.release.countDown();
		assertThat(handlers(stale.result())).containsExactly("first");
		MethodIndex next = this.holder.get();
		assertThat(handlers(next)).containsExactly("second");
		assertThat(this.holder.get()).isSameAs(next);
		assertThat(this.routes.reads).hasValue(2);
	}

	@Test
	void concurrentCallersWithoutAnIndexShareOneBuild() throws Exception {
		List<Caller> callers = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			callers.add(Caller.start(this.holder::get));
		}
		for (Caller caller : callers) {
			assertThat(parksInHolder(caller.thread)).as("the caller waits in the holder").isTrue();
		}
		this.routes.release.countDown();
		for (Caller caller : callers) {
			caller.thread.join();
		}
		assertThat(this.routes.reads).hasValue(1);
		MethodIndex first = callers.get(0).result();
		for (Caller caller : callers) {
			assertThat(caller.result()).isSameAs(first);
		}
	}

	@Test
	void anInvalidationDuringABuildDoesNotWaitForIt() throws Exception {
		Caller building = Caller.start(this.holder::get);
		this.routes.entered.await();
		invalidateWhileTheBuildIsHeld();
		boolean stillBuilding = building.thread.isAlive();
		this.routes.release.countDown();
		assertThat(stillBuilding).isTrue();
		assertThat(handlers(building.result())).containsExactly("first");
	}

	@Test
	void aCallerHoldingALockTheBuildNeedsDoesNotWaitForAnotherThreadsBuild() throws Exception {
		ReentrantReadWriteLock registry = new ReentrantReadWriteLock();
		AtomicInteger reads = new AtomicInteger();
		MethodIndexHolder locked = new MethodIndexHolder(() -> List.of(() -> {
			registry.readLock().lock();
			try {
				return List.of(route("read " + reads.incrementAndGet()));
			}
			finally {
				registry.readLock().unlock();
			}
		}), true);
		CountDownLatch lookupHoldsTheReadLock = new CountDownLatch(1);
		CountDownLatch lookupGoesOn = new CountDownLatch(1);
		Caller lookup = Caller.start(() -> {
			registry.readLock().lock();
			try {
				lookupHoldsTheReadLock.countDown();
				awaitUninterruptibly(lookupGoesOn);
				return locked.getWithoutWaiting();
			}
			finally {
				registry.readLock().unlock();
			}
		});
		lookupHoldsTheReadLock.await();
		Thread registration = new Thread(() -> {
			try {
				registry.writeLock().lockInterruptibly();
				registry.writeLock().unlock();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		registration.start();
		awaitQueued(registry, registration);
		Caller build = Caller.start(locked::get);
		awaitQueued(registry, build.thread);
		lookupGoesOn.countDown();
		boolean deadlocked = parksInHolder(lookup.thread);
		if (deadlocked) {
			registration.interrupt();
		}
		assertThat(deadlocked).as("the lookup waits for a build queued behind the registration").isFalse();
		assertThat(handlers(lookup.result())).containsExactly("read 1");
		assertThat(handlers(build.result())).containsExactly("read 2");
		assertThat(locked.get()).isSameAs(lookup.result());
		assertThat(reads).hasValue(2);
	}

	@Test
	void aCallerThatMayNotWaitBuildsAndKeepsTheIndexWhenNoOneElseIs() {
		this.routes.release.countDown();
		MethodIndex built = this.holder.getWithoutWaiting();
		assertThat(this.holder.get()).isSameAs(built);
		assertThat(this.holder.getWithoutWaiting()).isSameAs(built);
		assertThat(this.routes.reads).hasValue(1);
	}

	@Test
	void aFailedBuildFailsItsWaitingCallersAndTheNextCallBuildsAgain() throws Exception {
		this.routes.failure = new IllegalArgumentException("unreadable mapping");
		Caller building = Caller.start(this.holder::get);
		this.routes.entered.await();
		Caller waiting = Caller.start(this.holder::get);
		assertThat(parksInHolder(waiting.thread)).isTrue();
		this.routes.change("second");
		this.routes.release.countDown();
		assertThat(building.failure()).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("unreadable mapping");
		assertThat(waiting.failure()).isInstanceOf(IllegalStateException.class)
			.hasCauseInstanceOf(IllegalArgumentException.class);
		this.routes.failure = null;
		assertThat(handlers(this.holder.get())).containsExactly("second");
		assertThat(this.routes.reads).hasValue(2);
	}

	@Test
	void aRouteSourceAskingForTheIndexDuringTheBuildFailsInsteadOfWaitingForItself() {
		AtomicReference<MethodIndexHolder> self = new AtomicReference<>();
		MethodIndexHolder reentrant = new MethodIndexHolder(() -> List.of(() -> self.get().get().routes()), true);
		self.set(reentrant);
		assertThatIllegalStateException().isThrownBy(reentrant::get)
			.withMessage("A route source asked for the method index while it was being built");
	}

	@Test
	void anIndexWhoseSourceSawAChangeIsBuiltAgainBeforeItsNextUse() {
		AtomicReference<String> served = new AtomicReference<>("first");
		AtomicInteger reads = new AtomicInteger();
		RouteSource source = new RouteSource() {

			@Override
			public List<Route> routes() {
				return read().routes();
			}

			@Override
			public Reading read() {
				reads.incrementAndGet();
				String read = served.get();
				return new Reading(List.of(route(read)), List.of(), () -> served.get() == read);
			}

		};
		MethodIndexHolder changing = new MethodIndexHolder(() -> List.of(source), true);
		MethodIndex first = changing.get();
		assertThat(changing.get()).isSameAs(first);
		assertThat(changing.getWithoutWaiting()).isSameAs(first);
		served.set("second");
		assertThat(first.isUnchanged()).isFalse();
		MethodIndex second = changing.get();
		assertThat(handlers(second)).containsExactly("second");
		assertThat(changing.getWithoutWaiting()).isSameAs(second);
		served.set("third");
		assertThat(handlers(changing.getWithoutWaiting())).containsExactly("third");
		assertThat(reads).hasValue(3);
	}

	@Test
	void anIndexOfSourcesThatCannotTellAChangeIsKeptUntilInvalidated() {
		MethodIndex index = new MethodIndexHolder(() -> List.of(() -> List.of(route("only"))), true).get();
		assertThat(index.isUnchanged()).isTrue();
	}

	@Test
	void aChangeAnnouncedInTwoStepsUnsettlesTheHolderUntilItsEndAndThenRebuildsTheIndex() throws Exception {
		this.routes.change("first");
		MethodIndex before = this.holder.get();
		assertThat(this.holder.isSettled()).isTrue();
		this.holder.beginChange();
		assertThat(this.holder.isSettled()).isFalse();
		assertThat(this.holder.get()).isSameAs(before);
		this.holder.beginChange();
		this.routes.change("second");
		this.holder.endChange();
		assertThat(this.holder.isSettled()).isTrue();
		assertThat(handlers(this.holder.get())).containsExactly("second");
		assertThat(this.routes.reads).hasValue(2);
	}

	@Test
	void aChangeWhoseEndIsNeverToldEndsOnItsOwnAfterTheTimeoutAndRebuildsTheIndex() {
		AtomicLong now = new AtomicLong(42);
		MethodIndexHolder timed = new MethodIndexHolder(() -> List.of(this.routes), true, now::get);
		this.routes.change("first");
		timed.get();
		timed.beginChange();
		this.routes.change("second");
		now.addAndGet(MethodIndexHolder.CHANGE_TIMEOUT_NANOS - 1);
		assertThat(timed.isSettled()).isFalse();
		now.addAndGet(1);
		assertThat(timed.isSettled()).isTrue();
		assertThat(handlers(timed.get())).containsExactly("second");
	}

	/**
	 * Invalidate from another thread, as a registration of routes does, while a build is
	 * held in the route source; fail, rather than hang, if the invalidation waits in the
	 * holder.
	 */
	private void invalidateWhileTheBuildIsHeld() throws InterruptedException {
		Thread invalidation = new Thread(this.holder::invalidate);
		invalidation.start();
		boolean waited = parksInHolder(invalidation);
		if (waited) {
			this.routes.release.countDown();
		}
		invalidation.join();
		assertThat(waited).as("invalidate() waited for the build in progress").isFalse();
	}

	/**
	 * Follow a thread until it has ended or is parked (blocked or waiting) inside the
	 * holder, which includes a route source that the holder called; a thread parked
	 * elsewhere, as a thread briefly is while it starts or ends, is followed further.
	 * @param thread the thread
	 * @return whether it is parked inside the holder
	 */
	private static boolean parksInHolder(Thread thread) {
		while (true) {
			Thread.State state = thread.getState();
			if (state == Thread.State.TERMINATED) {
				return false;
			}
			if (state != Thread.State.NEW && state != Thread.State.RUNNABLE && insideHolder(thread.getStackTrace())
					&& thread.getState() == state) {
				return true;
			}
			Thread.onSpinWait();
		}
	}

	private static void awaitQueued(ReentrantReadWriteLock lock, Thread thread) {
		while (!lock.hasQueuedThread(thread)) {
			Thread.onSpinWait();
		}
	}

	private static void awaitUninterruptibly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static boolean insideHolder(StackTraceElement[] stack) {
		String holder = MethodIndexHolder.class.getName();
		for (StackTraceElement frame : stack) {
			String type = frame.getClassName();
			if (type.equals(holder) || type.startsWith(holder + "$")) {
				return true;
			}
		}
		return false;
	}

	private static Route route(String handler) {
		return Route.of(PATTERN, AllowedMethods.of("GET"), RouteKind.ANNOTATED, handler);
	}

	private static List<String> handlers(MethodIndex index) {
		return index.routes().stream().map(Route::handler).toList();
	}

	/**
	 * Routes that a test changes, counting the reads; every read waits for
	 * {@link #release} while {@link #holding}, after it has read the routes, as a read of
	 * a handler mapping that holds its snapshot while the build goes on.
	 */
	private static final class ControlledRoutes implements RouteSource {

		private final AtomicInteger reads = new AtomicInteger();

		private final CountDownLatch entered = new CountDownLatch(1);

		private final CountDownLatch release = new CountDownLatch(1);

		private volatile String handler = "first";

		private volatile boolean holding = true;

		private volatile RuntimeException failure;

		void change(String handler) {
			this.handler = handler;
			this.holding = false;
		}

		@Override
		public List<Route> routes() {
			String read = this.handler;
			boolean hold = this.holding;
			this.reads.incrementAndGet();
			if (hold) {
				this.entered.countDown();
				awaitUninterruptibly(this.release);
			}
			RuntimeException failing = this.failure;
			if (failing != null) {
				throw failing;
			}
			return List.of(route(read));
		}

	}

	/**
	 * A thread asking for the index.
	 */
	private static final class Caller {

		private final AtomicReference<MethodIndex> index = new AtomicReference<>();

		private final AtomicReference<Throwable> failure = new AtomicReference<>();

		private final Thread thread;

		private Caller(Supplier<MethodIndex> call) {
			this.thread = new Thread(() -> {
				try {
					this.index.set(call.get());
				}
				catch (Throwable ex) {
					this.failure.set(ex);
				}
			});
		}

		static Caller start(Supplier<MethodIndex> call) {
			Caller caller = new Caller(call);
			caller.thread.start();
			return caller;
		}

		MethodIndex result() throws InterruptedException {
			this.thread.join();
			assertThat(this.failure.get()).isNull();
			return this.index.get();
		}

		Throwable failure() throws InterruptedException {
			this.thread.join();
			return this.failure.get();
		}

	}

}
