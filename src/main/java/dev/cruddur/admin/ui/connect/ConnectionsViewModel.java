package dev.cruddur.admin.ui.connect;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.app.connect.ConnectionCheck;
import dev.cruddur.admin.app.connect.ConnectionOpener;
import dev.cruddur.admin.app.connect.ConnectionProfile;
import dev.cruddur.admin.app.connect.ConnectionProfiles;
import dev.cruddur.admin.ui.shell.WindowSession;
import dev.cruddur.admin.ui.common.BackgroundTasks;
import dev.cruddur.admin.ui.common.PlainErrors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
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
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The saved profiles and the form editing one of them; Test, Save, Delete, Connect. */
public final class ConnectionsViewModel {
    // Properties
    private final ObservableList<ConnectionProfile> profiles = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ConnectionProfile> editing = new ReadOnlyObjectWrapper<>(this, "editing");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ObjectProperty<ConnectionProfile.Kind> kind = new SimpleObjectProperty<>(this, "kind", ConnectionProfile.Kind.LOCAL);
    private final StringProperty endpoint = new SimpleStringProperty(this, "endpoint", "");
    private final StringProperty awsProfile = new SimpleStringProperty(this, "awsProfile", "");
    private final StringProperty region = new SimpleStringProperty(this, "region", "");
    private final StringProperty table = new SimpleStringProperty(this, "table", "");
    private final StringProperty dataDir = new SimpleStringProperty(this, "dataDir", "");
    private final StringProperty postgres = new SimpleStringProperty(this, "postgres", "");
    private final ObservableList<String> awsProfileNames = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper testResult = new ReadOnlyStringWrapper(this, "testResult", "");
    private final javafx.beans.property.ReadOnlyObjectWrapper<TestOutcome> testOutcome =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "testOutcome", TestOutcome.NONE);

    /** How the last test went, for its mark and colour: all there, reachable with something missing, or not usable. */
    public enum TestOutcome { NONE, RUNNING, OK, INCOMPLETE, FAILED }
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper(this, "testing");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");

    private final BackgroundTasks tasks;
    private final ConnectionProfiles store;
    private final ConnectionOpener opener;
    private final Path dataDirDefault;
    private final WindowSession main;
    private final Supplier<List<String>> awsNames;
    private ConnectionProfile selected;
    /** The connection in use when it is none of the saved ones (an endpoint given for this run): listed, never written unless saved. */
    private ConnectionProfile notSaved;
    private final java.util.concurrent.atomic.AtomicLong saves = new java.util.concurrent.atomic.AtomicLong();
    private final Object fileLock = new Object();
    private long written;

    public ConnectionsViewModel(BackgroundTasks tasks, ConnectionProfiles store, ConnectionOpener opener, Path dataDirDefault,
                                WindowSession main, Supplier<List<String>> awsNames) {
        this.tasks = tasks;
        this.store = store;
        this.opener = opener;
        this.dataDirDefault = dataDirDefault;
        this.main = main;
        this.awsNames = awsNames;
    }

    public ObservableList<ConnectionProfile> profiles() { return profiles; }
    public ReadOnlyObjectProperty<ConnectionProfile> editingProperty() { return editing.getReadOnlyProperty(); }
    public StringProperty nameProperty() { return name; }
    public ObjectProperty<ConnectionProfile.Kind> kindProperty() { return kind; }
    public StringProperty endpointProperty() { return endpoint; }
    public StringProperty awsProfileProperty() { return awsProfile; }
    public StringProperty regionProperty() { return region; }
    public StringProperty tableProperty() { return table; }
    public StringProperty dataDirProperty() { return dataDir; }
    /** Cruddur's Postgres for its users: empty, CONNECTION_URL, PROD_CONNECTION_URL, or a URL without password. */
    public StringProperty postgresProperty() { return postgres; }
    public ObservableList<String> awsProfileNames() { return awsProfileNames; }
    public ReadOnlyStringProperty testResultProperty() { return testResult.getReadOnlyProperty(); }
    public javafx.beans.property.ReadOnlyObjectProperty<TestOutcome> testOutcomeProperty() { return testOutcome.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty testingProperty() { return testing.getReadOnlyProperty(); }
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    public Path file() { return store.file(); }
    /** The connection the window uses (or is trying). */
    public ReadOnlyObjectProperty<ConnectionProfile> inUseProperty() { return main.profileProperty(); }
    /** Whether {@code p} is in the file, or only listed because the window uses it. */
    public boolean saved(ConnectionProfile p) { return p != notSaved; }

    // Commands

    /** At start: read the saved profiles (off the FX thread) and connect to the override or the last used one. */
    public void startUp(Optional<ConnectionProfile> override) {
        tasks.run(p -> new Start(store.loadOnce(), awsNames.get()), (Start s) -> {
            awsProfileNames.setAll(s.aws());
            selected = s.loaded().selected();
            s.loaded().notice().ifPresent(main::showNotice);
            use(s.loaded().profiles(), override.orElse(selected));
        }, failure -> {
            main.showNotice(PlainErrors.describe(failure));
            use(List.of(), override.orElse(ConnectionProfile.defaultProfile()));
        });
    }

    /** The saved profiles listed, with the one the window connects to among them (listed as not saved when it is none of them), in the form. */
    private void use(List<ConnectionProfile> saved, ConnectionProfile inUse) {
        profiles.setAll(saved);
        if (!profiles.contains(inUse)) {
            profiles.add(0, inUse);
            notSaved = inUse;
        }
        edit(inUse);
        main.connect(inUse);
    }

    private record Start(ConnectionProfiles.Loaded loaded, List<String> aws) {}

    /** Puts a profile in the form. */
    public void edit(ConnectionProfile p) {
        editing.set(p);
        problem.set(null);
        testResult.set("");
        testOutcome.set(TestOutcome.NONE);
        if (p == null) return;
        name.set(p.name());
        kind.set(p.kind());
        endpoint.set(nz(p.endpoint()));
        awsProfile.set(nz(p.awsProfile()));
        region.set(nz(p.region()));
        table.set(p.table());
        dataDir.set(nz(p.dataDir()));
        postgres.set(nz(p.postgres()));
    }

    static final String NAME_IT = "Name the new connection before saving it.";

    /** A blank form for a new connection: its name is left empty (the field asks for one) and required to save. */
    public void newProfile() {
        edit(null);
        name.set("");
        kind.set(ConnectionProfile.Kind.LOCAL);
        endpoint.set(ConnectionProfile.DEFAULT_LOCAL_URL);
        awsProfile.set("");
        region.set("");
        table.set(dev.cruddur.admin.domain.TableKeys.DEFAULT_TABLE);
        dataDir.set("");
        postgres.set("");
    }

    /** The form as a profile. */
    public ConnectionProfile formProfile() {
        return new ConnectionProfile(name.get(), kind.get(), endpoint.get(), awsProfile.get(), region.get(), table.get(), dataDir.get(),
                postgres.get());
    }

    /** Saves the form (replacing the profile being edited) and writes the file. Returns false when refused. */
    public boolean save() {
        if (!saveForm()) return false;
        persist();
        return true;
    }

    private boolean saveForm() {
        if (name.get() == null || name.get().isBlank()) {
            problem.set(NAME_IT); // a profile would otherwise be named after its kind ("Local"), which says nothing
            return false;
        }
        ConnectionProfile p = formProfile();
        if (p.problem() != null) {
            problem.set(p.problem());
            return false;
        }
        ConnectionProfile old = editing.get();
        if (profiles.stream().anyMatch(q -> q.name().equals(p.name()) && q != old && !q.equals(old))) {
            problem.set("There is already a connection named '" + p.name() + "'.");
            return false;
        }
        int at = old == null ? -1 : profiles.indexOf(old);
        if (at >= 0) profiles.set(at, p);
        else profiles.add(p);
        if (old != null && old == notSaved) notSaved = null; // saved now: written with the others
        if (old != null && old.equals(selected)) selected = p;
        editing.set(p);
        problem.set(null);
        return true;
    }

    public void delete() {
        ConnectionProfile old = editing.get();
        if (old == null) return;
        if (profiles.size() == 1) {
            problem.set("Keep at least one connection.");
            return;
        }
        profiles.remove(old);
        if (old == notSaved) notSaved = null;
        if (old.equals(selected)) selected = profiles.stream().filter(this::saved).findFirst().orElse(profiles.get(0));
        edit(profiles.get(0));
        persist();
    }

    /** Saves the form, remembers it as the last used, and connects the window to it. */
    public boolean connect() {
        if (!saveForm()) return false;
        selected = editing.get();
        persist();
        main.connect(selected);
        return true;
    }

    /** Test connection: reachability, table and index, capabilities; in the background. */
    public void test() {
        ConnectionProfile p = formProfile();
        if (p.problem() != null) {
            problem.set(p.problem());
            return;
        }
        problem.set(null);
        testing.set(true);
        testResult.set("Testing " + p.summary() + "…");
        testOutcome.set(TestOutcome.RUNNING);
        tasks.run(x -> {
            try (DirectMessages dm = opener.open(p, dataDirDefault)) {
                return ConnectionCheck.run(dm);
            }
        }, (ConnectionCheck.Report r) -> {
            testing.set(false);
            TestOutcome outcome = outcomeOf(r);
            testOutcome.set(outcome);
            // a tick only when everything the window needs is there: "Table not found" is no success
            testResult.set(switch (outcome) {
                case OK -> "✓ ";
                case INCOMPLETE -> "⚠ ";
                default -> "✗ Not reachable: ";
            } + r.summary());
        }, failure -> {
            testing.set(false);
            testOutcome.set(TestOutcome.FAILED);
            testResult.set("✗ " + PlainErrors.describe(failure));
        });
    }

    static TestOutcome outcomeOf(ConnectionCheck.Report r) {
        if (!r.reachable()) return TestOutcome.FAILED;
        return r.tableFound() && r.indexFound() ? TestOutcome.OK : TestOutcome.INCOMPLETE;
    }

    private void persist() {
        List<ConnectionProfile> snapshot = new ArrayList<>(profiles);
        snapshot.removeIf(p -> p == notSaved);
        ConnectionProfile sel = selected;
        long n = saves.incrementAndGet();
        tasks.run(x -> {
            // writes may finish out of order on the pool: a older snapshot never overwrites a newer one
            synchronized (fileLock) {
                if (n > written) {
                    store.save(snapshot, sel);
                    written = n;
                }
            }
            return null;
        }, ok -> {}, failure -> problem.set(PlainErrors.describe(failure)));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
