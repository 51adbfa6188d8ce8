package dev.cruddur.admin.app.lint;

import dev.cruddur.admin.store.DynamoConnection;
import dev.cruddur.admin.store.ItemScan;
import dev.cruddur.admin.store.SortKeyMigrator;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.function.BooleanSupplier;

/**
 * The sort-key linter and migration on one connection: lint the table, show the plan (dry run),
 * apply it. Each call scans the table afresh, so a plan is never stale and a stopped migration
 * resumes by being asked again. Runs on the caller's thread: the window calls it from a task.
 */
public final class SortKeyAudit {
    /** Steps written at once: enough to hide a remote endpoint's latency, few enough not to be throttled. */
    public static final int DEFAULT_PARALLELISM = 4;

    private final DynamoConnection connection;
    private final Clock clock;
    private final int parallelism;

    public SortKeyAudit(DynamoConnection connection, Clock clock) {
        this(connection, clock, DEFAULT_PARALLELISM);
    }

    /** @param parallelism migration steps written at once (1: strictly one after another) */
    public SortKeyAudit(DynamoConnection connection, Clock clock, int parallelism) {
        this.connection = connection;
        this.clock = clock;
        this.parallelism = parallelism;
    }

    /** The year Cruddur's {@code begins_with(sk, year)} filter uses now: Python's {@code datetime.now().year} on a UTC server. */
    public int currentYear() {
        return clock.instant().atZone(ZoneOffset.UTC).getYear();
    }

    /** Scans the whole table and reports; a stopped scan gives a report marked incomplete. */
    public LintReport lint(WorkProgress progress, BooleanSupplier stop) {
        SortKeyLinter linter = SortKeyLinter.forReportOnly(currentYear());
        boolean complete = scan(linter, progress, stop);
        return linter.report(complete);
    }

    /** The dry run: what a migration would do now. */
    public MigrationPlan plan(WorkProgress progress, BooleanSupplier stop) {
        SortKeyLinter linter = new SortKeyLinter(currentYear());
        boolean complete = scan(linter, progress, stop);
        return linter.plan(complete);
    }

    /** The lint report and the plan from one scan. */
    public record Audit(LintReport report, MigrationPlan plan) {}

    public Audit audit(WorkProgress progress, BooleanSupplier stop) {
        SortKeyLinter linter = new SortKeyLinter(currentYear());
        boolean complete = scan(linter, progress, stop);
        return new Audit(linter.report(complete), linter.plan(complete));
    }

    /**
     * Plans from a fresh scan and applies the plan, only when {@code typedTableName} is the
     * table's name. Stopping is checked between pages of the scan and between steps of the moves.
     */
    public MigrationOutcome migrate(String typedTableName, WorkProgress progress, BooleanSupplier stop) {
        if (!connection.table().equals(typedTableName)) {
            return new MigrationOutcome.Refused("Type the table's name ('" + connection.table() + "') to migrate it; nothing changed.");
        }
        if (!connection.writable()) {
            return new MigrationOutcome.Refused(connection.readOnlyReason());
        }
        MigrationPlan plan = plan(progress, stop);
        if (!plan.complete()) return new MigrationOutcome.Refused("The scan was stopped before the end; nothing changed.");
        if (plan.nothingToDo()) return new MigrationOutcome.NothingToDo(plan);
        SortKeyMigrator.Outcome outcome = new SortKeyMigrator(connection, parallelism).apply(plan.moves(),
                (done, total) -> progress.update(WorkProgress.Phase.MOVING, done, total), stop);
        if (outcome instanceof SortKeyMigrator.Stopped stopped) {
            return new MigrationOutcome.Stopped(plan, stopped.moved(), stopped.skipped(), stopped.writeMode(), stopped.stepsLeft());
        }
        return new MigrationOutcome.Migrated(plan, outcome.moved(), outcome.skipped(), outcome.writeMode());
    }

    private boolean scan(SortKeyLinter linter, WorkProgress progress, BooleanSupplier stop) {
        ItemScan.Outcome outcome = new ItemScan(connection).scan(linter::accept,
                (items, total) -> progress.update(WorkProgress.Phase.SCANNING, items, total), stop);
        return outcome instanceof ItemScan.Completed;
    }
}
