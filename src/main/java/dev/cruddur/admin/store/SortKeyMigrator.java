package dev.cruddur.admin.store;

import static dev.cruddur.admin.domain.TableKeys.PK;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Moves items to new sort keys, a step at a time. A step (a conversation's newest message and
 * its group rows, say) is one transaction where the endpoint has them; elsewhere its puts all go
 * before its deletes, so an interruption leaves a copy, never a gap. A put never overwrites
 * (condition {@code attribute_not_exists}); a key found taken by an identical copy is the trace of
 * an interrupted run and only the delete is left to do. Stopping happens between steps.
 */
public final class SortKeyMigrator {
    public static final String TRANSACTION = MessageWriter.TRANSACTION;
    public static final String ORDERED = MessageWriter.ORDERED;
    private static final int ATTEMPTS = 3;

    /** Items moved so far, of {@code total}. */
    public interface Progress {
        void moved(long done, long total);

        Progress NONE = (done, total) -> {};
    }

    /** A move that was not made, and why. */
    public record Skipped(String pk, String sk, String toSortKey, String reason) {}

    public sealed interface Outcome permits Finished, Stopped {
        long moved();

        List<Skipped> skipped();

        String writeMode();
    }

    public record Finished(long moved, List<Skipped> skipped, String writeMode) implements Outcome {}

    /** Stopped on request between two steps; running the migration again finishes it. */
    public record Stopped(long moved, List<Skipped> skipped, String writeMode, int stepsLeft) implements Outcome {}

    private final DynamoConnection connection;
    private final int parallelism;

    /** One step at a time. */
    public SortKeyMigrator(DynamoConnection connection) {
        this(connection, 1);
    }

    /**
     * Up to {@code parallelism} steps at once. Steps are independent (each is safe on its own), so
     * they may finish in any order; a stop lets the steps under way finish and starts no other.
     */
    public SortKeyMigrator(DynamoConnection connection, int parallelism) {
        if (parallelism < 1) throw new IllegalArgumentException("parallelism must be at least 1");
        this.connection = connection;
        this.parallelism = parallelism;
    }

    public Outcome apply(List<List<SortKeyMove>> steps, Progress progress, BooleanSupplier stop) {
        connection.requireWritable();
        boolean transactions = connection.capabilities().transactions();
        String mode = transactions ? TRANSACTION : ORDERED;
        long total = steps.stream().mapToLong(List::size).sum();
        Tally tally = new Tally(progress, total);
        if (parallelism == 1) {
            for (int i = 0; i < steps.size(); i++) {
                if (stop.getAsBoolean()) return tally.stopped(mode, steps.size() - i);
                runStep(steps.get(i), transactions, tally);
            }
            return tally.finished(mode);
        }
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "sort-key-migration");
            t.setDaemon(true);
            return t;
        });
        Semaphore slots = new Semaphore(parallelism);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        int started = 0;
        try {
            for (; started < steps.size(); started++) {
                slots.acquireUninterruptibly();
                if (stop.getAsBoolean() || failure.get() != null) {
                    slots.release();
                    break;
                }
                List<SortKeyMove> step = steps.get(started);
                pool.execute(() -> {
                    try {
                        runStep(step, transactions, tally);
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        slots.release();
                    }
                });
            }
            slots.acquireUninterruptibly(parallelism); // every step under way has finished
        } finally {
            pool.shutdown();
        }
        if (failure.get() != null) throw failure.get();
        return started < steps.size() ? tally.stopped(mode, steps.size() - started) : tally.finished(mode);
    }

    private void runStep(List<SortKeyMove> step, boolean transactions, Tally tally) {
        if (step.isEmpty()) return;
        List<Skipped> skipped = new ArrayList<>();
        if (!(transactions && transaction(step))) ordered(step, skipped);
        tally.add(step.size(), skipped);
    }

    /** Counts shared by the workers; progress is reported under the lock, so callers see it in order. */
    private static final class Tally {
        private final Progress progress;
        private final long total;
        private long done;
        private final List<Skipped> skipped = new ArrayList<>();

        Tally(Progress progress, long total) {
            this.progress = progress;
            this.total = total;
        }

        synchronized void add(int moves, List<Skipped> refused) {
            done += moves;
            skipped.addAll(refused);
            progress.moved(done, total);
        }

        synchronized Outcome finished(String mode) {
            return new Finished(done - skipped.size(), List.copyOf(skipped), mode);
        }

        synchronized Outcome stopped(String mode, int stepsLeft) {
            return new Stopped(done - skipped.size(), List.copyOf(skipped), mode, stepsLeft);
        }
    }

    /** The step as one transaction; false when a condition failed and it must be done move by move. */
    private boolean transaction(List<SortKeyMove> step) {
        List<TransactWriteItem> actions = new ArrayList<>();
        for (SortKeyMove move : step) {
            if (!move.copyWritten()) {
                actions.add(TransactWriteItem.builder().put(Put.builder().tableName(connection.table())
                        .item(move.from().movedTo(move.toSortKey(), move.replaced()))
                        .conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", PK))
                        .build()).build());
            }
            actions.add(TransactWriteItem.builder().delete(Delete.builder().tableName(connection.table())
                    .key(Items.keyOf(move.from().attributes()))
                    .conditionExpression("attribute_exists(#pk)").expressionAttributeNames(Map.of("#pk", PK))
                    .build()).build());
        }
        for (int attempt = 1; ; attempt++) {
            try {
                connection.client().transactWriteItems(r -> r.transactItems(actions));
                return true;
            } catch (TransactionCanceledException e) {
                boolean conditionFailed = e.hasCancellationReasons() && e.cancellationReasons().stream()
                        .anyMatch(reason -> "ConditionalCheckFailed".equals(reason.code()));
                if (conditionFailed || attempt == ATTEMPTS) return false;
            } catch (SdkException e) {
                StoreException failure = StoreFailures.translate(e, connection.target().describe(), connection.table());
                if (!failure.kind().retryable() || attempt == ATTEMPTS) throw failure;
            }
            pause(attempt);
        }
    }

    /** Puts first, deletes after: an interruption in between leaves two copies and the next run deletes one. */
    private void ordered(List<SortKeyMove> step, List<Skipped> skipped) {
        List<SortKeyMove> written = new ArrayList<>();
        for (SortKeyMove move : step) {
            Optional<String> refused = put(move);
            if (refused.isPresent()) {
                skipped.add(new Skipped(move.from().pk(), move.from().sk(), move.toSortKey(), refused.get()));
            } else {
                written.add(move);
            }
        }
        for (SortKeyMove move : written) {
            try {
                connection.client().deleteItem(r -> r.tableName(connection.table()).key(Items.keyOf(move.from().attributes()))
                        .conditionExpression("attribute_exists(#pk)").expressionAttributeNames(Map.of("#pk", PK)));
            } catch (ConditionalCheckFailedException e) {
                // someone deleted the old item meanwhile (Cruddur moving a group row): the copy would bring it back
                connection.call(() -> connection.client().deleteItem(r -> r.tableName(connection.table())
                        .key(Items.key(move.from().pk(), move.toSortKey()))));
                skipped.add(new Skipped(move.from().pk(), move.from().sk(), move.toSortKey(),
                        "the item was deleted by someone else during the migration; its copy was removed again"));
            } catch (SdkException e) {
                throw StoreFailures.translate(e, connection.target().describe(), connection.table());
            }
        }
    }

    /** Puts the moved copy unless the key is taken; empty when the copy is in place. */
    private Optional<String> put(SortKeyMove move) {
        if (move.copyWritten()) return Optional.empty();
        Map<String, AttributeValue> copy = move.from().movedTo(move.toSortKey(), move.replaced());
        try {
            connection.client().putItem(r -> r.tableName(connection.table()).item(copy)
                    .conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", PK)));
            return Optional.empty();
        } catch (ConditionalCheckFailedException e) {
            Optional<Map<String, AttributeValue>> there = new MessageTableReader(connection).item(move.from().pk(), move.toSortKey());
            if (there.isPresent() && new ScannedItem(there.get()).contentDigest().equals(move.from().contentDigest(move.replaced()))) {
                return Optional.empty();
            }
            return Optional.of("the key " + move.toSortKey() + " is taken by another item; nothing was overwritten");
        } catch (SdkException e) {
            throw StoreFailures.translate(e, connection.target().describe(), connection.table());
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(50L << attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(StoreException.Kind.OTHER, "The migration was interrupted.", e);
        }
    }
}
