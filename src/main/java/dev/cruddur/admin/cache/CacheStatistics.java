package dev.cruddur.admin.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Counters of the cache's hits, misses and errors, latency percentiles of cache reads and of
 * "source" reads (the DynamoDB reads the caller does on a miss, recorded by the caller), and
 * hits and misses per second for a live chart. Thread-safe; plain data out.
 */
public final class CacheStatistics {

    /** One second of the chart. */
    public record SecondCount(Instant second, long hits, long misses, long errors) {}

    /**
     * A consistent copy of the figures.
     *
     * @param hitRatio hits / (hits + misses), or 0 before the first read
     * @param perSecond the last {@code seriesSeconds} seconds, oldest first, quiet seconds included
     */
    public record Snapshot(long hits, long misses, long errors, double hitRatio,
                           Duration cacheP50, Duration cacheP95, long cacheSamples,
                           Duration sourceP50, Duration sourceP95, long sourceSamples,
                           List<SecondCount> perSecond) {}

    private final Clock clock;
    private final LatencyWindow cacheReads;
    private final LatencyWindow sourceReads;
    private final long[] bucketSecond;
    private final long[] bucketHits;
    private final long[] bucketMisses;
    private final long[] bucketErrors;
    private long hits;
    private long misses;
    private long errors;

    /** The last 2048 latencies of each kind and the last 120 seconds. */
    public CacheStatistics() {
        this(Clock.systemUTC(), 2048, 120);
    }

    public CacheStatistics(Clock clock, int latencySamples, int seriesSeconds) {
        if (latencySamples < 1 || seriesSeconds < 1) {
            throw new IllegalArgumentException("window sizes must be positive");
        }
        this.clock = clock;
        this.cacheReads = new LatencyWindow(latencySamples);
        this.sourceReads = new LatencyWindow(latencySamples);
        this.bucketSecond = new long[seriesSeconds];
        Arrays.fill(bucketSecond, Long.MIN_VALUE);
        this.bucketHits = new long[seriesSeconds];
        this.bucketMisses = new long[seriesSeconds];
        this.bucketErrors = new long[seriesSeconds];
    }

    public synchronized void recordHit(Duration took) {
        hits++;
        cacheReads.add(took);
        bucketHits[currentBucket()]++;
    }

    public synchronized void recordMiss(Duration took) {
        misses++;
        cacheReads.add(took);
        bucketMisses[currentBucket()]++;
    }

    public synchronized void recordError() {
        errors++;
        bucketErrors[currentBucket()]++;
    }

    /** A read from the source of truth (DynamoDB), timed by the caller. */
    public synchronized void recordSourceRead(Duration took) {
        sourceReads.add(took);
    }

    public synchronized void reset() {
        hits = 0;
        misses = 0;
        errors = 0;
        cacheReads.clear();
        sourceReads.clear();
        Arrays.fill(bucketSecond, Long.MIN_VALUE);
    }

    public synchronized Snapshot snapshot() {
        long now = clock.instant().getEpochSecond();
        int n = bucketSecond.length;
        List<SecondCount> series = new ArrayList<>(n);
        for (long second = now - n + 1; second <= now; second++) {
            int i = index(second);
            boolean current = bucketSecond[i] == second;
            series.add(new SecondCount(Instant.ofEpochSecond(second),
                    current ? bucketHits[i] : 0, current ? bucketMisses[i] : 0, current ? bucketErrors[i] : 0));
        }
        long reads = hits + misses;
        return new Snapshot(hits, misses, errors, reads == 0 ? 0.0 : (double) hits / reads,
                cacheReads.percentile(50), cacheReads.percentile(95), cacheReads.count(),
                sourceReads.percentile(50), sourceReads.percentile(95), sourceReads.count(),
                List.copyOf(series));
    }

    /** The index of the current second's counters, cleared if they held an older second. */
    private int currentBucket() {
        long second = clock.instant().getEpochSecond();
        int i = index(second);
        if (bucketSecond[i] != second) {
            bucketSecond[i] = second;
            bucketHits[i] = 0;
            bucketMisses[i] = 0;
            bucketErrors[i] = 0;
        }
        return i;
    }

    private int index(long second) {
        return (int) Math.floorMod(second, (long) bucketSecond.length);
    }

    /** The most recent latencies in a ring; percentiles by nearest rank. */
    private static final class LatencyWindow {
        private final long[] nanos;
        private int next;
        private long count;

        LatencyWindow(int size) {
            nanos = new long[size];
        }

        void add(Duration took) {
            nanos[next] = took.toNanos();
            next = (next + 1) % nanos.length;
            count++;
        }

        void clear() {
            next = 0;
            count = 0;
        }

        long count() {
            return count;
        }

        Duration percentile(int p) {
            int filled = (int) Math.min(count, nanos.length);
            if (filled == 0) {
                return Duration.ZERO;
            }
            long[] sorted = Arrays.copyOf(nanos, filled);
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(p / 100.0 * filled);
            return Duration.ofNanos(sorted[Math.max(0, rank - 1)]);
        }
    }
}
