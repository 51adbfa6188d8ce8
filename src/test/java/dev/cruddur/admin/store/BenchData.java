package dev.cruddur.admin.store;

import dev.cruddur.admin.domain.OutgoingMessage;
import dev.cruddur.admin.domain.User;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Focused volume data for the UI benchmark (test scope, in store for its batch writer): one user
 * with many conversations, each with its own correspondent and distinct times; one long conversation.
 */
public final class BenchData {
    private BenchData() {}

    public static User user(String name) {
        return new User(UUID.nameUUIDFromBytes(("bench/" + name).getBytes(StandardCharsets.UTF_8)).toString(), name, "Bench " + name);
    }

    /** {@code owner} gets {@code conversations} conversations of one message each, a minute apart. */
    public static void inbox(DynamoConnection connection, User owner, int conversations, Instant now) {
        Seeder seeder = new Seeder(connection);
        Instant end = now.truncatedTo(ChronoUnit.MICROS);
        List<Map<String, AttributeValue>> pending = new ArrayList<>();
        for (int c = 0; c < conversations; c++) {
            User other = user("peer" + c);
            String group = UUID.nameUUIDFromBytes(("bench/inbox/" + owner.uuid() + "/" + c).getBytes(StandardCharsets.UTF_8)).toString();
            OutgoingMessage m = new OutgoingMessage(group, c % 2 == 0 ? owner : other, "Bench message of conversation " + c,
                    UUID.nameUUIDFromBytes(("bench/m/" + group).getBytes(StandardCharsets.UTF_8)).toString(),
                    end.minus(Duration.ofMinutes(c + 1)));
            pending.addAll(Seeder.threadItems(group, owner, other, List.of(m)));
            if (pending.size() >= 24) {
                seeder.writeBatch(pending);
                pending.clear();
            }
        }
        if (!pending.isEmpty()) seeder.writeBatch(pending);
    }

    /**
     * A message row as Cruddur's own seed script wrote it: a naive {@code sk} (no offset), which the
     * reader flags. Returns the raw sort key.
     */
    public static String legacyMessage(DynamoConnection connection, String group, User sender, String text, Instant at) {
        String naive = java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS")
                .withZone(java.time.ZoneOffset.UTC).format(at);
        connection.client().putItem(r -> r.tableName(connection.table())
                .item(Items.messageRow(group, UUID.randomUUID().toString(), sender, text, naive)));
        return naive;
    }

    /** One conversation between {@code a} and {@code b} of {@code messages} alternating messages, a second apart. */
    public static String thread(DynamoConnection connection, User a, User b, int messages, Instant now) {
        String group = UUID.nameUUIDFromBytes(("bench/thread/" + a.uuid() + b.uuid()).getBytes(StandardCharsets.UTF_8)).toString();
        Instant start = now.truncatedTo(ChronoUnit.MICROS).minus(Duration.ofSeconds(messages));
        List<OutgoingMessage> thread = new ArrayList<>(messages);
        for (int i = 0; i < messages; i++) {
            thread.add(new OutgoingMessage(group, i % 2 == 0 ? a : b, "Long thread message " + i,
                    new UUID(group.hashCode(), i).toString(), start.plus(Duration.ofSeconds(i))));
        }
        List<Map<String, AttributeValue>> items = Seeder.threadItems(group, a, b, thread);
        Seeder seeder = new Seeder(connection);
        for (int i = 0; i < items.size(); i += 25) seeder.writeBatch(items.subList(i, Math.min(items.size(), i + 25)));
        return group;
    }
}
