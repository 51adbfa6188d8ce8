package dev.cruddur.admin.store;

import static dev.cruddur.admin.domain.TableKeys.*;

import dev.cruddur.admin.domain.SortKeyTime;
import dev.cruddur.admin.domain.User;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Pattern D: moving a conversation's group rows to a newer message. Shared by the sender (which
 * writes the message too) and the stream updater (which reacts to a message already written).
 * A row only ever moves forward in time, and every older duplicate of an owner's row goes.
 */
public final class GroupRowMoves {
    /** One owner's change: the row to put ({@code null} when its row is already as new) and stale rows to delete. */
    public record RowMove(String owner, Map<String, AttributeValue> put, List<Map<String, AttributeValue>> deletes) {
        public boolean changesNothing() {
            return put == null && deletes.isEmpty();
        }
    }

    private GroupRowMoves() {}

    /**
     * The moves that bring a conversation's group rows to a message at {@code sk} written by
     * {@code sender}. Each owner's new row names whom its newest row named; an owner with no row
     * yet (the other participant, when the sender's row names them) gets one naming the sender.
     */
    public static List<RowMove> plan(String groupUuid, User sender, String text, String sk, List<Map<String, AttributeValue>> rows) {
        Map<String, List<Map<String, AttributeValue>>> byOwner = byOwner(rows);
        List<RowMove> moves = new ArrayList<>();
        byOwner.forEach((owner, ownerRows) -> moves.add(move(groupUuid, owner, namedBy(ownerRows.get(0)), text, sk, ownerRows)));
        List<Map<String, AttributeValue>> senderRows = byOwner.get(sender.uuid());
        if (senderRows != null) {
            String other = Items.string(senderRows.get(0), USER_UUID);
            if (other != null && !byOwner.containsKey(other)) moves.add(move(groupUuid, other, sender, text, sk, List.of()));
        }
        return moves;
    }

    /** The user a group row names (the other participant of its owner). */
    public static User namedBy(Map<String, AttributeValue> row) {
        return new User(Items.string(row, USER_UUID), Items.string(row, USER_HANDLE), Items.string(row, USER_DISPLAY_NAME));
    }

    private static RowMove move(String groupUuid, String owner, User named, String text, String sk,
                                List<Map<String, AttributeValue>> ownerRows) {
        // ownerRows come newest first
        String newest = ownerRows.isEmpty() ? null : Items.string(ownerRows.get(0), SK);
        boolean ours = newest == null || !laterOrSame(newest, sk);
        String keep = ours ? sk : newest;
        List<Map<String, AttributeValue>> stale = ownerRows.stream()
                .filter(r -> !laterOrSame(Items.string(r, SK), keep)).map(Items::keyOf).toList();
        Map<String, AttributeValue> put = ours ? Items.groupRow(owner, groupUuid, named, text, sk) : null;
        return new RowMove(owner, put, stale);
    }

    /** Compares by time, so a row Cruddur wrote in another form is still ordered right. */
    static boolean laterOrSame(String storedSk, String newSk) {
        return SortKeyTime.BY_INSTANT.compare(SortKeyTime.parse(storedSk), SortKeyTime.parse(newSk)) >= 0;
    }

    /** Group rows by owner, newest first within each owner whatever order the index returned. */
    public static Map<String, List<Map<String, AttributeValue>>> byOwner(List<Map<String, AttributeValue>> rows) {
        Map<String, List<Map<String, AttributeValue>>> out = new LinkedHashMap<>();
        for (Map<String, AttributeValue> row : rows) {
            ownerOf(Items.string(row, PK)).ifPresent(owner -> out.computeIfAbsent(owner, k -> new ArrayList<>()).add(row));
        }
        out.values().forEach(list -> list.sort((a, b) -> SortKeyTime.BY_INSTANT.compare(
                SortKeyTime.parse(Items.string(b, SK)), SortKeyTime.parse(Items.string(a, SK)))));
        return out;
    }

    /** The moves as transaction actions: puts unconditional, deletes only of rows still there (else the read was stale). */
    static List<TransactWriteItem> transactionActions(String table, List<RowMove> moves) {
        List<TransactWriteItem> actions = new ArrayList<>();
        for (RowMove move : moves) {
            if (move.put() != null) {
                actions.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(move.put()).build()).build());
            }
            for (Map<String, AttributeValue> key : move.deletes()) {
                actions.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key)
                        .conditionExpression("attribute_exists(pk)").build()).build());
            }
        }
        return actions;
    }

    /** The moves without a transaction: every put before any delete, so a crash leaves a duplicate, never a gap. */
    static void applyOrdered(DynamoConnection connection, List<RowMove> moves) {
        for (RowMove move : moves) {
            if (move.put() != null) connection.call(() -> connection.client().putItem(r -> r.tableName(connection.table()).item(move.put())));
        }
        for (RowMove move : moves) {
            for (Map<String, AttributeValue> key : move.deletes()) {
                connection.call(() -> connection.client().deleteItem(r -> r.tableName(connection.table()).key(key)));
            }
        }
    }

    /** The moves for a message row (its group, sender, text and sk come from the row itself). */
    public static List<RowMove> planFor(Map<String, AttributeValue> messageRow, List<Map<String, AttributeValue>> rows) {
        String group = groupOf(Items.string(messageRow, PK)).orElseThrow();
        User sender = new User(String.valueOf(Items.string(messageRow, USER_UUID)), Items.string(messageRow, USER_HANDLE),
                Items.string(messageRow, USER_DISPLAY_NAME));
        return plan(group, sender, String.valueOf(Items.string(messageRow, MESSAGE)), Items.string(messageRow, SK), rows);
    }

    /**
     * Brings the group rows up to a message that is already written (the stream updater's job, and
     * a retried send's). Returns how many rows were written; retries when a row moved under it.
     */
    static int catchUp(DynamoConnection connection, MessageTableReader reader, Map<String, AttributeValue> messageRow) {
        String group = groupOf(Items.string(messageRow, PK)).orElseThrow();
        for (int attempt = 0; attempt < 5; attempt++) {
            List<RowMove> moves = planFor(messageRow, reader.groupRows(group));
            int writes = moves.stream().mapToInt(m -> (m.put() == null ? 0 : 1) + m.deletes().size()).sum();
            if (writes == 0) return 0;
            if (!connection.capabilities().transactions()) {
                applyOrdered(connection, moves);
                return writes;
            }
            try {
                connection.client().transactWriteItems(r -> r.transactItems(transactionActions(connection.table(), moves)));
                return writes;
            } catch (TransactionCanceledException e) {
                // a concurrent move deleted a row first: read again
            } catch (SdkException e) {
                throw StoreFailures.translate(e, connection.target().describe(), connection.table());
            }
        }
        throw new StoreException(StoreException.Kind.CONFLICT, "The group rows of " + group + " kept changing; try again.");
    }
}
