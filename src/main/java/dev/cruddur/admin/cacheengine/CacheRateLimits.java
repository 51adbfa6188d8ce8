package dev.cruddur.admin.cacheengine;

/**
 * The per-cache request rate and throughput {@code listCaches} reports, and whether the server
 * holds clients to them. Momento's service does (it answers LIMIT_EXCEEDED past them); the
 * embedded cache by default only reports them, so the window, the tests and the benchmarks are
 * never throttled by a limit meant for a shared service.
 *
 * @param operationsPerSecond data-plane calls per second per cache (a second's worth may come at once)
 * @param kibPerSecond        request and response bytes per second per cache, in KiB
 * @param enforced            refuse calls beyond them, as the service does
 */
public record CacheRateLimits(int operationsPerSecond, int kibPerSecond, boolean enforced) {
    /** Momento's default per-cache request rate (operations per second) and throughput (KiB/s). */
    public static final int MOMENTO_OPERATIONS_PER_SECOND = 100;
    public static final int MOMENTO_KIB_PER_SECOND = 1024;

    public CacheRateLimits {
        if (operationsPerSecond <= 0 || kibPerSecond <= 0) {
            throw new IllegalArgumentException("rate limits must be positive: " + operationsPerSecond + " ops/s, " + kibPerSecond + " KiB/s");
        }
    }

    /** Momento's figures, reported but not enforced: the embedded cache's default. */
    public static CacheRateLimits reportedOnly() {
        return new CacheRateLimits(MOMENTO_OPERATIONS_PER_SECOND, MOMENTO_KIB_PER_SECOND, false);
    }

    /** Momento's figures, enforced as the service does. */
    public static CacheRateLimits asTheService() {
        return new CacheRateLimits(MOMENTO_OPERATIONS_PER_SECOND, MOMENTO_KIB_PER_SECOND, true);
    }

    public static CacheRateLimits enforced(int operationsPerSecond, int kibPerSecond) {
        return new CacheRateLimits(operationsPerSecond, kibPerSecond, true);
    }
}
