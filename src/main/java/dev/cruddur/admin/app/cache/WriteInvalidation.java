package dev.cruddur.admin.app.cache;

import dev.cruddur.admin.cache.CacheFailure;
import dev.cruddur.admin.cache.CacheOutcome;
import dev.cruddur.admin.cache.CacheStore;
import dev.cruddur.admin.store.DynamoConnection;
import dev.cruddur.admin.store.ItemWrites.WrittenKey;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Keeps the cache honest for every write made through one connection: after each write DynamoDB
 * accepted, and before that write returns to its caller, it bumps the generation of (and deletes)
 * exactly the page keys the written items make stale ({@link StaleKeys}), then tells its
 * listeners which keys went stale (the window reloads the panes showing them).
 *
 * <p>Every write path of the window and the command line goes through this one object, because it
 * listens to the connection's client itself ({@code store.ItemWrites}), not to each path. So a
 * page read before a write is never served after that write returns, in any process sharing the
 * cache (see {@link Generations}).
 *
 * <p>A bulk operation (seeding, an import, a migration, a multi-delete, a repair) runs inside
 * {@link #bulk} (or {@link #deferred}): its writes on its thread only collect their stale keys,
 * and the union is invalidated once, deduplicated, when the operation ends (also when it fails or
 * is cancelled) and before it returns; listeners are told once. That is what keeps seeding near
 * the speed of a bare BatchWriteItem loop: a batch of 25 items makes ~10 keys stale, mostly the
 * same ones as the batch before.
 *
 * <p>Without a cache ({@link #useCache} with {@code null}) the stale keys are still derived and
 * told, with one failure line saying that no cache was updated. Safe for concurrent use.
 */
public final class WriteInvalidation implements AutoCloseable {
    private static final AtomicInteger POOLS = new AtomicInteger();
    /** Keys whose cache calls are under way at once: enough to hide round trips, few enough threads for a bulk flush. */
    private static final int CONCURRENT_KEYS = 32;
    /**
     * The stale keys the bulk operation running on this thread has collected so far, per
     * invalidation its writes went through ({@code null}: no bulk operation on this thread).
     */
    private static final ThreadLocal<Map<WriteInvalidation, Set<String>>> DEFERRED = new ThreadLocal<>();

    private final DynamoConnection connection;
    private final Consumer<List<WrittenKey>> onWrite = this::written;
    private final List<Consumer<Invalidation>> listeners = new CopyOnWriteArrayList<>();
    private final ThreadLocal<List<Invalidation>> collecting = new ThreadLocal<>();
    private final ExecutorService helpers;
    private volatile CacheStore cache;
    private volatile Generations generations;

    private WriteInvalidation(DynamoConnection connection, CacheStore cache) {
        this.connection = connection;
        int pool = POOLS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        this.helpers = Executors.newCachedThreadPool(task -> {
            Thread t = new Thread(task, "invalidation-" + pool + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        useCache(cache);
    }

    /** Starts watching {@code connection}'s writes; {@code cache} may be null (none yet). */
    public static WriteInvalidation attach(DynamoConnection connection, CacheStore cache) {
        WriteInvalidation invalidation = new WriteInvalidation(connection, cache);
        connection.writes().addListener(invalidation.onWrite);
        return invalidation;
    }

    /** The cache to keep honest from now on; {@code null}: none (writes then say so to listeners). */
    public void useCache(CacheStore next) {
        this.generations = next == null ? null : new Generations(next);
        this.cache = next;
    }

    public Optional<CacheStore> cache() {
        return Optional.ofNullable(cache);
    }

    public DynamoConnection connection() {
        return connection;
    }

    /** Told of every write's stale keys, on the writing thread, after the cache was updated. */
    public void addListener(Consumer<Invalidation> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<Invalidation> listener) {
        listeners.remove(listener);
    }

    /** Runs {@code write} and answers what its writes on this thread did to the cache, merged. */
    public <T> Outcome<T> during(Supplier<T> write) {
        List<Invalidation> outer = collecting.get();
        List<Invalidation> mine = new ArrayList<>();
        collecting.set(mine);
        try {
            T result = write.get();
            return new Outcome<>(result, merge(mine));
        } finally {
            if (outer != null) outer.addAll(mine);
            collecting.set(outer);
        }
    }

    /** What a write returned, and what it did to the cache. */
    public record Outcome<T>(T result, Invalidation invalidation) {}

    /**
     * Runs a bulk {@code operation}: the writes it makes on this thread, through any connection
     * with a write invalidation attached, invalidate nothing while it runs; when it ends - returns,
     * throws or is cancelled midway - every key they made stale is invalidated once (deduplicated,
     * {@link #invalidate}) before this returns or rethrows, and each invalidation's listeners are
     * told once. Inside another bulk operation on this thread it just runs: the outer one flushes.
     *
     * <p>Why pages cached while the operation runs are no risk: the final invalidation bumps the
     * generation of every key the operation wrote, so a page read and stored in the meantime (by
     * this process or another sharing the cache) carries an older generation and is never served
     * after the operation returns; before it returns, the table is half written anyway. Writes the
     * operation hands to other threads (a migration with parallelism above 1) invalidate per write
     * as outside a bulk operation: correct, only not batched.
     */
    public static <T, E extends Exception> T bulk(Operation<T, E> operation) throws E {
        if (DEFERRED.get() != null) return operation.run();
        Map<WriteInvalidation, Set<String>> collected = new IdentityHashMap<>();
        DEFERRED.set(collected);
        try {
            return operation.run();
        } finally {
            DEFERRED.remove();
            collected.forEach((invalidation, keys) -> invalidation.invalidateAndTell(new ArrayList<>(keys)));
        }
    }

    /**
     * {@link #bulk}, answering also what the operation's writes through this connection did to the
     * cache, merged (nothing when it runs inside another bulk operation, which invalidates them).
     */
    public <T> Outcome<T> deferred(Supplier<T> operation) {
        return during(() -> bulk(operation::get));
    }

    /** A bulk operation; it may throw what its caller handles (an import's I/O failure). */
    @FunctionalInterface
    public interface Operation<T, E extends Exception> {
        T run() throws E;
    }

    private void written(List<WrittenKey> keys) {
        List<String> stale = StaleKeys.of(keys);
        if (stale.isEmpty()) return;
        Map<WriteInvalidation, Set<String>> deferred = DEFERRED.get();
        if (deferred != null) {
            deferred.computeIfAbsent(this, i -> new LinkedHashSet<>()).addAll(stale);
            return;
        }
        invalidateAndTell(stale);
    }

    private void invalidateAndTell(List<String> stale) {
        if (stale.isEmpty()) return;
        Invalidation done = invalidate(stale);
        List<Invalidation> sink = collecting.get();
        if (sink != null) sink.add(done);
        for (Consumer<Invalidation> listener : listeners) {
            try {
                listener.accept(done);
            } catch (RuntimeException listenerBug) {
                // a listener must never fail the write that already happened
            }
        }
    }

    /**
     * Makes page keys stale everywhere: bumps each key's generation (so no process serves or keeps
     * a page read before now), then deletes it; keys other than page keys are only deleted. Also
     * the inspector's "drop" action.
     */
    public Invalidation invalidate(List<String> keys) {
        CacheStore store = cache;
        Generations counters = generations;
        if (store == null) {
            return new Invalidation(keys, List.of("No cache is connected, so " + String.join(", ", keys)
                    + " could not be invalidated: a cache Cruddur reads may serve the old page until its TTL ends."));
        }
        if (keys.size() <= CONCURRENT_KEYS) return invalidate(store, counters, keys);
        List<Invalidation> parts = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += CONCURRENT_KEYS) {
            parts.add(invalidate(store, counters, keys.subList(from, Math.min(keys.size(), from + CONCURRENT_KEYS))));
        }
        return merge(parts);
    }

    private Invalidation invalidate(CacheStore store, Generations counters, List<String> keys) {
        // every call at once: a page key's bump and its delete need no order (see invalidated)
        List<Future<Optional<String>>> bumps = new ArrayList<>();
        List<Future<CacheOutcome<Void>>> deletes = new ArrayList<>();
        for (String key : keys) {
            bumps.add(StaleCheck.checks(key) ? start(() -> bump(counters, key)) : null);
            deletes.add(start(() -> store.delete(key)));
        }
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            CacheOutcome<Void> deleted = await(deletes.get(i));
            if (bumps.get(i) != null) {
                await(bumps.get(i)).ifPresent(failures::add); // a failed delete is harmless once the generation moved
            } else if (deleted instanceof CacheOutcome.Failed<Void> failed && !holdsNothing(failed)) {
                failures.add(key + " could not be deleted: " + failed.message());
            }
        }
        return new Invalidation(keys, failures);
    }

    /*
     * Why a bump and a delete need no order: this app's readers serve a page only at the key's
     * current generation, and every page stored before the bump carries an older one, whether it
     * was stored before or after the delete. Cruddur's own backend knows no generations: the
     * delete is what it sees, and a page it stores from a read that raced the write stays until
     * its TTL whichever order is taken (the same race Cruddur's own invalidation has).
     */
    /**
     * A cache call on a helper; on the calling thread once this invalidation is closed (a bulk
     * operation's final invalidation after the window moved to another session must still happen).
     */
    private <T> Future<T> start(java.util.concurrent.Callable<T> call) {
        try {
            return helpers.submit(call);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            java.util.concurrent.FutureTask<T> inline = new java.util.concurrent.FutureTask<>(call);
            inline.run();
            return inline;
        }
    }

    private static Optional<String> bump(Generations counters, String key) {
        CacheOutcome<Long> advanced = counters.advance(key);
        return advanced instanceof CacheOutcome.Failed<Long> failed && !holdsNothing(failed)
                ? Optional.of(key + " could not be invalidated: " + failed.message()) : Optional.empty();
    }

    /** A cache that does not exist (yet) holds no page to go stale: nothing to invalidate, nothing to warn about. */
    private static boolean holdsNothing(CacheOutcome.Failed<?> failed) {
        return failed.failure().kind() == CacheFailure.Kind.CACHE_NOT_FOUND;
    }

    private static Invalidation merge(List<Invalidation> all) {
        List<String> keys = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Invalidation one : all) {
            one.keys().stream().filter(k -> !keys.contains(k)).forEach(keys::add);
            one.failures().stream().filter(f -> !failures.contains(f)).forEach(failures::add);
        }
        return new Invalidation(keys, failures);
    }

    private static <T> T await(Future<T> future) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the cache call has its own deadline; finish it, then pass the interrupt on
                } catch (ExecutionException bug) {
                    throw new IllegalStateException("a cache call threw, which CacheStore never does", bug.getCause());
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /** Stops watching the connection; the cache and the connection stay open (they are not owned). */
    @Override
    public void close() {
        connection.writes().removeListener(onWrite);
        helpers.shutdown();
    }
}
