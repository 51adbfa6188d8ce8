package dev.cruddur.admin.testsupport;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A table filled as Cruddur's own {@code bin/ddb/seed} fills it: the two users' uuids come from
 * Cruddur's Postgres (so they are NOT the demo fixture's), one conversation
 * {@code 5ae290ed-…} between them, its two group rows and alternating messages with the naive
 * {@code isoformat()} timestamps the script wrote. Written with plain PutItem calls, as the script did.
 */
public final class CruddurSeedScript {
    public static final String GROUP = "5ae290ed-55d1-47a0-bc6d-fe2bc2700399";

    /** A Cruddur user as its Postgres row names it. */
    public record SeedUser(String uuid, String handle, String displayName) {}

    public final SeedUser andrew = new SeedUser(UUID.randomUUID().toString(), "andrewbrown", "Andrew Brown");
    public final SeedUser bayko = new SeedUser(UUID.randomUUID().toString(), "bayko", "Andrew Bayko");
    public final int messages;

    public CruddurSeedScript(int messages) {
        this.messages = messages;
    }

    public void writeInto(DynamoDbClient client, String table) {
        LocalDateTime start = LocalDateTime.now(ZoneOffset.UTC).minusDays(1).withNano(922515000);
        DateTimeFormatter iso = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");
        String last = start.plusMinutes(messages - 1L).format(iso);
        String lastText = "message " + (messages - 1);
        put(client, table, groupRow(andrew, bayko, last, lastText));
        put(client, table, groupRow(bayko, andrew, last, lastText));
        for (int i = 0; i < messages; i++) {
            SeedUser sender = i % 2 == 0 ? andrew : bayko;
            Map<String, AttributeValue> row = new HashMap<>();
            row.put("pk", s("MSG#" + GROUP));
            row.put("sk", s(start.plusMinutes(i).format(iso)));
            row.put("message_uuid", s(UUID.randomUUID().toString()));
            row.put("message", s("message " + i));
            row.put("user_uuid", s(sender.uuid()));
            row.put("user_display_name", s(sender.displayName()));
            row.put("user_handle", s(sender.handle()));
            put(client, table, row);
        }
    }

    /** One group row of {@code owner}'s for a conversation with {@code other}, as Cruddur writes it. */
    public static void putGroupRow(DynamoDbClient client, String table, String group, SeedUser owner, SeedUser other, String lastAt) {
        Map<String, AttributeValue> row = groupRow(owner, other, lastAt, "hello");
        row.put("message_group_uuid", s(group));
        put(client, table, row);
    }

    private static Map<String, AttributeValue> groupRow(SeedUser owner, SeedUser other, String lastAt, String text) {
        Map<String, AttributeValue> row = new HashMap<>();
        row.put("pk", s("GRP#" + owner.uuid()));
        row.put("sk", s(lastAt));
        row.put("message_group_uuid", s(GROUP));
        row.put("message", s(text));
        row.put("user_uuid", s(other.uuid()));
        row.put("user_display_name", s(other.displayName()));
        row.put("user_handle", s(other.handle()));
        return row;
    }

    private static void put(DynamoDbClient client, String table, Map<String, AttributeValue> item) {
        client.putItem(b -> b.tableName(table).item(item));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
