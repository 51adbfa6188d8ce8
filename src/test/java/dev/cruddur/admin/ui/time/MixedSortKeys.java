package dev.cruddur.admin.ui.time;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.domain.TableKeys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A few Cruddur items with sort keys in the forms the stack wrote, for a lint in the year 2026:
 * every key readable and no two landing on one canonical key, so a migration leaves nothing to do.
 * Counted by hand (the constants below).
 */
public final class MixedSortKeys {
    static final String A = "aaaaaaaa-0000-4000-8000-000000000001";
    static final String B = "bbbbbbbb-0000-4000-8000-000000000002";
    static final String C = "cccccccc-0000-4000-8000-000000000003";
    static final String G1 = "11111111-1111-4111-8111-111111111111";
    static final String G2 = "22222222-2222-4222-8222-222222222222";

    /** canonical: m1, B's G1 row, n1, both G2 rows. */
    static final long CANONICAL = 5;
    /** naive: m5 and A's G1 row. */
    static final long NAIVE = 2;
    static final long Z_FORM = 1;
    /** -05:00 (m2) and psql's +00 (m4). */
    static final long OTHER_OFFSET = 2;
    static final long ITEMS = 10;
    /** m2 .. m5 and A's G1 row. */
    static final long MOVES = 5;

    private MixedSortKeys() {}

    static List<Map<String, String>> items() {
        List<Map<String, String>> items = new ArrayList<>();
        items.add(message(G1, "m1", A, "2026-01-01T10:00:00.000000+00:00"));   // canonical
        items.add(message(G1, "m2", B, "2026-01-01T06:00:00.250000-05:00"));   // a New York server: 11:00:00.25Z, sorts first
        items.add(message(G1, "m3", A, "2026-01-01T12:00:00.5Z"));              // Z form
        items.add(message(G1, "m4", B, "2026-01-01 13:00:00.123456+00"));       // psql timestamptz
        items.add(message(G1, "m5", A, "2026-01-01T14:00:00.123"));             // naive (the seed script), newest
        items.add(groupRow(A, B, G1, "text of m5", "2026-01-01T14:00:00.123"));
        items.add(groupRow(B, A, G1, "text of m5", "2026-01-01T14:00:00.123000+00:00"));
        items.add(message(G2, "n1", C, "2025-06-01T10:00:00.000000+00:00"));   // last year: hidden by the year filter
        items.add(groupRow(A, C, G2, "text of n1", "2025-06-01T10:00:00.000000+00:00"));
        items.add(groupRow(C, A, G2, "text of n1", "2025-06-01T10:00:00.000000+00:00"));
        return items;
    }

    public static void put(DirectMessages dm) {
        for (Map<String, String> item : items()) {
            Map<String, AttributeValue> values = new HashMap<>();
            item.forEach((k, v) -> values.put(k, AttributeValue.fromS(v)));
            dm.connection().client().putItem(r -> r.tableName(dm.connection().table()).item(values));
        }
    }

    static Map<String, String> message(String group, String name, String sender, String sk) {
        Map<String, String> item = new LinkedHashMap<>();
        item.put(TableKeys.PK, TableKeys.messagePk(group));
        item.put(TableKeys.SK, sk);
        item.put(TableKeys.MESSAGE_UUID, java.util.UUID.nameUUIDFromBytes(name.getBytes()).toString());
        item.put(TableKeys.MESSAGE, "text of " + name);
        item.put(TableKeys.USER_UUID, sender);
        item.put(TableKeys.USER_HANDLE, handle(sender));
        item.put(TableKeys.USER_DISPLAY_NAME, "User " + handle(sender));
        return item;
    }

    static Map<String, String> groupRow(String owner, String other, String group, String text, String sk) {
        Map<String, String> item = new LinkedHashMap<>();
        item.put(TableKeys.PK, TableKeys.groupPk(owner));
        item.put(TableKeys.SK, sk);
        item.put(TableKeys.GROUP_UUID, group);
        item.put(TableKeys.MESSAGE, text);
        item.put(TableKeys.USER_UUID, other);
        item.put(TableKeys.USER_HANDLE, handle(other));
        item.put(TableKeys.USER_DISPLAY_NAME, "User " + handle(other));
        return item;
    }

    private static String handle(String uuid) {
        return uuid.equals(A) ? "alice" : uuid.equals(B) ? "bob" : "carol";
    }
}
