package dev.cruddur.admin.app.consistency;

import dev.cruddur.admin.store.DynamoConnection;
import dev.cruddur.admin.store.TableScanner;
import java.util.function.BooleanSupplier;

/** Runs the {@link ConsistencyCheck} over a whole table: one paged scan, progress after each page. */
public final class TableConsistency {
    private final DynamoConnection connection;

    public TableConsistency(DynamoConnection connection) {
        this.connection = connection;
    }

    /** A finished (or cancelled) check: the report, and the plan that would repair it. */
    public record Checked(CheckReport report, RepairPlan plan) {}

    public Checked check(TableScanner.Progress progress, BooleanSupplier cancel) {
        ConsistencyCheck check = new ConsistencyCheck();
        TableScanner.Totals totals = new TableScanner(connection).scanAllPlain(check::accept, progress, cancel);
        return new Checked(check.report(totals.cancelled()), check.plan());
    }

    public Checked check() {
        return check(TableScanner.Progress.NONE, () -> false);
    }

    public Repairer repairer() {
        return new Repairer(connection);
    }
}
