package dev.cruddur.admin.ui.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * The one door for background work (after JabRef's {@code UiTaskExecutor}): work runs on a small
 * pool of daemon threads, never on the FX thread; its result, progress and failure are delivered
 * on the FX thread. Everything else in the UI that needs the FX thread from elsewhere comes through
 * {@link #latestOnFx}. View models take an instance, so their tests can run it {@link #inline()}.
 */
public final class BackgroundTasks {
    /** Work that may report progress as a fraction (0..1, or negative when unknown) and a line of text. */
    public interface Work<T> {
        T run(Progress progress) throws Exception;
    }

    public interface Progress {
        void update(double fraction, String message);
    }

    public record ProgressUpdate(double fraction, String message) {}

    private final Executor workers;
    private final Executor deliver;
    private final ExecutorService owned;
    private volatile boolean closed;
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(this, "running", 0);

    private BackgroundTasks(Executor workers, Executor deliver, ExecutorService owned) {
        this.workers = workers;
        this.deliver = deliver;
        this.owned = owned;
    }

    /** Three I/O threads; delivery on the FX application thread. */
    public static BackgroundTasks forFx() {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "cruddur-io-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ExecutorService pool = Executors.newFixedThreadPool(3, threads);
        return new BackgroundTasks(pool, Platform::runLater, pool);
    }

    /** Runs work and delivery on the calling thread: for view-model tests without a toolkit. */
    public static BackgroundTasks inline() {
        return new BackgroundTasks(Runnable::run, Runnable::run, null);
    }

    /** Work on {@code workers}, outcomes delivered on {@code deliver}: for tests that step through what runs when. */
    public static BackgroundTasks on(Executor workers, Executor deliver) {
        return new BackgroundTasks(workers, deliver, null);
    }

    /** How many submitted tasks have not yet delivered their outcome (read on the FX thread). */
    public ReadOnlyIntegerProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public <T> void run(Work<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        run(work, null, onSuccess, onFailure);
    }

    /** Submits work; call on the FX thread. Progress updates are coalesced to the latest. */
    public <T> void run(Work<T> work, Consumer<ProgressUpdate> onProgress,
                        Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        running.set(running.get() + 1);
        Consumer<ProgressUpdate> progressOnFx = onProgress == null ? u -> {} : latestOnFx(onProgress);
        Progress progress = (fraction, message) -> progressOnFx.accept(new ProgressUpdate(fraction, message));
        workers.execute(() -> {
            T result;
            try {
                result = work.run(progress);
            } catch (Throwable failure) {
                deliver.execute(() -> {
                    running.set(running.get() - 1);
                    if (!closed) onFailure.accept(failure);
                });
                return;
            }
            T value = result;
            deliver.execute(() -> {
                running.set(running.get() - 1);
                if (!closed) onSuccess.accept(value);
            });
        });
    }

    /**
     * A consumer callable from any thread that hands values to {@code target} on the delivery
     * thread, keeping only the latest when they come faster than the FX thread takes them.
     */
    public <T> Consumer<T> latestOnFx(Consumer<T> target) {
        AtomicReference<T> latest = new AtomicReference<>();
        return value -> {
            if (latest.getAndSet(value) == null) {
                deliver.execute(() -> target.accept(latest.getAndSet(null)));
            }
        };
    }

    /**
     * A consumer callable from any thread that hands every value to {@code target} on the
     * delivery thread, in order (for events that must not be lost, unlike {@link #latestOnFx}).
     */
    public <T> Consumer<T> eachOnFx(Consumer<T> target) {
        return value -> deliver.execute(() -> {
            if (!closed) target.accept(value);
        });
    }

    /** Lets running work finish (closing connections), delivers nothing more, accepts nothing new. */
    public void shutdown() {
        closed = true;
        if (owned != null) owned.shutdown();
    }
}
