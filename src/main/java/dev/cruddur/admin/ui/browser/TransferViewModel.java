package dev.cruddur.admin.ui.browser;

import dev.cruddur.admin.app.cache.WriteInvalidation;
import dev.cruddur.admin.store.DynamoConnection;
import dev.cruddur.admin.store.ItemExporter;
import dev.cruddur.admin.store.ItemFileFormat;
import dev.cruddur.admin.store.ItemImporter;
import dev.cruddur.admin.store.ItemRequest;
import dev.cruddur.admin.store.StoreException;
import dev.cruddur.admin.ui.common.BackgroundTasks;
import dev.cruddur.admin.ui.common.PlainErrors;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Export of the browser's current Scan or Query (every page) to JSON lines or CSV, and import of
 * such a file into the connection's table: progress, cancel, the final counts, and the lines an
 * import rejected with their reasons.
 */
public final class TransferViewModel {
    // Properties
    private final ObjectProperty<ItemFileFormat> format = new SimpleObjectProperty<>(this, "format", ItemFileFormat.JSONL);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper exportDescription = new ReadOnlyStringWrapper(this, "exportDescription", "");
    private final ObservableList<ItemImporter.Rejected> rejected = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper imported = new ReadOnlyBooleanWrapper(this, "imported");

    private final BackgroundTasks tasks;
    private final ItemBrowserViewModel browser;
    private final AtomicBoolean cancel = new AtomicBoolean();
    private int generation;

    public TransferViewModel(BackgroundTasks tasks, ItemBrowserViewModel browser) {
        this.tasks = tasks;
        this.browser = browser;
    }

    public ObjectProperty<ItemFileFormat> formatProperty() { return format; }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyStringProperty resultProperty() { return result.getReadOnlyProperty(); }
    /** True once an import of this session has finished: before it, there is no report to show. */
    public ReadOnlyBooleanProperty importedProperty() { return imported.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyStringProperty exportDescriptionProperty() { return exportDescription.getReadOnlyProperty(); }
    public ObservableList<ItemImporter.Rejected> rejected() { return rejected; }
    public ReadOnlyBooleanProperty writableProperty() { return browser.writableProperty(); }

    /** What an export would run now, in words: "Query cruddur-messages (index …) where …". */
    public String describeExport() {
        try {
            ItemRequest r = browser.currentRequest();
            String text = r.operation() + " of " + r.table() + r.index().map(i -> " (index " + i + ")").orElse("")
                    + r.keyCondition().map(k -> " where " + readable(k, r)).orElse("")
                    + r.filter().map(f -> ", filtered by " + readable(f, r)).orElse("")
                    + r.projection().map(p -> ", projected to " + readable(p, r)).orElse("") + ": every page";
            exportDescription.set(text);
            return text;
        } catch (StoreException e) {
            exportDescription.set(e.getMessage());
            return e.getMessage();
        }
    }

    /** An expression with its placeholders replaced by the names and values they stand for, for reading only. */
    static String readable(String expression, ItemRequest r) {
        java.util.Map<String, String> swaps = new java.util.TreeMap<>(java.util.Comparator.comparing(String::length).reversed()
                .thenComparing(java.util.Comparator.naturalOrder()));
        swaps.putAll(r.names());
        r.values().forEach((k, v) -> swaps.put(k, shortValue(v)));
        String out = expression;
        for (var e : swaps.entrySet()) out = out.replace(e.getKey(), e.getValue());
        return out;
    }

    private static String shortValue(String dynamoJson) {
        try {
            var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dynamoJson);
            var entry = node.fields().next();
            return entry.getKey().equals("S") ? "'" + entry.getValue().asText() + "'"
                    : entry.getValue().isValueNode() ? entry.getValue().asText() : entry.getValue().toString();
        } catch (Exception e) {
            return dynamoJson;
        }
    }

    /** The connection's own table, which an import writes into. */
    public String importTable() {
        return Optional.ofNullable(browser.connectionTable()).orElse("");
    }

    /** A file name for an export of the current request. */
    public String suggestedFileName() {
        String t = Optional.ofNullable(browser.tableProperty().get()).orElse("items");
        return t + (format.get() == ItemFileFormat.CSV ? ".csv" : ".jsonl");
    }

    // Commands

    public void export(Path file) {
        DynamoConnection c = browser.connection();
        if (c == null || running.get()) return;
        ItemRequest request;
        try {
            request = browser.currentRequest();
        } catch (StoreException e) {
            error.set(e.getMessage());
            return;
        }
        ItemFileFormat f = format.get();
        int gen = start("Exporting to " + file.getFileName() + "…");
        tasks.run(p -> new ItemExporter(c).export(request, f, file,
                        (items, scanned) -> p.update(-1, "Exported " + items + " items (" + scanned + " read)…"), cancel::get),
                update -> status.set(update.message()),
                (ItemExporter.Exported done) -> {
                    if (gen != generation) return;
                    finish();
                    result.set(String.format(Locale.ROOT, "%s %d %s to %s (%s, %d read, %.1f s).",
                            done.cancelled() ? "Cancelled: exported" : "Exported", done.items(), done.items() == 1 ? "item" : "items",
                            file, f == ItemFileFormat.CSV ? "CSV" : "JSON lines", done.scanned(), done.seconds()));
                }, failure -> fail(gen, failure));
    }

    public void importFile(Path file) {
        DynamoConnection c = browser.connection();
        if (c == null || running.get()) return;
        Optional<String> readOnly = browser.whyReadOnly();
        if (readOnly.isPresent()) {
            error.set(readOnly.get());
            return;
        }
        rejected.clear();
        int gen = start("Importing " + file.getFileName() + " into " + c.table() + "…");
        tasks.run(p -> WriteInvalidation.bulk(() -> new ItemImporter(c).importFile(file, Optional.empty(),
                        (lines, imported, rejectedCount) -> p.update(-1, "Read " + lines + " records: " + imported + " imported, "
                                + rejectedCount + " rejected…"), cancel::get)),
                update -> status.set(update.message()),
                (ItemImporter.Imported done) -> {
                    if (gen != generation) return;
                    finish();
                    rejected.setAll(done.rejected());
                    imported.set(true);
                    if (c.table().equals(browser.tableProperty().get())) browser.run(); // show what came in
                    result.set(String.format(Locale.ROOT, "%s %d of %d %s into %s; %d rejected%s (%.1f s).",
                            done.cancelled() ? "Cancelled: imported" : "Imported", done.imported(), done.records(),
                            done.records() == 1 ? "record" : "records", c.table(), done.rejectedCount(),
                            done.rejectedCount() > done.rejected().size() ? " (the first " + done.rejected().size() + " listed)" : "",
                            done.seconds()));
                }, failure -> fail(gen, failure));
    }

    public void cancel() {
        cancel.set(true);
    }

    private int start(String what) {
        int gen = ++generation;
        cancel.set(false);
        running.set(true);
        progress.set(-1);
        error.set(null);
        result.set("");
        status.set(what);
        return gen;
    }

    private void finish() {
        running.set(false);
        progress.set(1);
        status.set("");
    }

    private void fail(int gen, Throwable failure) {
        if (gen != generation) return;
        running.set(false);
        progress.set(0);
        status.set("");
        error.set(PlainErrors.describe(failure));
    }

    public void dismissError() {
        error.set(null);
    }
}
