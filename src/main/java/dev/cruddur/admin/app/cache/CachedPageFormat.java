package dev.cruddur.admin.app.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cruddur.admin.domain.Conversation;
import dev.cruddur.admin.domain.Message;
import dev.cruddur.admin.domain.Page;
import dev.cruddur.admin.domain.SortKeyTime;
import dev.cruddur.admin.domain.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JSON of a cached first page, format 1:
 *
 * <pre>{@code
 * {"format": 1, "kind": "conversations" | "messages",
 *  "subject": "<table>/<user_uuid> | <table>/<message_group_uuid>", "page_size": 20,
 *  "generation": 123456789, "cached_at": "2026-11-25T09:00:00Z",
 *  "items": [ ... ], "next_cursor": "<opaque>" | null}
 * }</pre>
 *
 * A conversation item is {@code message_group_uuid, owner_uuid, user_uuid, user_handle,
 * user_display_name, message, last_message_at, problems}; a message item is
 * {@code message_uuid, message_group_uuid, user_uuid, user_handle, user_display_name, message,
 * created_at, problems} (attribute names as in the table; times exactly as stored). Messages
 * are in the page's order, oldest to newest. {@code generation} is the key's invalidation
 * count when the page was read from DynamoDB ({@link Generations}).
 */
public final class CachedPageFormat {
    public static final int VERSION = 1;
    public static final String CONVERSATIONS = "conversations";
    public static final String MESSAGES = "messages";

    private static final ObjectMapper JSON = new ObjectMapper();

    private CachedPageFormat() {}

    /** What a cached value decodes to. */
    public sealed interface Decoded<T> {}

    public record Valid<T>(Page<T> page, String subject, int pageSize, long generation, Instant cachedAt)
            implements Decoded<T> {}

    /** Not a page of this kind in this format; {@code reason} says what is wrong, for a log or the inspector. */
    public record Unreadable<T>(String reason) implements Decoded<T> {}

    public static String conversations(Page<Conversation> page, String userUuid, int pageSize, long generation, Instant now) {
        ObjectNode root = envelope(CONVERSATIONS, userUuid, pageSize, generation, now);
        ArrayNode items = root.putArray("items");
        for (Conversation c : page.items()) {
            ObjectNode item = items.addObject();
            item.put("message_group_uuid", c.groupUuid());
            item.put("owner_uuid", c.ownerUuid());
            putUser(item, c.other());
            item.put("message", c.lastMessage());
            item.put("last_message_at", c.lastMessageAt().raw());
            c.problems().forEach(item.putArray("problems")::add);
        }
        return finish(root, page);
    }

    public static String messages(Page<Message> page, String groupUuid, int pageSize, long generation, Instant now) {
        ObjectNode root = envelope(MESSAGES, groupUuid, pageSize, generation, now);
        ArrayNode items = root.putArray("items");
        for (Message m : page.items()) {
            ObjectNode item = items.addObject();
            item.put("message_uuid", m.messageUuid());
            item.put("message_group_uuid", m.groupUuid());
            putUser(item, m.sender());
            item.put("message", m.text());
            item.put("created_at", m.createdAt().raw());
            m.problems().forEach(item.putArray("problems")::add);
        }
        return finish(root, page);
    }

    public static Decoded<Conversation> readConversations(String json) {
        return read(json, CONVERSATIONS, item -> new Conversation(text(item, "message_group_uuid"), text(item, "owner_uuid"),
                user(item), text(item, "message"), SortKeyTime.parse(text(item, "last_message_at")), problems(item)));
    }

    public static Decoded<Message> readMessages(String json) {
        return read(json, MESSAGES, item -> new Message(text(item, "message_uuid"), text(item, "message_group_uuid"),
                user(item), text(item, "message"), SortKeyTime.parse(text(item, "created_at")), problems(item)));
    }

    /** The value indented, if it is JSON at all; for the inspector. */
    public static Optional<String> prettyJson(String value) {
        try {
            JsonNode node = JSON.readTree(value);
            if (node == null || node.isMissingNode()) return Optional.empty();
            return Optional.of(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node));
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
    }

    // ---------------------------------------------------------------- plumbing

    private static ObjectNode envelope(String kind, String subject, int pageSize, long generation, Instant now) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", VERSION);
        root.put("kind", kind);
        root.put("subject", subject);
        root.put("page_size", pageSize);
        root.put("generation", generation);
        root.put("cached_at", now.toString());
        return root;
    }

    private static String finish(ObjectNode root, Page<?> page) {
        if (page.nextCursor().isPresent()) {
            root.put("next_cursor", page.nextCursor().get());
        } else {
            root.putNull("next_cursor");
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException cannot) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", cannot);
        }
    }

    private static void putUser(ObjectNode item, User user) {
        item.put("user_uuid", user.uuid());
        item.put("user_handle", user.handle());
        item.put("user_display_name", user.displayName());
    }

    private interface ItemReader<T> {
        T read(JsonNode item);
    }

    private static final class Bad extends RuntimeException {
        Bad(String message) {
            super(message, null, false, false);
        }
    }

    private static <T> Decoded<T> read(String json, String kind, ItemReader<T> itemReader) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException notJson) {
            return new Unreadable<>("not JSON");
        }
        try {
            if (root == null || !root.isObject()) throw new Bad("not a JSON object");
            JsonNode format = root.get("format");
            if (format == null || !format.isInt()) throw new Bad("no format version");
            if (format.intValue() != VERSION) throw new Bad("format " + format.intValue() + ", expected " + VERSION);
            if (!kind.equals(text(root, "kind"))) throw new Bad("holds " + text(root, "kind") + ", expected " + kind);
            JsonNode pageSize = root.get("page_size");
            JsonNode generation = root.get("generation");
            if (pageSize == null || !pageSize.canConvertToInt()) throw new Bad("no page_size");
            if (generation == null || !generation.canConvertToLong()) throw new Bad("no generation");
            Instant cachedAt;
            try {
                cachedAt = Instant.parse(text(root, "cached_at"));
            } catch (java.time.format.DateTimeParseException e) {
                throw new Bad("cached_at is not an instant");
            }
            JsonNode items = root.get("items");
            if (items == null || !items.isArray()) throw new Bad("no items array");
            List<T> out = new ArrayList<>(items.size());
            for (JsonNode item : items) {
                if (!item.isObject()) throw new Bad("an item is not an object");
                out.add(itemReader.read(item));
            }
            JsonNode cursor = root.get("next_cursor");
            if (cursor == null || !(cursor.isNull() || cursor.isTextual())) throw new Bad("no next_cursor");
            Optional<String> next = cursor.isNull() ? Optional.empty() : Optional.of(cursor.textValue());
            return new Valid<>(new Page<>(out, next), text(root, "subject"), pageSize.intValue(), generation.longValue(), cachedAt);
        } catch (Bad bad) {
            return new Unreadable<>(bad.getMessage());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) throw new Bad("'" + field + "' missing or not a string");
        return value.textValue();
    }

    private static User user(JsonNode item) {
        return new User(text(item, "user_uuid"), text(item, "user_handle"), text(item, "user_display_name"));
    }

    private static List<String> problems(JsonNode item) {
        JsonNode problems = item.get("problems");
        if (problems == null) return List.of();
        if (!problems.isArray()) throw new Bad("'problems' is not an array");
        List<String> out = new ArrayList<>();
        for (JsonNode p : problems) {
            if (!p.isTextual()) throw new Bad("a problem is not a string");
            out.add(p.textValue());
        }
        return out;
    }
}
