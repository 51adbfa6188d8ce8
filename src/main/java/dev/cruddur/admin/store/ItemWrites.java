package dev.cruddur.admin.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Watches every successful write call of a client (put, update, delete, batch write, transaction)
 * and tells listeners the keys of the items it changed, on the writing thread, before the call
 * returns to its caller. It is the one place every write path passes: the send, the Browser's
 * edits, imports, repairs, the sort-key migration, the stream updater and seeding all write
 * through their connection's client.
 *
 * <p>A key stands for both images of an item: DynamoDB cannot change an item's key, so the item
 * before the write (replaced, updated or deleted) and after it have the same key; a write that
 * moves an item (a new {@code sk}) is a delete and a put, and both keys are reported. Items a
 * batch left unprocessed are not reported (the writer retries them, and they are reported then).
 */
public final class ItemWrites implements ExecutionInterceptor {
    /** The key of one item written: its {@code pk} and {@code sk} as strings ("" when absent or not a string). */
    public record WrittenKey(String table, String pk, String sk) {}

    private final List<Consumer<List<WrittenKey>>> listeners = new CopyOnWriteArrayList<>();

    public void addListener(Consumer<List<WrittenKey>> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<List<WrittenKey>> listener) {
        listeners.remove(listener);
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (listeners.isEmpty()) return;
        report(written(context.request(), context.response()));
    }

    /**
     * Tells the listeners of writes this class cannot see in the request: a PartiQL statement names its
     * item in its text, which only a PartiQL parser reads (the caller's, above this layer).
     */
    public void report(List<WrittenKey> written) {
        if (listeners.isEmpty() || written.isEmpty()) return;
        List<WrittenKey> keys = List.copyOf(written);
        for (Consumer<List<WrittenKey>> listener : listeners) listener.accept(keys);
    }

    static List<WrittenKey> written(SdkRequest request, SdkResponse response) {
        List<WrittenKey> out = new ArrayList<>();
        if (request instanceof PutItemRequest put) {
            out.add(key(put.tableName(), put.item()));
        } else if (request instanceof UpdateItemRequest update) {
            out.add(key(update.tableName(), update.key()));
        } else if (request instanceof DeleteItemRequest delete) {
            out.add(key(delete.tableName(), delete.key()));
        } else if (request instanceof BatchWriteItemRequest batch) {
            Map<String, List<WriteRequest>> unprocessed = response instanceof BatchWriteItemResponse r && r.hasUnprocessedItems()
                    ? r.unprocessedItems() : Map.of();
            batch.requestItems().forEach((table, writes) -> {
                Set<WriteRequest> left = Set.copyOf(unprocessed.getOrDefault(table, List.of()));
                for (WriteRequest w : writes) {
                    if (left.contains(w)) continue;
                    if (w.putRequest() != null) out.add(key(table, w.putRequest().item()));
                    if (w.deleteRequest() != null) out.add(key(table, w.deleteRequest().key()));
                }
            });
        } else if (request instanceof TransactWriteItemsRequest transaction) {
            for (TransactWriteItem action : transaction.transactItems()) {
                if (action.put() != null) out.add(key(action.put().tableName(), action.put().item()));
                if (action.update() != null) out.add(key(action.update().tableName(), action.update().key()));
                if (action.delete() != null) out.add(key(action.delete().tableName(), action.delete().key()));
                // a condition check writes nothing
            }
        }
        return out;
    }

    private static WrittenKey key(String table, Map<String, AttributeValue> item) {
        return new WrittenKey(table == null ? "" : table, text(item, "pk"), text(item, "sk"));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item == null ? null : item.get(name);
        return v == null || v.s() == null ? "" : v.s();
    }
}
