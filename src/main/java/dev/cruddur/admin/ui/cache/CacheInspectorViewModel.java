package dev.cruddur.admin.ui.cache;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.app.cache.CacheKeys;
import dev.cruddur.admin.app.cache.CacheKeys.KeyKind;
import dev.cruddur.admin.app.cache.CacheKeys.KnownKey;
import dev.cruddur.admin.app.cache.KeyInspection;
import dev.cruddur.admin.app.cache.StaleCheck;
import dev.cruddur.admin.cache.CacheOutcome;
import dev.cruddur.admin.cache.CacheStatistics;
import dev.cruddur.admin.cache.CacheStore;
import dev.cruddur.admin.cache.CollectionContents;
import dev.cruddur.admin.cache.ItemType;
import dev.cruddur.admin.cache.TtlChange;
import dev.cruddur.admin.cache.TtlMode;
import dev.cruddur.admin.ui.common.BackgroundTasks;
import dev.cruddur.admin.ui.common.PlainErrors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Cache pane's state: the caches, the keys the app can name, the looked-up key (hit or miss,
 * type, size, value, remaining TTL counted down from its last known expiry), actions on it, the
 * stale check, and the session's statistics. Every cache or DynamoDB call goes through
 * {@link BackgroundTasks}; {@link #tick} and {@link #refreshStatistics} only read memory.
 */
public final class CacheInspectorViewModel {
    /** How many seconds of the per-second series the chart shows. */
    public static final int CHART_SECONDS = 60;

    public enum Status { NONE, LOADING, HIT, MISS, ERROR }

    /** A key of the tree, and whether the cache holds it (null: not known). */
    public record KeyEntry(String key, KeyKind kind, String describes, Boolean present) {}

    /** A heading of the tree (a user, the conversations, the app's counters) and its keys. */
    public record KeyGroup(String title, List<KeyEntry> keys) {}

    private record KeysLoaded(List<KeyGroup> groups, String problem) {}

    // Properties
    private final ObservableList<String> caches = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper cachesError = new ReadOnlyStringWrapper(this, "cachesError");
    private final ObservableList<KeyGroup> keyGroups = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper keysLoading = new ReadOnlyBooleanWrapper(this, "keysLoading");
    private final ReadOnlyStringWrapper keysProblem = new ReadOnlyStringWrapper(this, "keysProblem");
    private final StringProperty keyInput = new SimpleStringProperty(this, "keyInput", "");
    private final ReadOnlyStringWrapper inspectedKey = new ReadOnlyStringWrapper(this, "inspectedKey", "");
    private final BooleanBinding staleCheckable = Bindings.createBooleanBinding(() -> StaleCheck.checks(inspectedKey.get()), inspectedKey);
    private final StringBinding staleCheckTip = Bindings.createStringBinding(() -> inspectedKey.get().isEmpty() || staleCheckable.get()
            ? "Compare this cached page with what DynamoDB returns now"
            : "Not one of the app's cached pages. " + StaleCheck.ONLY_PAGE_KEYS, inspectedKey, staleCheckable);
    private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(this, "status", Status.NONE);
    private final ReadOnlyStringWrapper type = new ReadOnlyStringWrapper(this, "type", "");
    private final ReadOnlyStringWrapper size = new ReadOnlyStringWrapper(this, "size", "");
    private final ReadOnlyStringWrapper value = new ReadOnlyStringWrapper(this, "value", "");
    private final ReadOnlyStringWrapper rawValue = new ReadOnlyStringWrapper(this, "rawValue", "");
    private final ReadOnlyStringWrapper notes = new ReadOnlyStringWrapper(this, "notes", "");
    private final ReadOnlyObjectWrapper<ItemType> itemType = new ReadOnlyObjectWrapper<>(this, "itemType", ItemType.MISSING);
    private final ObservableList<CollectionContents.Row> collectionRows = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper ttlSeconds = new ReadOnlyLongWrapper(this, "ttlSeconds", -1);
    private final ReadOnlyStringWrapper ttlText = new ReadOnlyStringWrapper(this, "ttlText", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyObjectWrapper<StaleCheck.Report> staleReport = new ReadOnlyObjectWrapper<>(this, "staleReport");
    private final ReadOnlyStringWrapper staleVerdict = new ReadOnlyStringWrapper(this, "staleVerdict", "");
    private final ObservableList<String> staleLines = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<CacheStatistics.Snapshot> statistics = new ReadOnlyObjectWrapper<>(this, "statistics");
    private final ReadOnlyStringWrapper hitsText = new ReadOnlyStringWrapper(this, "hitsText", "0");
    private final ReadOnlyStringWrapper missesText = new ReadOnlyStringWrapper(this, "missesText", "0");
    private final ReadOnlyStringWrapper errorsText = new ReadOnlyStringWrapper(this, "errorsText", "0");
    private final ReadOnlyStringWrapper ratioText = new ReadOnlyStringWrapper(this, "ratioText", "–");
    private final ReadOnlyStringWrapper cacheLatencyText = new ReadOnlyStringWrapper(this, "cacheLatencyText", "–");
    private final ReadOnlyStringWrapper dynamoLatencyText = new ReadOnlyStringWrapper(this, "dynamoLatencyText", "–");

    private final BackgroundTasks tasks;
    private final Clock clock;
    private final CacheSession session;
    private final Supplier<DirectMessages> dynamo;
    private Instant expiresAt;
    private boolean refetchPending;
    private int lookupGeneration;
    private int keysGeneration;

    /**
     * @param dynamo the open DynamoDB connection, or null while there is none (keys and the stale check need it)
     */
    public CacheInspectorViewModel(BackgroundTasks tasks, Clock clock, CacheSession session, Supplier<DirectMessages> dynamo) {
        this.tasks = tasks;
        this.clock = clock;
        this.session = session;
        this.dynamo = dynamo;
    }

    public CacheSession session() { return session; }
    public ObservableList<String> caches() { return caches; }
    public ReadOnlyStringProperty cachesErrorProperty() { return cachesError.getReadOnlyProperty(); }
    public ObservableList<KeyGroup> keyGroups() { return keyGroups; }
    public ReadOnlyBooleanProperty keysLoadingProperty() { return keysLoading.getReadOnlyProperty(); }
    /** Why some keys could not be named or probed (no table, the cache did not answer). */
    public ReadOnlyStringProperty keysProblemProperty() { return keysProblem.getReadOnlyProperty(); }
    /** The free-entry field. */
    public StringProperty keyInputProperty() { return keyInput; }
    public ReadOnlyStringProperty inspectedKeyProperty() { return inspectedKey.getReadOnlyProperty(); }
    /** Whether the inspected key is one of the app's cached pages, which a stale check can compare with DynamoDB. */
    public BooleanBinding staleCheckableProperty() { return staleCheckable; }
    /** What the stale check does, or why the inspected key cannot have one. */
    public StringBinding staleCheckTipProperty() { return staleCheckTip; }
    public ReadOnlyObjectProperty<Status> statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyStringProperty typeProperty() { return type.getReadOnlyProperty(); }
    public ReadOnlyStringProperty sizeProperty() { return size.getReadOnlyProperty(); }
    /** The value as shown: JSON indented, else as stored. */
    public ReadOnlyStringProperty valueProperty() { return value.getReadOnlyProperty(); }
    /** The value as stored (to start an edit from). */
    public ReadOnlyStringProperty rawValueProperty() { return rawValue.getReadOnlyProperty(); }
    public ReadOnlyStringProperty notesProperty() { return notes.getReadOnlyProperty(); }
    /** What the inspected key holds (MISSING until a lookup finds it). */
    public ReadOnlyObjectProperty<ItemType> itemTypeProperty() { return itemType.getReadOnlyProperty(); }
    /** The inspected collection's members: fields, values by index, elements, or elements by rank with their score. */
    public ObservableList<CollectionContents.Row> collectionRows() { return collectionRows; }
    /** Whole seconds left (rounded up), 0 once expired, -1 when unknown or no item. */
    public ReadOnlyLongProperty ttlSecondsProperty() { return ttlSeconds.getReadOnlyProperty(); }
    public ReadOnlyStringProperty ttlTextProperty() { return ttlText.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    /** What the last action did, in a line. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<StaleCheck.Report> staleReportProperty() { return staleReport.getReadOnlyProperty(); }
    public ReadOnlyStringProperty staleVerdictProperty() { return staleVerdict.getReadOnlyProperty(); }
    public ObservableList<String> staleLines() { return staleLines; }
    public ReadOnlyObjectProperty<CacheStatistics.Snapshot> statisticsProperty() { return statistics.getReadOnlyProperty(); }
    public ReadOnlyStringProperty hitsTextProperty() { return hitsText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty missesTextProperty() { return missesText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorsTextProperty() { return errorsText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty ratioTextProperty() { return ratioText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty cacheLatencyTextProperty() { return cacheLatencyText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty dynamoLatencyTextProperty() { return dynamoLatencyText.getReadOnlyProperty(); }

    private CacheStore store() {
        return session.storeProperty().get();
    }

    // Commands: caches

    public void refreshCaches() {
        CacheStore s = store();
        if (s == null) return;
        tasks.run(p -> s.listCaches(), (CacheOutcome<List<String>> listed) -> {
            if (listed instanceof CacheOutcome.Ok<List<String>> ok) {
                caches.setAll(ok.value());
                cachesError.set(null);
            } else {
                cachesError.set(((CacheOutcome.Failed<List<String>>) listed).message());
            }
        }, failure -> cachesError.set(PlainErrors.describe(failure)));
    }

    public void createCache(String name) {
        cacheCall("Created the cache '" + name + "'.", s -> s.createCache(name.strip()));
    }

    /** Removes every item of the cache; the view asks for the name typed first. */
    public void flushCache(String name) {
        cacheCall("Flushed the cache '" + name + "'.", s -> s.flushCache(name));
    }

    /** The view asks for the name typed first. */
    public void deleteCache(String name) {
        cacheCall("Deleted the cache '" + name + "'.", s -> s.deleteCache(name));
    }

    private void cacheCall(String done, java.util.function.Function<CacheStore, CacheOutcome<Void>> call) {
        CacheStore s = store();
        if (s == null) return;
        busy.set(true);
        tasks.run(p -> call.apply(s), (CacheOutcome<Void> outcome) -> {
            busy.set(false);
            report(outcome, done);
            refreshCaches();
            if (!inspectedKey.get().isEmpty()) lookUp(inspectedKey.get());
        }, this::failed);
    }

    // Commands: keys

    /** The keys the app can name (reads DynamoDB), and which of them the cache holds (one call). */
    public void loadKeys() {
        CacheStore s = store();
        DirectMessages dm = dynamo.get();
        int gen = ++keysGeneration;
        if (dm == null) {
            keyGroups.clear();
            keysProblem.set("Connect to a table to list the keys the app can name; any key can still be typed.");
            return;
        }
        keysLoading.set(true);
        tasks.run(p -> namedKeys(dm, s), (KeysLoaded loaded) -> {
            if (gen != keysGeneration) return;
            keysLoading.set(false);
            keyGroups.setAll(loaded.groups());
            keysProblem.set(loaded.problem());
            // the detail is looked up again, so it never contradicts the list just refreshed
            if (!inspectedKey.get().isEmpty()) lookUp(inspectedKey.get());
        }, failure -> {
            if (gen != keysGeneration) return;
            keysLoading.set(false);
            keysProblem.set("Could not list the keys: " + PlainErrors.describe(failure));
        });
    }

    private static KeysLoaded namedKeys(DirectMessages dm, CacheStore s) {
        List<KnownKey> known = CacheKeys.known(dm);
        List<String> generations = CacheKeys.generationKeys(known);
        Map<String, Boolean> present = Map.of();
        String problem = null;
        if (s != null) {
            List<String> all = new ArrayList<>(known.stream().map(KnownKey::key).toList());
            all.addAll(generations);
            CacheOutcome<Map<String, Boolean>> exist = s.keysExist(all);
            if (exist instanceof CacheOutcome.Ok<Map<String, Boolean>> ok) present = ok.value();
            else problem = "Which keys are cached is unknown: " + ((CacheOutcome.Failed<Map<String, Boolean>>) exist).message();
        }
        Map<String, Boolean> in = present;
        List<KeyGroup> groups = new ArrayList<>();
        // a user's keys under the user, then each conversation, then this app's own counters
        for (var user : dm.users().all()) {
            String name = user.displayName().isBlank() ? user.uuid() : user.displayName();
            List<KeyEntry> keys = new ArrayList<>();
            for (KnownKey k : known) {
                if (k.key().equals(CacheKeys.conversations(user.uuid()))
                        || (!user.handle().isBlank() && k.key().equals(CacheKeys.messageCounter(user.handle())))) {
                    keys.add(new KeyEntry(k.key(), k.kind(), k.describes(), in.get(k.key())));
                }
            }
            if (!keys.isEmpty()) groups.add(new KeyGroup(name + (user.handle().isBlank() ? "" : "  @" + user.handle()), keys));
        }
        List<KeyEntry> conversations = known.stream().filter(k -> k.kind() == KeyKind.MESSAGES_PAGE)
                .map(k -> new KeyEntry(k.key(), k.kind(), k.describes(), in.get(k.key()))).toList();
        if (!conversations.isEmpty()) groups.add(new KeyGroup("Conversations", conversations));
        List<KeyEntry> counters = generations.stream()
                .map(g -> new KeyEntry(g, KeyKind.GENERATION, "invalidation counter of " + CacheKeys.parse(g).subject(), in.get(g))).toList();
        if (!counters.isEmpty()) groups.add(new KeyGroup("Invalidation counters (this app's)", counters));
        return new KeysLoaded(groups, problem);
    }

    /** Looks up what was typed in the free-entry field. */
    public void lookUp() {
        String key = keyInput.get() == null ? "" : keyInput.get().strip();
        if (key.isEmpty()) {
            error.set("Type a key, e.g. groups/{user_uuid}, messages/{message_group_uuid} or msgs/{handle}.");
            return;
        }
        lookUp(key);
    }

    /** Looks {@code key} up: hit or miss, type, size, value and remaining TTL. */
    public void lookUp(String key) {
        CacheStore s = store();
        if (!key.equals(inspectedKey.get())) {
            staleReport.set(null);
            staleVerdict.set("");
            staleLines.clear();
            message.set(null);
        }
        keyInput.set(key);
        inspectedKey.set(key);
        error.set(null);
        if (s == null) {
            error.set("No cache is open.");
            return;
        }
        int gen = ++lookupGeneration;
        status.set(Status.LOADING);
        tasks.run(p -> new KeyInspection(s).inspect(key), (KeyInspection.Lookup found) -> {
            if (gen != lookupGeneration) return;
            show(found);
        }, failure -> {
            if (gen != lookupGeneration) return;
            status.set(Status.ERROR);
            error.set(PlainErrors.describe(failure));
        });
    }

    private void show(KeyInspection.Lookup found) {
        markPresence(found.key(), found instanceof KeyInspection.Found ? Boolean.TRUE
                : found instanceof KeyInspection.Missing ? Boolean.FALSE : null);
        refetchPending = false;
        expiresAt = null;
        if (found instanceof KeyInspection.Found hit) {
            status.set(Status.HIT);
            itemType.set(hit.type());
            collectionRows.setAll(hit.contents().map(CollectionContents::rows).orElse(List.of()));
            type.set(hit.type().name().toLowerCase(Locale.ROOT).replace('_', ' '));
            size.set(bytes(hit.sizeBytes()));
            rawValue.set(hit.value().orElse(""));
            value.set(hit.prettyJson().or(hit::value).orElse(""));
            notes.set(String.join("\n", hit.notes()));
            expiresAt = hit.ttlRemaining().map(ttl -> clock.instant().plus(ttl)).orElse(null);
            if (expiresAt == null) {
                ttlSeconds.set(-1);
                ttlText.set("unknown");
            } else {
                tick(clock.instant());
            }
        } else {
            clearValue();
            if (found instanceof KeyInspection.Failed failed) {
                status.set(Status.ERROR);
                error.set(failed.message());
            } else {
                status.set(Status.MISS);
                notes.set(switch (found.kind()) {
                    case CONVERSATIONS_PAGE, MESSAGES_PAGE -> "Not cached: the next read of this page fills it from DynamoDB.";
                    case MESSAGE_COUNTER -> "Cruddur has not counted a message for this handle (or the count expired).";
                    case GENERATION -> "No send has invalidated this page yet (or the counter expired).";
                    case OTHER -> "Nothing is stored under this key.";
                });
            }
        }
    }

    /** Keeps the tree's dot in step with what the last lookup of a key found. */
    private void markPresence(String key, Boolean present) {
        if (present == null) return;
        for (int i = 0; i < keyGroups.size(); i++) {
            KeyGroup group = keyGroups.get(i);
            boolean changed = false;
            List<KeyEntry> keys = new ArrayList<>(group.keys());
            for (int j = 0; j < keys.size(); j++) {
                KeyEntry k = keys.get(j);
                if (k.key().equals(key) && !present.equals(k.present())) {
                    keys.set(j, new KeyEntry(k.key(), k.kind(), k.describes(), present));
                    changed = true;
                }
            }
            if (changed) keyGroups.set(i, new KeyGroup(group.title(), List.copyOf(keys)));
        }
    }

    private void clearValue() {
        itemType.set(ItemType.MISSING);
        collectionRows.clear();
        type.set("");
        size.set("");
        value.set("");
        rawValue.set("");
        notes.set("");
        ttlSeconds.set(-1);
        ttlText.set("");
    }

    /**
     * Once a second on the FX thread: the remaining TTL from the last known expiry, without
     * asking the cache; at expiry the key is looked up again (once).
     */
    public void tick(Instant now) {
        if (expiresAt == null) return;
        long millis = Duration.between(now, expiresAt).toMillis();
        if (millis <= 0) {
            ttlSeconds.set(0);
            ttlText.set("expired");
            if (!refetchPending && status.get() == Status.HIT) {
                refetchPending = true;
                lookUp(inspectedKey.get());
            }
            return;
        }
        long seconds = (millis + 999) / 1000;
        ttlSeconds.set(seconds);
        ttlText.set(duration(seconds));
    }

    // Commands: actions on the inspected key

    public void delete() {
        String key = inspectedKey.get();
        act(key, "Deleted " + key + ".", s -> s.delete(key));
    }

    /** Stores {@code text} under the key for {@code ttlSeconds} (1 s to 24 h). */
    public void set(String text, long ttlSeconds) {
        String key = inspectedKey.get().isEmpty() ? keyInput.get().strip() : inspectedKey.get();
        if (!validTtl(ttlSeconds)) return;
        act(key, "Stored " + bytes(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length) + " under " + key
                + " for " + duration(ttlSeconds) + ".", s -> s.set(key, text, Duration.ofSeconds(ttlSeconds)));
    }

    /** Adds {@code amount} to the integer at the key (Cruddur's {@code msgs/{handle}}), creating it if absent. */
    public void increment(long amount) {
        String key = inspectedKey.get();
        act(key, null, s -> {
            CacheOutcome<Long> outcome = s.increment(key, amount);
            return outcome instanceof CacheOutcome.Ok<Long> ok
                    ? new CacheOutcome.Ok<>("Incremented " + key + " to " + ok.value() + ".", ok.took())
                    : new CacheOutcome.Failed<>(((CacheOutcome.Failed<Long>) outcome).failure(), outcome.took());
        });
    }

    /** Gives the item a new TTL, from now. */
    public void changeTtl(long seconds) {
        String key = inspectedKey.get();
        if (!validTtl(seconds)) return;
        act(key, null, s -> {
            CacheOutcome<TtlChange> outcome = s.updateTtl(key, Duration.ofSeconds(seconds), TtlMode.OVERWRITE);
            if (outcome instanceof CacheOutcome.Ok<TtlChange> ok) {
                String said = ok.value() == TtlChange.MISSING ? "There is no item under " + key + " to give a TTL."
                        : "The TTL of " + key + " is now " + duration(seconds) + ".";
                return new CacheOutcome.Ok<>(said, ok.took());
            }
            return new CacheOutcome.Failed<>(((CacheOutcome.Failed<TtlChange>) outcome).failure(), outcome.took());
        });
    }

    /**
     * Adds to the inspected collection: a dictionary field ({@code first}) and its value
     * ({@code second}), a list value at the back ({@code first}), a set element, or a sorted-set
     * element with its score ({@code second}, a number). New members get the cache's default TTL.
     */
    public void addToCollection(String first, String second) {
        String key = inspectedKey.get();
        ItemType kind = itemType.get();
        String member = first == null ? "" : first;
        if (kind != ItemType.LIST && member.isEmpty()) {
            error.set(kind == ItemType.DICTIONARY ? "Type the field to set." : "Type the element to add.");
            return;
        }
        switch (kind) {
            case DICTIONARY -> act(key, "Set field " + member + " of " + key + ".",
                    s -> s.collections().dictionarySetField(key, member, second == null ? "" : second));
            case LIST -> act(key, null, s -> said(s.collections().listPush(key, member, false),
                    n -> "Pushed to the back of " + key + ": " + n + (n == 1 ? " value." : " values.")));
            case SET -> act(key, "Added " + member + " to " + key + ".", s -> s.collections().setAddElement(key, member));
            case SORTED_SET -> {
                double score;
                try {
                    score = Double.parseDouble(second == null ? "" : second.strip());
                } catch (NumberFormatException notANumber) {
                    error.set("A score is a number, e.g. 3 or 2.5.");
                    return;
                }
                act(key, "Put " + member + " at " + second.strip() + " in " + key + ".",
                        s -> s.collections().sortedSetPut(key, member, score));
            }
            default -> error.set("The key holds no collection: look up a dictionary, list, set or sorted set first.");
        }
    }

    /** Removes a member of the inspected collection (for a list, every occurrence of its value). */
    public void removeFromCollection(CollectionContents.Row row) {
        String key = inspectedKey.get();
        if (row == null) {
            error.set("Choose a row to remove.");
            return;
        }
        switch (itemType.get()) {
            case DICTIONARY -> act(key, "Removed field " + row.field() + " of " + key + ".",
                    s -> s.collections().dictionaryRemoveField(key, row.field()));
            case LIST -> act(key, "Removed every " + row.value() + " from " + key + ".",
                    s -> s.collections().listRemoveValue(key, row.value()));
            case SET -> act(key, "Removed " + row.value() + " from " + key + ".", s -> s.collections().setRemoveElement(key, row.value()));
            case SORTED_SET -> act(key, "Removed " + row.value() + " from " + key + ".",
                    s -> s.collections().sortedSetRemove(key, row.value()));
            default -> error.set("The key holds no collection.");
        }
    }

    private static <T> CacheOutcome<String> said(CacheOutcome<T> outcome, java.util.function.Function<T, String> text) {
        return outcome instanceof CacheOutcome.Ok<T> ok ? new CacheOutcome.Ok<>(text.apply(ok.value()), ok.took())
                : new CacheOutcome.Failed<>(((CacheOutcome.Failed<T>) outcome).failure(), outcome.took());
    }

    private boolean validTtl(long seconds) {
        if (seconds < 1 || seconds > 86_400) {
            error.set("A TTL is from 1 second to 24 hours (86400 s).");
            return false;
        }
        return true;
    }

    private <T> void act(String key, String done, java.util.function.Function<CacheStore, CacheOutcome<T>> call) {
        CacheStore s = store();
        if (s == null || key == null || key.isBlank()) {
            error.set(s == null ? "No cache is open." : "Choose or type a key first.");
            return;
        }
        busy.set(true);
        error.set(null);
        tasks.run(p -> call.apply(s), (CacheOutcome<T> outcome) -> {
            busy.set(false);
            report(outcome, done);
            lookUp(key);
        }, this::failed);
    }

    private void report(CacheOutcome<?> outcome, String done) {
        if (outcome instanceof CacheOutcome.Failed<?> failed) {
            error.set(failed.message());
            message.set(null);
        } else {
            error.set(null);
            Object said = ((CacheOutcome.Ok<?>) outcome).value();
            message.set(done != null ? done : String.valueOf(said));
        }
    }

    private void failed(Throwable failure) {
        busy.set(false);
        error.set(PlainErrors.describe(failure));
    }

    public void dismissError() {
        error.set(null);
    }

    // Commands: stale check

    /** Recomputes the key's page from DynamoDB and compares it with the cached one. */
    public void staleCheck() {
        CacheStore s = store();
        DirectMessages dm = dynamo.get();
        String key = inspectedKey.get();
        if (s == null || dm == null || key.isBlank()) {
            error.set(dm == null ? "Connect to a table first: the check reads DynamoDB." : s == null ? "No cache is open." : "Choose a key first.");
            return;
        }
        busy.set(true);
        staleVerdict.set("Checking…");
        staleLines.clear();
        tasks.run(p -> new StaleCheck(dm, s).check(key), (StaleCheck.Report report) -> {
            busy.set(false);
            if (!key.equals(inspectedKey.get())) return;
            staleReport.set(report);
            staleVerdict.set(verdict(report));
            staleLines.setAll(report.differences().stream().map(CacheInspectorViewModel::line).toList());
            if (report.nextCursorDiffers()) staleLines.add("~ the next-page cursor differs");
        }, failure -> {
            busy.set(false);
            staleVerdict.set("");
            error.set("The stale check failed: " + PlainErrors.describe(failure));
        });
    }

    static String verdict(StaleCheck.Report report) {
        String head = switch (report.verdict()) {
            case CURRENT -> "Current";
            case DIFFERS -> "Differs from DynamoDB";
            case NOT_CACHED -> "Not cached";
            case UNREADABLE -> "Unreadable";
            case NOT_A_PAGE_KEY -> "Not a page key";
            case CACHE_ERROR -> "Cache error";
        };
        return head + ": " + report.explanation();
    }

    static String line(StaleCheck.ItemDifference d) {
        return switch (d.change()) {
            case ADDED -> "+ added    " + d.summary();
            case REMOVED -> "− removed  " + d.summary();
            case CHANGED -> "~ changed  " + d.summary() + "  (" + String.join(", ", d.fields()) + ")";
        };
    }

    // Commands: statistics

    /** Once a second on the FX thread: the counters in memory, no call. */
    public void refreshStatistics() {
        CacheStore s = store();
        if (s == null) return;
        CacheStatistics.Snapshot snap = s.statistics().snapshot();
        statistics.set(snap);
        hitsText.set(String.valueOf(snap.hits()));
        missesText.set(String.valueOf(snap.misses()));
        errorsText.set(String.valueOf(snap.errors()));
        ratioText.set(snap.hits() + snap.misses() == 0 ? "–" : String.format(Locale.ROOT, "%.0f %%", snap.hitRatio() * 100));
        cacheLatencyText.set(snap.cacheSamples() == 0 ? "–" : "p50 " + millis(snap.cacheP50()) + " · p95 " + millis(snap.cacheP95()));
        dynamoLatencyText.set(snap.sourceSamples() == 0 ? "–" : "p50 " + millis(snap.sourceP50()) + " · p95 " + millis(snap.sourceP95()));
    }

    /** The last {@link #CHART_SECONDS} seconds of the latest snapshot, oldest first. */
    public List<CacheStatistics.SecondCount> chartSeries() {
        CacheStatistics.Snapshot snap = statistics.get();
        if (snap == null) return List.of();
        List<CacheStatistics.SecondCount> all = snap.perSecond();
        return all.subList(Math.max(0, all.size() - CHART_SECONDS), all.size());
    }

    // Formatting

    static String duration(long seconds) {
        if (seconds < 60) return seconds + " s";
        if (seconds < 3600) return (seconds / 60) + " min " + (seconds % 60) + " s";
        return (seconds / 3600) + " h " + (seconds % 3600 / 60) + " min";
    }

    static String bytes(long n) {
        if (n < 1024) return n + (n == 1 ? " byte" : " bytes");
        return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
    }

    static String millis(Duration d) {
        double ms = d.toNanos() / 1e6;
        return ms < 10 ? String.format(Locale.ROOT, "%.1f ms", ms) : String.format(Locale.ROOT, "%.0f ms", ms);
    }
}
