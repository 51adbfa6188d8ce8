package dev.cruddur.admin.ui.conversations;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.app.cache.CacheKeys;
import dev.cruddur.admin.app.cache.Invalidation;
import dev.cruddur.admin.app.cache.PageReads;
import dev.cruddur.admin.domain.Conversation;
import dev.cruddur.admin.domain.Page;
import dev.cruddur.admin.domain.User;
import dev.cruddur.admin.ui.common.BackgroundTasks;
import dev.cruddur.admin.ui.common.CacheMarks;
import dev.cruddur.admin.ui.common.PlainErrors;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * Pattern B for one viewer: the conversations, newest first, paged as the list scrolls; from the
 * table, or (the switch) through the cache as Cruddur's API reads it, marked as such. Reloads its
 * first page by itself when a write makes the viewer's {@code groups/} page stale.
 */
public final class ConversationListViewModel {
    public static final int PAGE = 25;

    // Properties
    private final ObservableList<Conversation> loaded = FXCollections.observableArrayList();
    private final FilteredList<Conversation> shown = new FilteredList<>(loaded);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObjectProperty<Conversation> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<User> viewer = new ReadOnlyObjectWrapper<>(this, "viewer");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper(this, "hasMore");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(this, "emptyText", "");
    private final BooleanProperty throughCache = new SimpleBooleanProperty(this, "throughCache", false);
    private final ReadOnlyStringWrapper cacheMark = new ReadOnlyStringWrapper(this, "cacheMark", "");
    private final ReadOnlyStringWrapper disagreement = new ReadOnlyStringWrapper(this, "disagreement");

    private final BackgroundTasks tasks;
    private final PageReads reads;
    private final Clock clock;
    private String shownKey;
    private DirectMessages messages;
    private Optional<String> cursor = Optional.empty();
    private int generation;
    private Runnable lastFailed;

    public ConversationListViewModel(BackgroundTasks tasks) {
        this(tasks, new PageReads(problem -> {}), Clock.systemUTC());
    }

    public ConversationListViewModel(BackgroundTasks tasks, PageReads reads, Clock clock) {
        this.tasks = tasks;
        this.reads = reads;
        this.clock = clock;
        reads.addStaleListener(tasks.eachOnFx(this::staleKeys));
        throughCache.addListener((o, a, b) -> refresh());
        filter.addListener((o, a, b) -> applyFilter());
        loaded.addListener((javafx.collections.ListChangeListener<Conversation>) c -> updateEmptyText());
        loading.addListener((o, a, b) -> updateEmptyText());
    }

    public ObservableList<Conversation> shown() { return shown; }
    public ObservableList<Conversation> loaded() { return FXCollections.unmodifiableObservableList(loaded); }
    public StringProperty filterProperty() { return filter; }
    public ObjectProperty<Conversation> selectedProperty() { return selected; }
    public ReadOnlyObjectProperty<User> viewerProperty() { return viewer.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty hasMoreProperty() { return hasMore.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyStringProperty emptyTextProperty() { return emptyText.getReadOnlyProperty(); }
    /** The switch: the first page through the cache, as Cruddur's API reads it (else the table). */
    public BooleanProperty throughCacheProperty() { return throughCache; }
    /** Where the shown first page came from, when read through the cache ("" from the table). */
    public ReadOnlyStringProperty cacheMarkProperty() { return cacheMark.getReadOnlyProperty(); }
    /** How the cached page shown differs from the table; null when they agree. */
    public ReadOnlyStringProperty disagreementProperty() { return disagreement.getReadOnlyProperty(); }

    // Commands

    /** Shows {@code who}'s conversations from the first page. */
    public void show(DirectMessages on, User who) {
        messages = on;
        viewer.set(who);
        generation++;
        loaded.clear();
        selected.set(null);
        cursor = Optional.empty();
        hasMore.set(false);
        error.set(null);
        loading.set(false);
        cacheMark.set("");
        disagreement.set(null);
        if (on != null && who != null) loadPage();
        else updateEmptyText();
    }

    /**
     * The first page again, in the current read mode, replacing the list in place (the selection
     * stays on its conversation): after a write made the page stale, or the switch moved.
     */
    public void refresh() {
        if (messages == null || viewer.get() == null) return;
        int gen = ++generation;
        DirectMessages on = messages;
        User who = viewer.get();
        PageReads.Mode mode = mode();
        loading.set(true);
        tasks.run(p -> reads.conversations(on, who, Optional.empty(), PAGE, mode), (PageReads.Shown<Conversation> shown) -> {
            if (gen != generation) return;
            loading.set(false);
            error.set(null);
            Conversation keep = selected.get();
            loaded.setAll(shown.page().items());
            cursor = shown.page().nextCursor();
            hasMore.set(shown.page().hasMore());
            showCacheView(shown);
            if (keep != null) {
                loaded.stream().filter(c -> c.groupUuid().equals(keep.groupUuid())).findFirst().ifPresent(selected::set);
            }
        }, failure -> {
            if (gen != generation) return;
            loading.set(false);
            lastFailed = this::refresh;
            error.set("Could not load the conversations: " + PlainErrors.describe(failure));
        });
    }

    /** Drops the cached page shown (it disagrees with the table) everywhere, then reads again. */
    public void dropStaleKey() {
        String key = shownKey;
        if (key == null) return;
        tasks.run(p -> reads.drop(key), (Invalidation done) -> refresh(), failure -> error.set(PlainErrors.describe(failure)));
    }

    private void staleKeys(Invalidation done) {
        User who = viewer.get();
        if (who != null && messages != null && done.keys().contains(CacheKeys.conversations(who.uuid()))) refresh();
    }

    private PageReads.Mode mode() {
        return throughCache.get() ? PageReads.Mode.THROUGH_CACHE : PageReads.Mode.TABLE;
    }

    private void showCacheView(PageReads.Shown<Conversation> shown) {
        shownKey = shown.cached().map(PageReads.CacheView::key).orElse(null);
        cacheMark.set(shown.cached().map(v -> CacheMarks.mark(v, clock.instant()))
                .orElse(throughCache.get() ? "No cache is open: read from the table" : ""));
        disagreement.set(shown.cached().flatMap(CacheMarks::disagreement).orElse(null));
    }

    public void clear() {
        show(null, null);
    }

    /** The next page, when there is one and none is loading: called as the list reaches its end. */
    public void loadMore() {
        if (messages == null || loading.get() || !hasMore.get() || error.get() != null) return;
        loadPage();
    }

    public void retry() {
        error.set(null);
        if (lastFailed != null) lastFailed.run();
    }

    public void dismissError() {
        error.set(null);
    }

    private void loadPage() {
        int gen = generation;
        DirectMessages on = messages;
        User who = viewer.get();
        Optional<String> from = cursor;
        PageReads.Mode mode = mode();
        loading.set(true);
        tasks.run(p -> reads.conversations(on, who, from, PAGE, mode), (PageReads.Shown<Conversation> shown) -> {
            if (gen != generation) return;
            loading.set(false);
            Page<Conversation> page = shown.page();
            if (from.isEmpty()) showCacheView(shown);
            for (Conversation c : page.items()) {
                if (loaded.stream().noneMatch(x -> x.groupUuid().equals(c.groupUuid()))) loaded.add(c);
            }
            cursor = page.nextCursor();
            hasMore.set(page.hasMore());
        }, failure -> {
            if (gen != generation) return;
            loading.set(false);
            lastFailed = this::loadPage;
            error.set("Could not load the conversations: " + PlainErrors.describe(failure));
        });
    }

    /** After a send: the conversation, with its new last message, goes to the top. */
    public void moveToTop(Conversation updated) {
        if (viewer.get() == null || !updated.ownerUuid().equals(viewer.get().uuid())) return;
        Conversation keepSelected = selected.get();
        loaded.removeIf(c -> c.groupUuid().equals(updated.groupUuid()));
        loaded.add(0, updated);
        if (keepSelected != null && keepSelected.groupUuid().equals(updated.groupUuid())) selected.set(updated);
    }

    private void applyFilter() {
        String q = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT).replaceFirst("^@", "");
        shown.setPredicate(q.isEmpty() ? null : c -> c.other().displayName().toLowerCase(Locale.ROOT).contains(q)
                || c.other().handle().toLowerCase(Locale.ROOT).contains(q)
                || c.lastMessage().toLowerCase(Locale.ROOT).contains(q));
        updateEmptyText();
    }

    private void updateEmptyText() {
        User who = viewer.get();
        if (loading.get()) emptyText.set("Loading…");
        // the table's users are the only ones known: an empty table names nobody to view as
        else if (who == null) emptyText.set(messages == null ? "" : "The table has no conversations yet, so it names no user to view as.");
        else if (loaded.isEmpty()) emptyText.set(who.displayName() + " (@" + who.handle() + ") has no conversations yet.");
        else emptyText.set("No conversation matches \u201c" + filter.get().strip() + "\u201d.");
    }
}
