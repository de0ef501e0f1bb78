package dev.methodguard.benchmarks.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The load driver {@code load.sh} falls back to where wrk is not installed: a fixed number
 * of threads send the same request in a loop for a bounded time, then it prints
 * {@code requests/s p50-ms p99-ms}.
 */
public final class LoadDriver {

	private LoadDriver() {
	}

	/**
	 * Run the driver.
	 * @param args method, URL, duration in seconds, connections
	 * @throws Exception on failure
	 */
	public static void main(String[] args) throws Exception {
		String method = args[0];
		URI uri = URI.create(args[1]);
		long durationNanos = TimeUnit.SECONDS.toNanos(Long.parseLong(args[2]));
		int connections = Integer.parseInt(args[3]);
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		HttpRequest request = HttpRequest.newBuilder(uri).method(method, BodyPublishers.noBody()).build();
		ExecutorService pool = Executors.newFixedThreadPool(connections);
		long start = System.nanoTime();
		long end = start + durationNanos;
		List<Future<long[]>> futures = new ArrayList<>();
		for (int i = 0; i < connections; i++) {
			futures.add(pool.submit(() -> {
				long[] latencies = new long[1 << 16];
				int count = 0;
				while (System.nanoTime() < end && count < latencies.length) {
					long sent = System.nanoTime();
					client.send(request, BodyHandlers.discarding());
					latencies[count++] = System.nanoTime() - sent;
				}
				return Arrays.copyOf(latencies, count);
			}));
		}
		List<Long> all = new ArrayList<>();
		for (Future<long[]> future : futures) {
			for (long latency : future.get()) {
				all.add(latency);
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		pool.shutdown();
		all.sort(null);
		double p50 = all.get(all.size() / 2) / 1e6;
		double p99 = all.get(Math.min(all.size() - 1, (int) (all.size() * 0.99))) / 1e6;
		System.out.printf("%.1f %.3f %.3f%n", all.size() / seconds, p50, p99);
	}

}
