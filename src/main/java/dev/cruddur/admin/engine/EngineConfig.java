package dev.cruddur.admin.engine;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How to start the embedded endpoint.
 *
 * @param port    the loopback port, or 0 for any free one
 * @param dataDir where the data lives; empty keeps everything in memory
 */
public record EngineConfig(int port, Optional<Path> dataDir) {
    public EngineConfig {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
        dataDir = dataDir == null ? Optional.empty() : dataDir;
    }

    public static EngineConfig inMemory() { return new EngineConfig(0, Optional.empty()); }

    public static EngineConfig persistent(Path dataDir) { return new EngineConfig(0, Optional.of(dataDir)); }

    public EngineConfig withPort(int newPort) { return new EngineConfig(newPort, dataDir); }
}
