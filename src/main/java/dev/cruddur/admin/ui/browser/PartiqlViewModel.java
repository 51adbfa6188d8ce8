package dev.cruddur.admin.ui.browser;

import dev.cruddur.admin.app.browse.PartiqlStatements;
import dev.cruddur.admin.app.browse.StatementCopyAs;
import dev.cruddur.admin.app.browse.StatementHistory;
import dev.cruddur.admin.store.DynamoConnection;
import dev.cruddur.admin.store.StatementRunner;
import dev.cruddur.admin.ui.common.BackgroundTasks;
import dev.cruddur.admin.ui.common.PlainErrors;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The PartiQL tab: a statement and its parameters (one value a line, plain or DynamoDB JSON), its results
 * page by page in the item grid, what each page cost, the error under the statement, the statements run
 * (kept across restarts), the names seen for completion, and "copy as" texts. Writes obey the read-only lock.
 */
public final class PartiqlViewModel {
    public enum CopyKind { AWS_CLI, JAVA, BOTO3, JAVASCRIPT }

    // Properties: the statement, as the person writes it
    private final StringProperty statement = new SimpleStringProperty(this, "statement", "");
    private final StringProperty parameters = new SimpleStringProperty(this, "parameters", "");
    private final IntegerProperty pageSize = new SimpleIntegerProperty(this, "pageSize", 50);

    // Properties: results
    private final ObservableList<ItemBrowserViewModel.Row> rows = FXCollections.observableArrayList();
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObservableList<String> history = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper(this, "hasMore");
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(this, "connected");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper copied = new ReadOnlyStringWrapper(this, "copied");
    private final ObjectProperty<ZoneId> zone = new SimpleObjectProperty<>(this, "zone");
    private final ReadOnlyBooleanProperty writable;
    private final ObservableList<String> tables;

    private final BackgroundTasks tasks;
    private final StatementHistory historyFile;
    private final TreeSet<String> attributesSeen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    private DynamoConnection connection;
    private PartiqlStatements statements;
    private String lastStatement;
    /** The last statement's parameters, read from their text once, by its first page, for all its pages. */
    private Supplier<StatementRunner.Parameters> lastParameters = () -> StatementRunner.Parameters.typed(List.of());
    private Optional<String> nextToken = Optional.empty();
    private final PagedRows paged = new PagedRows(rows, columns);
    private int generation;

    /** {@code tables}: the connection's table names (the item browser lists them), offered as completions. */
    public PartiqlViewModel(BackgroundTasks tasks, ReadOnlyBooleanProperty writable, ObservableList<String> tables,
                            StatementHistory historyFile, ZoneId zone) {
        this.tasks = tasks;
        this.writable = writable;
        this.tables = tables;
        this.historyFile = historyFile;
        this.zone.set(zone);
        tasks.run(p -> historyFile.load(), (List<String> saved) -> {
            List<String> merged = new ArrayList<>(history);
            for (String s : saved) if (!merged.contains(s)) merged.add(s);
            history.setAll(merged);
        }, failure -> {});
    }

    public StringProperty statementProperty() { return statement; }
    public StringProperty parametersProperty() { return parameters; }
    public IntegerProperty pageSizeProperty() { return pageSize; }
    public ObservableList<ItemBrowserViewModel.Row> rows() { return rows; }
    public ObservableList<String> columns() { return columns; }
    public ObservableList<String> history() { return history; }
    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty hasMoreProperty() { return hasMore.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty connectedProperty() { return connected.getReadOnlyProperty(); }
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    /** The last "copy as" text, for the clipboard. */
    public ReadOnlyStringProperty copiedProperty() { return copied.getReadOnlyProperty(); }
    public ObjectProperty<ZoneId> zoneProperty() { return zone; }
    public ReadOnlyBooleanProperty writableProperty() { return writable; }

    // Commands

    public void open(DynamoConnection next) {
        generation++;
        connection = next;
        statements = new PartiqlStatements(next);
        connected.set(true);
        clearResults();
        error.set(null);
        if (statement.get().isBlank()) statement.set("SELECT * FROM \"" + next.table() + "\"");
    }

    public void close() {
        generation++;
        connection = null;
        statements = null;
        connected.set(false);
        clearResults();
    }

    /** Runs the statement from its first page; a write on a read-only connection is refused here, before sending. */
    public void run() {
        if (statements == null) return;
        String text = statement.get().strip();
        if (text.isEmpty()) {
            error.set("Write a statement first.");
            return;
        }
        if (!statements.allowed(text)) {
            error.set(WriteGuard.READ_ONLY);
            return;
        }
        List<String> params = parameters.get().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        error.set(null);
        generation++;
        clearResults();
        lastStatement = text;
        lastParameters = readOnce(params);
        remember(text);
        load(Optional.empty());
    }

    public void loadMore() {
        if (statements == null || lastStatement == null || loading.get() || !hasMore.get()) return;
        load(nextToken);
    }

    private void load(Optional<String> from) {
        int gen = generation;
        PartiqlStatements s = statements;
        String text = lastStatement;
        Supplier<StatementRunner.Parameters> params = lastParameters;
        int size = Math.max(0, pageSize.get());
        PagedRows.load(tasks, p -> s.page(text, params.get(), from, size), () -> gen == generation, loading, this::accept, error::set);
    }

    /**
     * The parameters as typed, read on the first call (a background task: a bad one is that page's error) and
     * kept for the next pages, which load one at a time.
     */
    private static Supplier<StatementRunner.Parameters> readOnce(List<String> typed) {
        StatementRunner.Parameters[] read = new StatementRunner.Parameters[1];
        return () -> {
            synchronized (read) {
                if (read[0] == null) read[0] = StatementRunner.Parameters.typed(typed);
                return read[0];
            }
        };
    }

    private void accept(StatementRunner.StatementPage page) {
        attributesSeen.addAll(paged.add(page.items(), page.consumedCapacity(), List.of()));
        nextToken = page.nextToken();
        hasMore.set(nextToken.isPresent());
        int pages = paged.pages();
        summary.set(rows.size() + (rows.size() == 1 ? " item" : " items") + " · " + pages + (pages == 1 ? " page" : " pages")
                + paged.capacity().map(c -> String.format(Locale.ROOT, " · %.1f capacity units", c)).orElse("")
                + (hasMore.get() ? " · more" : ""));
    }

    private void clearResults() {
        paged.clear();
        nextToken = Optional.empty();
        hasMore.set(false);
        loading.set(false);
        summary.set("");
    }

    /** The statement moves to the front of the history, which is saved in the background. */
    private void remember(String text) {
        List<String> next = StatementHistory.withRun(history, text);
        history.setAll(next);
        List<String> snapshot = List.copyOf(next);
        tasks.run(p -> {
            historyFile.save(snapshot);
            return null;
        }, saved -> {}, failure -> error.set("The history could not be saved: " + failure.getMessage()));
    }

    /** Puts a statement from the history back in the editor. */
    public void recall(String past) {
        if (past != null) statement.set(past);
    }

    /** Table names and attribute names seen so far that start with {@code prefix} (case ignored). */
    public List<String> completions(String prefix) {
        String p = prefix.toLowerCase(Locale.ROOT);
        TreeSet<String> out = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String t : tables) if (t.toLowerCase(Locale.ROOT).startsWith(p)) out.add(t);
        for (String a : attributesSeen) if (a.toLowerCase(Locale.ROOT).startsWith(p)) out.add(a);
        out.remove(prefix);
        return List.copyOf(out);
    }

    /** Renders the statement as code to paste elsewhere; the text lands in {@link #copiedProperty()}. */
    public void copyAs(CopyKind kind) {
        if (connection == null) return;
        List<String> params;
        try {
            params = PartiqlStatements.normalized(parameters.get().lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
        } catch (RuntimeException e) {
            error.set(PlainErrors.describe(e));
            return;
        }
        String text = statement.get().strip();
        var target = connection.target();
        copied.set(switch (kind) {
            case AWS_CLI -> StatementCopyAs.awsCli(text, params, target);
            case JAVA -> StatementCopyAs.javaSdk(text, params, target);
            case BOTO3 -> StatementCopyAs.boto3(text, params, target);
            case JAVASCRIPT -> StatementCopyAs.javaScript(text, params, target);
        });
    }
}
