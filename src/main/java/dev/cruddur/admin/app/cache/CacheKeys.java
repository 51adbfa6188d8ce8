package dev.cruddur.admin.app.cache;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.domain.Conversation;
import dev.cruddur.admin.domain.User;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cache keys of data-model.md, and the ones the app can name. Momento cannot list a
 * cache's keys, so an inspector derives them from the users and conversations it knows.
 */
public final class CacheKeys {
    public static final String CONVERSATIONS_PREFIX = "groups/";
    public static final String MESSAGES_PREFIX = "messages/";
    public static final String COUNTER_PREFIX = "msgs/";
    /** This app's per-key invalidation counters (see {@link Generations}); not Cruddur's. */
    public static final String GENERATION_PREFIX = "generation/";

    private CacheKeys() {}

    /** What a key holds, judged by its name. */
    public enum KeyKind {
        /** {@code groups/{user_uuid}}: pattern B's first page, JSON */
        CONVERSATIONS_PAGE,
        /** {@code messages/{message_group_uuid}}: pattern A's first page, JSON */
        MESSAGES_PAGE,
        /** {@code msgs/{user_handle}}: Cruddur's message counter, an integer */
        MESSAGE_COUNTER,
        /** {@code generation/{key}}: how often the key was invalidated (this app's), an integer */
        GENERATION,
        /** any other key */
        OTHER
    }

    /** A key, what it holds, and a line saying whose it is ("Andrew Brown's conversations"). */
    public record KnownKey(String key, KeyKind kind, String describes) {}

    /** A key taken apart: its kind and the uuid or handle it names. */
    public record ParsedKey(String key, KeyKind kind, String subject) {}

    public static String conversations(String userUuid) {
        return CONVERSATIONS_PREFIX + userUuid;
    }

    public static String messages(String groupUuid) {
        return MESSAGES_PREFIX + groupUuid;
    }

    public static String messageCounter(String handle) {
        return COUNTER_PREFIX + handle;
    }

    public static String generationOf(String key) {
        return GENERATION_PREFIX + key;
    }

    public static ParsedKey parse(String key) {
        if (key.startsWith(GENERATION_PREFIX)) {
            return new ParsedKey(key, KeyKind.GENERATION, key.substring(GENERATION_PREFIX.length()));
        }
        if (key.startsWith(CONVERSATIONS_PREFIX) && key.length() > CONVERSATIONS_PREFIX.length()) {
            return new ParsedKey(key, KeyKind.CONVERSATIONS_PAGE, key.substring(CONVERSATIONS_PREFIX.length()));
        }
        if (key.startsWith(MESSAGES_PREFIX) && key.length() > MESSAGES_PREFIX.length()) {
            return new ParsedKey(key, KeyKind.MESSAGES_PAGE, key.substring(MESSAGES_PREFIX.length()));
        }
        if (key.startsWith(COUNTER_PREFIX) && key.length() > COUNTER_PREFIX.length()) {
            return new ParsedKey(key, KeyKind.MESSAGE_COUNTER, key.substring(COUNTER_PREFIX.length()));
        }
        return new ParsedKey(key, KeyKind.OTHER, key);
    }

    /**
     * Every key the app can name: for each known user {@code groups/{uuid}} and
     * {@code msgs/{handle}}, for each of their conversations {@code messages/{uuid}}; in that
     * order, each key once. Reads every page of pattern B for every user (DynamoDB, not the cache).
     */
    public static List<KnownKey> known(DirectMessages messages) {
        Map<String, KnownKey> keys = new LinkedHashMap<>();
        List<User> users = messages.users().all();
        for (User user : users) {
            String name = user.displayName().isBlank() ? user.uuid() : user.displayName();
            keys.putIfAbsent(conversations(user.uuid()), new KnownKey(conversations(user.uuid()),
                    KeyKind.CONVERSATIONS_PAGE, name + "'s conversations (first page)"));
            if (!user.handle().isBlank()) {
                keys.putIfAbsent(messageCounter(user.handle()), new KnownKey(messageCounter(user.handle()),
                        KeyKind.MESSAGE_COUNTER, "@" + user.handle() + "'s message counter (Cruddur's)"));
            }
        }
        List<KnownKey> conversationKeys = new ArrayList<>();
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (User user : users) {
            for (Conversation c : messages.allConversations(user)) {
                if (c.groupUuid().isEmpty() || seen.putIfAbsent(c.groupUuid(), true) != null) continue;
                String between = displayName(user) + " and " + displayName(c.other());
                conversationKeys.add(new KnownKey(messages(c.groupUuid()), KeyKind.MESSAGES_PAGE,
                        "messages between " + between + " (first page)"));
            }
        }
        conversationKeys.forEach(k -> keys.putIfAbsent(k.key(), k));
        return List.copyOf(keys.values());
    }

    /** The generation key of each page key among {@code keys}, for an inspector that wants to show them too. */
    public static List<String> generationKeys(List<KnownKey> keys) {
        return keys.stream().filter(k -> k.kind() == KeyKind.CONVERSATIONS_PAGE || k.kind() == KeyKind.MESSAGES_PAGE)
                .map(k -> generationOf(k.key())).toList();
    }

    private static String displayName(User u) {
        return u.displayName().isBlank() ? u.uuid() : u.displayName();
    }
}
