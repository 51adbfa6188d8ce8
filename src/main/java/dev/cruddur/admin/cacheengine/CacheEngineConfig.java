package dev.cruddur.admin.cacheengine;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How an {@link EmbeddedCacheServer} is set up.
 *
 * @param port          loopback port to listen on, 0 for any free port
 * @param token         if present, every request must carry exactly this {@code authorization} value
 * @param initialCaches caches that exist as soon as the server starts
 * @param maxTtl        the longest TTL an item may have (Momento: 24 h)
 * @param maxItemBytes  the largest key plus value accepted (Momento: 5 MB)
 * @param sweepInterval how often expired items are swept out (reads also drop them lazily)
 */
public record CacheEngineConfig(
        int port,
        Optional<String> token,
        List<String> initialCaches,
        Duration maxTtl,
        long maxItemBytes,
        Duration sweepInterval) {

    public static final Duration MOMENTO_MAX_TTL = Duration.ofHours(24);
    public static final long MOMENTO_MAX_ITEM_BYTES = 5L * 1024 * 1024;

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
    }

    /** Momento's limits, no token, no caches, a sweep every second. */
    public static CacheEngineConfig onPort(int port) {
        return new CacheEngineConfig(port, Optional.empty(), List.of(),
                MOMENTO_MAX_TTL, MOMENTO_MAX_ITEM_BYTES, Duration.ofSeconds(1));
    }

    public CacheEngineConfig withToken(String newToken) {
        return new CacheEngineConfig(port, Optional.of(newToken), initialCaches, maxTtl, maxItemBytes, sweepInterval);
    }

    public CacheEngineConfig withCaches(String... names) {
        return new CacheEngineConfig(port, token, List.of(names), maxTtl, maxItemBytes, sweepInterval);
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "CacheEngineConfig[port=" + port + ", token=" + (token.isPresent() ? "(set)" : "(none)")
                + ", initialCaches=" + initialCaches + ", maxTtl=" + maxTtl
                + ", maxItemBytes=" + maxItemBytes + ", sweepInterval=" + sweepInterval + "]";
    }
}
