package dev.cruddur.admin.app.consistency;

import dev.cruddur.admin.app.browse.ItemQuery;
import dev.cruddur.admin.domain.TableKeys;
import dev.cruddur.admin.store.ChangeSetWriter;
import dev.cruddur.admin.store.ItemBrowser;
import dev.cruddur.admin.store.TableShape;
import java.util.Optional;
import dev.cruddur.admin.store.DynamoConnection;
import dev.cruddur.admin.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Applies a {@link RepairPlan}, only after the table's name has been typed. Each conversation's
 * writes are one unit: a transaction where the endpoint has them, else every put before any
 * delete, so an interruption leaves at worst a duplicate the next check finds again. Just before
 * a conversation is written, its newest message is read again: if one arrived since the check,
 * that conversation is skipped (its rows were being moved by a send) and named in the outcome.
 */
public final class Repairer {
    public interface Progress {
        void update(int conversationsDone, int conversations);

        Progress NONE = (d, t) -> {};
    }

    public sealed interface RepairOutcome permits Repaired, Refused {}

    /**
     * {@code mode}: "transaction" or "ordered writes", as {@code MessageWriter} names them;
     * {@code changedMeanwhile}: conversations skipped because a message arrived after the check.
     */
    public record Repaired(int conversations, long puts, long deletes, String mode, boolean cancelled,
                           List<String> changedMeanwhile) implements RepairOutcome {
        public Repaired {
            changedMeanwhile = List.copyOf(changedMeanwhile);
        }
    }

    public record Refused(String reason) implements RepairOutcome {}

    private final DynamoConnection connection;

    public Repairer(DynamoConnection connection) {
        this.connection = connection;
    }

    public RepairOutcome apply(RepairPlan plan, String typedTableName) {
        return apply(plan, typedTableName, Progress.NONE, () -> false);
    }

    public RepairOutcome apply(RepairPlan plan, String typedTableName, Progress progress, BooleanSupplier cancel) {
        if (!connection.table().equals(typedTableName)) {
            return new Refused("Not repaired: type the table's name, '" + connection.table() + "', to confirm.");
        }
        if (!connection.writable()) {
            return new Refused(connection.readOnlyReason());
        }
        Map<String, List<RepairAction>> units = plan.byConversation();
        int done = 0;
        long puts = 0;
        long deletes = 0;
        String mode = connection.capabilities().transactions() ? "transaction" : "ordered writes";
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, List<RepairAction>> unit : units.entrySet()) {
            if (cancel.getAsBoolean()) return new Repaired(done - changed.size(), puts, deletes, mode, true, changed);
            String basis = plan.newestMessageSk().get(unit.getKey());
            if (basis != null && !basis.equals(newestMessageSk(unit.getKey()))) {
                changed.add(unit.getKey());
                progress.update(++done, units.size());
                continue;
            }
            List<Map<String, Object>> putItems = new ArrayList<>();
            List<Map<String, Object>> deleteKeys = new ArrayList<>();
            for (RepairAction a : unit.getValue()) {
                if (a instanceof RepairAction.PutGroupRow p) putItems.add(p.item());
                else if (a instanceof RepairAction.DeleteRow d) deleteKeys.add(d.key());
            }
            if (putItems.size() + deleteKeys.size() > ChangeSetWriter.MAX_CHANGES) {
                throw new StoreException(StoreException.Kind.INVALID, "Conversation " + unit.getKey()
                        + " needs more than " + ChangeSetWriter.MAX_CHANGES + " writes; repair it by hand.");
            }
            ChangeSetWriter.Applied applied = new ChangeSetWriter(connection).apply(putItems, deleteKeys);
            mode = applied.mode();
            puts += applied.puts();
            deletes += applied.deletes();
            progress.update(++done, units.size());
        }
        return new Repaired(done - changed.size(), puts, deletes, mode, false, changed);
    }

    /** The sk of the conversation's newest message now, "" when it has none. */
    private String newestMessageSk(String groupUuid) {
        ItemQuery newest = ItemQuery.query(connection.table(), TableKeys.messagePk(groupUuid)).descending().project(TableKeys.SK).pageSize(1);
        ItemBrowser.BrowsePage page = new ItemBrowser(connection).page(newest.toRequest(TableShape.describe(connection, connection.table())),
                Optional.empty());
        return page.items().isEmpty() ? "" : String.valueOf(page.items().get(0).values().get(TableKeys.SK));
    }
}
