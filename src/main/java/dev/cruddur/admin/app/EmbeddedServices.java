package dev.cruddur.admin.app;

import dev.cruddur.admin.cacheengine.EmbeddedCacheServer;
import dev.cruddur.admin.engine.EmbeddedDynamo;
import dev.cruddur.admin.engine.EngineConfig;
import dev.cruddur.admin.store.DynamoConnection;
import dev.cruddur.admin.store.DynamoTarget;
import dev.cruddur.admin.store.Seeder;
import dev.cruddur.admin.store.StoreException;
import dev.cruddur.admin.store.TableSchema;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Optional;

/**
 * The zero-set-up endpoints: the embedded DynamoDB engine and the embedded Momento-compatible
 * cache, on loopback. With a data directory, one process owns it at a time (a file lock); it
 * writes its URL there, so the command line and a second window use the running one instead of
 * opening the same files twice.
 */
public final class EmbeddedServices implements AutoCloseable {
    private static final String LOCK = "lock";
    private static final String ENDPOINT_FILE = "endpoint.url";
    private static final String CACHE_PORT_FILE = "cache.port";

    /** The data directories this JVM owns. */
    private static final java.util.Set<Path> OWNED_HERE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final EmbeddedDynamo dynamo;
    private final EmbeddedCacheServer cache;
    private final Optional<Path> dataDir;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private EmbeddedServices(EmbeddedDynamo dynamo, EmbeddedCacheServer cache, Optional<Path> dataDir,
                             FileChannel lockChannel, FileLock lock) {
        this.dynamo = dynamo;
        this.cache = cache;
        this.dataDir = dataDir;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Both endpoints with nothing kept on disk. */
    public static EmbeddedServices inMemory(int dynamoPort, int cachePort) {
        EmbeddedDynamo dynamo = EmbeddedDynamo.start(EngineConfig.inMemory().withPort(dynamoPort));
        return new EmbeddedServices(dynamo, startCache(cachePort, dynamo), Optional.empty(), null, null);
    }

    /**
     * Both endpoints, the DynamoDB data kept in {@code dir}. Fails with a plain message when
     * another process owns the directory: use {@link #runningIn(Path)} to find it.
     */
    public static EmbeddedServices persistent(Path dir, int dynamoPort, int cachePort) {
        if (OWNED_HERE.contains(key(dir))) {
            // not even a probe: closing a channel of the lock file would release this JVM's lock on it
            throw new StoreException(StoreException.Kind.INVALID, "The embedded data in " + dir
                    + " is in use by another Cruddur Admin" + runningIn(dir).map(u -> " at " + u).orElse("") + ".");
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) throw new OverlappingFileLockException();
            OWNED_HERE.add(key(dir));
            EmbeddedDynamo dynamo = EmbeddedDynamo.start(new EngineConfig(dynamoPort, Optional.of(dir.resolve("dynamodb"))));
            EmbeddedServices services = new EmbeddedServices(dynamo, startCache(cachePort, dynamo), Optional.of(dir), channel, lock);
            AtomicFiles.replace(dir.resolve(ENDPOINT_FILE), dynamo.endpoint() + "\n");
            AtomicFiles.replace(dir.resolve(CACHE_PORT_FILE), services.cachePort() + "\n");
            services.publishedCache().publishIn(dir);
            return services;
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new StoreException(StoreException.Kind.INVALID, "The embedded data in " + dir
                    + " is in use by another Cruddur Admin" + runningIn(dir).map(u -> " at " + u).orElse("") + ".");
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreException(StoreException.Kind.OTHER, "Cannot open the embedded data in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static EmbeddedCacheServer startCache(int port, EmbeddedDynamo dynamo) {
        try {
            return EmbeddedCacheServer.start(port);
        } catch (RuntimeException e) {
            dynamo.close();
            throw e;
        }
    }

    /** The endpoint of another process that owns {@code dir}, if one does and it left its URL. */
    public static Optional<URI> runningIn(Path dir) {
        Path endpointFile = dir.resolve(ENDPOINT_FILE);
        if (!Files.exists(endpointFile) || !ownedByARunningProcess(dir)) return Optional.empty();
        try {
            return Optional.of(URI.create(Files.readString(endpointFile, StandardCharsets.UTF_8).strip()));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The cache of the process that owns {@code dir}, as it published it ({@link PublishedCache}),
     * if one owns it; a record left by a run that ended is ignored.
     */
    public static Optional<PublishedCache> cacheRunningIn(Path dir) {
        return ownedByARunningProcess(dir) ? PublishedCache.readFrom(dir) : Optional.empty();
    }

    private static boolean ownedByARunningProcess(Path dir) {
        // never probe a lock this JVM holds: closing any channel of the file would release it (POSIX locks)
        if (OWNED_HERE.contains(key(dir))) return true;
        Path lockFile = dir.resolve(LOCK);
        if (!Files.exists(lockFile)) return false;
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock();
            if (probe != null) {
                probe.release();
                return false; // nobody holds it: what it left is from a run that ended
            }
            return true;
        } catch (OverlappingFileLockException e) {
            return true; // held by this very process (a window, or serve, in this JVM)
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Where this process's cache listens, as others should reach it. The token field stays empty
     * while the embedded cache serves without one.
     */
    public PublishedCache publishedCache() {
        return new PublishedCache(cache.host(), cache.port(), Optional.empty());
    }

    /** Creates the table and loads the demo data when the table is missing (a first start). */
    public boolean ensureDemoData(String table) {
        try (DynamoConnection connection = DynamoConnection.open(DynamoTarget.endpoint(dynamo.endpoint(), table))) {
            TableSchema schema = new TableSchema(connection);
            if (schema.describe().exists()) return false;
            schema.create();
            new Seeder(connection).seedFixture(Clock.systemUTC().instant(), Seeder.Progress.NONE);
            return true;
        }
    }

    public URI dynamoEndpoint() {
        return dynamo.endpoint();
    }

    public int cachePort() {
        return cache.port();
    }

    public Optional<Path> dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        cache.close();
        dynamo.close();
        dataDir.ifPresent(d -> {
            try {
                Files.deleteIfExists(d.resolve(ENDPOINT_FILE));
                Files.deleteIfExists(d.resolve(CACHE_PORT_FILE));
                PublishedCache.withdrawFrom(d);
            } catch (IOException ignored) {
                // a stale URL is harmless: runningIn checks the lock first
            }
        });
        dataDir.ifPresent(d -> OWNED_HERE.remove(key(d)));
        try {
            if (lock != null) lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        closeQuietly(lockChannel);
    }

    private static Path key(Path dir) {
        return dir.toAbsolutePath().normalize();
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) return;
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }
}
