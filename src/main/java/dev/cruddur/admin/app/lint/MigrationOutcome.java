package dev.cruddur.admin.app.lint;

import dev.cruddur.admin.store.SortKeyMigrator;
import java.util.List;

/** What asking for a migration came to. */
public sealed interface MigrationOutcome {

    /** Nothing was written: the table name was not typed, writes are locked, or the scan was stopped. */
    record Refused(String reason) implements MigrationOutcome {}

    /** The table needs no move (collisions and unreadable keys, if any, are in the plan: they need a person). */
    record NothingToDo(MigrationPlan plan) implements MigrationOutcome {}

    /**
     * The plan was carried out.
     *
     * @param moved     items now under their canonical key
     * @param skipped   moves refused at write time (a key taken meanwhile, an item deleted meanwhile)
     * @param writeMode {@code transaction} or {@code ordered writes}
     */
    record Migrated(MigrationPlan plan, long moved, List<SortKeyMigrator.Skipped> skipped, String writeMode)
            implements MigrationOutcome {
        public Migrated {
            skipped = List.copyOf(skipped);
        }
    }

    /** Stopped on request between two steps: running it again plans from the table and finishes it. */
    record Stopped(MigrationPlan plan, long moved, List<SortKeyMigrator.Skipped> skipped, String writeMode, int stepsLeft)
            implements MigrationOutcome {
        public Stopped {
            skipped = List.copyOf(skipped);
        }
    }
}
