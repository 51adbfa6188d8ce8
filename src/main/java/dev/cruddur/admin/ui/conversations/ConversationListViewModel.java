package dev.cruddur.admin.ui.conversations;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.domain.Conversation;
import dev.cruddur.admin.domain.Page;
import dev.cruddur.admin.domain.User;
import dev.cruddur.admin.ui.cache.MessageReads;
import dev.cruddur.admin.ui.common.BackgroundTasks;
import dev.cruddur.admin.ui.common.PlainErrors;
import java.util.Locale;
import java.util.Optional;
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
import javafx.collections.transformation.FilteredList;

/** Pattern B for one viewer: the conversations, newest first, paged as the list scrolls. */
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

    private final BackgroundTasks tasks;
    private final MessageReads reads;
    private DirectMessages messages;
    private Optional<String> cursor = Optional.empty();
    private int generation;
    private Runnable lastFailed;

    public ConversationListViewModel(BackgroundTasks tasks) {
        this(tasks, MessageReads.DIRECT);
    }

    public ConversationListViewModel(BackgroundTasks tasks, MessageReads reads) {
        this.tasks = tasks;
        this.reads = reads;
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
        if (on != null && who != null) loadPage();
        else updateEmptyText();
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
        loading.set(true);
        tasks.run(p -> reads.conversations(on, who, from, PAGE), (Page<Conversation> page) -> {
            if (gen != generation) return;
            loading.set(false);
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
