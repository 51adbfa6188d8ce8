package dev.cruddur.admin.app.connect;

import dev.cruddur.admin.store.StoreException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ServiceLoader;

/**
 * The embedded DynamoDB-compatible engine as the app sees it: start it on a data directory and
 * get its loopback endpoint. The engine lives on another branch; it registers an implementation
 * through {@link ServiceLoader} ({@code META-INF/services/dev.cruddur.admin.app.connect.EmbeddedEndpoint}).
 */
public interface EmbeddedEndpoint {
    /** Starts the engine (or returns the running one's endpoint) on {@code dataDir}. */
    URI start(Path dataDir);

    /** What a build without the engine answers. */
    EmbeddedEndpoint UNAVAILABLE = dataDir -> {
        throw new StoreException(StoreException.Kind.OTHER,
                "The embedded engine is not available in this build: use a Local endpoint or AWS profile.");
    };

    /** The engine registered in this build, else {@link #UNAVAILABLE}. */
    static EmbeddedEndpoint installed() {
        return ServiceLoader.load(EmbeddedEndpoint.class).findFirst().orElse(UNAVAILABLE);
    }
}
