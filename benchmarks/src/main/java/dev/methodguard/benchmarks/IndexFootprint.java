package dev.methodguard.benchmarks;

import java.util.Arrays;
import java.util.List;

import dev.methodguard.allow.Route;
import dev.methodguard.internal.allow.MethodIndex;


/**
 * Retained heap of the method index at 100, 1 000 and 10 000 routes: heap used after full
 * garbage collections, with several indexes of each size kept alive, minus the heap used
 * with the routes alone. The routes (Spring's parsed patterns) are what the handler
 * mappings hold anyway; the figure is what the index adds.
 * <p>
 * Run: {@code java -cp benchmarks/target/benchmarks.jar dev.methodguard.benchmarks.IndexFootprint}
 */
public final class IndexFootprint {

	private static final int COPIES = 20;

	private IndexFootprint() {
	}

	/**
	 * Print the table.
	 * @param args the table sizes (numbers of routes), default 100, 1 000 and 10 000
	 */
	public static void main(String[] args) {
		int[] sizes = (args.length > 0) ? Arrays.stream(args).mapToInt(Integer::parseInt).toArray()
				: new int[] { 100, 1_000, 10_000 };
		System.out.println("| routes | retained heap of the index | build (first, cold) |");
		System.out.println("| --- | --- | --- |");
		for (int size : sizes) {
			List<Route> routes = RouteTable.routes(size);
			long before = usedAfterGc();
			long start = System.nanoTime();
			MethodIndex first = MethodIndex.of(routes);
			long buildNanos = System.nanoTime() - start;
			MethodIndex[] kept = new MethodIndex[COPIES];
			kept[0] = first;
			for (int i = 1; i < COPIES; i++) {
				kept[i] = MethodIndex.of(routes);
			}
			long after = usedAfterGc();
			long perIndex = (after - before) / COPIES;
			System.out.printf("| %,d | %,d KiB | %.1f ms |%n", size, perIndex / 1024, buildNanos / 1e6);
			if (kept[COPIES - 1].routes().size() != size) {
				throw new IllegalStateException("index lost routes");
			}
		}
	}

	private static long usedAfterGc() {
		Runtime runtime = Runtime.getRuntime();
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 5; i++) {
			System.gc();
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
		}
		return used;
	}

}
