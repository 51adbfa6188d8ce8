package dev.cruddur.admin.store;

import dev.cruddur.admin.domain.DemoFixture;
import dev.cruddur.admin.domain.OutgoingMessage;
import dev.cruddur.admin.domain.User;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Loads the demo fixture, or generates N users, M conversations and K messages each, with
 * {@code BatchWriteItem}: 25 items a request, unprocessed items retried with back-off.
 */
public final class Seeder {
    /** Progress of a seeding: items written of the total. */
    public interface Progress {
        void update(long written, long total);

        Progress NONE = (w, t) -> {};
    }

    public sealed interface SeedOutcome permits Seeded, AlreadySeeded {}

    public record Seeded(int users, int conversations, long messages, long items) implements SeedOutcome {}

    public record AlreadySeeded(String groupUuid) implements SeedOutcome {}

    private static final int BATCH = 25;
    private final DynamoConnection connection;

    public Seeder(DynamoConnection connection) {
        this.connection = connection;
    }

    /** Writes the fixture unless its main conversation is already there (seeding twice would duplicate it). */
    public SeedOutcome seedFixture(Instant now, Progress progress) {
        connection.requireWritable();
        if (new MessageTableReader(connection).newestMessageRow(DemoFixture.MAIN_GROUP).isPresent()) {
            return new AlreadySeeded(DemoFixture.MAIN_GROUP);
        }
        List<DemoFixture.Thread> threads = DemoFixture.threads(now);
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        long messages = 0;
        for (DemoFixture.Thread thread : threads) {
            items.addAll(threadItems(thread.groupUuid(), thread.first(), thread.second(), thread.messages()));
            messages += thread.messages().size();
        }
        writeAll(items, progress);
        return new Seeded(DemoFixture.USERS.size(), threads.size(), messages, items.size());
    }

    /**
     * Generates {@code users} users and {@code conversations} conversations between random pairs,
     * {@code messagesEach} messages each, a minute apart, ending before {@code now}. Deterministic
     * for a given {@code randomSeed} and {@code now}. Items are made as they are written, so memory
     * stays flat whatever the size.
     */
    public Seeded generate(int users, int conversations, int messagesEach, long randomSeed, Instant now, Progress progress) {
        connection.requireWritable();
        if (users < 2) throw new StoreException(StoreException.Kind.INVALID, "Generating conversations needs at least 2 users.");
        if (conversations < 0 || messagesEach < 1) {
            throw new StoreException(StoreException.Kind.INVALID, "Give at least one message per conversation.");
        }
        long total = (long) conversations * (messagesEach + 2);
        long[] written = {0};
        List<Map<String, AttributeValue>> pending = new ArrayList<>(BATCH);
        generatedItems(users, conversations, messagesEach, randomSeed, now, item -> {
            pending.add(item);
            if (pending.size() == BATCH) {
                written[0] += writeBatch(pending);
                pending.clear();
                progress.update(written[0], total);
            }
        });
        if (!pending.isEmpty()) {
            written[0] += writeBatch(pending);
            progress.update(written[0], total);
        }
        return new Seeded(users, conversations, (long) conversations * messagesEach, written[0]);
    }

    /**
     * The items {@link #generate} writes, made one conversation at a time and handed to
     * {@code sink}: the messages, then the two group rows at the newest one.
     */
    public static void generatedItems(int users, int conversations, int messagesEach, long randomSeed, Instant now,
                                      Consumer<Map<String, AttributeValue>> sink) {
        Random random = new Random(randomSeed);
        List<User> people = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            people.add(new User(new UUID(randomSeed, i).toString(), "user" + i, "Generated User " + i));
        }
        Instant end = now.truncatedTo(ChronoUnit.MICROS);
        for (int c = 0; c < conversations; c++) {
            User a = people.get(random.nextInt(users));
            User b = people.get(random.nextInt(users - 1));
            if (b.equals(a)) b = people.get(users - 1);
            String group = new UUID(randomSeed ^ 0x5eed, c).toString();
            // conversations a minute-run apart, and c microseconds more, so no two rows of one owner share an sk
            Instant first = end.minus(Duration.ofMinutes((long) messagesEach * (conversations - c))).plusNanos(c * 1_000L);
            List<OutgoingMessage> thread = new ArrayList<>(messagesEach);
            for (int m = 0; m < messagesEach; m++) {
                User sender = m % 2 == 0 ? a : b;
                thread.add(new OutgoingMessage(group, sender, "Generated message " + m + " of conversation " + c,
                        new UUID(group.hashCode(), m).toString(), first.plus(Duration.ofMinutes(m))));
            }
            threadItems(group, a, b, thread).forEach(sink);
        }
    }

    /** The message rows of a thread and its two group rows at the newest message. */
    static List<Map<String, AttributeValue>> threadItems(String group, User a, User b, List<OutgoingMessage> messages) {
        List<Map<String, AttributeValue>> items = new ArrayList<>(messages.size() + 2);
        for (OutgoingMessage m : messages) {
            items.add(Items.messageRow(group, m.messageUuid(), m.sender(), m.text(), m.sortKey()));
        }
        OutgoingMessage last = messages.get(messages.size() - 1);
        items.add(Items.groupRow(a.uuid(), group, b, last.text(), last.sortKey()));
        items.add(Items.groupRow(b.uuid(), group, a, last.text(), last.sortKey()));
        return items;
    }

    private void writeAll(List<Map<String, AttributeValue>> items, Progress progress) {
        long written = 0;
        for (int i = 0; i < items.size(); i += BATCH) {
            written += writeBatch(items.subList(i, Math.min(items.size(), i + BATCH)));
            progress.update(written, items.size());
        }
    }

    /** Writes up to 25 items, retrying what the endpoint left unprocessed with exponential back-off. */
    int writeBatch(List<Map<String, AttributeValue>> items) {
        return new BatchWriter(connection).put(items);
    }
}
