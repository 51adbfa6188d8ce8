package dev.cruddur.admin.ui.messages;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.app.cache.CacheKeys;
import dev.cruddur.admin.app.cache.Invalidation;
import dev.cruddur.admin.app.cache.PageReads;
import dev.cruddur.admin.domain.Conversation;
import dev.cruddur.admin.domain.Message;
import dev.cruddur.admin.domain.MessageText;
import dev.cruddur.admin.domain.OutgoingMessage;
import dev.cruddur.admin.domain.Page;
import dev.cruddur.admin.domain.SendResult;
import dev.cruddur.admin.domain.User;
import dev.cruddur.admin.ui.common.BackgroundTasks;
import dev.cruddur.admin.ui.common.CacheMarks;
import dev.cruddur.admin.ui.common.PlainErrors;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Pattern A for the open conversation, oldest to newest with day separators, older pages loaded
 * on demand; and the compose box: live counter, refusals before any write, send and Retry of the
 * same prepared message. The first page comes from the table, or (the switch) through the cache
 * as Cruddur's API reads it, marked as such; it is read again by itself when a write makes the
 * conversation's {@code messages/} page stale.
 */
public final class TranscriptViewModel {
    public static final int PAGE = 30;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);

    // Properties
    private final ReadOnlyObjectWrapper<Conversation> conversation = new ReadOnlyObjectWrapper<>(this, "conversation");
    private final ReadOnlyObjectWrapper<User> viewer = new ReadOnlyObjectWrapper<>(this, "viewer");
    private final ObservableList<TranscriptEntry> entries = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper loadingOlder = new ReadOnlyBooleanWrapper(this, "loadingOlder");
    private final ReadOnlyBooleanWrapper hasOlder = new ReadOnlyBooleanWrapper(this, "hasOlder");
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper(this, "loadError");
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper counter = new ReadOnlyStringWrapper(this, "counter", "0/" + MessageText.MAX_LENGTH);
    private final ReadOnlyBooleanWrapper overLimit = new ReadOnlyBooleanWrapper(this, "overLimit");
    private final ReadOnlyStringWrapper refusal = new ReadOnlyStringWrapper(this, "refusal");
    private final ReadOnlyBooleanWrapper sending = new ReadOnlyBooleanWrapper(this, "sending");
    private final ReadOnlyStringWrapper sendError = new ReadOnlyStringWrapper(this, "sendError");
    private final ReadOnlyBooleanWrapper canRetrySend = new ReadOnlyBooleanWrapper(this, "canRetrySend");
    private final ReadOnlyStringWrapper lastWriteMode = new ReadOnlyStringWrapper(this, "lastWriteMode", "");
    private final ReadOnlyObjectWrapper<Message> selectedMessage = new ReadOnlyObjectWrapper<>(this, "selectedMessage");
    private final BooleanProperty throughCache = new SimpleBooleanProperty(this, "throughCache", false);
    private final ReadOnlyStringWrapper cacheMark = new ReadOnlyStringWrapper(this, "cacheMark", "");
    private final ReadOnlyStringWrapper disagreement = new ReadOnlyStringWrapper(this, "disagreement");

    private final BackgroundTasks tasks;
    private final PageReads reads;
    private String shownKey;
    private final Clock clock;
    private final ZoneId zone;
    private DirectMessages messages;
    private Optional<String> olderCursor = Optional.empty();
    private int generation;
    private OutgoingMessage pending;
    /** Unsent text per conversation, so a draft never follows the user into another conversation. */
    private final java.util.Map<String, String> drafts = new java.util.HashMap<>();
    private Consumer<Conversation> onSent = c -> {};
    private IntConsumer onOlderPrepended = n -> {};
    private Runnable onFirstPage = () -> {};
    private Runnable beforeReplace = () -> {};
    private Runnable afterReplace = () -> {};

    public TranscriptViewModel(BackgroundTasks tasks, Clock clock, ZoneId zone) {
        this(tasks, clock, zone, new PageReads(problem -> {}));
    }

    public TranscriptViewModel(BackgroundTasks tasks, Clock clock, ZoneId zone, PageReads reads) {
        this.tasks = tasks;
        this.reads = reads;
        reads.addStaleListener(tasks.eachOnFx(this::staleKeys));
        throughCache.addListener((o, a, b) -> refresh());
        this.clock = clock;
        this.zone = zone;
        text.addListener((o, a, b) -> {
            int n = MessageText.length(b);
            counter.set(n + "/" + MessageText.MAX_LENGTH);
            overLimit.set(n > MessageText.MAX_LENGTH);
            refusal.set(null);
        });
    }

    public ReadOnlyObjectProperty<Conversation> conversationProperty() { return conversation.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<User> viewerProperty() { return viewer.getReadOnlyProperty(); }
    public ObservableList<TranscriptEntry> entries() { return entries; }
    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadingOlderProperty() { return loadingOlder.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty hasOlderProperty() { return hasOlder.getReadOnlyProperty(); }
    public ReadOnlyStringProperty loadErrorProperty() { return loadError.getReadOnlyProperty(); }
    public StringProperty textProperty() { return text; }
    public ReadOnlyStringProperty counterProperty() { return counter.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty overLimitProperty() { return overLimit.getReadOnlyProperty(); }
    public ReadOnlyStringProperty refusalProperty() { return refusal.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty sendingProperty() { return sending.getReadOnlyProperty(); }
    public ReadOnlyStringProperty sendErrorProperty() { return sendError.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canRetrySendProperty() { return canRetrySend.getReadOnlyProperty(); }
    public ReadOnlyStringProperty lastWriteModeProperty() { return lastWriteMode.getReadOnlyProperty(); }
    /** The message selected in the transcript (the Time pane reads its sk); null when none. */
    public ReadOnlyObjectProperty<Message> selectedMessageProperty() { return selectedMessage.getReadOnlyProperty(); }
    public ZoneId zone() { return zone; }
    /** The switch: the first page through the cache, as Cruddur's API reads it (else the table). */
    public BooleanProperty throughCacheProperty() { return throughCache; }
    /** Where the shown first page came from, when read through the cache ("" from the table). */
    public ReadOnlyStringProperty cacheMarkProperty() { return cacheMark.getReadOnlyProperty(); }
    /** How the cached page shown differs from the table; null when they agree. */
    public ReadOnlyStringProperty disagreementProperty() { return disagreement.getReadOnlyProperty(); }
    public Clock clock() { return clock; }

    /** Told of each sent message as the conversation's new state (for the list to move it to the top). */
    public void setOnSent(Consumer<Conversation> listener) { this.onSent = listener; }

    /** Told how many rows an older page put above the current ones, so the view keeps its place. */
    public void setOnOlderPrepended(IntConsumer listener) { this.onOlderPrepended = listener; }

    /** Told when a conversation's first page is in (the view scrolls to the bottom). */
    public void setOnFirstPage(Runnable listener) { this.onFirstPage = listener; }

    /**
     * Told just before the rows are replaced in place (F5, a page gone stale, the read mode switched)
     * and just after: the view notes which message it shows where, then puts it back there.
     */
    public void setOnReplaced(Runnable before, Runnable after) {
        this.beforeReplace = before;
        this.afterReplace = after;
    }

    // Commands

    public void open(DirectMessages on, User who, Conversation c) {
        boolean same = c != null && conversation.get() != null && conversation.get().groupUuid().equals(c.groupUuid())
                && who != null && who.equals(viewer.get()) && on == messages;
        Conversation previous = conversation.get();
        conversation.set(c);
        if (same) return; // the list re-selected it after a move: nothing to reload
        selectedMessage.set(null);
        if (previous != null) {
            String draft = text.get();
            String key = draftKey(viewer.get(), previous);
            if (draft == null || draft.isBlank()) drafts.remove(key);
            else drafts.put(key, draft);
        }
        text.set(c == null ? "" : drafts.getOrDefault(draftKey(who, c), ""));
        messages = on;
        viewer.set(who);
        generation++;
        entries.clear();
        olderCursor = Optional.empty();
        hasOlder.set(false);
        loadError.set(null);
        loadingOlder.set(false);
        loading.set(false);
        cacheMark.set("");
        disagreement.set(null);
        // a failed message stays prepared (Send with the same text retries it) but its banner belongs to its conversation
        sendError.set(null);
        canRetrySend.set(false);
        refusal.set(null);
        if (on != null && c != null) load(0);
    }

    public void clear() {
        open(null, null, null);
    }

    /** A message's item as a GetItem of its key, for this window's connection and table. */
    public java.util.Optional<String> copyAsGetItem(Message m, dev.cruddur.admin.app.browse.ItemCopyAs.Language language) {
        if (messages == null || m == null) return java.util.Optional.empty();
        var target = messages.connection().target();
        return java.util.Optional.of(dev.cruddur.admin.app.browse.ItemCopyAs.of(dev.cruddur.admin.app.browse.ItemCopyAs.Operation.GET_ITEM, language,
                target.table(), List.of(dev.cruddur.admin.domain.TableKeys.PK, dev.cruddur.admin.domain.TableKeys.SK), MessageCopies.itemJson(m), target));
    }

    /** The transcript's selection (null: none). */
    public void selectMessage(Message m) {
        selectedMessage.set(m);
    }

    private static String draftKey(User who, Conversation c) {
        return (who == null ? "" : who.uuid()) + "/" + c.groupUuid();
    }

    /** Reads the newest page again (F5). */
    public void reload() {
        Conversation c = conversation.get();
        DirectMessages on = messages;
        User who = viewer.get();
        messages = null;
        open(on, who, c);
    }

    /**
     * The newest page again, in the current read mode, replacing the rows in place (the draft and
     * the compose state stay): F5, after a write made the page stale, or the switch moved. As many
     * older pages as were shown are read again with it, so a user scrolled up in a long
     * conversation keeps the message they were reading where it was.
     */
    public void refresh() {
        if (messages == null || conversation.get() == null) return;
        generation++;
        loadError.set(null);
        loadingOlder.set(false);
        load((int) entries.stream().filter(e -> e instanceof TranscriptEntry.Bubble).count()); // 0 when none shown
    }

    /** Drops the cached page shown (it disagrees with the table) everywhere, then reads again. */
    public void dropStaleKey() {
        String key = shownKey;
        if (key == null) return;
        tasks.run(p -> reads.drop(key), (Invalidation done) -> refresh(), failure -> loadError.set(PlainErrors.describe(failure)));
    }

    private void staleKeys(Invalidation done) {
        Conversation c = conversation.get();
        // the window's own send shows its message when it returns; a reload meanwhile would only flicker
        if (c != null && messages != null && !sending.get() && done.keys().contains(CacheKeys.messages(c.groupUuid()))) refresh();
    }

    private PageReads.Mode mode() {
        return throughCache.get() ? PageReads.Mode.THROUGH_CACHE : PageReads.Mode.TABLE;
    }

    /** The first page and its older pages read with it, oldest first. */
    private record Reread(PageReads.Shown<Message> first, List<Message> messages, Optional<String> olderCursor, boolean hasOlder) {}

    /**
     * The first page, and older pages until {@code inPlace} messages are read; 0: a conversation
     * just opened, shown at its newest message, else the rows are replaced in place.
     */
    private void load(int inPlace) {
        int gen = generation;
        DirectMessages on = messages;
        String group = conversation.get().groupUuid();
        PageReads.Mode mode = mode();
        loading.set(true);
        tasks.run(p -> {
            PageReads.Shown<Message> first = reads.messages(on, group, Optional.empty(), PAGE, mode);
            List<Message> all = new ArrayList<>(first.page().items());
            Optional<String> cursor = first.page().nextCursor();
            boolean more = first.page().hasMore();
            while (all.size() < inPlace && more) {
                Page<Message> older = reads.messages(on, group, cursor, PAGE, mode).page();
                all.addAll(0, older.items());
                cursor = older.nextCursor();
                more = older.hasMore();
            }
            return new Reread(first, all, cursor, more);
        }, (Reread read) -> {
            if (gen != generation) return;
            loading.set(false);
            PageReads.Shown<Message> shown = read.first();
            shownKey = shown.cached().map(PageReads.CacheView::key).orElse(null);
            cacheMark.set(shown.cached().map(v -> CacheMarks.mark(v, clock.instant()))
                    .orElse(throughCache.get() ? "No cache is open: read from the table" : ""));
            disagreement.set(shown.cached().flatMap(CacheMarks::disagreement).orElse(null));
            if (inPlace > 0) beforeReplace.run();
            entries.setAll(rows(read.messages(), null));
            olderCursor = read.olderCursor();
            hasOlder.set(read.hasOlder());
            if (inPlace > 0) afterReplace.run();
            else onFirstPage.run();
        }, failure -> {
            if (gen != generation) return;
            loading.set(false);
            loadError.set("Could not load the messages: " + PlainErrors.describe(failure));
        });
    }

    /** The next older page, placed above the current rows. */
    public void loadOlder() {
        if (messages == null || loading.get() || loadingOlder.get() || !hasOlder.get() || loadError.get() != null) return;
        int gen = generation;
        DirectMessages on = messages;
        String group = conversation.get().groupUuid();
        Optional<String> from = olderCursor;
        PageReads.Mode mode = mode();
        loadingOlder.set(true);
        tasks.run(p -> reads.messages(on, group, from, PAGE, mode).page(), (Page<Message> page) -> {
            if (gen != generation) return;
            loadingOlder.set(false);
            List<TranscriptEntry> older = rows(page.items(), null);
            int removed = 0;
            if (!entries.isEmpty() && entries.get(0) instanceof TranscriptEntry.Day first
                    && !older.isEmpty() && lastDay(older).equals(first.date())) {
                entries.remove(0);
                removed = 1;
            }
            entries.addAll(0, older);
            olderCursor = page.nextCursor();
            hasOlder.set(page.hasMore());
            onOlderPrepended.accept(older.size() - removed);
        }, failure -> {
            if (gen != generation) return;
            loadingOlder.set(false);
            loadError.set("Could not load older messages: " + PlainErrors.describe(failure));
        });
    }

    public void retryLoad() {
        loadError.set(null);
        if (entries.isEmpty()) reload();
        else loadOlder();
    }

    public void dismissLoadError() {
        loadError.set(null);
    }

    /** Checks the text and membership first; only accepted input is prepared and written. */
    public void send() {
        if (sending.get()) return;
        Conversation c = conversation.get();
        User who = viewer.get();
        if (c == null || who == null || messages == null) {
            refusal.set("Open a conversation first.");
            return;
        }
        if (MessageText.check(text.get()) instanceof MessageText.Refused refused) {
            refusal.set(refused.reason());
            return;
        }
        if (!c.ownerUuid().equals(who.uuid())) {
            refusal.set("@" + who.handle() + " is not in this conversation.");
            return;
        }
        if (!messages.connection().writable()) {
            refusal.set(messages.connection().readOnlyReason());
            return;
        }
        refusal.set(null);
        String typed = text.get();
        // after a failure, unchanged text is retried as the same message: never a duplicate
        OutgoingMessage outgoing = pending != null && pending.text().equals(typed) && pending.groupUuid().equals(c.groupUuid())
                ? pending : messages.prepare(c.groupUuid(), who, typed);
        write(outgoing);
    }

    /** Retries the message that failed, unchanged (same uuid and created_at). */
    public void retrySend() {
        if (pending != null && !sending.get()) write(pending);
    }

    public void dismissSendError() {
        sendError.set(null);
        canRetrySend.set(false);
    }

    private void write(OutgoingMessage outgoing) {
        int gen = generation;
        DirectMessages on = messages;
        Conversation c = conversation.get();
        pending = outgoing;
        sending.set(true);
        sendError.set(null);
        canRetrySend.set(false);
        tasks.run(p -> reads.send(on, outgoing), (SendResult result) -> {
            sending.set(false);
            if (result instanceof SendResult.Sent sent) {
                pending = null;
                lastWriteMode.set(sent.writeMode());
                if (text.get() != null && text.get().strip().equals(outgoing.text().strip())) text.set("");
                Conversation moved = new Conversation(c.groupUuid(), c.ownerUuid(), c.other(), sent.message().text(),
                        sent.message().createdAt(), List.of());
                if (gen == generation) {
                    appendSent(sent.message());
                    conversation.set(moved);
                }
                onSent.accept(moved);
            } else if (result instanceof SendResult.Rejected rejected) {
                pending = null;
                refusal.set(rejected.reason());
            } else if (result instanceof SendResult.Failed failed) {
                sendError.set("Not sent: " + failed.reason());
                canRetrySend.set(failed.retryable());
            }
        }, failure -> {
            sending.set(false);
            sendError.set("Not sent: " + PlainErrors.describe(failure));
            canRetrySend.set(true);
        });
    }

    private void appendSent(Message m) {
        boolean known = entries.stream().anyMatch(e -> e instanceof TranscriptEntry.Bubble b
                && b.message().messageUuid().equals(m.messageUuid()));
        if (known) return;
        LocalDate previous = null;
        for (int i = entries.size() - 1; i >= 0 && previous == null; i--) {
            if (entries.get(i) instanceof TranscriptEntry.Bubble b) previous = dayOf(b.message());
        }
        entries.addAll(rows(List.of(m), previous));
    }

    /** Messages (oldest first) as rows, a day separator before each new day. */
    List<TranscriptEntry> rows(List<Message> page, LocalDate dayBefore) {
        List<TranscriptEntry> out = new ArrayList<>(page.size() + 4);
        LocalDate day = dayBefore;
        String me = viewer.get() == null ? "" : viewer.get().uuid();
        for (Message m : page) {
            LocalDate d = dayOf(m);
            if (!d.equals(day)) {
                out.add(new TranscriptEntry.Day(d, dayLabel(d)));
                day = d;
            }
            out.add(new TranscriptEntry.Bubble(m, m.sender().uuid().equals(me)));
        }
        return out;
    }

    private static LocalDate lastDay(List<TranscriptEntry> rows) {
        for (int i = rows.size() - 1; i >= 0; i--) if (rows.get(i) instanceof TranscriptEntry.Day d) return d.date();
        return LocalDate.MIN;
    }

    private LocalDate dayOf(Message m) {
        return m.createdAt().instant().map(i -> i.atZone(zone).toLocalDate()).orElse(LocalDate.EPOCH);
    }

    String dayLabel(LocalDate d) {
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        if (d.equals(LocalDate.EPOCH)) return "Unreadable dates";
        if (d.equals(today)) return "Today";
        if (d.equals(today.minusDays(1))) return "Yesterday";
        return DAY.format(d);
    }

    /** Whether the Send button can act (not while sending). */
    public javafx.beans.binding.BooleanBinding sendDisabled() {
        return Bindings.createBooleanBinding(() -> sending.get() || conversation.get() == null, sending, conversation);
    }
}
