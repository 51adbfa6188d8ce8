package dev.cruddur.admin.app;

import dev.cruddur.admin.cacheengine.CacheEngineConfig;
import dev.cruddur.admin.cacheengine.CacheRateLimits;
import dev.cruddur.admin.cacheengine.CacheToken;
import dev.cruddur.admin.cacheengine.EmbeddedCacheServer;
import dev.cruddur.admin.engine.EmbeddedDynamo;
import dev.cruddur.admin.engine.EngineConfig;
import dev.cruddur.admin.engine.storage.Durability;
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
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The zero-set-up endpoints: the embedded DynamoDB engine and the embedded Momento-compatible
 * cache, on loopback. With a data directory, one process owns it at a time (a file lock); it
 * writes its URL there, so the command line and a second window use the running one instead of
 * opening the same files twice.
 *
 * <p>The cache serves only the token kept in {@code cache.token} in the data directory (made
 * once per directory, readable by its owner only; see {@link #cacheTokenIn}), unless started
 * with {@link CacheAccess#open()}, which serves anyone on loopback.
 */
public final class EmbeddedServices implements AutoCloseable {
    private static final String LOCK = "lock";
    private static final String ENDPOINT_FILE = "endpoint.url";
    private static final String CACHE_PORT_FILE = "cache.port";
    /** The cache's token, beside its port; kept across runs, so a client's saved token stays good. */
    public static final String CACHE_TOKEN_FILE = "cache.token";

    /**
     * How the embedded cache is reached and bounded.
     *
     * @param tokenRequired   serve only the data directory's token (else anyone on loopback)
     * @param maxValueBytes   the memory bound of the cache's keys and values (least recently used evicted beyond it)
     * @param rateLimits      the per-cache request rate and throughput, reported and perhaps enforced
     */
    public record CacheAccess(boolean tokenRequired, long maxValueBytes, CacheRateLimits rateLimits) {
        public CacheAccess {
            if (maxValueBytes <= 0) throw new IllegalArgumentException("maxValueBytes must be positive");
            java.util.Objects.requireNonNull(rateLimits, "rateLimits");
        }

        public CacheAccess(boolean tokenRequired, long maxValueBytes) {
            this(tokenRequired, maxValueBytes, CacheRateLimits.reportedOnly());
        }

        /** A token, 64 MB of values, Momento's rate limits reported but not enforced. */
        public static CacheAccess withToken() {
            return new CacheAccess(true, CacheEngineConfig.DEFAULT_MAX_VALUE_BYTES);
        }

        /** No token: today's open mode, still on loopback only. */
        public static CacheAccess open() {
            return new CacheAccess(false, CacheEngineConfig.DEFAULT_MAX_VALUE_BYTES);
        }

        public CacheAccess withMaxValueBytes(long bound) {
            return new CacheAccess(tokenRequired, bound, rateLimits);
        }

        public CacheAccess withRateLimits(CacheRateLimits limits) {
            return new CacheAccess(tokenRequired, maxValueBytes, limits);
        }
    }
    /** Present once the demo data has been offered to this directory. */
    private static final String DEMO_MARKER = "demo-seeded";

    /** The data directories this JVM owns. */
    private static final java.util.Set<Path> OWNED_HERE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final EmbeddedDynamo dynamo;
    private final EmbeddedCacheServer cache;
    private final Optional<String> cacheToken;
    private final Optional<Path> dataDir;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private EmbeddedServices(EmbeddedDynamo dynamo, EmbeddedCacheServer cache, Optional<String> cacheToken,
                             Optional<Path> dataDir, FileChannel lockChannel, FileLock lock) {
        this.dynamo = dynamo;
        this.cache = cache;
        this.cacheToken = cacheToken;
        this.dataDir = dataDir;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Both endpoints with nothing kept on disk; the cache's token (a new one) only in memory. */
    public static EmbeddedServices inMemory(int dynamoPort, int cachePort) {
        return inMemory(dynamoPort, cachePort, CacheAccess.withToken());
    }

    public static EmbeddedServices inMemory(int dynamoPort, int cachePort, CacheAccess access) {
        EmbeddedDynamo dynamo = EmbeddedDynamo.start(EngineConfig.inMemory().withPort(dynamoPort));
        Optional<String> token = access.tokenRequired() ? Optional.of(CacheToken.generate()) : Optional.empty();
        return new EmbeddedServices(dynamo, startCache(cachePort, access, token, dynamo), token, Optional.empty(), null, null);
    }

    /**
     * Both endpoints, the DynamoDB data kept in {@code dir}. Fails with a plain message when
     * another process owns the directory: use {@link #runningIn(Path)} to find it.
     */
    public static EmbeddedServices persistent(Path dir, int dynamoPort, int cachePort) {
        return persistent(dir, dynamoPort, cachePort, CacheAccess.withToken(), EngineConfig.DEFAULT_DURABILITY);
    }

    /** As {@link #persistent(Path, int, int)}, the cache as {@code access} says, the log forced to disk as {@code durability} says. */
    public static EmbeddedServices persistent(Path dir, int dynamoPort, int cachePort, CacheAccess access, Durability durability) {
        if (OWNED_HERE.contains(key(dir))) {
            // not even a probe: closing a channel of the lock file would release this JVM's lock on it
            throw new StoreException(StoreException.Kind.INVALID, "The embedded data in " + dir
                    + " is in use by another Cruddur Admin" + runningIn(dir).map(u -> " at " + u).orElse("") + ".");
        }
        FileChannel channel = null;
        EmbeddedServices services = null;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) throw new OverlappingFileLockException();
            OWNED_HERE.add(key(dir));
            Optional<String> token = access.tokenRequired() ? Optional.of(ownCacheToken(dir)) : Optional.empty();
            EmbeddedDynamo dynamo = EmbeddedDynamo.start(new EngineConfig(dynamoPort, Optional.of(dir.resolve("dynamodb"))).withDurability(durability));
            services = new EmbeddedServices(dynamo, startCache(cachePort, access, token, dynamo), token,
                    Optional.of(dir), channel, lock);
            AtomicFiles.replace(dir.resolve(ENDPOINT_FILE), dynamo.endpoint() + "\n");
            AtomicFiles.replace(dir.resolve(CACHE_PORT_FILE), services.cachePort() + "\n");
            services.publishedCache().publishIn(dir);
            return services;
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new StoreException(StoreException.Kind.INVALID, "The embedded data in " + dir
                    + " is in use by another Cruddur Admin" + runningIn(dir).map(u -> " at " + u).orElse("") + ".");
        } catch (IOException | RuntimeException e) {
            // whatever failed after the lock was taken: let go of all of it, so a retry in this JVM can open the directory
            if (services != null) services.close();
            OWNED_HERE.remove(key(dir));
            closeQuietly(channel);
            if (e instanceof RuntimeException r) throw r;
            throw new StoreException(StoreException.Kind.OTHER, "Cannot open the embedded data in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static EmbeddedCacheServer startCache(int port, CacheAccess access, Optional<String> token, EmbeddedDynamo dynamo) {
        CacheEngineConfig config = CacheEngineConfig.onPort(port).withMaxValueBytes(access.maxValueBytes())
                .withRateLimits(access.rateLimits());
        try {
            return EmbeddedCacheServer.start(token.map(config::withToken).orElse(config));
        } catch (RuntimeException e) {
            dynamo.close();
            throw e;
        }
    }

    /** The data directory's cache token: the one kept there, else a new one written there (owner-only). */
    private static String ownCacheToken(Path dir) throws IOException {
        Optional<String> kept = cacheTokenIn(dir);
        if (kept.isPresent()) return kept.get();
        String token = CacheToken.generate();
        // AtomicFiles' temporary file is created owner-only; set again in case the umask is odd
        AtomicFiles.replace(dir.resolve(CACHE_TOKEN_FILE), temp -> {
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException noPosix) {
                // a file system without POSIX permissions: the directory's own protection applies
            }
            Files.writeString(temp, token + "\n", StandardCharsets.UTF_8);
        });
        return token;
    }

    /**
     * The cache token kept in {@code dir}, for the project's own clients (the command line, a
     * second window) to present; empty when there is none or it is not a token.
     */
    public static Optional<String> cacheTokenIn(Path dir) {
        Path file = dir.resolve(CACHE_TOKEN_FILE);
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            String token = Files.readString(file, StandardCharsets.UTF_8).strip();
            return CacheToken.apiKeyOf(token).isPresent() ? Optional.of(token) : Optional.empty();
        } catch (IOException unreadable) {
            return Optional.empty();
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
     * Where this process's cache listens, as others should reach it, with the token it serves
     * (none when it was started open).
     */
    public PublishedCache publishedCache() {
        return new PublishedCache(cache.host(), cache.port(), cacheToken);
    }

    /**
     * On the first start of the data directory, creates {@code table} and loads the demo data into it, then
     * leaves a marker there: a table the user drops later stays dropped, and no other table is ever filled.
     * A directory from before the marker counts as started when it already holds a table; without a data
     * directory the first start is this process's. Returns whether it seeded.
     */
    public boolean seedDemoOnFirstStart(String table) {
        Optional<Path> marker = dataDir.map(d -> d.resolve(DEMO_MARKER));
        if (marker.isPresent() && Files.exists(marker.get())) return false;
        boolean seeded = false;
        try (DynamoConnection connection = DynamoConnection.open(DynamoTarget.endpoint(dynamo.endpoint(), table))) {
            TableSchema schema = new TableSchema(connection);
            if (schema.listTables().isEmpty()) {
                schema.create();
                new Seeder(connection).seedFixture(Clock.systemUTC().instant(), Seeder.Progress.NONE);
                seeded = true;
            }
        }
        if (marker.isPresent()) {
            try {
                AtomicFiles.replace(marker.get(), "The demo data was loaded on this directory's first start ("
                        + Clock.systemUTC().instant() + "); it is not loaded again.\n");
            } catch (IOException e) {
                throw new StoreException(StoreException.Kind.OTHER, "Cannot write " + marker.get() + ": " + e.getMessage(), e);
            }
        }
        return seeded;
    }

    /**
     * What opening the stored data found and did (a torn last write cut off, damage set aside and where, an old
     * log rewritten); empty when all was well. Whoever started the services shows these to the user.
     */
    public List<String> openWarnings() {
        return dynamo.openWarnings();
    }

    public URI dynamoEndpoint() {
        return dynamo.endpoint();
    }

    public int cachePort() {
        return cache.port();
    }

    /** The token the cache serves, if it requires one (never logged; see {@link #CACHE_TOKEN_FILE}). */
    public Optional<String> cacheToken() {
        return cacheToken;
    }

    public long cacheHeldBytes() {
        return cache.heldBytes();
    }

    public long cacheEvictions() {
        return cache.evictions();
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
