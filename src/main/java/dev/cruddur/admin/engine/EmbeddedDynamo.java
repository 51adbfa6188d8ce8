package dev.cruddur.admin.engine;

import dev.cruddur.admin.engine.http.HttpEndpoint;
import dev.cruddur.admin.engine.ops.Dispatcher;
import dev.cruddur.admin.engine.ops.Engine;
import dev.cruddur.admin.engine.storage.Database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A DynamoDB-compatible endpoint inside this JVM, on 127.0.0.1. Point any DynamoDB client at
 * {@link #endpoint()}; the data is in memory or in a directory (see {@link EngineConfig}).
 */
public final class EmbeddedDynamo implements AutoCloseable {
    /** How often expired items (Time to Live) are looked for. */
    private static final long SWEEP_INTERVAL_MILLIS = Long.getLong("cruddur.engine.ttlSweepMillis", 1000L);

    private final Database database;
    private final HttpEndpoint http;
    private final ScheduledExecutorService sweeper;

    private EmbeddedDynamo(Database database, HttpEndpoint http, ScheduledExecutorService sweeper) {
        this.database = database;
        this.http = http;
        this.sweeper = sweeper;
    }

    public static EmbeddedDynamo start(EngineConfig config) {
        warmUpJsonInBackground();
        Database db = Database.open(config.dataDir(), config.durability(), config.syncIntervalMillis(), config.clock());
        Engine engine = new Engine(db, config.clock(), config.createTableMillis());
        HttpEndpoint http;
        try {
            http = new HttpEndpoint(config.port(), new Dispatcher(engine), config.http());
        } catch (IOException e) {
            db.close();
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + config.port(), e);
        }
        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "engine-ttl-sweeper");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleWithFixedDelay(() -> {
            try {
                db.sweepExpired(config.clock().millis() / 1000);
            } catch (RuntimeException e) {
                // a failed sweep is retried on the next tick; it must not kill the schedule
            }
        }, SWEEP_INTERVAL_MILLIS, SWEEP_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        return new EmbeddedDynamo(db, http, sweeper);
    }

    /**
     * Loading Jackson's classes is most of a cold start; doing it on a side thread lets start() return as soon
     * as the socket listens, while the first request (usually some milliseconds later) finds Jackson ready.
     */
    private static void warmUpJsonInBackground() {
        Thread t = new Thread(() -> {
            try {
                dev.cruddur.admin.engine.api.Json.MAPPER.writeValueAsBytes(dev.cruddur.admin.engine.api.Json.MAPPER.readTree("{\"a\":[1,\"b\"]}"));
            } catch (java.io.IOException | RuntimeException ignored) {
                // only a warm-up: the first request will load whatever is still missing
            }
        }, "engine-json-warm-up");
        t.setDaemon(true);
        t.start();
    }

    public int port() { return http.port(); }

    /**
     * What opening the data found and did about it (a torn tail cut off, damage set aside with where, an old
     * log rewritten); empty when all was well. Whoever starts the engine shows these to the user.
     */
    public List<String> openWarnings() { return database.openWarnings(); }

    public URI endpoint() { return URI.create("http://127.0.0.1:" + port()); }

    @Override public void close() {
        sweeper.shutdownNow();
        http.close();
        database.close();
    }
}
