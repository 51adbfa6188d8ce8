package dev.cruddur.admin.app.connect;

import dev.cruddur.admin.app.EmbeddedServices;
import dev.cruddur.admin.domain.TableKeys;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The window's embedded connection: the embedded engine (and cache) started in this process on a
 * data directory, with the demo data on a first start; or, when another Cruddur Admin (a second
 * window, or {@code serve}) already owns the directory, that one's endpoint. What it starts runs
 * until the JVM exits.
 */
final class EmbeddedServicesEndpoint implements EmbeddedEndpoint {
    private final Map<Path, EmbeddedServices> started = new ConcurrentHashMap<>();
    private final Set<Path> warned = ConcurrentHashMap.newKeySet();

    EmbeddedServicesEndpoint() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> started.values().forEach(EmbeddedServices::close),
                "embedded-services-shutdown"));
    }

    /** Synchronized: the window may start its data early on one thread while its connect asks on another (DesktopApp). */
    @Override
    public synchronized URI start(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        EmbeddedServices mine = started.get(dir);
        if (mine != null) return mine.dynamoEndpoint();
        Optional<URI> elsewhere = EmbeddedServices.runningIn(dir);
        if (elsewhere.isPresent()) return elsewhere.get();
        EmbeddedServices services = started.computeIfAbsent(dir, d -> EmbeddedServices.persistent(d, 0, 0));
        services.seedDemoOnFirstStart(TableKeys.DEFAULT_TABLE);
        return services.dynamoEndpoint();
    }

    @Override
    public List<String> takeOpenWarnings(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        EmbeddedServices mine = started.get(dir);
        if (mine == null || !warned.add(dir)) return List.of();
        return mine.openWarnings();
    }
}
