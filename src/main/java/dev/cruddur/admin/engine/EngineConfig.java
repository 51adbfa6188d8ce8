package dev.cruddur.admin.engine;

import dev.cruddur.admin.engine.http.HttpLimits;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How to start the embedded endpoint.
 *
 * @param port    the loopback port, or 0 for any free one
 * @param dataDir where the data lives; empty keeps everything in memory
 * @param http    what clients may hold: connections, idle time, body size
 */
public record EngineConfig(int port, Optional<Path> dataDir, HttpLimits http) {
    public EngineConfig {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
        dataDir = dataDir == null ? Optional.empty() : dataDir;
        http = http == null ? HttpLimits.DEFAULTS : http;
    }

    public EngineConfig(int port, Optional<Path> dataDir) { this(port, dataDir, HttpLimits.DEFAULTS); }

    public static EngineConfig inMemory() { return new EngineConfig(0, Optional.empty()); }

    public static EngineConfig persistent(Path dataDir) { return new EngineConfig(0, Optional.of(dataDir)); }

    public EngineConfig withPort(int newPort) { return new EngineConfig(newPort, dataDir, http); }

    public EngineConfig withHttpLimits(HttpLimits limits) { return new EngineConfig(port, dataDir, limits); }
}
