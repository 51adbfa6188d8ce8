package dev.cruddur.admin.app.lint;

import dev.cruddur.admin.domain.TableKeys;

/** What an item of the messages table is, by its partition key. */
public enum RowKind {
    /** {@code GRP#owner}: a conversation as one participant lists it; its sk is {@code last_message_at}. */
    GROUP_ROW,
    /** {@code MSG#conversation}: a message; its sk is {@code created_at}. */
    MESSAGE,
    /** Anything else Cruddur's table holds. */
    OTHER;

    public static RowKind of(String pk) {
        if (TableKeys.ownerOf(pk).isPresent()) return GROUP_ROW;
        if (TableKeys.groupOf(pk).isPresent()) return MESSAGE;
        return OTHER;
    }
}
