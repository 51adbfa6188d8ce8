package dev.cruddur.admin.store;

import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Reads the whole table page by page (1 MB pages, as the endpoint cuts them), handing each item
 * to a sink, reporting progress after each page and stopping between pages when asked.
 */
public final class ItemScan {
    /** Items read so far, of about {@code estimatedTotal} (the table's item count, which may lag; 0 when unknown). */
    public interface Progress {
        void scanned(long items, long estimatedTotal);

        Progress NONE = (items, total) -> {};
    }

    public sealed interface Outcome permits Completed, Stopped {
        long items();
    }

    public record Completed(long items) implements Outcome {}

    /** Stopped on request before the end: what was read is a part of the table only. */
    public record Stopped(long items) implements Outcome {}

    private final DynamoConnection connection;

    public ItemScan(DynamoConnection connection) {
        this.connection = connection;
    }

    public Outcome scan(Consumer<ScannedItem> sink, Progress progress, BooleanSupplier stop) {
        long estimate = new TableSchema(connection).describe().itemCount();
        long read = 0;
        Map<String, AttributeValue> start = null;
        do {
            if (stop.getAsBoolean()) return new Stopped(read);
            ScanRequest.Builder request = ScanRequest.builder().tableName(connection.table()).consistentRead(true);
            if (start != null) request.exclusiveStartKey(start);
            ScanResponse response = connection.call(() -> connection.client().scan(request.build()));
            for (Map<String, AttributeValue> item : response.items()) sink.accept(new ScannedItem(item));
            read += response.items().size();
            progress.scanned(read, Math.max(estimate, read));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return new Completed(read);
    }
}
