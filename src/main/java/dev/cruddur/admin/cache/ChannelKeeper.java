package dev.cruddur.admin.cache;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import momento.sdk.CacheClient;

/**
 * Keeps the SDK's two channels (data plane, control plane) on their one connection while the
 * window sits idle. gRPC-java closes a channel's connection after 30 minutes without a call
 * (its client idle mode, which Momento's Java SDK 1.21 leaves at the default and offers no
 * setting for); its keepalive pings do not count as calls. So a cheap call on each channel,
 * every {@link #DEFAULT_EVERY}, holds the connection as an open window would want it: the next
 * real call does not pay a new connection (and, against the service, a new TLS handshake).
 *
 * <p>The calls are a TTL look-up of a key nobody writes and a cache listing; their answers,
 * failures included, are ignored and never logged, and they bypass the store's statistics.
 */
final class ChannelKeeper implements AutoCloseable {
    /** Below gRPC's 30-minute idle timeout, with room for a late tick. */
    static final Duration DEFAULT_EVERY = Duration.ofMinutes(20);

    /** A key this application never writes: its TTL look-up answers a miss and changes nothing. */
    static final String UNUSED_KEY = "cruddur-admin:channel-keeper";

    private final ScheduledExecutorService ticker;

    ChannelKeeper(CacheClient client, String cacheName, Duration every) {
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cache-channel-keeper");
            thread.setDaemon(true);
            return thread;
        });
        long millis = every.toMillis();
        ticker.scheduleWithFixedDelay(() -> touch(client, cacheName), millis, millis, TimeUnit.MILLISECONDS);
    }

    private static void touch(CacheClient client, String cacheName) {
        try {
            client.itemGetTtl(cacheName, UNUSED_KEY);
            client.listCaches();
        } catch (RuntimeException closedOrRefused) {
            // the client is closing, or refused before sending: the next tick (if any) tries again
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
