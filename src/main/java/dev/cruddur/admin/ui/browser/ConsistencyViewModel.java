package dev.cruddur.admin.ui.browser;

import dev.cruddur.admin.app.cache.WriteInvalidation;
import dev.cruddur.admin.app.consistency.CheckReport;
import dev.cruddur.admin.app.consistency.Finding;
import dev.cruddur.admin.app.consistency.FindingKind;
import dev.cruddur.admin.app.consistency.RepairPlan;
import dev.cruddur.admin.app.consistency.Repairer;
import dev.cruddur.admin.app.consistency.TableConsistency;
import dev.cruddur.admin.store.DynamoConnection;
import dev.cruddur.admin.ui.common.BackgroundTasks;
import dev.cruddur.admin.ui.common.PlainErrors;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The consistency check of the connection's table and its repair: run the check (progress,
 * cancel), the findings counted by kind, the plan shown before anything is written, the repair
 * applied only with the table's name typed, and a check again afterwards to show it is clean.
 */
public final class ConsistencyViewModel {
    /** A line of the summary: a kind of finding and how many there are. */
    public record KindCount(FindingKind kind, int count) {}

    // Properties
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(this, "checking");
    private final ReadOnlyBooleanWrapper repairing = new ReadOnlyBooleanWrapper(this, "repairing");
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(this, "connected");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Not checked yet.");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper tableName = new ReadOnlyStringWrapper(this, "tableName", "");
    private final ReadOnlyObjectWrapper<CheckReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyObjectWrapper<RepairPlan> plan = new ReadOnlyObjectWrapper<>(this, "plan");
    private final ObservableList<KindCount> counts = FXCollections.observableArrayList();
    private final ObjectProperty<FindingKind> selectedKind = new SimpleObjectProperty<>(this, "selectedKind");
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ObservableList<String> planLines = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper findingsPlaceholder = new ReadOnlyStringWrapper(this, "findingsPlaceholder", NOT_CHECKED);
    private final ReadOnlyBooleanProperty writable;

    private final BackgroundTasks tasks;
    private final AtomicBoolean cancel = new AtomicBoolean();
    private DynamoConnection connection;
    private int generation;

    public ConsistencyViewModel(BackgroundTasks tasks, ReadOnlyBooleanProperty writable) {
        this.tasks = tasks;
        this.writable = writable;
        selectedKind.addListener((o, a, k) -> showFindings());
    }

    public ReadOnlyBooleanProperty checkingProperty() { return checking.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty repairingProperty() { return repairing.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty connectedProperty() { return connected.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    /** What the findings list says when it is empty: what the last check found, or that none ran. */
    public ReadOnlyStringProperty findingsPlaceholderProperty() { return findingsPlaceholder.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyStringProperty tableNameProperty() { return tableName.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<CheckReport> reportProperty() { return report.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<RepairPlan> planProperty() { return plan.getReadOnlyProperty(); }
    public ObservableList<KindCount> counts() { return counts; }
    public ObjectProperty<FindingKind> selectedKindProperty() { return selectedKind; }
    public ObservableList<Finding> findings() { return findings; }
    public ObservableList<String> planLines() { return planLines; }
    public ReadOnlyBooleanProperty writableProperty() { return writable; }

    // Commands

    public void open(DynamoConnection next) {
        generation++;
        connection = next;
        connected.set(true);
        tableName.set(next.table());
        reset("Not checked yet.");
    }

    public void close() {
        generation++;
        cancel.set(true);
        connection = null;
        connected.set(false);
        tableName.set("");
        checking.set(false);
        repairing.set(false);
        reset("Not connected.");
    }

    static final String NOT_CHECKED = "Run the check to see what is inconsistent.";

    private void reset(String text) {
        findingsPlaceholder.set(text);
        report.set(null);
        plan.set(null);
        counts.clear();
        findings.clear();
        planLines.clear();
        selectedKind.set(null);
        progress.set(0);
        status.set(text);
        error.set(null);
    }

    /** Reads the whole table and judges every conversation. */
    public void check() {
        check(null);
    }

    private void check(String before) {
        if (connection == null || checking.get() || repairing.get()) return;
        int gen = ++generation;
        DynamoConnection c = connection;
        cancel.set(false);
        reset("Checking " + c.table() + "…");
        checking.set(true);
        progress.set(-1);
        tasks.run(p -> new TableConsistency(c).check((items, scanned) ->
                p.update(-1, "Checking " + c.table() + ": " + scanned + " items read…"), cancel::get),
                update -> status.set(update.message()),
                (TableConsistency.Checked checked) -> {
                    if (gen != generation) return;
                    checking.set(false);
                    progress.set(1);
                    show(checked, before);
                }, failure -> {
                    if (gen != generation) return;
                    checking.set(false);
                    progress.set(0);
                    status.set("The check did not finish.");
                    error.set(PlainErrors.describe(failure));
                });
    }

    public void cancel() {
        cancel.set(true);
    }

    private void show(TableConsistency.Checked checked, String before) {
        CheckReport r = checked.report();
        report.set(r);
        plan.set(checked.plan());
        r.countsByKind().forEach((k, n) -> counts.add(new KindCount(k, n)));
        planLines.setAll(checked.plan().describe());
        String read = r.itemsRead() + " items, " + r.conversations() + " conversations read";
        String outcome;
        if (r.cancelled()) outcome = "Cancelled after " + read + ": the findings below are partial.";
        else if (r.findings().isEmpty()) outcome = "No findings: every conversation is consistent (" + read + ").";
        else outcome = r.findings().size() + (r.findings().size() == 1 ? " finding" : " findings") + " in "
                + r.countsByKind().size() + (r.countsByKind().size() == 1 ? " kind" : " kinds") + " (" + read + "); the repair would make "
                + checked.plan().puts() + " put(s) and " + checked.plan().deletes() + " delete(s).";
        status.set(before == null ? outcome : before + " Checked again: " + outcome);
        if (!counts.isEmpty()) selectedKind.set(counts.get(0).kind());
        findingsPlaceholder.set(findingsPlaceholder(r, before != null));
    }

    /** The empty findings list after a check: clean, clean after a repair, or nothing in what was read. */
    static String findingsPlaceholder(CheckReport r, boolean afterRepair) {
        if (r.cancelled()) return "No findings in the " + r.itemsRead() + " items read before the check was cancelled.";
        if (!r.findings().isEmpty()) return "Choose a kind of finding.";
        return (afterRepair ? "Clean after repair: 0 findings" : "No findings: every conversation is consistent")
                + " (" + r.conversations() + " conversations, " + r.itemsRead() + " items read).";
    }

    private void showFindings() {
        FindingKind k = selectedKind.get();
        CheckReport r = report.get();
        findings.setAll(k == null || r == null ? java.util.List.of() : r.of(k));
    }

    /** True when a plan with writes is there to apply and writes are allowed. */
    public boolean canRepair() {
        RepairPlan p = plan.get();
        return connection != null && p != null && !p.empty() && writable.get() && !checking.get() && !repairing.get()
                && report.get() != null && !report.get().cancelled();
    }

    /** Applies the plan; the store refuses unless {@code typedName} is the table's name. Then checks again. */
    public void repair(String typedName) {
        RepairPlan p = plan.get();
        if (connection == null || p == null || repairing.get() || checking.get()) return;
        int gen = ++generation;
        DynamoConnection c = connection;
        cancel.set(false);
        repairing.set(true);
        error.set(null);
        progress.set(0);
        status.set("Repairing " + c.table() + "…");
        tasks.run(pr -> WriteInvalidation.bulk(() -> new Repairer(c).apply(p, typedName,
                        (done, total) -> pr.update(total == 0 ? 1 : (double) done / total, "Repaired " + done + " of " + total + " conversations…"),
                        cancel::get)),
                update -> {
                    progress.set(update.fraction());
                    status.set(update.message());
                },
                (Repairer.RepairOutcome outcome) -> {
                    if (gen != generation) return;
                    repairing.set(false);
                    if (outcome instanceof Repairer.Refused refused) {
                        error.set(refused.reason());
                        status.set("Nothing was written.");
                        return;
                    }
                    Repairer.Repaired done = (Repairer.Repaired) outcome;
                    String summary = String.format(Locale.ROOT, "%s %d conversation(s): %d put(s), %d delete(s) by %s.",
                            done.cancelled() ? "Cancelled after repairing" : "Repaired", done.conversations(), done.puts(),
                            done.deletes(), done.mode());
                    check(summary);
                }, failure -> {
                    if (gen != generation) return;
                    repairing.set(false);
                    status.set("The repair stopped; check again to see where the table stands.");
                    error.set(PlainErrors.describe(failure));
                });
    }

    public void dismissError() {
        error.set(null);
    }
}
