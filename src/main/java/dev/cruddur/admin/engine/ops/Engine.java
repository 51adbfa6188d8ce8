package dev.cruddur.admin.engine.ops;

import dev.cruddur.admin.engine.storage.Database;

import java.time.Clock;

/** What operations share: the database (which also keeps the transaction idempotency tokens) and the clock. */
public final class Engine {
    final Database db;
    final Clock clock;
    final String region = "us-east-1";
    final String account = "000000000000";

    public Engine(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Database database() { return db; }
}
