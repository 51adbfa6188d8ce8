package dev.cruddur.admin.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Throughput and latency of the embedded cache through the real Momento SDK (via
 * {@link CacheStore}): get and set of a ~1 KB JSON page, from one and from eight threads.
 *
 * <pre>mvn -B -q -o test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.cruddur.admin.cache.CacheBenchmark [-Dexec.args=SECONDS_PER_RUN]</pre>
 */
public final class CacheBenchmark {

    private interface Operation {
        boolean run(CacheStore store, String key);
    }

    public static void main(String[] args) throws Exception {
        Duration perRun = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 3);
        String json = pageOfMessages();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            keys.add("messages/bench-" + i);
        }
        try (CacheStore store = CacheStore.open(CacheSettings.embedded())) {
            for (String key : keys) {
                store.set(key, json);
            }
            Operation get = (s, key) -> s.getText(key) instanceof CacheRead.Hit;
            Operation set = (s, key) -> s.set(key, json).ok();

            System.out.printf(Locale.ROOT, "Embedded cache through Momento SDK 1.21 on %s, value %d bytes, %d cores, %s per run%n",
                    store.where(), json.length(), Runtime.getRuntime().availableProcessors(), perRun);
            run(store, keys, get, 1, Duration.ofSeconds(1)); // warm-up: JIT, channel
            run(store, keys, set, 4, Duration.ofSeconds(1));
            System.out.printf(Locale.ROOT, "%-4s %7s %10s %10s %10s %10s %7s%n",
                    "op", "threads", "ops/s", "p50 µs", "p95 µs", "p99 µs", "errors");
            for (int threads : new int[] {1, 8}) {
                print("get", threads, run(store, keys, get, threads, perRun));
                print("set", threads, run(store, keys, set, threads, perRun));
            }
        }
    }

    private record Result(long operations, long errors, Duration elapsed, long[] latencyNanos) {}

    private static Result run(CacheStore store, List<String> keys, Operation operation, int threads, Duration length)
            throws InterruptedException {
        long[][] latencies = new long[threads][];
        int[] counts = new int[threads];
        AtomicLong errors = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(threads);
        long[] window = new long[2];
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                try {
                    start.await();
                    long end = System.nanoTime() + length.toNanos();
                    int i = thread * 31;
                    long now;
                    while ((now = System.nanoTime()) < end) {
                        boolean ok = operation.run(store, keys.get(i++ & 255));
                        long took = System.nanoTime() - now;
                        if (!ok) {
                            errors.incrementAndGet();
                        }
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = took;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    latencies[thread] = mine;
                    counts[thread] = n;
                    done.countDown();
                }
            }, "bench-" + t);
            worker.start();
        }
        window[0] = System.nanoTime();
        start.countDown();
        done.await();
        window[1] = System.nanoTime();
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(latencies[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        return new Result(total, errors.get(), Duration.ofNanos(window[1] - window[0]), all);
    }

    private static void print(String op, int threads, Result result) {
        double seconds = result.elapsed().toNanos() / 1e9;
        System.out.printf(Locale.ROOT, "%-4s %7d %10.0f %10.0f %10.0f %10.0f %7d%n", op, threads,
                result.operations() / seconds,
                percentile(result.latencyNanos(), 50) / 1e3,
                percentile(result.latencyNanos(), 95) / 1e3,
                percentile(result.latencyNanos(), 99) / 1e3,
                result.errors());
    }

    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** About 1 KB: a first page of pattern A for the seed's conversation, as the app caches it. */
    private static String pageOfMessages() {
        StringBuilder json = new StringBuilder("{\"message_group_uuid\":\"5ae290ed-55d1-47a0-bc6d-fe2bc2700399\",\"items\":[");
        for (int i = 0; i < 4; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"uuid\":\"00000000-0000-4000-8000-00000000000").append(i)
                    .append("\",\"display_name\":\"Andrew Brown\",\"handle\":\"andrewbrown\",")
                    .append("\"message\":\"Benchmark message number ").append(i)
                    .append(" about the cache layer and its embedded server.\",")
                    .append("\"created_at\":\"2026-11-25T08:1").append(i).append(":00.000000+00:00\"}");
        }
        json.append("],\"next_page\":null}");
        while (json.length() < 1000) {
            json.insert(json.length() - 1, " ");
        }
        return json.toString();
    }
}
