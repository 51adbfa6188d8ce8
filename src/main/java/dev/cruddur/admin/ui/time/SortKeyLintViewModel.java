package dev.cruddur.admin.ui.time;

import dev.cruddur.admin.app.cache.WriteInvalidation;
import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.app.lint.LintFinding;
import dev.cruddur.admin.app.lint.LintReport;
import dev.cruddur.admin.app.lint.MigrationOutcome;
import dev.cruddur.admin.app.lint.MigrationPlan;
import dev.cruddur.admin.app.lint.SortKeyAudit;
import dev.cruddur.admin.app.lint.WorkProgress;
import dev.cruddur.admin.app.lint.YearPrefixImpact;
import dev.cruddur.admin.app.time.StoredItem;
import dev.cruddur.admin.ui.common.BackgroundTasks;
import dev.cruddur.admin.ui.common.PlainErrors;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The sort-key linter on the open connection: lint (the report and the dry-run plan from one
 * scan) with progress and cancel, open a finding's item, and apply the migration once the table's
 * name is typed, with progress and cancel; after a migration the table is linted again, so the
 * screen shows what is left (nothing, when it went through).
 */
public final class SortKeyLintViewModel {
    /** What the pane is busy with. */
    public enum Busy { NONE, LINTING, MIGRATING }

    // Properties
    private final ReadOnlyObjectWrapper<Busy> busy = new ReadOnlyObjectWrapper<>(this, "busy", Busy.NONE);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyObjectWrapper<LintReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyObjectWrapper<MigrationPlan> plan = new ReadOnlyObjectWrapper<>(this, "plan");
    private final ObservableList<LintFinding> findings = FXCollections.observableArrayList();
    private final ObservableList<LintFinding> findingsView = FXCollections.unmodifiableObservableList(findings);
    private final ObservableList<MigrationPlan.Change> changes = FXCollections.observableArrayList();
    private final ObservableList<MigrationPlan.Change> changesView = FXCollections.unmodifiableObservableList(changes);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyObjectWrapper<LintFinding> openFinding = new ReadOnlyObjectWrapper<>(this, "openFinding");
    private final ReadOnlyStringWrapper itemText = new ReadOnlyStringWrapper(this, "itemText", "");
    private final ReadOnlyBooleanWrapper canApply = new ReadOnlyBooleanWrapper(this, "canApply");

    private final BackgroundTasks tasks;
    private final Supplier<DirectMessages> session;
    private final Clock clock;
    private AtomicBoolean stop = new AtomicBoolean();
    private int openGeneration;
    /** Bumped when the connection changes: work started on the old one delivers nothing. */
    private int generation;
    private String afterMigration = "";

    public SortKeyLintViewModel(BackgroundTasks tasks, Supplier<DirectMessages> session, Clock clock) {
        this.tasks = tasks;
        this.session = session;
        this.clock = clock;
        busy.addListener((o, a, b) -> {
            running.set(b != Busy.NONE);
            updateCanApply();
        });
        plan.addListener((o, a, b) -> updateCanApply());
    }

    public ReadOnlyObjectProperty<Busy> busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    /** 0..1, or negative while the total is unknown. */
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty progressTextProperty() { return progressText.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<LintReport> reportProperty() { return report.getReadOnlyProperty(); }
    /** What the findings table says when it is empty: what the last lint found, or that none ran. */
    public javafx.beans.value.ObservableValue<String> findingsPlaceholderProperty() {
        return report.getReadOnlyProperty().map(SortKeyLintViewModel::findingsPlaceholder).orElse(NOT_LINTED);
    }
    public ReadOnlyObjectProperty<MigrationPlan> planProperty() { return plan.getReadOnlyProperty(); }
    public ObservableList<LintFinding> findings() { return findingsView; }
    /** The dry run: every move the migration would make, in order. */
    public ObservableList<MigrationPlan.Change> changes() { return changesView; }
    /** The outcome of the last lint or migration, in a sentence. */
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<LintFinding> openFindingProperty() { return openFinding.getReadOnlyProperty(); }
    /** The opened finding's item, every attribute, one a line. */
    public ReadOnlyStringProperty itemTextProperty() { return itemText.getReadOnlyProperty(); }
    /** A complete plan with moves, and nothing running. */
    public ReadOnlyBooleanProperty canApplyProperty() { return canApply.getReadOnlyProperty(); }

    /** The table a migration would change: the name to type to apply it. */
    public Optional<String> tableName() {
        DirectMessages dm = session.get();
        return dm == null ? Optional.empty() : Optional.of(dm.connection().table());
    }

    // Commands

    /** Scans the table: the report and the dry-run plan. */
    public void lint() {
        DirectMessages dm = session.get();
        if (dm == null) {
            error.set("Not connected: open a connection first.");
            return;
        }
        if (busy.get() != Busy.NONE) return;
        AtomicBoolean stopFlag = start(Busy.LINTING, "Scanning the table…");
        int gen = generation;
        tasks.run(p -> new SortKeyAudit(dm.connection(), clock).audit(progressTo(p), stopFlag::get),
                this::onProgress, (SortKeyAudit.Audit audit) -> {
                    if (gen != generation) return;
                    busy.set(Busy.NONE);
                    show(audit);
                }, failure -> {
                    if (gen != generation) return;
                    busy.set(Busy.NONE);
                    progressText.set("");
                    error.set("The lint failed: " + PlainErrors.describe(failure));
                });
    }

    /** Stops the scan or the migration between two pages or steps. */
    public void cancel() {
        stop.set(true);
        if (busy.get() != Busy.NONE) progressText.set("Stopping…");
    }

    /**
     * Migrates when {@code typedTableName} is the table's name (the store refuses otherwise, and
     * says so), then lints again.
     */
    public void apply(String typedTableName) {
        DirectMessages dm = session.get();
        if (dm == null) {
            error.set("Not connected: open a connection first.");
            return;
        }
        if (busy.get() != Busy.NONE) return;
        AtomicBoolean stopFlag = start(Busy.MIGRATING, "Planning from a fresh scan…");
        int gen = generation;
        tasks.run(p -> WriteInvalidation.bulk(() -> new SortKeyAudit(dm.connection(), clock).migrate(typedTableName, progressTo(p), stopFlag::get)),
                this::onProgress, (MigrationOutcome outcome) -> {
                    if (gen != generation) return;
                    busy.set(Busy.NONE);
                    progressText.set("");
                    if (outcome instanceof MigrationOutcome.Refused r) {
                        error.set(r.reason());
                    } else if (outcome instanceof MigrationOutcome.NothingToDo) {
                        status.set("Nothing to migrate.");
                    } else if (outcome instanceof MigrationOutcome.Migrated m) {
                        afterMigration = "Moved " + m.moved() + " item" + (m.moved() == 1 ? "" : "s") + " (" + m.writeMode() + ")"
                                + (m.skipped().isEmpty() ? "" : "; " + m.skipped().size() + " skipped (changed meanwhile)") + ".";
                        status.set(afterMigration + " Linting again…");
                        lint();
                    } else if (outcome instanceof MigrationOutcome.Stopped st) {
                        afterMigration = "Stopped after moving " + st.moved() + " item" + (st.moved() == 1 ? "" : "s") + "; "
                                + st.stepsLeft() + " step" + (st.stepsLeft() == 1 ? "" : "s") + " left: Apply again to resume.";
                        status.set(afterMigration + " Linting again…");
                        lint();
                    }
                }, failure -> {
                    if (gen != generation) return;
                    busy.set(Busy.NONE);
                    progressText.set("");
                    error.set("The migration failed: " + PlainErrors.describe(failure)
                            + " Moves already made are complete items; Apply again resumes.");
                });
    }

    /** Reads the finding's item (consistently) and shows every attribute. */
    public void open(LintFinding finding) {
        openFinding.set(finding);
        int gen = ++openGeneration;
        DirectMessages dm = session.get();
        if (finding == null || dm == null) {
            itemText.set("");
            return;
        }
        itemText.set("Reading " + finding.pk() + " / " + finding.sk() + "…");
        tasks.run(p -> StoredItem.find(dm, finding.pk(), finding.sk()), (Optional<Map<String, Object>> item) -> {
            if (gen != openGeneration) return;
            itemText.set(item.map(SortKeyLintViewModel::describe)
                    .orElse("No item " + finding.pk() + " / " + finding.sk() + " any more (moved or deleted since the lint)."));
        }, failure -> {
            if (gen != openGeneration) return;
            itemText.set("Could not read the item: " + PlainErrors.describe(failure));
        });
    }

    /**
     * Forgets everything about the previous connection's table; work still running on it is asked
     * to stop and its outcome is dropped (a migration stopped between steps resumes when applied again).
     */
    public void clear() {
        generation++;
        openGeneration++;
        stop.set(true);
        busy.set(Busy.NONE);
        progress.set(0);
        progressText.set("");
        report.set(null);
        plan.set(null);
        findings.clear();
        changes.clear();
        status.set("");
        error.set(null);
        openFinding.set(null);
        itemText.set("");
        afterMigration = "";
    }

    public void dismissError() {
        error.set(null);
    }

    static final String NOT_LINTED = "Run the lint to see what it finds.";

    /** The empty findings table after a lint: every key canonical, or nothing in the part read. */
    static String findingsPlaceholder(LintReport r) {
        if (!r.complete()) return "No findings in the first " + r.items() + " sort keys read (the lint was stopped).";
        if (!r.findings().isEmpty()) return "No findings of this kind.";
        return "No findings: all " + r.items() + " sort key" + (r.items() == 1 ? " is" : "s are") + " canonical.";
    }

    /** The report's summary in one line. */
    public static String summary(LintReport r) {
        String head = (r.complete() ? "" : "Stopped: these figures cover the first ") + r.items() + " item" + (r.items() == 1 ? "" : "s")
                + (r.complete() ? " read" : "") + " · " + r.notCanonical() + " not canonical · "
                + r.orderDisagreements().size() + " order disagreement" + (r.orderDisagreements().size() == 1 ? "" : "s");
        return head + (r.keysClean() ? " · nothing to do" : "");
    }

    /** What Cruddur's year filter hides, in a sentence. */
    public static String yearPrefix(YearPrefixImpact y) {
        if (y.groupRowsHidden() == 0 && y.messagesHidden() == 0) {
            return "Cruddur's begins_with(sk, '" + y.year() + "') hides nothing today.";
        }
        return "Cruddur's begins_with(sk, '" + y.year() + "') hides " + y.conversationsHidden() + " conversation"
                + (y.conversationsHidden() == 1 ? "" : "s") + " from " + y.groupRowsHidden() + " list"
                + (y.groupRowsHidden() == 1 ? "" : "s") + " (pattern B) and " + y.messagesHidden() + " message"
                + (y.messagesHidden() == 1 ? "" : "s") + " in " + y.conversationsMissingMessages() + " conversation"
                + (y.conversationsMissingMessages() == 1 ? "" : "s") + " (pattern A). Migrating keys does not change that: the query does.";
    }

    private AtomicBoolean start(Busy what, String text) {
        stop = new AtomicBoolean();
        error.set(null);
        progress.set(-1);
        progressText.set(text);
        busy.set(what);
        return stop;
    }

    private static WorkProgress progressTo(BackgroundTasks.Progress p) {
        return (phase, done, total) -> {
            String what = phase == WorkProgress.Phase.SCANNING ? "Scanning" : "Moving";
            if (total > 0) {
                String of = phase == WorkProgress.Phase.SCANNING ? " of about " : " of ";
                p.update(Math.min(1.0, (double) done / total), what + ": " + done + of + total + (phase == WorkProgress.Phase.SCANNING ? " items" : " steps"));
            } else {
                p.update(-1, what + ": " + done + (phase == WorkProgress.Phase.SCANNING ? " items" : " steps"));
            }
        };
    }

    private void onProgress(BackgroundTasks.ProgressUpdate update) {
        if (busy.get() == Busy.NONE) return;
        progress.set(update.fraction());
        if (!stop.get()) progressText.set(update.message());
    }

    private void show(SortKeyAudit.Audit audit) {
        progressText.set("");
        report.set(audit.report());
        plan.set(audit.plan());
        findings.setAll(audit.report().findings());
        changes.setAll(audit.plan().changes());
        String s = summary(audit.report());
        MigrationPlan p = audit.plan();
        if (!p.nothingToDo()) s += " · " + p.changes().size() + " move" + (p.changes().size() == 1 ? "" : "s") + " planned";
        if (!p.collisions().isEmpty()) s += " · " + p.collisions().size() + " collision" + (p.collisions().size() == 1 ? "" : "s");
        if (!p.unmovable().isEmpty()) s += " · " + p.unmovable().size() + " unmovable";
        if (!afterMigration.isEmpty()) s = afterMigration + " Now: " + s;
        afterMigration = "";
        status.set(s);
        if (openFinding.get() != null) open(openFinding.get());
    }

    private void updateCanApply() {
        MigrationPlan p = plan.get();
        canApply.set(busy.get() == Busy.NONE && p != null && p.complete() && !p.nothingToDo());
    }

    private static String describe(Map<String, Object> item) {
        StringBuilder s = new StringBuilder();
        item.forEach((name, value) -> s.append(name).append(" = ").append(value instanceof String str ? '"' + str + '"' : String.valueOf(value))
                .append('\n'));
        return s.toString().stripTrailing();
    }
}
