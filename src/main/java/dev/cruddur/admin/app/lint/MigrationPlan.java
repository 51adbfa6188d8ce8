package dev.cruddur.admin.app.lint;

import dev.cruddur.admin.store.SortKeyMove;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a migration to canonical sort keys would do, computed from a scan of the table. Recomputing
 * it is the way to resume: what was moved is canonical and drops out, and a copy left by an
 * interrupted move is recognised (same content under the new key), so only its delete is planned.
 */
public final class MigrationPlan {

    /**
     * One item to move from {@code oldSk} to {@code newSk} in partition {@code pk}.
     *
     * @param precisionLost           the old value had digits below the microsecond, which the canonical form drops
     * @param newMessageText          for a group row moved to its conversation's newest message: that message's text
     * @param finishesInterruptedMove the new item is already there (an earlier run stopped between put and delete)
     * @param note                    why, in words, when more than "not canonical"
     */
    public record Change(RowKind kind, String pk, String oldSk, String newSk, SortKeyClass from, boolean precisionLost,
                         Optional<String> newMessageText, boolean finishesInterruptedMove, String note) {
    }

    /** Items that would land on one key: none of them is moved, nothing is overwritten. */
    public record Collision(String pk, String newSk, List<String> oldSks, boolean keyTaken, String reason) {
        public Collision {
            oldSks = List.copyOf(oldSks);
        }
    }

    /** An item the migration leaves alone because no instant can be read from its sort key. */
    public record Unmovable(String pk, String sk, String reason) {
    }

    private final boolean complete;
    private final List<List<Change>> steps;
    private final List<List<SortKeyMove>> moves;
    private final List<Collision> collisions;
    private final List<Unmovable> unmovable;

    MigrationPlan(boolean complete, List<List<Change>> steps, List<List<SortKeyMove>> moves, List<Collision> collisions,
                  List<Unmovable> unmovable) {
        this.complete = complete;
        this.steps = steps.stream().map(List::copyOf).toList();
        this.moves = moves.stream().map(List::copyOf).toList();
        this.collisions = List.copyOf(collisions);
        this.unmovable = List.copyOf(unmovable);
    }

    /** False when the scan it came from was stopped: such a plan is shown, never applied. */
    public boolean complete() {
        return complete;
    }

    /** Every change, in the order they would be made (a conversation's messages, then its group rows). */
    public List<Change> changes() {
        List<Change> all = new ArrayList<>();
        steps.forEach(all::addAll);
        return all;
    }

    /**
     * The changes grouped as they are written: each group is one transaction where the endpoint
     * has them, and a conversation's newest message is in the same group as its group rows.
     */
    public List<List<Change>> steps() {
        return steps;
    }

    public List<Collision> collisions() {
        return collisions;
    }

    public List<Unmovable> unmovable() {
        return unmovable;
    }

    public long precisionLosses() {
        return changes().stream().filter(Change::precisionLost).count();
    }

    /** Nothing to move (collisions and unreadable keys may remain: they need a person). */
    public boolean nothingToDo() {
        return steps.stream().allMatch(List::isEmpty);
    }

    /** The writes, for the store's migrator; same grouping as {@link #steps()}. */
    public List<List<SortKeyMove>> moves() {
        return moves;
    }
}
