package dev.cruddur.admin.ui.messages;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.app.StreamFollower;
import dev.cruddur.admin.domain.Conversation;
import dev.cruddur.admin.domain.OutgoingMessage;
import dev.cruddur.admin.domain.SendMode;
import dev.cruddur.admin.domain.User;
import dev.cruddur.admin.store.StreamCheckpoints;
import dev.cruddur.admin.store.StreamUpdater;
import dev.cruddur.admin.ui.common.BackgroundTasks;
import dev.cruddur.admin.ui.common.PlainErrors;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The connection's send mode, and the stream updater that follows stream-mode sends: "direct"
 * writes a message with its group rows; "stream" writes the message only, and the updater (run
 * here in the background while the mode is on and the endpoint has streams, or Cruddur's deployed
 * Lambda) moves the group rows. The dry run shows both halves before anything is written.
 */
public final class StreamModeViewModel {
    // ---- Properties
    private final ReadOnlyObjectWrapper<SendMode> mode = new ReadOnlyObjectWrapper<>(this, "mode", SendMode.DIRECT);
    private final ReadOnlyStringWrapper followerStatus = new ReadOnlyStringWrapper(this, "followerStatus", "");
    private final ReadOnlyObjectWrapper<StreamUpdater.Preview> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    private final BackgroundTasks tasks;
    private final Path checkpointDir;
    private DirectMessages session;
    private StreamFollower follower;

    public StreamModeViewModel(BackgroundTasks tasks, Path checkpointDir) {
        this.tasks = tasks;
        this.checkpointDir = checkpointDir;
    }

    public ReadOnlyObjectProperty<SendMode> modeProperty() { return mode.getReadOnlyProperty(); }
    public ReadOnlyStringProperty followerStatusProperty() { return followerStatus.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<StreamUpdater.Preview> previewProperty() { return preview.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }

    // ---- Commands

    /** A new connection: back to direct sends, and no follower for the old one. */
    public void useSession(DirectMessages next) {
        stopFollowing();
        session = next;
        mode.set(next == null ? SendMode.DIRECT : next.sendMode());
        if (next != null && next.sendMode() == SendMode.STREAM) setMode(SendMode.STREAM);
    }

    public void setMode(SendMode next) {
        if (session == null) return;
        DirectMessages on = session;
        on.setSendMode(next);
        mode.set(next);
        stopFollowing();
        if (next == SendMode.DIRECT) return;
        followerStatus.set("Starting the stream updater…");
        Path file = checkpointDir.resolve("stream-checkpoints-" + on.connection().table() + ".properties");
        // the capability probe and the checkpoint file are I/O: both off the FX thread
        tasks.run(p -> on.capabilities().streams() ? Optional.of(StreamCheckpoints.inFile(file)) : Optional.<StreamCheckpoints>empty(),
                checkpoints -> {
                    if (on != session) return;
                    if (checkpoints.isEmpty()) {
                        followerStatus.set("This endpoint has no streams: group rows move only if Cruddur's Lambda runs on the real table.");
                        return;
                    }
                    Consumer<StreamUpdater.Poll> onPoll = tasks.latestOnFx(poll -> followerStatus.set("Stream updater: "
                            + poll.messages() + " new message(s), " + poll.rowsMoved() + " group-row write(s)"));
                    Consumer<Exception> onError = tasks.latestOnFx(e -> followerStatus.set("Stream updater: " + PlainErrors.describe(e)));
                    follower = new StreamFollower(on.connection(), checkpoints.get())
                            .start(Duration.ofMillis(300), onPoll, onError::accept);
                    followerStatus.set("Stream updater running: group rows follow each message.");
                }, failure -> followerStatus.set(PlainErrors.describe(failure)));
    }

    /** The dry run of sending {@code text} as {@code viewer} into {@code conversation} in stream mode. */
    public void dryRun(Conversation conversation, User viewer, String text) {
        if (session == null || conversation == null || viewer == null) return;
        DirectMessages on = session;
        error.set("");
        preview.set(null);
        OutgoingMessage outgoing = on.prepare(conversation.groupUuid(), viewer, text == null || text.isBlank() ? "(your message)" : text);
        tasks.run(p -> on.previewStreamUpdate(outgoing), preview::set, failure -> error.set(PlainErrors.describe(failure)));
    }

    public void stopFollowing() {
        if (follower != null) {
            follower.close();
            follower = null;
        }
        followerStatus.set("");
    }
}
