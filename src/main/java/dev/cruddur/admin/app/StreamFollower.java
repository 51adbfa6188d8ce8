package dev.cruddur.admin.app;

import dev.cruddur.admin.store.DynamoConnection;
import dev.cruddur.admin.store.StoreException;
import dev.cruddur.admin.store.StreamCheckpoints;
import dev.cruddur.admin.store.StreamUpdater;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the stream updater in the background while a connection sends in stream mode, so group
 * rows follow the messages as Cruddur's Lambda would make them. Each poll's outcome, or failure,
 * goes to the listeners (on this follower's thread).
 */
public final class StreamFollower implements AutoCloseable {
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "stream-follower");
        t.setDaemon(true);
        return t;
    });
    private final StreamUpdater updater;

    public StreamFollower(DynamoConnection connection, StreamCheckpoints checkpoints) {
        this.updater = new StreamUpdater(connection, checkpoints);
    }

    /** Polls every {@code interval} until closed. */
    public StreamFollower start(Duration interval, Consumer<StreamUpdater.Poll> onPoll, Consumer<StoreException> onError) {
        thread.scheduleWithFixedDelay(() -> {
            try {
                StreamUpdater.Poll poll = updater.pollOnce();
                if (poll.records() > 0) onPoll.accept(poll);
            } catch (StoreException e) {
                onError.accept(e);
            } catch (RuntimeException e) {
                onError.accept(new StoreException(StoreException.Kind.OTHER, "The stream updater failed: " + e.getMessage(), e));
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    public StreamUpdater updater() {
        return updater;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
