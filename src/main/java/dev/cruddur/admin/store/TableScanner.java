package dev.cruddur.admin.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Runs a Scan or Query page by page to the end, handing each item on as it arrives, so a caller
 * that does not keep the items runs in constant memory whatever the table's size. Progress after
 * every page; a cancel request is honoured between pages. Shared by the consistency check, export
 * and the item browser.
 */
public final class TableScanner {
    /** Told after each page: items handed on so far, and items DynamoDB read (before any filter). */
    public interface Progress {
        void update(long items, long scanned);

        Progress NONE = (items, scanned) -> {};
    }

    /** One page: its items, where the next starts (absent at the end), and what it cost. */
    public record RawPage(List<Map<String, AttributeValue>> items, Optional<Map<String, AttributeValue>> lastKey,
                          int scannedCount, Optional<Double> consumedCapacity) {}

    /** How a run ended. */
    public record Totals(long items, long scanned, long pages, boolean cancelled, Optional<Double> consumedCapacity) {}

    private final DynamoConnection connection;

    public TableScanner(DynamoConnection connection) {
        this.connection = connection;
    }

    /** Every item of the connection's table. */
    public Totals scanAll(Consumer<Map<String, AttributeValue>> each, Progress progress, BooleanSupplier cancel) {
        return run(ItemRequest.scanAll(connection.table()), each, progress, cancel);
    }

    /** Every item of the connection's table as plain values (for layers above the store). */
    public Totals scanAllPlain(Consumer<Map<String, Object>> each, Progress progress, BooleanSupplier cancel) {
        return scanAll(item -> each.accept(PlainValues.item(item)), progress, cancel);
    }

    public Totals run(ItemRequest request, Consumer<Map<String, AttributeValue>> each, Progress progress, BooleanSupplier cancel) {
        long items = 0;
        long scanned = 0;
        long pages = 0;
        double capacity = 0;
        boolean capacityReported = false;
        Optional<Map<String, AttributeValue>> start = Optional.empty();
        do {
            if (cancel.getAsBoolean()) {
                return new Totals(items, scanned, pages, true, capacityReported ? Optional.of(capacity) : Optional.empty());
            }
            RawPage page = page(request, start);
            for (Map<String, AttributeValue> item : page.items()) each.accept(item);
            items += page.items().size();
            scanned += page.scannedCount();
            pages++;
            if (page.consumedCapacity().isPresent()) {
                capacity += page.consumedCapacity().get();
                capacityReported = true;
            }
            progress.update(items, scanned);
            start = page.lastKey();
        } while (start.isPresent());
        return new Totals(items, scanned, pages, false, capacityReported ? Optional.of(capacity) : Optional.empty());
    }

    /** One page of {@code request}, from {@code start} (the previous page's last key) or the beginning. */
    public RawPage page(ItemRequest request, Optional<Map<String, AttributeValue>> start) {
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        request.values().forEach((name, json) -> values.put(name, valueOf(name, json)));
        Map<String, String> names = request.names();
        if (request.query()) {
            QueryRequest.Builder b = QueryRequest.builder().tableName(request.table())
                    .keyConditionExpression(request.keyCondition().orElseThrow())
                    .scanIndexForward(request.ascending())
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
            request.index().ifPresent(b::indexName);
            request.filter().ifPresent(b::filterExpression);
            request.projection().ifPresent(b::projectionExpression);
            if (!names.isEmpty()) b.expressionAttributeNames(names);
            if (!values.isEmpty()) b.expressionAttributeValues(values);
            if (request.pageSize() > 0) b.limit(request.pageSize());
            start.ifPresent(b::exclusiveStartKey);
            QueryResponse r = connection.call(() -> connection.client().query(b.build()));
            return new RawPage(r.items(), lastKey(r.hasLastEvaluatedKey(), r.lastEvaluatedKey()),
                    r.scannedCount() == null ? r.items().size() : r.scannedCount(), capacity(r.consumedCapacity()));
        }
        ScanRequest.Builder b = ScanRequest.builder().tableName(request.table())
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
        request.index().ifPresent(b::indexName);
        request.filter().ifPresent(b::filterExpression);
        request.projection().ifPresent(b::projectionExpression);
        if (!names.isEmpty()) b.expressionAttributeNames(names);
        if (!values.isEmpty()) b.expressionAttributeValues(values);
        if (request.pageSize() > 0) b.limit(request.pageSize());
        start.ifPresent(b::exclusiveStartKey);
        ScanResponse r = connection.call(() -> connection.client().scan(b.build()));
        return new RawPage(r.items(), lastKey(r.hasLastEvaluatedKey(), r.lastEvaluatedKey()),
                r.scannedCount() == null ? r.items().size() : r.scannedCount(), capacity(r.consumedCapacity()));
    }

    private static AttributeValue valueOf(String name, String json) {
        try {
            return ItemJson.valueFromDynamoJson(json);
        } catch (ItemJson.Malformed e) {
            throw new StoreException(StoreException.Kind.INVALID, "The value of " + name + " is not DynamoDB JSON: " + e.describe(), e);
        }
    }

    private static Optional<Map<String, AttributeValue>> lastKey(boolean has, Map<String, AttributeValue> key) {
        return has && key != null && !key.isEmpty() ? Optional.of(key) : Optional.empty();
    }

    static Optional<Double> capacity(ConsumedCapacity c) {
        return c == null || c.capacityUnits() == null ? Optional.empty() : Optional.of(c.capacityUnits());
    }
}
