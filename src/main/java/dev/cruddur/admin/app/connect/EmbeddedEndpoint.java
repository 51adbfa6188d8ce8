package dev.cruddur.admin.app.connect;

import dev.cruddur.admin.store.StoreException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * The embedded DynamoDB-compatible engine as the app sees it: start it on a data directory and
 * get its loopback endpoint. An interface so that view-model tests can run without one.
 */
public interface EmbeddedEndpoint {
    /** Starts the engine (or returns the running one's endpoint) on {@code dataDir}. */
    URI start(Path dataDir);

    /**
     * What opening {@code dataDir} found and repaired (a torn last write cut off, damage set aside), given once
     * after the start that found it; empty otherwise, and for an engine another process runs.
     */
    default List<String> takeOpenWarnings(Path dataDir) {
        return List.of();
    }

    /** What a build without the engine answers. */
    EmbeddedEndpoint UNAVAILABLE = dataDir -> {
        throw new StoreException(StoreException.Kind.OTHER,
                "The embedded engine is not available in this build: use a Local endpoint or AWS profile.");
    };

    /** The engine of this build, started in-process (see {@link EmbeddedServicesEndpoint}). */
    static EmbeddedEndpoint installed() {
        return new EmbeddedServicesEndpoint();
    }
}
