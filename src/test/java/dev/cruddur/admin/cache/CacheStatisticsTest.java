package dev.cruddur.admin.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class CacheStatisticsTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-11-25T08:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void emptyStatisticsAreZeroNotNaN() {
        CacheStatistics.Snapshot snapshot = new CacheStatistics().snapshot();
        assertThat(snapshot.hitRatio()).isZero();
        assertThat(snapshot.cacheP95()).isEqualTo(Duration.ZERO);
        assertThat(snapshot.perSecond()).hasSize(120).allMatch(s -> s.hits() == 0 && s.misses() == 0);
    }

    @Test
    void hitRatioCountsHitsAgainstAllReads() {
        CacheStatistics statistics = new CacheStatistics();
        statistics.recordHit(Duration.ofMillis(1));
        statistics.recordHit(Duration.ofMillis(1));
        statistics.recordHit(Duration.ofMillis(1));
        statistics.recordMiss(Duration.ofMillis(1));
        statistics.recordError();
        CacheStatistics.Snapshot snapshot = statistics.snapshot();
        assertThat(snapshot.hits()).isEqualTo(3);
        assertThat(snapshot.misses()).isEqualTo(1);
        assertThat(snapshot.errors()).isEqualTo(1);
        assertThat(snapshot.hitRatio()).isEqualTo(0.75);
    }

    @Test
    void percentilesAreByNearestRankAndKeptApartForCacheAndSource() {
        CacheStatistics statistics = new CacheStatistics();
        for (int ms = 1; ms <= 100; ms++) {
            statistics.recordHit(Duration.ofMillis(ms));
            statistics.recordSourceRead(Duration.ofMillis(ms * 10L));
        }
        CacheStatistics.Snapshot snapshot = statistics.snapshot();
        assertThat(snapshot.cacheP50()).isEqualTo(Duration.ofMillis(50));
        assertThat(snapshot.cacheP95()).isEqualTo(Duration.ofMillis(95));
        assertThat(snapshot.sourceP50()).isEqualTo(Duration.ofMillis(500));
        assertThat(snapshot.sourceP95()).isEqualTo(Duration.ofMillis(950));
        assertThat(snapshot.cacheSamples()).isEqualTo(100);
        assertThat(snapshot.sourceSamples()).isEqualTo(100);
    }

    @Test
    void percentilesFollowTheMostRecentSamples() {
        CacheStatistics statistics = new CacheStatistics(Clock.systemUTC(), 10, 5);
        for (int i = 0; i < 10; i++) {
            statistics.recordHit(Duration.ofSeconds(9));
        }
        for (int i = 0; i < 10; i++) {
            statistics.recordHit(Duration.ofMillis(2));
        }
        assertThat(statistics.snapshot().cacheP95()).isEqualTo(Duration.ofMillis(2));
    }

    @Test
    void perSecondSeriesPutsEachReadInItsSecondAndForgetsOldSeconds() {
        ManualClock clock = new ManualClock();
        CacheStatistics statistics = new CacheStatistics(clock, 100, 3);
        statistics.recordHit(Duration.ofMillis(1));
        statistics.recordMiss(Duration.ofMillis(1));
        clock.advance(Duration.ofSeconds(1));
        statistics.recordHit(Duration.ofMillis(1));
        statistics.recordHit(Duration.ofMillis(1));
        statistics.recordError();

        List<CacheStatistics.SecondCount> series = statistics.snapshot().perSecond();
        assertThat(series).extracting(CacheStatistics.SecondCount::second).containsExactly(
                Instant.parse("2026-11-25T07:59:59Z"), Instant.parse("2026-11-25T08:00:00Z"),
                Instant.parse("2026-11-25T08:00:01Z"));
        assertThat(series).extracting(CacheStatistics.SecondCount::hits).containsExactly(0L, 1L, 2L);
        assertThat(series).extracting(CacheStatistics.SecondCount::misses).containsExactly(0L, 1L, 0L);
        assertThat(series).extracting(CacheStatistics.SecondCount::errors).containsExactly(0L, 0L, 1L);

        clock.advance(Duration.ofSeconds(3));
        statistics.recordMiss(Duration.ofMillis(1));
        series = statistics.snapshot().perSecond();
        assertThat(series).extracting(CacheStatistics.SecondCount::hits).containsExactly(0L, 0L, 0L);
        assertThat(series).extracting(CacheStatistics.SecondCount::misses).containsExactly(0L, 0L, 1L);
        // the totals remember what the chart forgot
        assertThat(statistics.snapshot().hits()).isEqualTo(3);
    }

    @Test
    void concurrentRecordingLosesNothing() throws Exception {
        CacheStatistics statistics = new CacheStatistics();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 10_000; i++) {
                        statistics.recordHit(Duration.ofNanos(i));
                        statistics.recordMiss(Duration.ofNanos(i));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(statistics.snapshot().hits()).isEqualTo(40_000);
        assertThat(statistics.snapshot().misses()).isEqualTo(40_000);
    }

    @Test
    void resetStartsOver() {
        CacheStatistics statistics = new CacheStatistics();
        statistics.recordHit(Duration.ofMillis(3));
        statistics.recordError();
        statistics.reset();
        CacheStatistics.Snapshot snapshot = statistics.snapshot();
        assertThat(snapshot.hits()).isZero();
        assertThat(snapshot.errors()).isZero();
        assertThat(snapshot.cacheSamples()).isZero();
    }
}
