package dev.cruddur.admin.engine.ops;

import dev.cruddur.admin.engine.storage.Database;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

/** What operations share: the database, the clock, and the transaction idempotency tokens. */
public final class Engine {
    final Database db;
    final Clock clock;
    /** ClientRequestToken → fingerprint of the request and when it was first seen (kept for 10 minutes). */
    final Map<String, TransactionToken> tokens = new ConcurrentHashMap<>();
    final String region = "us-east-1";
    final String account = "000000000000";

    public Engine(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Database database() { return db; }

    record TransactionToken(String fingerprint, long seenMillis) {}
}
