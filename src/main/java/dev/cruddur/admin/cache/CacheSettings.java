package dev.cruddur.admin.cache;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything needed to open a {@link CacheStore}.
 *
 * @param connection where the cache is
 * @param cacheName  the cache the data calls use by default
 * @param defaultTtl the TTL of items written without one
 * @param timeout    how long one call may take before it counts as failed
 */
public record CacheSettings(CacheConnection connection, String cacheName, Duration defaultTtl, Duration timeout) {

    public static final String DEFAULT_CACHE_NAME = "cruddur";
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(600);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration MAX_TTL = Duration.ofHours(24);

    public CacheSettings {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(cacheName, "cacheName");
        if (cacheName.isBlank()) {
            throw new IllegalArgumentException("cache name is blank");
        }
        if (defaultTtl.isNegative() || defaultTtl.isZero() || defaultTtl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("default TTL must be between 1 s and 24 h: " + defaultTtl);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    /** The embedded cache named {@code cruddur}, a 600 s TTL and a 2 s timeout. */
    public static CacheSettings embedded() {
        return new CacheSettings(new CacheConnection.Embedded(), DEFAULT_CACHE_NAME, DEFAULT_TTL, DEFAULT_TIMEOUT);
    }

    public static CacheSettings fromEnvironment() throws CacheSettingsException {
        return fromEnvironment(System.getenv());
    }

    /**
     * Reads {@code MOMENTO_API_KEY}, else Cruddur's {@code MOMENTO_AUTH_TOKEN}, else
     * {@code MOMENTO_API_KEY_FILE} (a file only its owner may read) for Momento's service;
     * else {@code MOMENTO_LOCAL_ENDPOINT} ({@code host:port}) for a Momento-compatible server;
     * else the embedded cache. {@code MOMENTO_CACHE_NAME} (default {@code cruddur}) and
     * {@code MOMENTO_TTL_SECONDS} (default 600) apply to all.
     */
    public static CacheSettings fromEnvironment(Map<String, String> env) throws CacheSettingsException {
        CacheConnection connection;
        Optional<String> key = value(env, "MOMENTO_API_KEY").or(() -> value(env, "MOMENTO_AUTH_TOKEN"));
        Optional<String> keyFile = value(env, "MOMENTO_API_KEY_FILE");
        Optional<String> local = value(env, "MOMENTO_LOCAL_ENDPOINT");
        if (key.isPresent()) {
            connection = new CacheConnection.Momento(ApiKey.of(key.get()));
        } else if (keyFile.isPresent()) {
            connection = new CacheConnection.Momento(ApiKey.fromFile(Path.of(keyFile.get())));
        } else if (local.isPresent()) {
            connection = parseLocal(local.get());
        } else {
            connection = new CacheConnection.Embedded();
        }
        String cacheName = value(env, "MOMENTO_CACHE_NAME").orElse(DEFAULT_CACHE_NAME);
        Duration ttl = DEFAULT_TTL;
        Optional<String> ttlText = value(env, "MOMENTO_TTL_SECONDS");
        if (ttlText.isPresent()) {
            long seconds;
            try {
                seconds = Long.parseLong(ttlText.get());
            } catch (NumberFormatException e) {
                throw new CacheSettingsException("MOMENTO_TTL_SECONDS must be a whole number of seconds, not '"
                        + ttlText.get() + "'");
            }
            if (seconds < 1 || seconds > MAX_TTL.toSeconds()) {
                throw new CacheSettingsException("MOMENTO_TTL_SECONDS must be between 1 and 86400 (24 h), not " + seconds);
            }
            ttl = Duration.ofSeconds(seconds);
        }
        return new CacheSettings(connection, cacheName, ttl, DEFAULT_TIMEOUT);
    }

    public CacheSettings withConnection(CacheConnection newConnection) {
        return new CacheSettings(newConnection, cacheName, defaultTtl, timeout);
    }

    public CacheSettings withCacheName(String newCacheName) {
        return new CacheSettings(connection, newCacheName, defaultTtl, timeout);
    }

    public CacheSettings withDefaultTtl(Duration newTtl) {
        return new CacheSettings(connection, cacheName, newTtl, timeout);
    }

    public CacheSettings withTimeout(Duration newTimeout) {
        return new CacheSettings(connection, cacheName, defaultTtl, newTimeout);
    }

    private static CacheConnection.Local parseLocal(String endpoint) throws CacheSettingsException {
        int colon = endpoint.lastIndexOf(':');
        if (colon <= 0 || colon == endpoint.length() - 1) {
            throw new CacheSettingsException("MOMENTO_LOCAL_ENDPOINT must be host:port, not '" + endpoint + "'");
        }
        try {
            int port = Integer.parseInt(endpoint.substring(colon + 1));
            return new CacheConnection.Local(endpoint.substring(0, colon), port);
        } catch (IllegalArgumentException e) {
            throw new CacheSettingsException("MOMENTO_LOCAL_ENDPOINT must be host:port with a port from 1 to 65535, not '"
                    + endpoint + "'");
        }
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }
}
