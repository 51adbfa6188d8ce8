package dev.cruddur.admin.ui.conversations;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.app.cache.PageReads;
import dev.cruddur.admin.domain.Conversation;
import dev.cruddur.admin.domain.MessageText;
import dev.cruddur.admin.domain.OutgoingMessage;
import dev.cruddur.admin.domain.SendResult;
import dev.cruddur.admin.domain.User;
import dev.cruddur.admin.ui.shell.WindowSession;
import dev.cruddur.admin.ui.common.PlainErrors;
import java.util.List;
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

/** Ctrl+N: choose the other user, write the first message; retries resend the same prepared message. */
public final class NewConversationViewModel {
    // Properties
    private final ObjectProperty<User> to = new SimpleObjectProperty<>(this, "to");
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper counter = new ReadOnlyStringWrapper(this, "counter", "0/" + MessageText.MAX_LENGTH);
    private final ReadOnlyStringWrapper refusal = new ReadOnlyStringWrapper(this, "refusal");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyBooleanWrapper sending = new ReadOnlyBooleanWrapper(this, "sending");
    private final ReadOnlyObjectWrapper<Conversation> started = new ReadOnlyObjectWrapper<>(this, "started");

    private final WindowSession main;
    private final PageReads reads;
    private final ConversationListViewModel conversations;
    private final DirectMessages messages;
    private final User from;
    private OutgoingMessage pending;
    private User pendingTo;

    public NewConversationViewModel(WindowSession main, PageReads reads, ConversationListViewModel conversations) {
        this.main = main;
        this.reads = reads;
        this.conversations = conversations;
        this.messages = main.session();
        this.from = main.viewerProperty().get();
        text.addListener((o, a, b) -> {
            counter.set(MessageText.length(b) + "/" + MessageText.MAX_LENGTH);
            refusal.set(null);
        });
        to.addListener((o, a, b) -> refusal.set(null));
    }

    public User from() { return from; }
    public ObjectProperty<User> toProperty() { return to; }
    public StringProperty textProperty() { return text; }
    public ReadOnlyStringProperty counterProperty() { return counter.getReadOnlyProperty(); }
    public ReadOnlyStringProperty refusalProperty() { return refusal.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty sendingProperty() { return sending.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Conversation> startedProperty() { return started.getReadOnlyProperty(); }

    public List<User> search(String query) {
        return main.searchUsers(query).stream().filter(u -> from == null || !u.uuid().equals(from.uuid())).toList();
    }

    /** A page of the users one can write to (everyone but the sender), from Postgres when the connection has it. */
    public void search(String query, java.util.Optional<String> cursor, java.util.function.Consumer<dev.cruddur.admin.ui.common.UserSearch.Result> show) {
        main.searchUsers(query, cursor, result -> show.accept(result.page() == null ? result
                : dev.cruddur.admin.ui.common.UserSearch.Result.of(new dev.cruddur.admin.domain.Page<>(result.page().items().stream()
                        .filter(u -> from == null || !u.uuid().equals(from.uuid())).toList(), result.page().nextCursor()))));
    }

    // Commands

    public void start() {
        if (sending.get()) return;
        User other = to.get();
        if (other == null) {
            refusal.set("Choose who the conversation is with.");
            return;
        }
        if (other.uuid().equals(from.uuid())) {
            refusal.set("A conversation needs two different users.");
            return;
        }
        if (MessageText.check(text.get()) instanceof MessageText.Refused r) {
            refusal.set(r.reason());
            return;
        }
        if (!messages.connection().writable()) {
            refusal.set(messages.connection().readOnlyReason());
            return;
        }
        boolean same = pending != null && pending.text().equals(text.get()) && other.equals(pendingTo);
        if (!same) pending = null;
        OutgoingMessage prepared = pending;
        String typed = text.get();
        sending.set(true);
        error.set(null);
        main.tasks().run(p -> {
            OutgoingMessage first = prepared != null ? prepared : messages.prepareConversation(from, other, typed);
            return new Attempt(first, reads.startConversation(messages, first, other));
        }, (Attempt attempt) -> {
            sending.set(false);
            pending = attempt.first();
            pendingTo = other;
            if (attempt.result() instanceof SendResult.Sent sent) {
                pending = null;
                Conversation c = new Conversation(attempt.first().groupUuid(), from.uuid(), other, sent.message().text(),
                        sent.message().createdAt(), List.of());
                conversations.moveToTop(c);
                conversations.selectedProperty().set(c);
                started.set(c);
            } else if (attempt.result() instanceof SendResult.Rejected rejected) {
                pending = null;
                refusal.set(rejected.reason());
            } else if (attempt.result() instanceof SendResult.Failed failed) {
                error.set("Not started: " + failed.reason());
            }
        }, failure -> {
            sending.set(false);
            error.set("Not started: " + PlainErrors.describe(failure));
        });
    }

    private record Attempt(OutgoingMessage first, SendResult result) {}
}
