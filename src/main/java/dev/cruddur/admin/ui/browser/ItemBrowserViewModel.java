package dev.cruddur.admin.ui.browser;

import dev.cruddur.admin.app.cache.WriteInvalidation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cruddur.admin.app.browse.CopyAs;
import dev.cruddur.admin.app.browse.FilterRow;
import dev.cruddur.admin.app.browse.ItemCopyAs;
import dev.cruddur.admin.app.browse.ItemBrowsing;
import dev.cruddur.admin.app.browse.ItemQuery;
import dev.cruddur.admin.app.browse.SortKeyOperator;
import dev.cruddur.admin.app.browse.TypedFilter;
import dev.cruddur.admin.store.DynamoConnection;
import dev.cruddur.admin.store.ItemBrowser;
import dev.cruddur.admin.store.ItemEditor;
import dev.cruddur.admin.store.ItemRequest;
import dev.cruddur.admin.store.StoreException;
import dev.cruddur.admin.store.TableShape;
import dev.cruddur.admin.ui.common.BackgroundTasks;
import dev.cruddur.admin.ui.common.PlainErrors;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The item browser: which table (any of the connection's), Scan or Query on the table or an
 * index, the key condition, order, filter and projection as a person sets them up; then the pages
 * of results, the attributes seen (keys first) as columns, and what the endpoint said each page
 * cost. Also deletes, copy-as and the item lookups the editor needs.
 */
public final class ItemBrowserViewModel {
    public enum Mode { SCAN, QUERY }

    /** One row of results: plain values for the cells, and the stored form an edit is conditional on. */
    public record Row(Map<String, Object> values, String dynamoJson) {}

    /** The index choice that means "the table's own keys". */
    public static final String TABLE_KEYS = "";
    private static final ObjectMapper JSON = new ObjectMapper();

    // Properties: the request, as the person sets it up
    private final ObservableList<String> tables = FXCollections.observableArrayList();
    private final ObjectProperty<String> table = new SimpleObjectProperty<>(this, "table");
    private final ReadOnlyObjectWrapper<TableShape> shape = new ReadOnlyObjectWrapper<>(this, "shape");
    private final ObservableList<String> indexChoices = FXCollections.observableArrayList(TABLE_KEYS);
    private final ObjectProperty<String> index = new SimpleObjectProperty<>(this, "index", TABLE_KEYS);
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.SCAN);
    private final StringProperty partitionValue = new SimpleStringProperty(this, "partitionValue", "");
    private final ObjectProperty<SortKeyOperator> sortOperator = new SimpleObjectProperty<>(this, "sortOperator");
    private final StringProperty sortValue = new SimpleStringProperty(this, "sortValue", "");
    private final StringProperty sortValue2 = new SimpleStringProperty(this, "sortValue2", "");
    private final BooleanProperty ascending = new SimpleBooleanProperty(this, "ascending", true);
    private final ObservableList<FilterRowModel> filterRows = FXCollections.observableArrayList();
    private final StringProperty typedFilter = new SimpleStringProperty(this, "typedFilter", "");
    private final StringProperty typedNames = new SimpleStringProperty(this, "typedNames", "");
    private final StringProperty typedValues = new SimpleStringProperty(this, "typedValues", "");
    private final StringProperty projection = new SimpleStringProperty(this, "projection", "");
    private final IntegerProperty pageSize = new SimpleIntegerProperty(this, "pageSize", ItemQuery.DEFAULT_PAGE_SIZE);
    private final ObjectProperty<ZoneId> zone = new SimpleObjectProperty<>(this, "zone");
    private final ReadOnlyStringWrapper partitionKeyName = new ReadOnlyStringWrapper(this, "partitionKeyName", "");
    private final ReadOnlyStringWrapper sortKeyName = new ReadOnlyStringWrapper(this, "sortKeyName", "");

    // Properties: results
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper(this, "hasMore");
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(this, "connected");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice");
    private final javafx.beans.property.ReadOnlyObjectWrapper<Row> lastSaved = new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "lastSaved");
    private final ReadOnlyStringWrapper requestText = new ReadOnlyStringWrapper(this, "requestText", "");
    private final ReadOnlyStringWrapper requestKind = new ReadOnlyStringWrapper(this, "requestKind", "");
    private final ReadOnlyBooleanProperty writable;

    private final BackgroundTasks tasks;
    private final TableDetailsViewModel details;
    private DynamoConnection connection;
    private ItemBrowsing browsing;
    private ItemEditor editor;
    private ItemQuery lastQuery;
    private Optional<String> cursor = Optional.empty();
    private long returnedTotal;
    private long scannedTotal;
    private final PagedRows paged = new PagedRows(rows, columns);
    private int generation;

    public ItemBrowserViewModel(BackgroundTasks tasks, ReadOnlyBooleanProperty writable, ZoneId zone) {
        this.tasks = tasks;
        this.writable = writable;
        this.zone.set(zone);
        this.details = new TableDetailsViewModel(tasks, () -> connection, table::get, this.zone::get);
        filterRows.add(new FilterRowModel());
        table.addListener((o, a, t) -> loadShape(t));
        index.addListener((o, a, b) -> updateKeyNames());
    }

    public ObservableList<String> tables() { return tables; }
    /** The chosen table's details (keys, indexes, count, stream, TTL, tags), read when asked. */
    public TableDetailsViewModel details() { return details; }
    public ObjectProperty<String> tableProperty() { return table; }
    public ReadOnlyObjectProperty<TableShape> shapeProperty() { return shape.getReadOnlyProperty(); }
    public ObservableList<String> indexChoices() { return indexChoices; }
    public ObjectProperty<String> indexProperty() { return index; }
    public ObjectProperty<Mode> modeProperty() { return mode; }
    public StringProperty partitionValueProperty() { return partitionValue; }
    public ObjectProperty<SortKeyOperator> sortOperatorProperty() { return sortOperator; }
    public StringProperty sortValueProperty() { return sortValue; }
    public StringProperty sortValue2Property() { return sortValue2; }
    public BooleanProperty ascendingProperty() { return ascending; }
    public ObservableList<FilterRowModel> filterRows() { return filterRows; }
    public StringProperty typedFilterProperty() { return typedFilter; }
    public StringProperty typedNamesProperty() { return typedNames; }
    public StringProperty typedValuesProperty() { return typedValues; }
    public StringProperty projectionProperty() { return projection; }
    public IntegerProperty pageSizeProperty() { return pageSize; }
    public ObjectProperty<ZoneId> zoneProperty() { return zone; }
    public ReadOnlyStringProperty partitionKeyNameProperty() { return partitionKeyName.getReadOnlyProperty(); }
    public ReadOnlyStringProperty sortKeyNameProperty() { return sortKeyName.getReadOnlyProperty(); }
    public ObservableList<Row> rows() { return rows; }
    public ObservableList<String> columns() { return columns; }
    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty hasMoreProperty() { return hasMore.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty connectedProperty() { return connected.getReadOnlyProperty(); }
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyStringProperty noticeProperty() { return notice.getReadOnlyProperty(); }
    /** The row the editor saved last: the view selects it again, since replacing a row drops its selection. */
    public javafx.beans.property.ReadOnlyObjectProperty<Row> lastSavedProperty() { return lastSaved.getReadOnlyProperty(); }
    public ReadOnlyStringProperty requestTextProperty() { return requestText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty requestKindProperty() { return requestKind.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty writableProperty() { return writable; }
    BackgroundTasks tasks() { return tasks; }

    // Commands

    /** Starts browsing a connection: its tables, with its own table chosen. */
    public void open(DynamoConnection next) {
        int gen = ++generation;
        connection = next;
        browsing = new ItemBrowsing(next);
        editor = new ItemEditor(next);
        connected.set(true);
        clearResults();
        error.set(null);
        ItemBrowsing b = browsing;
        tasks.run(p -> b.tables(), (List<String> names) -> {
            if (gen != generation) return;
            tables.setAll(names);
            String own = next.table();
            if (!names.contains(own) && !names.isEmpty()) own = names.get(0);
            if (own.equals(table.get())) loadShape(own);
            else table.set(names.isEmpty() ? null : own);
        }, failure -> {
            if (gen == generation) error.set(PlainErrors.describe(failure));
        });
    }

    /** The connection went away (another was chosen, or it failed). */
    public void close() {
        generation++;
        connection = null;
        browsing = null;
        editor = null;
        connected.set(false);
        tables.clear();
        shape.set(null);
        clearResults();
        details.clear();
    }

    /** Lists the connection's tables again (a table created meanwhile). */
    public void refreshTables() {
        if (connection != null) {
            String keep = table.get();
            DynamoConnection c = connection;
            int gen = ++generation;
            ItemBrowsing b = browsing;
            tasks.run(p -> b.tables(), (List<String> names) -> {
                if (gen != generation) return;
                tables.setAll(names);
                if (keep != null && names.contains(keep)) {
                    b.forgetShape(keep);
                    loadShape(keep);
                } else {
                    table.set(names.isEmpty() ? null : names.contains(c.table()) ? c.table() : names.get(0));
                }
            }, failure -> {
                if (gen == generation) error.set(PlainErrors.describe(failure));
            });
        }
    }

    private void loadShape(String name) {
        int gen = ++generation;
        shape.set(null);
        clearResults();
        indexChoices.setAll(TABLE_KEYS);
        index.set(TABLE_KEYS);
        if (name == null || browsing == null) return;
        ItemBrowsing b = browsing;
        loading.set(true);
        tasks.run(p -> b.shape(name), (TableShape s) -> {
            if (gen != generation) return;
            loading.set(false);
            shape.set(s);
            List<String> choices = new ArrayList<>(List.of(TABLE_KEYS));
            s.indexes().forEach(i -> choices.add(i.name()));
            indexChoices.setAll(choices);
            updateKeyNames();
            run();
        }, failure -> {
            if (gen != generation) return;
            loading.set(false);
            error.set(PlainErrors.describe(failure));
        });
    }

    private void updateKeyNames() {
        TableShape s = shape.get();
        if (s == null) {
            partitionKeyName.set("");
            sortKeyName.set("");
            return;
        }
        Optional<String> idx = Optional.ofNullable(index.get()).filter(i -> !i.isBlank());
        partitionKeyName.set(s.partitionKeyOf(idx).name());
        sortKeyName.set(s.sortKeyOf(idx).map(TableShape.Key::name).orElse(""));
    }

    /** The request as set up now; bad input (a blank partition value, a malformed filter) is a StoreException. */
    public ItemQuery currentQuery() {
        String t = table.get();
        if (t == null) throw new StoreException(StoreException.Kind.INVALID, "Choose a table first.");
        boolean query = mode.get() == Mode.QUERY;
        List<FilterRow> rowsOfFilter = filterRows.stream().filter(r -> !r.blank()).map(FilterRowModel::toRow).toList();
        Optional<TypedFilter> typed = typedFilter.get().isBlank() ? Optional.empty()
                : Optional.of(new TypedFilter(typedFilter.get().strip(), jsonNames(typedNames.get()), jsonValues(typedValues.get())));
        List<String> projected = projection.get().isBlank() ? List.of()
                : java.util.Arrays.stream(projection.get().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        Optional<SortKeyOperator> op = query ? Optional.ofNullable(sortOperator.get()) : Optional.empty();
        return new ItemQuery(t, Optional.ofNullable(index.get()), query, query ? partitionValue.get().strip() : "",
                op, op.isPresent() ? sortValue.get() : "", op.isPresent() ? sortValue2.get() : "", !query || ascending.get(),
                rowsOfFilter, typed, projected, Math.max(0, pageSize.get()));
    }

    /** The request DynamoDB runs for the current set-up (needs the table's shape). */
    public ItemRequest currentRequest() {
        TableShape s = shape.get();
        if (s == null) throw new StoreException(StoreException.Kind.INVALID, "The table's keys are still being read.");
        return currentQuery().toRequest(s);
    }

    /** Runs the request from its first page. */
    public void run() {
        if (browsing == null) return;
        ItemQuery q;
        try {
            q = currentQuery();
            currentRequest();
        } catch (StoreException e) {
            error.set(e.getMessage());
            return;
        }
        error.set(null);
        generation++;
        clearResults();
        lastQuery = q;
        load(q, Optional.empty());
    }

    /** The next page of the last request, when there is one. */
    public void loadMore() {
        if (browsing == null || lastQuery == null || loading.get() || !hasMore.get()) return;
        load(lastQuery, cursor);
    }

    private void load(ItemQuery q, Optional<String> from) {
        int gen = generation;
        ItemBrowsing b = browsing;
        PagedRows.load(tasks, p -> b.page(q, from), () -> gen == generation, loading, this::accept, error::set);
    }

    private void accept(ItemBrowser.BrowsePage page) {
        returnedTotal += page.items().size();
        scannedTotal += page.scannedCount();
        paged.add(page.items(), page.consumedCapacity(), keyColumns());
        cursor = page.nextCursor();
        hasMore.set(cursor.isPresent());
        summary.set(describeTotals());
    }

    /** The table's keys, then the chosen index's: the first columns, whatever the items hold. */
    private List<String> keyColumns() {
        TableShape s = shape.get();
        if (s == null) return List.of();
        LinkedHashSet<String> keys = new LinkedHashSet<>(s.keyNames());
        Optional<String> idx = Optional.ofNullable(index.get()).filter(i -> !i.isBlank());
        if (idx.isPresent()) {
            keys.add(s.partitionKeyOf(idx).name());
            s.sortKeyOf(idx).ifPresent(k -> keys.add(k.name()));
        }
        return List.copyOf(keys);
    }

    private String describeTotals() {
        StringBuilder s = new StringBuilder();
        s.append(returnedTotal).append(returnedTotal == 1 ? " item" : " items");
        s.append(" · ").append(scannedTotal).append(" scanned");
        s.append(" · ").append(paged.pages()).append(paged.pages() == 1 ? " page" : " pages");
        paged.capacity().ifPresentOrElse(c -> s.append(" · ").append(String.format(Locale.ROOT, "%.1f", c)).append(" RCU consumed"),
                () -> s.append(" · capacity not reported"));
        if (hasMore.get()) s.append(" · more to load");
        return s.toString();
    }

    private void clearResults() {
        paged.clear();
        cursor = Optional.empty();
        hasMore.set(false);
        returnedTotal = 0;
        scannedTotal = 0;
        summary.set("");
        lastQuery = null;
    }

    /** The current request as an AWS CLI command; the view puts it on the clipboard. */
    public Optional<String> copyAsAwsCli() {
        return copyAs("AWS CLI", r -> CopyAs.awsCli(r, connection.target()));
    }

    /** The current request as a Java class using the AWS SDK v2. */
    public Optional<String> copyAsJava() {
        return copyAs("Java SDK v2", r -> CopyAs.javaSdk(r, connection.target()));
    }

    /** The current request as a Python script using boto3's client, as Cruddur's backend calls DynamoDB. */
    public Optional<String> copyAsBoto3() {
        return copyAs("Python (boto3)", r -> CopyAs.boto3(r, connection.target()));
    }

    /** The current request as a JavaScript module using the AWS SDK v3. */
    public Optional<String> copyAsJavaScript() {
        return copyAs("JavaScript (AWS SDK v3)", r -> CopyAs.javaScript(r, connection.target()));
    }

    private Optional<String> copyAs(String kind, java.util.function.Function<ItemRequest, String> render) {
        if (connection == null) return Optional.empty();
        try {
            String text = render.apply(currentRequest());
            requestKind.set(kind);
            requestText.set(text);
            error.set(null);
            return Optional.of(text);
        } catch (StoreException e) {
            error.set(e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * One item as a GetItem (its key) or a PutItem (the whole item) in a language; shown under the
     * results as the copied requests are. Empty, with the reason as the error, when it cannot be written.
     */
    public Optional<String> copyItemAs(String itemJson, ItemCopyAs.Operation operation, ItemCopyAs.Language language) {
        if (connection == null || shape.get() == null || itemJson == null) return Optional.empty();
        try {
            String text = ItemCopyAs.of(operation, language, table.get(), shape.get().keyNames(), itemJson, connection.target());
            requestKind.set((operation == ItemCopyAs.Operation.GET_ITEM ? "GetItem" : "PutItem") + ", " + language.label());
            requestText.set(text);
            error.set(null);
            return Optional.of(text);
        } catch (IllegalArgumentException e) {
            error.set("Cannot copy this item: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** A result row as GetItem or PutItem; a PutItem of a row holding only projected attributes is refused. */
    public Optional<String> copyRowAs(Row row, ItemCopyAs.Operation operation, ItemCopyAs.Language language) {
        if (row == null) return Optional.empty();
        if (operation == ItemCopyAs.Operation.PUT_ITEM && partialRows()) {
            error.set("This row holds only what the request projected: its PutItem would drop the rest. "
                    + "Open it in the editor (which reads the whole item) and copy the PutItem there.");
            return Optional.empty();
        }
        return copyItemAs(row.dynamoJson(), operation, language);
    }

    public void dismissError() {
        error.set(null);
    }

    public void dismissNotice() {
        notice.set(null);
    }

    public void addFilterRow() {
        filterRows.add(new FilterRowModel());
    }

    public void removeFilterRow(FilterRowModel row) {
        filterRows.remove(row);
        if (filterRows.isEmpty()) filterRows.add(new FilterRowModel());
    }

    // Writes

    /** Why writes are off, or empty when they are allowed. */
    public Optional<String> whyReadOnly() {
        if (connection == null) return Optional.of("Not connected.");
        if (!writable.get()) return Optional.of(connection.readOnlyReason());
        return Optional.empty();
    }

    /** Deletes the given rows (by key) in batches; the rows leave the list once deleted. */
    public void delete(List<Row> chosen, Consumer<Integer> onDone) {
        if (chosen.isEmpty() || editor == null || shape.get() == null) return;
        Optional<String> readOnly = whyReadOnly();
        if (readOnly.isPresent()) {
            error.set(readOnly.get());
            return;
        }
        List<Row> victims = List.copyOf(chosen);
        String t = table.get();
        List<String> keyNames = shape.get().keyNames();
        List<Map<String, Object>> keys = victims.stream().map(r -> keyOf(r.values(), keyNames)).toList();
        ItemEditor e = editor;
        int gen = generation;
        tasks.run(p -> WriteInvalidation.bulk(() -> e.deleteAll(t, keys)), (Integer deleted) -> {
            if (gen != generation) return;
            rows.removeAll(victims);
            notice.set("Deleted " + deleted + (deleted == 1 ? " item" : " items") + " from " + t + ".");
            onDone.accept(deleted);
        }, failure -> {
            if (gen == generation) error.set(PlainErrors.describe(failure));
        });
    }

    static Map<String, Object> keyOf(Map<String, Object> values, List<String> keyNames) {
        Map<String, Object> key = new LinkedHashMap<>();
        for (String k : keyNames) key.put(k, values.get(k));
        return key;
    }

    /**
     * Rows of a projection (or of an index that does not project every attribute) are partial:
     * saving one would drop what it lacks, so the editor gets the whole item, read again by key.
     */
    boolean partialRows() {
        if (lastQuery == null || shape.get() == null) return false;
        if (!lastQuery.projection().isEmpty()) return true;
        return lastQuery.index().flatMap(shape.get()::index).map(i -> !"ALL".equals(i.projection())).orElse(false);
    }

    /**
     * Opens an editor on the whole item of {@code row} (for editing, or a copy for Duplicate): at
     * once, or after reading the item again when the row is partial.
     */
    public void edit(Row row, boolean duplicate, Consumer<ItemEditorViewModel> open) {
        if (!partialRows()) {
            open.accept(duplicate ? duplicateOf(row) : editorFor(row));
            return;
        }
        String t = table.get();
        TableShape s = shape.get();
        Map<String, Object> key = keyOf(row.values(), s.keyNames());
        int gen = generation;
        tasks.run(p -> fetch(t, s, key), (Optional<Row> whole) -> {
            if (gen != generation) return;
            if (whole.isEmpty()) {
                error.set("That item is no longer in " + t + " (deleted meanwhile).");
                rows.remove(row);
                return;
            }
            replaceRow(row, whole.get());
            open.accept(duplicate ? duplicateOf(whole.get()) : editorFor(whole.get()));
        }, failure -> {
            if (gen == generation) error.set(PlainErrors.describe(failure));
        });
    }

    /** An editor for a new item, or (row given) for editing that row. */
    public ItemEditorViewModel editorFor(Row row) {
        return new ItemEditorViewModel(this, row);
    }

    /** An editor holding a copy of the row as a new item, to be saved under a new key. */
    public ItemEditorViewModel duplicateOf(Row row) {
        ItemEditorViewModel vm = new ItemEditorViewModel(this, null);
        vm.startFrom(row.dynamoJson());
        return vm;
    }

    ItemEditor editor() {
        return editor;
    }

    /** Reads one item again by its key (off the FX thread): empty when it is gone. */
    Optional<Row> fetch(String t, TableShape s, Map<String, Object> key) {
        ItemQuery q = ItemQuery.query(t, keyText(key.get(s.partitionKey().name())));
        if (s.sortKey().isPresent()) q = q.sortKey(SortKeyOperator.EQ, keyText(key.get(s.sortKey().get().name())));
        ItemBrowser.BrowsePage page = browsing.page(q, Optional.empty());
        return page.items().stream().findFirst().map(i -> new Row(i.values(), i.dynamoJson()));
    }

    private static String keyText(Object v) {
        if (v instanceof byte[] b) return Base64.getEncoder().encodeToString(b);
        if (v instanceof BigDecimal d) return d.toPlainString();
        return String.valueOf(v);
    }

    /** A saved edit: the row shows the stored item; a new item joins the list at the top. */
    void replaceRow(Row old, Row now) {
        int at = old == null ? -1 : rows.indexOf(old);
        if (at >= 0) rows.set(at, now);
        else rows.add(0, now);
        LinkedHashSet<String> seen = new LinkedHashSet<>(columns);
        if (seen.isEmpty()) seen.addAll(keyColumns());
        seen.addAll(now.values().keySet());
        if (!seen.equals(new LinkedHashSet<>(columns))) columns.setAll(seen);
        notice.set("Saved" + (old == null ? " a new item" : "") + ".");
        lastSaved.set(now);
    }

    void removeRow(Row row) {
        rows.remove(row);
    }

    private static Map<String, String> jsonNames(String text) {
        if (text == null || text.isBlank()) return Map.of();
        JsonNode node = readObject(text, "The attribute names of the typed filter");
        Map<String, String> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static Map<String, String> jsonValues(String text) {
        if (text == null || text.isBlank()) return Map.of();
        JsonNode node = readObject(text, "The values of the typed filter");
        Map<String, String> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().toString()));
        return out;
    }

    private static JsonNode readObject(String text, String what) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) throw new StoreException(StoreException.Kind.INVALID, what + " must be a JSON object.");
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new StoreException(StoreException.Kind.INVALID, what + " are not JSON: " + e.getOriginalMessage());
        }
    }

    /** The connection's own table (the one the check and import work on). */
    String connectionTable() {
        return connection == null ? null : connection.table();
    }

    DynamoConnection connection() {
        return connection;
    }
}
