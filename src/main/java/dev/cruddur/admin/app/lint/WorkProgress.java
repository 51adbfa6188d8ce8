package dev.cruddur.admin.app.lint;

/** Progress of a lint or migration, for a progress bar: what is being done, how far, of how much. */
public interface WorkProgress {
    enum Phase {
        /** Reading the table; the total is the table's item count, which DynamoDB updates only every few hours. */
        SCANNING,
        /** Moving items to canonical keys; the total is exact. */
        MOVING
    }

    void update(Phase phase, long done, long total);

    WorkProgress NONE = (phase, done, total) -> {};
}
