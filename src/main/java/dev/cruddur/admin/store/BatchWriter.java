package dev.cruddur.admin.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * {@code BatchWriteItem} done right: at most 25 requests a call, and whatever the endpoint leaves
 * unprocessed sent again with exponential back-off (20 ms doubling to 2 s, 13 attempts) until
 * nothing is left. Shared by seeding, import and multi-delete.
 */
public final class BatchWriter {
    public static final int MAX_BATCH = 25;

    private final DynamoConnection connection;
    private final String table;
    /** Of the last call that failed: how many of its writes the endpoint had acknowledged before. */
    private int acknowledgedBeforeFailure;

    public BatchWriter(DynamoConnection connection, String table) {
        this.connection = connection;
        this.table = table;
    }

    public BatchWriter(DynamoConnection connection) {
        this(connection, connection.table());
    }

    /** How many writes of the last call that threw had been acknowledged before it threw (0 when none). */
    public int acknowledgedBeforeFailure() {
        return acknowledgedBeforeFailure;
    }

    /** Puts up to 25 items (no two with the same key); returns how many were written. */
    public int put(List<Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> items) {
        List<WriteRequest> requests = new ArrayList<>(items.size());
        for (var item : items) requests.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
        return write(requests);
    }

    /** Deletes up to 25 keys; returns how many deletions were carried out (absent keys count too). */
    public int delete(List<Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> keys) {
        List<WriteRequest> requests = new ArrayList<>(keys.size());
        for (var key : keys) requests.add(WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build());
        return write(requests);
    }

    private int write(List<WriteRequest> requests) {
        if (requests.isEmpty()) return 0;
        if (requests.size() > MAX_BATCH) throw new IllegalArgumentException("at most 25 writes a batch");
        Map<String, List<WriteRequest>> unprocessed = new HashMap<>(Map.of(table, requests));
        acknowledgedBeforeFailure = 0;
        long backoff = 20;
        try {
            for (int attempt = 0; !unprocessed.isEmpty(); attempt++) {
                if (attempt > 0) {
                    sleep(backoff);
                    backoff = Math.min(2_000, backoff * 2);
                }
                if (attempt > 12) {
                    throw new StoreException(StoreException.Kind.THROTTLED,
                            "The endpoint kept leaving items unprocessed; writing stopped.");
                }
                Map<String, List<WriteRequest>> batch = unprocessed;
                BatchWriteItemResponse response = connection.call(() -> connection.client().batchWriteItem(r -> r.requestItems(batch)));
                unprocessed = response.hasUnprocessedItems() ? new HashMap<>(response.unprocessedItems()) : Map.of();
                unprocessed.values().removeIf(List::isEmpty);
            }
        } catch (RuntimeException e) {
            acknowledgedBeforeFailure = requests.size() - unprocessed.values().stream().mapToInt(List::size).sum();
            throw e;
        }
        return requests.size();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(StoreException.Kind.OTHER, "Writing was interrupted.", e);
        }
    }
}
