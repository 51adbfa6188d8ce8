package dev.cruddur.admin.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Applies one small set of changes (puts and deletes of different keys) as a unit: one
 * {@code TransactWriteItems} where the endpoint has transactions; where it has not, every put
 * before any delete, as {@link MessageWriter} does, so an interruption can leave a duplicate
 * (which the next consistency check finds) but never a missing row.
 */
public final class ChangeSetWriter {
    /** At most this many changes in one set: DynamoDB's limit for a transaction. */
    public static final int MAX_CHANGES = 100;

    public record Applied(String mode, int puts, int deletes) {}

    private final DynamoConnection connection;

    public ChangeSetWriter(DynamoConnection connection) {
        this.connection = connection;
    }

    /** Puts {@code puts} (plain values, see {@link ItemJson#fromPlain}) and deletes {@code deleteKeys}. */
    public Applied apply(List<Map<String, Object>> puts, List<Map<String, Object>> deleteKeys) {
        connection.requireWritable();
        if (puts.size() + deleteKeys.size() > MAX_CHANGES) {
            throw new StoreException(StoreException.Kind.INVALID, "At most " + MAX_CHANGES + " changes can be applied as one.");
        }
        List<Map<String, AttributeValue>> items = puts.stream().map(ItemJson::itemFromPlain).toList();
        List<Map<String, AttributeValue>> keys = deleteKeys.stream().map(ItemJson::itemFromPlain).toList();
        if (items.isEmpty() && keys.isEmpty()) return new Applied(MessageWriter.TRANSACTION, 0, 0);
        String table = connection.table();
        if (connection.capabilities().transactions()) {
            List<TransactWriteItem> actions = new ArrayList<>();
            for (var item : items) actions.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).build()).build());
            for (var key : keys) actions.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key).build()).build());
            try {
                connection.client().transactWriteItems(r -> r.transactItems(actions));
            } catch (TransactionCanceledException e) {
                throw new StoreException(StoreException.Kind.CONFLICT, "Another write touched these rows meanwhile; check again.", e);
            } catch (SdkException e) {
                throw StoreFailures.translate(e, connection.target().describe(), table);
            }
            return new Applied(MessageWriter.TRANSACTION, items.size(), keys.size());
        }
        for (var item : items) connection.call(() -> connection.client().putItem(r -> r.tableName(table).item(item)));
        for (var key : keys) connection.call(() -> connection.client().deleteItem(r -> r.tableName(table).key(key)));
        return new Applied(MessageWriter.ORDERED, items.size(), keys.size());
    }
}
