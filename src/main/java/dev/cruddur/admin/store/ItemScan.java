package dev.cruddur.admin.store;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The whole table for the sort-key linter, through {@link TableScanner}: each item as a
 * {@link ScannedItem}, progress against the table's (lagging) item count, a stop between pages.
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
        TableScanner.Totals totals = new TableScanner(connection).scanAll(item -> sink.accept(new ScannedItem(item)),
                (items, scanned) -> progress.scanned(items, Math.max(estimate, items)), stop);
        return totals.cancelled() ? new Stopped(totals.items()) : new Completed(totals.items());
    }
}
