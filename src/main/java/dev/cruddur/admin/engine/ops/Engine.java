package dev.cruddur.admin.engine.ops;

import dev.cruddur.admin.engine.storage.Database;

import java.time.Clock;

/** What operations share: the database (which also keeps the transaction idempotency tokens) and the clock. */
public final class Engine {
    final Database db;
    final Clock clock;
    final String region = "us-east-1";
    final String account = "000000000000";

    final long createTableMillis;

    public Engine(Database db, Clock clock) { this(db, clock, 0); }

    public Engine(Database db, Clock clock, long createTableMillis) {
        this.db = db;
        this.clock = clock;
        this.createTableMillis = createTableMillis;
    }

    /** CREATING until the configured delay has passed since the table was created, then ACTIVE. */
    String status(dev.cruddur.admin.engine.storage.TableDefinition d) {
        return creating(d) ? "CREATING" : "ACTIVE";
    }

    /** Without a delay (the default) no table is ever CREATING, and no request reads the clock to learn so. */
    boolean creating(dev.cruddur.admin.engine.storage.TableDefinition d) {
        return createTableMillis > 0 && clock.millis() < d.createdMillis() + createTableMillis;
    }

    public Database database() { return db; }
}
