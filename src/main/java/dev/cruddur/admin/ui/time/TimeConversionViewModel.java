package dev.cruddur.admin.ui.time;

import dev.cruddur.admin.app.time.TimePanePreferences;
import dev.cruddur.admin.domain.SortKeyTime;
import dev.cruddur.admin.time.LocalTimeAmbiguity;
import dev.cruddur.admin.time.ParseOutcome;
import dev.cruddur.admin.time.ParsedTime;
import dev.cruddur.admin.time.RenderSettings;
import dev.cruddur.admin.time.RenderedForm;
import dev.cruddur.admin.time.SeedAnswer;
import dev.cruddur.admin.time.SeedAnswers;
import dev.cruddur.admin.time.TimeFormats;
import dev.cruddur.admin.time.TimeParser;
import dev.cruddur.admin.ui.common.BackgroundTasks;
import dev.cruddur.admin.ui.common.PlainErrors;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The conversion panel: one input in any form, parsed as it is typed (pure and cheap, so on the
 * FX thread), every form it can be written in, and the week-5 notes' questions answered for it. An
 * invalid input shows the parser's message and leaves the last good grid in place, marked stale.
 * The zones are remembered through {@link TimePanePreferences}, read and written in the background.
 */
public final class TimeConversionViewModel {
    /** Every zone id this JDK knows, sorted, with UTC first: what the zone pickers search. */
    public static final List<String> ZONE_IDS = zoneIds();

    // Properties
    private final StringProperty input = new SimpleStringProperty(this, "input", "");
    private final ObjectProperty<ZoneId> assumedZone = new SimpleObjectProperty<>(this, "assumedZone", RenderSettings.UTC);
    private final ObservableList<ZoneId> displayZones = FXCollections.observableArrayList();
    private final ObservableList<ZoneId> displayZonesView = FXCollections.unmodifiableObservableList(displayZones);
    private final ReadOnlyObjectWrapper<ParsedTime> parsed = new ReadOnlyObjectWrapper<>(this, "parsed");
    private final ReadOnlyStringWrapper recognised = new ReadOnlyStringWrapper(this, "recognised", "");
    private final ReadOnlyStringWrapper guess = new ReadOnlyStringWrapper(this, "guess", "");
    private final ReadOnlyStringWrapper dstNote = new ReadOnlyStringWrapper(this, "dstNote", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale", false);
    private final ObservableList<RenderedForm> forms = FXCollections.observableArrayList();
    private final ObservableList<RenderedForm> formsView = FXCollections.unmodifiableObservableList(forms);
    private final ObservableList<SeedAnswer> answers = FXCollections.observableArrayList();
    private final ObservableList<SeedAnswer> answersView = FXCollections.unmodifiableObservableList(answers);
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");

    private final BackgroundTasks tasks;
    private final Clock clock;
    private final TimePanePreferences preferences;
    private final ObservableValue<String> selectedSortKey;
    private final java.util.concurrent.atomic.AtomicInteger latestSave = new java.util.concurrent.atomic.AtomicInteger();
    private boolean loaded;

    /**
     * @param selectedSortKey the sort key of the message selected in the transcript (null when none)
     */
    public TimeConversionViewModel(BackgroundTasks tasks, Clock clock, TimePanePreferences preferences,
                                   ObservableValue<String> selectedSortKey) {
        this.tasks = tasks;
        this.clock = clock;
        this.preferences = preferences;
        this.selectedSortKey = selectedSortKey;
        displayZones.setAll(TimePanePreferences.Saved.defaults().displayZones());
        input.addListener((o, a, b) -> recompute());
        assumedZone.addListener((o, a, b) -> {
            recompute();
            save();
        });
        tasks.run(p -> preferences.load(), (TimePanePreferences.Saved saved) -> {
            assumedZone.set(saved.assumedZone());
            displayZones.setAll(saved.displayZones());
            loaded = true;
            recompute();
        }, failure -> {
            loaded = true;
            notice.set("The saved zones could not be read: " + PlainErrors.describe(failure));
        });
    }

    public StringProperty inputProperty() { return input; }
    public ObjectProperty<ZoneId> assumedZoneProperty() { return assumedZone; }
    public ObservableList<ZoneId> displayZones() { return displayZonesView; }
    public ReadOnlyObjectProperty<ParsedTime> parsedProperty() { return parsed.getReadOnlyProperty(); }
    /** The recognised form in words, with the zone a naive value was read in. */
    public ReadOnlyStringProperty recognisedProperty() { return recognised.getReadOnlyProperty(); }
    /** How an epoch's unit (or a form two writers share) was decided; empty when nothing was guessed. */
    public ReadOnlyStringProperty guessProperty() { return guess.getReadOnlyProperty(); }
    /** The DST gap or overlap the naive value falls in, with both candidates; empty when none. */
    public ReadOnlyStringProperty dstNoteProperty() { return dstNote.getReadOnlyProperty(); }
    /** The parser's message for an invalid input; empty otherwise. */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    /** The grid shows the last good value, not the input (which is invalid). */
    public ReadOnlyBooleanProperty staleProperty() { return stale.getReadOnlyProperty(); }
    public ObservableList<RenderedForm> forms() { return formsView; }
    public ObservableList<SeedAnswer> answers() { return answersView; }
    /** A line about the pane itself (zones not saved, no message selected). */
    public ReadOnlyStringProperty noticeProperty() { return notice.getReadOnlyProperty(); }

    // Commands

    /** The input becomes the current instant as a canonical sort key. */
    public void useNow() {
        input.set(SortKeyTime.canonical(clock.instant()));
    }

    /** The input becomes the sort key of the message selected in the transcript, when there is one. */
    public void useSelectedSortKey() {
        Optional<String> sk = Optional.ofNullable(selectedSortKey.getValue());
        if (sk.isEmpty()) {
            notice.set("No message is selected: select one in the Conversations pane first.");
            return;
        }
        notice.set("");
        input.set(sk.get());
    }

    /** The selected message's sort key, or null: for the button that takes it. */
    public ObservableValue<String> selectedSortKey() {
        return selectedSortKey;
    }

    /** Adds a display zone (once); remembered. */
    public void addDisplayZone(ZoneId zone) {
        if (zone == null || displayZones.contains(zone)) return;
        displayZones.add(zone);
        recompute();
        save();
    }

    public void removeDisplayZone(ZoneId zone) {
        if (displayZones.remove(zone)) {
            recompute();
            save();
        }
    }

    public void dismissNotice() {
        notice.set("");
    }

    /** A zone id as typed or picked; empty when the JDK does not know it. */
    public static Optional<ZoneId> zoneOf(String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        try {
            return Optional.of(ZoneId.of(text.strip()));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    private void recompute() {
        String text = input.get() == null ? "" : input.get();
        if (text.isBlank()) {
            error.set("");
            recognised.set("");
            guess.set("");
            dstNote.set("");
            parsed.set(null);
            stale.set(false);
            forms.clear();
            answers.clear();
            return;
        }
        ParseOutcome outcome = TimeParser.parse(text, assumedZone.get());
        if (outcome instanceof ParseOutcome.Invalid invalid) {
            error.set(invalid.message());
            stale.set(parsed.get() != null);
            return;
        }
        ParsedTime t = ((ParseOutcome.Parsed) outcome).time();
        error.set("");
        stale.set(false);
        parsed.set(t);
        StringBuilder words = new StringBuilder(t.form().label());
        if (t.naive()) words.append("; no offset, read in ").append(t.zone().getId());
        recognised.set(words.toString());
        guess.set(t.guess().orElse(""));
        dstNote.set(t.dst().map(LocalTimeAmbiguity::describe).orElse(""));
        RenderSettings settings = RenderSettings.defaults(clock.instant()).withDisplayZones(displayZones);
        forms.setAll(TimeFormats.render(t.instant(), settings));
        answers.setAll(SeedAnswers.answer(t, settings));
    }

    private void save() {
        if (!loaded) return; // the saved choices are not in yet: do not overwrite them with the defaults
        TimePanePreferences.Saved saved = new TimePanePreferences.Saved(assumedZone.get(), new ArrayList<>(displayZones));
        int seq = latestSave.incrementAndGet();
        tasks.run(p -> {
            // saves may run on two threads at once: only the newest choice is written
            synchronized (preferences) {
                if (seq == latestSave.get()) preferences.save(saved);
            }
            return saved;
        }, ok -> {}, failure -> notice.set(PlainErrors.describe(failure)));
    }

    private static List<String> zoneIds() {
        List<String> ids = new ArrayList<>();
        ids.add("UTC");
        TreeSet<String> rest = new TreeSet<>(ZoneId.getAvailableZoneIds());
        rest.remove("UTC");
        ids.addAll(rest);
        return List.copyOf(ids);
    }
}
