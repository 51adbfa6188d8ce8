package dev.cruddur.admin.engine.http;

import java.time.Duration;

/**
 * What one endpoint lets its clients hold.
 *
 * @param maxConnections how many connections are served at once; a new one beyond it takes the place of the
 *                       connection idle the longest, or is answered 503 when every one is busy
 * @param idleTimeout    how long a connection may stay silent between requests, and how long one request may take to
 *                       arrive whole, before the connection is closed
 * @param maxBodyBytes   the largest request body, whether announced by Content-Length or sent in chunks
 */
public record HttpLimits(int maxConnections, Duration idleTimeout, long maxBodyBytes) {
    /** 256 connections cost at most ~35 MB of threads and buffers; the AWS SDKs open 50 at most per client. */
    public static final HttpLimits DEFAULTS = new HttpLimits(256, Duration.ofSeconds(60), 64L * 1024 * 1024);

    public HttpLimits {
        if (maxConnections < 1) throw new IllegalArgumentException("maxConnections must be at least 1: " + maxConnections);
        if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero() || idleTimeout.toMillis() > Integer.MAX_VALUE)
            throw new IllegalArgumentException("idleTimeout must be positive and under 24 days: " + idleTimeout);
        if (maxBodyBytes < 1 || maxBodyBytes > Integer.MAX_VALUE - 8)
            throw new IllegalArgumentException("maxBodyBytes must be between 1 and 2 GB: " + maxBodyBytes);
    }

    public HttpLimits withMaxConnections(int n) { return new HttpLimits(n, idleTimeout, maxBodyBytes); }

    public HttpLimits withIdleTimeout(Duration d) { return new HttpLimits(maxConnections, d, maxBodyBytes); }
}
