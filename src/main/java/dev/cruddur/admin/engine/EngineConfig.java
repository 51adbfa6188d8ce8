package dev.cruddur.admin.engine;

import dev.cruddur.admin.engine.http.HttpLimits;
import dev.cruddur.admin.engine.storage.Durability;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * How to start the embedded endpoint.
 *
 * @param port               the loopback port, or 0 for any free one
 * @param dataDir            where the data lives; empty keeps everything in memory
 * @param durability         when the write-ahead log is forced to disk (what a power cut can cost)
 * @param syncIntervalMillis for {@link Durability#INTERVAL}: at most this long between forces
 * @param clock              the engine's time (tests move it to expire tokens without waiting)
 * @param http               what clients may hold: connections, idle time, body size
 * @param createTableMillis  how long a new table stays CREATING before it is ACTIVE: 0, the default, as dynalite's
 *                           --createTableMs (CreateTable's own answer says CREATING either way, as DynamoDB's does)
 */
public record EngineConfig(int port, Optional<Path> dataDir, Durability durability, long syncIntervalMillis, Clock clock, HttpLimits http,
                           long createTableMillis) {
    /** A developer's laptop: a killed process loses nothing, a power cut at most about a second. */
    public static final Durability DEFAULT_DURABILITY = Durability.INTERVAL;
    public static final long DEFAULT_SYNC_INTERVAL_MILLIS = 1000;

    public EngineConfig {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
        dataDir = dataDir == null ? Optional.empty() : dataDir;
        durability = durability == null ? DEFAULT_DURABILITY : durability;
        if (syncIntervalMillis <= 0) throw new IllegalArgumentException("sync interval must be positive: " + syncIntervalMillis);
        clock = clock == null ? Clock.systemUTC() : clock;
        http = http == null ? HttpLimits.DEFAULTS : http;
        if (createTableMillis < 0) throw new IllegalArgumentException("create-table delay must not be negative: " + createTableMillis);
    }

    public EngineConfig(int port, Optional<Path> dataDir, Durability durability, long syncIntervalMillis, Clock clock, HttpLimits http) {
        this(port, dataDir, durability, syncIntervalMillis, clock, http, 0);
    }

    public EngineConfig(int port, Optional<Path> dataDir) {
        this(port, dataDir, DEFAULT_DURABILITY, DEFAULT_SYNC_INTERVAL_MILLIS, Clock.systemUTC(), HttpLimits.DEFAULTS);
    }

    public static EngineConfig inMemory() { return new EngineConfig(0, Optional.empty()); }

    public static EngineConfig persistent(Path dataDir) { return new EngineConfig(0, Optional.of(dataDir)); }

    public EngineConfig withPort(int newPort) { return new EngineConfig(newPort, dataDir, durability, syncIntervalMillis, clock, http, createTableMillis); }

    public EngineConfig withDurability(Durability newDurability) { return new EngineConfig(port, dataDir, newDurability, syncIntervalMillis, clock, http, createTableMillis); }

    public EngineConfig withClock(Clock newClock) { return new EngineConfig(port, dataDir, durability, syncIntervalMillis, newClock, http, createTableMillis); }

    public EngineConfig withHttpLimits(HttpLimits limits) { return new EngineConfig(port, dataDir, durability, syncIntervalMillis, clock, limits, createTableMillis); }

    public EngineConfig withCreateTableDelay(java.time.Duration delay) {
        return new EngineConfig(port, dataDir, durability, syncIntervalMillis, clock, http, delay.toMillis());
    }
}
