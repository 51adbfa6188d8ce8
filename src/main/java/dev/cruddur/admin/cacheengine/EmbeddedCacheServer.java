package dev.cruddur.admin.cacheengine;

import io.grpc.Attributes;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServerTransportFilter;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A Momento-compatible cache on a loopback port: the control plane (create, delete, list,
 * flush caches) and the data plane for scalar items, both on the same port and in plaintext,
 * the way {@code MomentoLocalProvider} expects them. Items live in memory only, within a
 * memory bound (least recently used items evicted beyond it).
 */
public final class EmbeddedCacheServer implements AutoCloseable {
    // above Momento's 5 MB item limit, so an oversized item reaches the engine's own check
    // and is refused with Momento's error rather than a transport error
    private static final int MAX_INBOUND_MESSAGE_BYTES = 16 * 1024 * 1024;

    // gRPC's Netty server logs each HTTP/2 frame with its headers at FINE, the token among them:
    // held at INFO (and strongly, as java.util.logging forgets levels of unreferenced loggers)
    private static final Logger FRAME_LOGGER = Logger.getLogger("io.grpc.netty.shaded.io.grpc.netty.NettyServerHandler");

    private final Server server;
    private final ScheduledExecutorService sweeper;
    private final CacheEngineConfig config;
    private final CacheStorage storage;

    private final ConnectionCount connections;

    private EmbeddedCacheServer(Server server, ScheduledExecutorService sweeper, CacheEngineConfig config,
                                CacheStorage storage, ConnectionCount connections) {
        this.server = server;
        this.connections = connections;
        this.storage = storage;
        this.sweeper = sweeper;
        this.config = config;
    }

    /** Starts without an API key check; {@code port} 0 picks a free port. */
    public static EmbeddedCacheServer start(int port) {
        return start(CacheEngineConfig.onPort(port));
    }

    /** Starts so that only requests whose {@code authorization} header is {@code token} are served. */
    public static EmbeddedCacheServer startWithToken(int port, String token) {
        return start(CacheEngineConfig.onPort(port).withToken(token));
    }

    public static EmbeddedCacheServer start(CacheEngineConfig config) {
        if (config.token().isPresent()) {
            FRAME_LOGGER.setLevel(Level.INFO);
        }
        CacheStorage storage = new CacheStorage(System::nanoTime, config.maxTtl(), config.maxItemBytes(),
                config.maxValueBytes());
        config.initialCaches().forEach(storage::createCache);
        CallerCheck callerCheck = new CallerCheck(config.token());
        ConnectionCount connections = new ConnectionCount();
        Server server = NettyServerBuilder
                .forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()))
                .maxInboundMessageSize(MAX_INBOUND_MESSAGE_BYTES)
                // Momento's SDKs ping every 5 s, with or without calls in flight (Laptop config);
                // gRPC's default (one ping in 5 min, none while idle) answers them with GOAWAY
                // too_many_pings, cutting idle clients off. The service permits them: so do we.
                .permitKeepAliveTime(1, TimeUnit.SECONDS)
                .permitKeepAliveWithoutCalls(true)
                // every operation is a short in-memory step: no need to hop to another thread
                .directExecutor()
                .addTransportFilter(connections)
                .addService(dataPlane(storage, config.rateLimits(), callerCheck))
                .addService(ServerInterceptors.intercept(new ControlPlaneService(storage, config.rateLimits()), callerCheck))
                .build();
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded cache could not listen on port " + config.port(), e);
        }
        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cache-engine-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        long every = config.sweepInterval().toMillis();
        sweeper.scheduleWithFixedDelay(storage::sweep, every, every, TimeUnit.MILLISECONDS);
        return new EmbeddedCacheServer(server, sweeper, config, storage, connections);
    }

    // the caller is checked first (the last interceptor runs first), so a wrong key never spends a cache's budget
    private static ServerServiceDefinition dataPlane(CacheStorage storage, CacheRateLimits limits, CallerCheck callerCheck) {
        DataPlaneService service = new DataPlaneService(storage);
        return limits.enforced()
                ? ServerInterceptors.intercept(service, new RateLimitCheck(limits, System::nanoTime), callerCheck)
                : ServerInterceptors.intercept(service, callerCheck);
    }

    public int port() {
        return server.getPort();
    }

    public String host() {
        return InetAddress.getLoopbackAddress().getHostAddress();
    }

    /** Client connections accepted since the start: a client cut off (GOAWAY) and reconnecting counts again. */
    public long connectionsAccepted() {
        return connections.accepted.get();
    }

    /** Client connections open now. */
    public long connectionsOpen() {
        return connections.open.get();
    }

    /** Key and value bytes held, counted against the memory bound. */
    public long heldBytes() {
        return storage.heldBytes();
    }

    /** Items removed to stay within the memory bound since the start. */
    public long evictions() {
        return storage.evictions();
    }

    /** Items held in all caches, including expired ones the sweeper has not reached yet. */
    public long itemCount() {
        return storage.itemCount();
    }

    public boolean requiresToken() {
        return config.token().isPresent();
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        server.shutdown();
        try {
            if (!server.awaitTermination(2, TimeUnit.SECONDS)) {
                server.shutdownNow();
            }
        } catch (InterruptedException e) {
            server.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static final class ConnectionCount extends ServerTransportFilter {
        final AtomicLong accepted = new AtomicLong();
        final AtomicLong open = new AtomicLong();

        @Override
        public Attributes transportReady(Attributes attributes) {
            accepted.incrementAndGet();
            open.incrementAndGet();
            return attributes;
        }

        @Override
        public void transportTerminated(Attributes attributes) {
            open.decrementAndGet();
        }
    }

    @Override
    public String toString() {
        return "EmbeddedCacheServer[" + host() + ":" + port() + ", " + config + "]";
    }
}
