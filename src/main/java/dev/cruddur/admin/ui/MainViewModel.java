package dev.cruddur.admin.ui;

import dev.cruddur.admin.app.cache.WriteInvalidation;
import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.app.UserDirectory;
import dev.cruddur.admin.ui.common.UserSearch;
import dev.cruddur.admin.app.connect.ConnectionOpener;
import dev.cruddur.admin.app.connect.ConnectionProfile;
import dev.cruddur.admin.domain.DemoFixture;
import dev.cruddur.admin.domain.User;
import dev.cruddur.admin.store.CallRecorder;
import dev.cruddur.admin.store.StoreException;
import dev.cruddur.admin.store.Capabilities;
import dev.cruddur.admin.store.DynamoTarget;
import dev.cruddur.admin.store.Seeder;
import dev.cruddur.admin.store.TableSchema;
import dev.cruddur.admin.ui.cache.CacheSession;
import dev.cruddur.admin.ui.common.BackgroundTasks;
import dev.cruddur.admin.ui.common.PlainErrors;
import dev.cruddur.admin.ui.conversations.ConversationListViewModel;
import dev.cruddur.admin.ui.messages.StreamModeViewModel;
import dev.cruddur.admin.ui.messages.TranscriptViewModel;
import dev.cruddur.admin.ui.shell.WindowSession;
import dev.cruddur.admin.domain.Message;
import java.time.ZoneId;
import javafx.beans.value.ObservableValue;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The window's state: which connection, whose inbox, the table's state, the status bar, the theme;
 * and the conversation list and transcript view models it feeds.
 */
public final class MainViewModel implements WindowSession {

    private record Opened(DirectMessages messages, TableSchema.TableState table, java.util.List<String> storageWarnings) {}

    // Properties
    private final ReadOnlyObjectWrapper<ConnectionProfile> profile = new ReadOnlyObjectWrapper<>(this, "profile");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final ReadOnlyObjectWrapper<Badge> badge = new ReadOnlyObjectWrapper<>(this, "badge", Badge.LOCAL);
    private final ReadOnlyStringWrapper where = new ReadOnlyStringWrapper(this, "where", "");
    private final ReadOnlyBooleanWrapper writable = new ReadOnlyBooleanWrapper(this, "writable", true);
    private final ReadOnlyStringWrapper connectionError = new ReadOnlyStringWrapper(this, "connectionError");
    private final ObservableList<User> users = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<User> viewer = new ReadOnlyObjectWrapper<>(this, "viewer");
    private final ReadOnlyStringWrapper lastCall = new ReadOnlyStringWrapper(this, "lastCall", "");
    private final ReadOnlyStringWrapper limitations = new ReadOnlyStringWrapper(this, "limitations", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice");
    private final ReadOnlyBooleanWrapper setupBusy = new ReadOnlyBooleanWrapper(this, "setupBusy");
    private final ReadOnlyDoubleWrapper setupProgress = new ReadOnlyDoubleWrapper(this, "setupProgress", 0);
    private final ReadOnlyStringWrapper setupMessage = new ReadOnlyStringWrapper(this, "setupMessage", "");
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark", false);

    private final BackgroundTasks tasks;
    private final ConnectionOpener opener;
    private final Path dataDir;
    private final Clock clock;
    private final ConversationListViewModel conversations;
    private final TranscriptViewModel transcript;
    private final CacheSession cache;
    private final StreamModeViewModel streamMode;
    private final Optional<String> startViewer;
    private DirectMessages session;
    /** What waits for the connection's first page of conversations ({@link #afterTheFirstPage}). */
    private final List<Runnable> afterFirstPage = new java.util.ArrayList<>();
    private boolean directoryLoading;
    private UserDirectory directory;
    private Consumer<CallRecorder.Call> recorderListener;
    private int generation;

    public MainViewModel(BackgroundTasks tasks, ConnectionOpener opener, Path dataDir, Clock clock, ZoneId zone,
                         Optional<String> startViewer) {
        this.tasks = tasks;
        this.opener = opener;
        this.dataDir = dataDir;
        this.clock = clock;
        this.startViewer = startViewer;
        this.cache = new CacheSession(tasks, dataDir, this::showNotice);
        this.streamMode = new StreamModeViewModel(tasks, dataDir);
        this.conversations = new ConversationListViewModel(tasks, cache.reads(), clock);
        this.transcript = new TranscriptViewModel(tasks, clock, zone, cache.reads());
        conversations.selectedProperty().addListener((o, a, c) -> transcript.open(session, viewer.get(), c));
        transcript.setOnSent(conversations::moveToTop);
        conversations.loadingProperty().addListener((o, was, now) -> {
            if (!now && !directoryLoading) firstPageSettled();
        });
    }

    public ConversationListViewModel conversations() { return conversations; }
    public TranscriptViewModel transcript() { return transcript; }
    /** The session's cache: the conversation views read through it while it is open. */
    public CacheSession cache() { return cache; }
    public ReadOnlyObjectProperty<ConnectionProfile> profileProperty() { return profile.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Badge> badgeProperty() { return badge.getReadOnlyProperty(); }
    public ReadOnlyStringProperty whereProperty() { return where.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty writableProperty() { return writable.getReadOnlyProperty(); }
    public ReadOnlyStringProperty connectionErrorProperty() { return connectionError.getReadOnlyProperty(); }
    public ObservableList<User> users() { return users; }
    public ReadOnlyObjectProperty<User> viewerProperty() { return viewer.getReadOnlyProperty(); }
    public ReadOnlyStringProperty lastCallProperty() { return lastCall.getReadOnlyProperty(); }
    public ReadOnlyStringProperty limitationsProperty() { return limitations.getReadOnlyProperty(); }
    public ReadOnlyStringProperty noticeProperty() { return notice.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty setupBusyProperty() { return setupBusy.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty setupProgressProperty() { return setupProgress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty setupMessageProperty() { return setupMessage.getReadOnlyProperty(); }
    public BooleanProperty darkProperty() { return dark; }
    public BackgroundTasks tasks() { return tasks; }
    public Clock clock() { return clock; }
    @Override public ZoneId zone() { return transcript.zone(); }
    @Override public ReadOnlyStringProperty lastWriteModeProperty() { return transcript.lastWriteModeProperty(); }
    @Override public ObservableValue<Message> selectedMessageProperty() { return transcript.selectedMessageProperty(); }

    /** The open connection's services, for dialogs that need them (null while not connected). */
    public DirectMessages session() { return session; }

    // Commands

    public void showNotice(String text) {
        notice.set(text);
    }

    public void dismissNotice() {
        notice.set(null);
    }

    /** Opens {@code next} off the FX thread; the old connection is closed once the new one is in. */
    public void connect(ConnectionProfile next) {
        int gen = ++generation;
        directoryLoading = false; // a scan of the connection before, if any, is no longer waited for
        afterFirstPage.clear();
        profile.set(next);
        state.set(State.CONNECTING);
        connectionError.set(null);
        where.set(next.summary());
        badge.set(next.kind() == ConnectionProfile.Kind.AWS ? Badge.AWS : Badge.LOCAL);
        writable.set(next.kind() != ConnectionProfile.Kind.AWS);
        conversations.clear();
        transcript.clear();
        closeSession();
        tasks.run(p -> {
            DirectMessages dm = opener.open(next, dataDir);
            try {
                return new Opened(dm, dm.schema().describe(), opener.takeOpenWarnings(next, dataDir));
            } catch (RuntimeException e) {
                dm.close();
                throw e;
            }
        }, (Opened opened) -> {
            if (gen != generation) {
                closeInBackground(opened.messages());
                return;
            }
            adopt(opened);
        }, failure -> {
            if (gen != generation) return;
            state.set(State.UNREACHABLE);
            connectionError.set(PlainErrors.describe(failure));
        });
    }

    /**
     * The connection is open and the table described: the list is shown at once for a viewer the
     * demo directory already knows, while the full user directory (a scan of the group index) and
     * the capability probes load beside it.
     */
    private void adopt(Opened opened) {
        session = opened.messages();
        cache.reads().useSession(session); // its writes keep the cache honest from now on
        if (!opened.storageWarnings().isEmpty())
            showNotice("The embedded data was repaired as it opened: " + String.join(" ", opened.storageWarnings()));
        streamMode.useSession(session);
        DynamoTarget target = session.connection().target();
        badge.set(target.isAws() ? Badge.AWS : target.isLoopback() ? Badge.LOCAL : Badge.REMOTE);
        where.set(target.endpoint().map(Object::toString).orElse("AWS " + target.region()
                + target.profile().map(p -> " (" + p + ")").orElse("")) + " · " + target.table());
        writable.set(session.connection().writable());
        recorderListener = tasks.latestOnFx(this::showCall);
        session.connection().recorder().addListener(recorderListener);
        if (session.connection().recorder().last() != null) showCall(session.connection().recorder().last());
        directory = new UserDirectory(java.util.Map.of());
        users.setAll(directory.all());
        if (opened.table().usable()) {
            state.set(State.READY);
            chooseViewer(directory, false);
        } else {
            state.set(State.NO_TABLE);
            viewer.set(null);
            if (opened.table().exists()) {
                connectionError.set("The table '" + target.table() + "' has no '" + dev.cruddur.admin.domain.TableKeys.GROUP_INDEX
                        + "' index; Cruddur's conversations cannot be listed without it.");
            }
        }
        DirectMessages dm = session;
        int gen = generation;
        // a viewer not among the demo's waits for the directory; one shown already lets it wait for the page
        boolean directoryFirst = opened.table().usable() && viewer.get() == null;
        if (directoryFirst) loadDirectory(dm, gen);
        ConnectionProfile opens = profile.get();
        afterTheFirstPage(gen, () -> {
            // the embedded data's cache (its owner's, this window's or serve's), so writes invalidate it;
            // a cache the environment names was opened at start-up
            if (opens != null && opens.kind() == ConnectionProfile.Kind.EMBEDDED) cache.openOnDemand(System.getenv(), opens);
            probing = true;
            tasks.run(p -> dm.capabilities(), (Capabilities caps) -> {
                if (gen != generation) return;
                probing = false;
                limitations.set(String.join(" · ", caps.limitations()));
            }, failure -> {
                if (gen == generation) probing = false;
            });
        });
        if (opened.table().usable() && !directoryFirst) afterTheFirstPage(gen, () -> loadDirectory(dm, gen));
    }

    /**
     * Runs {@code next} once the first page of conversations is in (or failed, or there is none
     * to load), unless another connection came first: the embedded cache's client (the Momento
     * SDK and its gRPC channel), the capability probes and the directory scan took CPU from the
     * page the window waits for, on two cores. The list reads the table unless its pane is
     * switched to read through the cache, and nothing can be sent before the list is shown.
     */
    private void afterTheFirstPage(int gen, Runnable next) {
        afterFirstPage.add(() -> {
            if (gen == generation) next.run();
        });
        if (!conversations.loadingProperty().get() && !directoryLoading) firstPageSettled();
    }

    private void firstPageSettled() {
        if (afterFirstPage.isEmpty()) return;
        List<Runnable> due = List.copyOf(afterFirstPage);
        afterFirstPage.clear();
        due.forEach(Runnable::run);
    }

    private void loadDirectory(DirectMessages dm, int gen) {
        directoryLoading = true;
        tasks.run(p -> dm.refreshUsers(), (UserDirectory full) -> {
            if (gen != generation) return;
            directoryLoading = false;
            directory = full;
            users.setAll(full.all());
            if (viewer.get() == null) { // never overrides a viewer already shown or picked
                chooseViewer(full, true);
            }
            if (!conversations.loadingProperty().get()) firstPageSettled(); // no page to wait for
        }, failure -> {
            if (gen != generation) return;
            directoryLoading = false;
            firstPageSettled();
            connectionError.set("Could not read the user directory: " + PlainErrors.describe(failure));
        });
    }

    /** The start viewer, else the one viewed before, else Andrew Brown (demo), else the first known (only once complete). */
    private void chooseViewer(UserDirectory known, boolean complete) {
        User keep = viewer.get();
        Optional<User> chosen = startViewer.flatMap(known::find)
                .or(() -> Optional.ofNullable(keep).flatMap(u -> known.byUuid(u.uuid())));
        if (chosen.isEmpty() && startViewer.isPresent() && !complete) {
            viewer.set(null);
            return; // wait for the full directory to find the requested viewer
        }
        chosen = chosen.or(() -> known.byUuid(DemoFixture.ANDREW_BROWN.uuid()))
                .or(() -> known.all().stream().findFirst());
        if (chosen.isPresent() && !chosen.get().equals(viewer.get()) || viewer.get() == null || !complete) selectViewer(chosen.orElse(null));
    }

    /** The capability probes' calls are expected to fail on some endpoints: the status bar does not report them. */
    private static final java.util.Set<String> PROBES = java.util.Set.of("TransactWriteItems", "ListStreams", "DescribeTimeToLive");
    private boolean probing;

    private void showCall(CallRecorder.Call call) {
        if (probing && PROBES.contains(call.operation())) return;
        String items = call.itemsRead() >= 0 ? " · " + call.itemsRead() + (call.itemsRead() == 1 ? " item" : " items") : "";
        lastCall.set(call.operation() + items + " · " + String.format(Locale.ROOT, "%.0f ms", call.millis())
                + outcome(call));
    }

    /**
     * A failed call in a user's words where the failure is expected: DescribeTable answering that the
     * table does not exist means it is not created yet (the window offers to create it). Every other
     * failure, DescribeTable's too (refused, timed out, denied), still reads "failed" with its code.
     */
    static String outcome(CallRecorder.Call call) {
        if (!call.failed()) return "";
        if ("DescribeTable".equals(call.operation()) && "ResourceNotFoundException".equals(call.errorCode())) return " · no table yet";
        return " · failed" + (call.errorCode().isEmpty() ? "" : " (" + call.errorCode() + ")");
    }

    /** Whose inbox to look at. */
    public void selectViewer(User who) {
        viewer.set(who);
        transcript.clear();
        conversations.show(state.get() == State.READY ? session : null, who);
    }

    /** Users matching a query (handle or display name), from the directory. */
    public List<User> searchUsers(String query) {
        return directory == null ? List.copyOf(users) : directory.search(query);
    }

    /** A page of users matching a query: Cruddur's Postgres in the background when the connection has it, else the directory. */
    public void searchUsers(String query, Optional<String> cursor, java.util.function.Consumer<UserSearch.Result> show) {
        DirectMessages dm = session;
        if (dm == null || dm.cruddurUsers().isEmpty()) {
            List<User> all = searchUsers(query);
            int from = cursor.map(Integer::parseInt).orElse(0);
            int to = Math.min(all.size(), from + USER_PAGE);
            show.accept(UserSearch.Result.of(new dev.cruddur.admin.domain.Page<>(all.subList(Math.min(from, to), to),
                    to < all.size() ? Optional.of(Integer.toString(to)) : Optional.empty())));
            return;
        }
        tasks.run(p -> dm.searchUsers(query, cursor, USER_PAGE), page -> show.accept(UserSearch.Result.of(page)),
                failure -> show.accept(new UserSearch.Result(null, "Cruddur's users could not be searched: " + PlainErrors.describe(failure))));
    }

    private static final int USER_PAGE = 100;

    /** F5: the directory, the list and the open conversation again; a failed connection is retried. */
    public void refresh() {
        if (profile.get() == null) return;
        if (state.get() != State.READY || session == null) {
            connect(profile.get());
            return;
        }
        DirectMessages dm = session;
        int gen = generation;
        tasks.run(p -> dm.refreshUsers(), (UserDirectory full) -> {
            if (gen != generation) return;
            directory = full;
            users.setAll(full.all());
            // in place: the list keeps its selection, so the open conversation stays open and is read again
            conversations.refresh();
            transcript.refresh();
        }, failure -> {
            if (gen != generation) return;
            // an endpoint gone since it was opened (a local one killed) is no green LOCAL: the badge
            // and the panes say it cannot be reached, with Retry
            if (failure instanceof StoreException s && s.kind() == StoreException.Kind.UNREACHABLE) {
                state.set(State.UNREACHABLE);
            }
            connectionError.set(PlainErrors.describe(failure));
        });
    }

    public void retryConnection() {
        if (profile.get() != null) connect(profile.get());
    }

    public void dismissConnectionError() {
        connectionError.set(null);
    }

    /** An AWS or remote connection opens read-only; this unlocks writes for the session. */
    public void unlockWrites() {
        if (session == null) return;
        session.connection().unlockWrites();
        writable.set(true);
    }

    public void lockWrites() {
        if (session == null) return;
        session.connection().lockWrites();
        writable.set(session.connection().writable());
    }

    public void toggleTheme() {
        dark.set(!dark.get());
    }

    /** Creates the table (and index), then shows the (empty) conversations. */
    public void createTable() {
        runSetup(false);
    }

    /** Creates the table if needed and loads the demo fixture, with progress. */
    public void loadDemoData() {
        runSetup(true);
    }

    private void runSetup(boolean seed) {
        if (session == null || setupBusy.get()) return;
        if (!session.connection().writable()) {
            connectionError.set(session.connection().readOnlyReason());
            return;
        }
        DirectMessages dm = session;
        int gen = generation;
        setupBusy.set(true);
        setupProgress.set(-1);
        setupMessage.set(seed ? "Loading demo data…" : "Creating the table…");
        tasks.run(progress -> {
            progress.update(-1, "Creating the table '" + dm.connection().table() + "'…");
            dm.schema().create();
            if (seed) {
                progress.update(0, "Loading demo data…");
                Seeder.Progress sink = (written, total) -> progress.update(total == 0 ? 1 : (double) written / total,
                        "Loading demo data: " + written + " of " + total + " items");
                WriteInvalidation.bulk(() -> dm.seeder().seedFixture(clock.instant(), sink));
            }
            return new Opened(dm, dm.schema().describe(), java.util.List.of());
        }, update -> {
            setupProgress.set(update.fraction());
            setupMessage.set(update.message());
        }, (Opened opened) -> {
            setupBusy.set(false);
            setupMessage.set("");
            if (gen != generation) return;
            if (opened.table().usable()) {
                state.set(State.READY);
                connectionError.set(null);
                viewer.set(null);
                chooseViewer(directory, false);
                loadDirectory(dm, gen);
            }
        }, failure -> {
            setupBusy.set(false);
            setupMessage.set("");
            if (gen != generation) return;
            connectionError.set(PlainErrors.describe(failure));
        });
    }

    public StreamModeViewModel streamMode() {
        return streamMode;
    }

    private void closeSession() {
        streamMode.useSession(null);
        cache.reads().useSession(null);
        if (session != null) {
            if (recorderListener != null) session.connection().recorder().removeListener(recorderListener);
            closeInBackground(session);
            session = null;
        }
        lastCall.set("");
        limitations.set("");
    }

    private void closeInBackground(DirectMessages dm) {
        tasks.run(p -> {
            dm.close();
            return null;
        }, ignored -> {}, ignored -> {});
    }

    /** At window close: the connection is closed on a daemon thread, never on the FX thread. */
    public void shutdown() {
        streamMode.useSession(null);
        cache.reads().useSession(null);
        generation++;
        DirectMessages last = session;
        session = null;
        if (last != null) {
            if (recorderListener != null) last.connection().recorder().removeListener(recorderListener);
            Thread closer = new Thread(last::close, "cruddur-close");
            closer.setDaemon(true);
            closer.start();
        }
        cache.close();
    }
}
