package dev.cruddur.admin.ui.time;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.app.time.DatabaseAnswers;
import dev.cruddur.admin.time.ParsedTime;
import dev.cruddur.admin.time.RenderSettings;
import dev.cruddur.admin.ui.common.BackgroundTasks;
import dev.cruddur.admin.ui.common.PlainErrors;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Ask the database": with a connection that names Cruddur's Postgres, what that server says for the
 * value on screen ({@code SHOW timezone}, {@code ::timestamp}, {@code ::timestamptz} under its
 * TimeZone, UTC and each display zone), beside the computed forms, disagreements marked.
 */
public final class DatabaseAnswersViewModel {
    // Properties
    private final ObservableList<DatabaseAnswers.Row> rows = FXCollections.observableArrayList();
    private final ObservableList<DatabaseAnswers.Row> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper asking = new ReadOnlyBooleanWrapper(this, "asking");
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available");

    private final BackgroundTasks tasks;
    private final Supplier<DirectMessages> session;
    private final ReadOnlyObjectProperty<ParsedTime> parsed;
    private final List<ZoneId> displayZones;
    private int generation;

    public DatabaseAnswersViewModel(BackgroundTasks tasks, Supplier<DirectMessages> session, ReadOnlyObjectProperty<ParsedTime> parsed,
                                    ObservableList<ZoneId> displayZones) {
        this.tasks = tasks;
        this.session = session;
        this.parsed = parsed;
        this.displayZones = displayZones;
        parsed.addListener((o, a, b) -> clear()); // an answer belongs to the value it was asked for
        clear();
    }

    public ObservableList<DatabaseAnswers.Row> rows() { return rowsView; }
    /** SHOW timezone and the count of disagreements, or why the database cannot be asked. */
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty askingProperty() { return asking.getReadOnlyProperty(); }
    /** The connection names a Postgres to ask. */
    public ReadOnlyBooleanProperty availableProperty() { return available.getReadOnlyProperty(); }

    // Commands

    public void clear() {
        generation++;
        rows.clear();
        asking.set(false);
        available.set(hasPostgres());
        status.set(available.get() ? "Ask the database how it reads this value." : "This connection names no Postgres: add Cruddur's in Connections (Ctrl+L).");
    }

    /** Asks in the background; the answer is dropped when the value changed meanwhile. */
    public void ask() {
        DirectMessages dm = session.get();
        ParsedTime value = parsed.get();
        if (dm == null || dm.cruddurUsers().isEmpty()) {
            clear();
            return;
        }
        if (value == null) {
            status.set("Type a valid value first.");
            return;
        }
        List<ZoneId> zones = new ArrayList<>();
        zones.add(RenderSettings.UTC);
        displayZones.stream().filter(z -> !zones.contains(z)).forEach(zones::add);
        int gen = ++generation;
        asking.set(true);
        status.set("Asking " + dm.cruddurUsers().get().target().describe() + "…");
        tasks.run(p -> DatabaseAnswers.ask(dm.cruddurUsers().get(), value, zones), (DatabaseAnswers.Answers answers) -> {
            if (gen != generation) return;
            asking.set(false);
            rows.setAll(answers.rows());
            long differ = answers.disagreements();
            status.set("SHOW timezone: " + answers.sessionTimeZone() + " (" + answers.sessionNote() + "). "
                    + (differ == 0 ? "The database agrees with every computed form." : differ + " of " + answers.rows().size() + " answers DIFFER."));
        }, failure -> {
            if (gen != generation) return;
            asking.set(false);
            status.set("The database could not be asked: " + PlainErrors.describe(failure));
        });
    }

    private boolean hasPostgres() {
        DirectMessages dm = session.get();
        return dm != null && dm.cruddurUsers().isPresent();
    }
}
