package dev.cruddur.admin.ui.messages;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cruddur.admin.domain.Message;
import dev.cruddur.admin.domain.TableKeys;

/** What the transcript's context menu copies of a message. */
public final class MessageCopies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MessageCopies() {}

    /** The sort key as stored (pattern A's {@code sk}: the message's created_at). */
    public static String sk(Message m) {
        return m.createdAt().raw();
    }

    /**
     * The message's item in DynamoDB JSON, as {@code aws dynamodb get-item} prints it: the keys
     * and attributes Cruddur's backend writes for a message (pattern C), nothing the admin adds.
     */
    public static String itemJson(Message m) {
        ObjectNode item = JSON.createObjectNode();
        string(item, TableKeys.PK, TableKeys.MESSAGE_PREFIX + m.groupUuid());
        string(item, TableKeys.SK, m.createdAt().raw());
        string(item, TableKeys.MESSAGE_UUID, m.messageUuid());
        string(item, TableKeys.MESSAGE, m.text());
        string(item, TableKeys.USER_UUID, m.sender().uuid());
        string(item, TableKeys.USER_DISPLAY_NAME, m.sender().displayName());
        string(item, TableKeys.USER_HANDLE, m.sender().handle());
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(item);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void string(ObjectNode item, String name, String value) {
        if (value != null) item.putObject(name).put("S", value);
    }
}
