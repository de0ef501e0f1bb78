package dev.methodguard.benchmarks;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.methodguard.allow.Route;
import dev.methodguard.internal.allow.MethodIndex;
import dev.methodguard.internal.allow.Resolution;

/**
 * {@link MethodIndex#lookup(String)} for paths that hit and miss, and the build of the
 * index, at 100, 1 000 and 10 000 routes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MethodIndexBenchmark {

	private static final int PATHS = 4096;

	/** The number of routes. */
	@Param({ "100", "1000", "10000" })
	public int routes;

	private List<Route> table;

	private MethodIndex index;

	private String[] hits;

	private String[] misses;

	private int next;

	/**
	 * Build the table, the index and the paths.
	 */
	@Setup(Level.Trial)
	public void setUp() {
		this.table = RouteTable.routes(this.routes);
		this.index = MethodIndex.of(this.table);
		this.hits = RouteTable.hits(this.routes, PATHS);
		this.misses = RouteTable.misses(this.routes, PATHS);
		for (String hit : this.hits) {
			if (this.index.lookup(hit).isEmpty()) {
				throw new IllegalStateException("Not a hit: " + hit);
			}
		}
		for (String miss : this.misses) {
			if (this.index.lookup(miss).isPresent()) {
				throw new IllegalStateException("Not a miss: " + miss);
			}
		}
	}

	/**
	 * Look up a path some route serves.
	 * @return the resolution
	 */
	@Benchmark
	public Optional<Resolution> lookupHit() {
		return this.index.lookup(this.hits[this.next++ & (PATHS - 1)]);
	}

	/**
	 * Look up one of only 16 paths some route serves, so that the index data they touch
	 * stays in the CPU caches: the cost of the algorithm without the cache misses that
	 * 4 096 random paths over a large table cause.
	 * @return the resolution
	 */
	@Benchmark
	public Optional<Resolution> lookupHitCacheWarm() {
		return this.index.lookup(this.hits[this.next++ & 15]);
	}

	/**
	 * Look up a path no route serves.
	 * @return the (empty) resolution
	 */
	@Benchmark
	public Optional<Resolution> lookupMiss() {
		return this.index.lookup(this.misses[this.next++ & (PATHS - 1)]);
	}

	/**
	 * Build the index from its routes.
	 * @return the index
	 */
	@Benchmark
	@OutputTimeUnit(TimeUnit.MICROSECONDS)
	@Warmup(iterations = 3, time = 2)
	@Measurement(iterations = 5, time = 2)
	public MethodIndex build() {
		return MethodIndex.of(this.table);
	}

}
