package dev.cruddur.admin.ui.cache;

import dev.cruddur.admin.app.EmbeddedServices;
import dev.cruddur.admin.app.PublishedCache;
import dev.cruddur.admin.app.cache.PageReads;
import dev.cruddur.admin.app.connect.ConnectionProfile;
import dev.cruddur.admin.cache.ApiKey;
import dev.cruddur.admin.cache.CacheConnection;
import dev.cruddur.admin.cache.CacheOutcome;
import dev.cruddur.admin.cache.CacheSettings;
import dev.cruddur.admin.cache.CacheSettingsException;
import dev.cruddur.admin.cache.CacheStore;
import dev.cruddur.admin.ui.common.BackgroundTasks;
import dev.cruddur.admin.ui.common.PlainErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The window's cache for the session: which one, whether it is open, and the reads that go
 * through it (the app's {@link PageReads}). A cache named by the environment (a Momento key, or a Momento-compatible endpoint)
 * is opened at start-up; otherwise the embedded cache is opened when the Cache pane first asks:
 * the one the embedded services run beside the embedded DynamoDB (found through the
 * {@code cache.port} file they write in their data directory) when the connection is Embedded,
 * else one started in this process.
 */
public final class CacheSession {
    public enum State { CLOSED, OPENING, OPEN, FAILED }

    /** The file {@code app.EmbeddedServices} writes its cache's port to, in its data directory. */
    static final String EMBEDDED_CACHE_PORT_FILE = "cache.port";
    /** The file {@code app.EmbeddedServices} keeps its cache's token in (owner-only), beside the port. */
    static final String EMBEDDED_CACHE_TOKEN_FILE = "cache.token";

    private record Opened(CacheStore store, String kind) {}

    // Properties
    private final ReadOnlyObjectWrapper<CacheStore> store = new ReadOnlyObjectWrapper<>(this, "store");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.CLOSED);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyStringWrapper kind = new ReadOnlyStringWrapper(this, "kind", "");
    private final ReadOnlyStringWrapper where = new ReadOnlyStringWrapper(this, "where", "");
    private final ReadOnlyStringWrapper maskedKey = new ReadOnlyStringWrapper(this, "maskedKey", "");

    private final BackgroundTasks tasks;
    private final Path defaultDataDir;
    private final PageReads reads;
    private int generation;

    /**
     * @param problems told (on the FX thread) of cache trouble during the conversation views' reads
     */
    public CacheSession(BackgroundTasks tasks, Path defaultDataDir, Consumer<String> problems) {
        this.tasks = tasks;
        this.defaultDataDir = defaultDataDir;
        this.reads = new PageReads(tasks.latestOnFx(p -> {
            problem.set(p);
            problems.accept(p);
        }));
    }

    /** What the conversation panes read, from the table or through this cache; it also keeps the cache honest on writes. */
    public PageReads reads() { return reads; }
    public ReadOnlyObjectProperty<CacheStore> storeProperty() { return store.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    /** The latest cache trouble met by a read or send (they fell back to DynamoDB). */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    /** Momento, Local or Embedded. */
    public ReadOnlyStringProperty kindProperty() { return kind.getReadOnlyProperty(); }
    public ReadOnlyStringProperty whereProperty() { return where.getReadOnlyProperty(); }
    /** The API key as it may be shown, or "" without one. */
    public ReadOnlyStringProperty maskedKeyProperty() { return maskedKey.getReadOnlyProperty(); }

    // Commands

    /** At start-up: opens the cache the environment names; the embedded one waits for the pane. */
    public void openConfigured(Map<String, String> env) {
        CacheSettings settings;
        try {
            settings = CacheSettings.fromEnvironment(env);
        } catch (CacheSettingsException e) {
            state.set(State.FAILED);
            error.set(e.getMessage());
            return;
        }
        if (!(settings.connection() instanceof CacheConnection.Embedded)) open(settings, Optional.empty());
    }

    /** The Cache pane asks: opens the configured cache, or the embedded one (see the class comment), unless one is open or opening. */
    public void openOnDemand(Map<String, String> env, ConnectionProfile profile) {
        if (state.get() == State.OPEN || state.get() == State.OPENING) return;
        CacheSettings settings;
        try {
            settings = CacheSettings.fromEnvironment(env);
        } catch (CacheSettingsException e) {
            state.set(State.FAILED);
            error.set(e.getMessage());
            return;
        }
        Optional<Path> embeddedServices = Optional.empty();
        if (settings.connection() instanceof CacheConnection.Embedded && profile != null
                && profile.kind() == ConnectionProfile.Kind.EMBEDDED) {
            embeddedServices = Optional.of(profile.dataDir() == null ? defaultDataDir : Path.of(profile.dataDir()));
        }
        open(settings, embeddedServices);
    }

    /** Opens {@code settings} off the FX thread; with a data directory, first tries the embedded services' cache there. */
    public void open(CacheSettings settings, Optional<Path> embeddedServicesDir) {
        int gen = ++generation;
        state.set(State.OPENING);
        error.set(null);
        tasks.run(p -> {
            Optional<Opened> shared = embeddedServicesDir.flatMap(dir -> besideEmbeddedDynamo(settings, dir));
            if (shared.isPresent()) return shared.get();
            CacheStore opened = CacheStore.open(settings);
            return new Opened(opened, kindOf(settings.connection()));
        }, (Opened opened) -> {
            if (gen != generation) {
                closeInBackground(opened.store());
                return;
            }
            adopt(opened.store(), opened.kind());
        }, failure -> {
            if (gen != generation) return;
            state.set(State.FAILED);
            error.set(failure instanceof CacheSettingsException ? failure.getMessage() : PlainErrors.describe(failure));
        });
    }

    /** Uses a store opened elsewhere (tests, screenshots); it is closed with the session. */
    public void use(CacheStore opened) {
        generation++;
        adopt(opened, kindOf(opened.connection()));
    }

    private void adopt(CacheStore opened, String kindLabel) {
        CacheStore old = store.get();
        reads.useCache(opened);
        store.set(opened);
        state.set(State.OPEN);
        error.set(null);
        problem.set(null);
        kind.set(kindLabel);
        where.set(opened.where() + " · cache '" + opened.cacheName() + "'");
        maskedKey.set(opened.apiKey().map(ApiKey::masked).orElse(""));
        if (old != null && old != opened) closeInBackground(old);
    }

    /** The open cache's key or token in clear, only for the Copy button. */
    public Optional<String> keyForCopy() {
        CacheStore open = store.get();
        return open == null ? Optional.empty() : open.apiKey().map(ApiKey::plainTextForCopy);
    }

    public void dismissProblem() {
        problem.set(null);
    }

    /** Closes the cache; reads go straight to DynamoDB again. */
    public void close() {
        generation++;
        reads.useCache(null);
        CacheStore old = store.get();
        store.set(null);
        state.set(State.CLOSED);
        if (old != null) closeInBackground(old);
    }

    private void closeInBackground(CacheStore s) {
        tasks.run(p -> {
            s.close();
            return null;
        }, ignored -> {}, ignored -> {});
    }

    private static Optional<Opened> besideEmbeddedDynamo(CacheSettings settings, Path dir) {
        // the record the data's owner published (with its token when it has one), else the bare port file
        Optional<PublishedCache> published = EmbeddedServices.cacheRunningIn(dir);
        String host = published.map(PublishedCache::host).orElse("127.0.0.1");
        int port;
        Optional<ApiKey> key = Optional.empty();
        try {
            if (published.isPresent()) {
                port = published.get().port();
                if (published.get().token().isPresent()) key = Optional.of(ApiKey.of(published.get().token().get()));
            } else {
                Path portFile = dir.resolve(EMBEDDED_CACHE_PORT_FILE);
                if (!Files.isRegularFile(portFile)) return Optional.empty();
                port = Integer.parseInt(Files.readString(portFile, StandardCharsets.UTF_8).strip());
                Path tokenFile = dir.resolve(EMBEDDED_CACHE_TOKEN_FILE);
                if (Files.isRegularFile(tokenFile)) key = Optional.of(ApiKey.fromFile(tokenFile));
            }
        } catch (IOException | NumberFormatException | CacheSettingsException unreadable) {
            return Optional.empty();
        }
        CacheStore candidate;
        try {
            candidate = CacheStore.open(settings.withConnection(new CacheConnection.Local(host, port, key)));
        } catch (CacheSettingsException | RuntimeException e) {
            return Optional.empty();
        }
        // a port file left by a run that crashed answers nothing: start our own instead
        if (candidate.ensureCache() instanceof CacheOutcome.Failed<Boolean>) {
            candidate.close();
            return Optional.empty();
        }
        return Optional.of(new Opened(candidate, "Embedded"));
    }

    static String kindOf(CacheConnection connection) {
        if (connection instanceof CacheConnection.Momento) return "Momento";
        if (connection instanceof CacheConnection.Local) return "Local";
        return "Embedded";
    }
}
