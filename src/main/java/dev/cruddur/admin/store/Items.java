package dev.cruddur.admin.store;

import static dev.cruddur.admin.domain.TableKeys.*;

import dev.cruddur.admin.domain.Conversation;
import dev.cruddur.admin.domain.Message;
import dev.cruddur.admin.domain.SortKeyTime;
import dev.cruddur.admin.domain.User;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps table items to the domain and back. Reading is tolerant: whatever is missing or odd is
 * listed in the record's {@code problems}, and a listing never fails because of one bad item.
 */
public final class Items {
    private Items() {}

    static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        if (v == null) return null;
        if (v.s() != null) return v.s();
        if (v.n() != null) return v.n();
        return null;
    }

    public static Conversation conversation(Map<String, AttributeValue> item) {
        List<String> problems = new ArrayList<>();
        String pk = string(item, PK);
        String owner = ownerOf(pk).orElse("");
        if (owner.isEmpty()) problems.add("pk is not a GRP# key: " + pk);
        String group = required(item, GROUP_UUID, problems);
        User other = user(item, problems);
        String text = required(item, MESSAGE, problems);
        SortKeyTime at = time(item, problems);
        return new Conversation(group, owner, other, text, at, problems);
    }

    public static Message message(Map<String, AttributeValue> item) {
        List<String> problems = new ArrayList<>();
        String pk = string(item, PK);
        String group = groupOf(pk).orElse("");
        if (group.isEmpty()) problems.add("pk is not a MSG# key: " + pk);
        String uuid = required(item, MESSAGE_UUID, problems);
        User sender = user(item, problems);
        String text = required(item, MESSAGE, problems);
        SortKeyTime at = time(item, problems);
        return new Message(uuid, group, sender, text, at, problems);
    }

    private static SortKeyTime time(Map<String, AttributeValue> item, List<String> problems) {
        SortKeyTime at = SortKeyTime.parse(string(item, SK));
        if (!at.readable()) problems.add("sk is not a timestamp: " + at.raw());
        else if (at.naive()) problems.add("sk has no offset (read as UTC): " + at.raw());
        return at;
    }

    private static User user(Map<String, AttributeValue> item, List<String> problems) {
        String uuid = required(item, USER_UUID, problems);
        String handle = required(item, USER_HANDLE, problems);
        String name = string(item, USER_DISPLAY_NAME);
        if (name == null) problems.add("missing " + USER_DISPLAY_NAME);
        return new User(uuid, handle, name);
    }

    private static String required(Map<String, AttributeValue> item, String name, List<String> problems) {
        String value = string(item, name);
        if (value == null) {
            problems.add("missing " + name);
            return "";
        }
        return value;
    }

    /** A group row: owned by {@code owner}, naming {@code other}, at the newest message. */
    public static Map<String, AttributeValue> groupRow(String ownerUuid, String groupUuid, User other, String text, String sk) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, AttributeValue.fromS(groupPk(ownerUuid)));
        item.put(SK, AttributeValue.fromS(sk));
        item.put(GROUP_UUID, AttributeValue.fromS(groupUuid));
        item.put(MESSAGE, AttributeValue.fromS(text));
        putUser(item, other);
        return item;
    }

    public static Map<String, AttributeValue> messageRow(String groupUuid, String messageUuid, User sender, String text, String sk) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, AttributeValue.fromS(messagePk(groupUuid)));
        item.put(SK, AttributeValue.fromS(sk));
        item.put(MESSAGE_UUID, AttributeValue.fromS(messageUuid));
        item.put(MESSAGE, AttributeValue.fromS(text));
        putUser(item, sender);
        return item;
    }

    private static void putUser(Map<String, AttributeValue> item, User user) {
        item.put(USER_UUID, AttributeValue.fromS(user.uuid()));
        item.put(USER_HANDLE, AttributeValue.fromS(user.handle()));
        item.put(USER_DISPLAY_NAME, AttributeValue.fromS(user.displayName()));
    }

    public static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(sk));
    }

    public static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        return Map.of(PK, item.get(PK), SK, item.get(SK));
    }
}
