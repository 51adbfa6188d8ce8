package dev.cruddur.admin.cacheengine;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How an {@link EmbeddedCacheServer} is set up.
 *
 * @param port          loopback port to listen on, 0 for any free port
 * @param token         if present, every request must carry this token as its {@code authorization}
 *                      (or the secret inside it, see {@link CacheToken})
 * @param initialCaches caches that exist as soon as the server starts
 * @param maxTtl        the longest TTL an item may have (Momento: 24 h)
 * @param maxItemBytes  the largest key plus value accepted (Momento: 5,000,000 bytes, see the README)
 * @param sweepInterval how often expired items are swept out (reads also drop them lazily)
 * @param maxValueBytes the memory bound: keys and values held beyond it evict the least recently used items
 * @param rateLimits    the per-cache request rate and throughput reported by {@code listCaches}, enforced or not
 */
public record CacheEngineConfig(
        int port,
        Optional<String> token,
        List<String> initialCaches,
        Duration maxTtl,
        long maxItemBytes,
        Duration sweepInterval,
        long maxValueBytes,
        CacheRateLimits rateLimits) {

    public static final Duration MOMENTO_MAX_TTL = Duration.ofHours(24);
    /** What Momento's SDK tests expect the service to accept at most (its docs say 5 MB). */
    public static final long MOMENTO_MAX_ITEM_BYTES = 5_000_000L;
    public static final long DEFAULT_MAX_VALUE_BYTES = 64L * 1024 * 1024;

    public CacheEngineConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        Objects.requireNonNull(token, "token");
        initialCaches = List.copyOf(initialCaches);
        if (maxTtl.isNegative() || maxTtl.isZero()) {
            throw new IllegalArgumentException("maxTtl must be positive");
        }
        if (maxItemBytes <= 0) {
            throw new IllegalArgumentException("maxItemBytes must be positive");
        }
        if (sweepInterval.isNegative() || sweepInterval.isZero()) {
            throw new IllegalArgumentException("sweepInterval must be positive");
        }
        if (maxValueBytes <= 0) {
            throw new IllegalArgumentException("maxValueBytes must be positive");
        }
        Objects.requireNonNull(rateLimits, "rateLimits");
    }

    /** The seven-part form of earlier versions: Momento's rate limits, reported only. */
    public CacheEngineConfig(int port, Optional<String> token, List<String> initialCaches, Duration maxTtl,
                             long maxItemBytes, Duration sweepInterval, long maxValueBytes) {
        this(port, token, initialCaches, maxTtl, maxItemBytes, sweepInterval, maxValueBytes, CacheRateLimits.reportedOnly());
    }

    /** The six-part form of earlier versions: the default memory bound. */
    public CacheEngineConfig(int port, Optional<String> token, List<String> initialCaches, Duration maxTtl,
                             long maxItemBytes, Duration sweepInterval) {
        this(port, token, initialCaches, maxTtl, maxItemBytes, sweepInterval, DEFAULT_MAX_VALUE_BYTES);
    }

    /** Momento's limits (the rates reported, not enforced), no token, no caches, a sweep every second, 64 MB of values. */
    public static CacheEngineConfig onPort(int port) {
        return new CacheEngineConfig(port, Optional.empty(), List.of(),
                MOMENTO_MAX_TTL, MOMENTO_MAX_ITEM_BYTES, Duration.ofSeconds(1), DEFAULT_MAX_VALUE_BYTES);
    }

    public CacheEngineConfig withToken(String newToken) {
        return new CacheEngineConfig(port, Optional.of(newToken), initialCaches, maxTtl, maxItemBytes, sweepInterval,
                maxValueBytes, rateLimits);
    }

    public CacheEngineConfig withCaches(String... names) {
        return new CacheEngineConfig(port, token, List.of(names), maxTtl, maxItemBytes, sweepInterval, maxValueBytes,
                rateLimits);
    }

    public CacheEngineConfig withMaxValueBytes(long bound) {
        return new CacheEngineConfig(port, token, initialCaches, maxTtl, maxItemBytes, sweepInterval, bound, rateLimits);
    }

    public CacheEngineConfig withRateLimits(CacheRateLimits limits) {
        return new CacheEngineConfig(port, token, initialCaches, maxTtl, maxItemBytes, sweepInterval, maxValueBytes, limits);
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "CacheEngineConfig[port=" + port + ", token=" + (token.isPresent() ? "(set)" : "(none)")
                + ", initialCaches=" + initialCaches + ", maxTtl=" + maxTtl
                + ", maxItemBytes=" + maxItemBytes + ", sweepInterval=" + sweepInterval
                + ", maxValueBytes=" + maxValueBytes + ", rateLimits=" + rateLimits + "]";
    }
}
