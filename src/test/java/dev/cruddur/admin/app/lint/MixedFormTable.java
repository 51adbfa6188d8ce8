package dev.cruddur.admin.app.lint;

import dev.cruddur.admin.domain.TableKeys;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small Cruddur table with sort keys in every form the stack has written, item by item, so every
 * expected figure can be counted by hand (the counts are in the tests that use it). The year
 * Cruddur's filter uses is {@value #YEAR}.
 */
final class MixedFormTable {
    static final int YEAR = 2026;
    static final String A = "aaaaaaaa-0000-4000-8000-000000000001";
    static final String B = "bbbbbbbb-0000-4000-8000-000000000002";
    static final String C = "cccccccc-0000-4000-8000-000000000003";
    /** A with B: a New Year's Eve conversation in six forms. */
    static final String G1 = "11111111-1111-4111-8111-111111111111";
    /** A with C, in 2024: hidden from both lists by the year filter; C's group row is stale. */
    static final String G2 = "22222222-2222-4222-8222-222222222222";
    /** B with C: garbage and collisions. */
    static final String G3 = "33333333-3333-4333-8333-333333333333";

    private MixedFormTable() {}

    static List<Map<String, String>> items() {
        List<Map<String, String>> items = new ArrayList<>();
        // G1
        items.add(message(G1, "m1", A, "2025-12-31T23:59:58.000000+00:00"));          // canonical, last year
        items.add(message(G1, "m2", B, "2025-12-31T20:00:00.250000-05:00"));          // other offset: a New York server
        items.add(message(G1, "m3", A, "2026-01-01T02:00:00.5Z"));                     // Z form
        items.add(message(G1, "m4", B, "2026-01-01T03:00:00.123"));                    // naive, 3 digits
        items.add(message(G1, "m5", A, "2026-01-01 04:00:00.123456+00"));              // psql timestamptz: other offset
        items.add(message(G1, "m6", B, "2026-01-01T05:00:00.123+00:00"));              // other precision
        items.add(message(G1, "m7", A, "2026-01-01T06:00:00.123456789+00:00"));        // other precision, 9 digits
        items.add(groupRow(A, B, G1, "text of m7", "2026-01-01T06:00:00.123456789+00:00"));
        items.add(groupRow(B, A, G1, "text of m7", "2026-01-01T06:00:00.123456789+00:00"));
        // G2
        items.add(message(G2, "n1", A, "2024-03-10T10:00:00.000000+00:00"));          // canonical
        items.add(message(G2, "n2", C, "2024-03-10T11:00:00.000000"));                // naive (the seed script)
        items.add(message(G2, "n3", A, "2024-03-10T12:00:00Z"));                      // Z form
        items.add(message(G2, "n4", C, "2024-03-10T12:00:00.500000+00:00"));          // canonical, newest
        items.add(groupRow(A, C, G2, "text of n4", "2024-03-10T12:00:00.500000Z"));   // Z form at the newest
        items.add(groupRow(C, A, G2, "text of n2", "2024-03-10T11:00:00.000000"));    // naive and stale
        // G3
        items.add(message(G3, "p1", B, "2026-02-01T10:00:00.000000+00:00"));          // canonical
        items.add(message(G3, "p2", C, "2026-02-01T10:00:00.000000Z"));               // Z form, p1's key when canonical
        items.add(message(G3, "p3", B, "not-a-date"));                                // not a timestamp
        items.add(message(G3, "p4", C, "2026-02-01T11:00:00.000000+00:00"));          // canonical, newest
        items.add(message(G3, "p5", B, "2026-02-01T10:30:00.000000"));                // naive, same instant as p6
        items.add(message(G3, "p6", C, "2026-02-01T10:30:00Z"));                      // Z form, same instant as p5
        items.add(groupRow(B, C, G3, "text of p4", "2026-02-01T11:00:00.000000+00:00"));
        items.add(groupRow(C, B, G3, "text of p4", "2026-02-01T11:00:00.000000+00:00"));
        return items;
    }

    static Map<String, String> message(String group, String name, String sender, String sk) {
        Map<String, String> item = new LinkedHashMap<>();
        item.put(TableKeys.PK, TableKeys.messagePk(group));
        item.put(TableKeys.SK, sk);
        item.put(TableKeys.MESSAGE_UUID, uuidOf(name));
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

    static String uuidOf(String name) {
        return java.util.UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    private static String handle(String uuid) {
        return uuid.equals(A) ? "alice" : uuid.equals(B) ? "bob" : "carol";
    }
}
