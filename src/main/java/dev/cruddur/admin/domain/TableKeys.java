package dev.cruddur.admin.domain;

import java.util.Optional;

/** The key layout of Cruddur's single messages table (data-model.md). */
public final class TableKeys {
    public static final String DEFAULT_TABLE = "cruddur-messages";
    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String GROUP_INDEX = "message-group-sk-index";
    public static final String GROUP_UUID = "message_group_uuid";
    public static final String MESSAGE_UUID = "message_uuid";
    public static final String MESSAGE = "message";
    public static final String USER_UUID = "user_uuid";
    public static final String USER_HANDLE = "user_handle";
    public static final String USER_DISPLAY_NAME = "user_display_name";

    public static final String GROUP_PREFIX = "GRP#";
    public static final String MESSAGE_PREFIX = "MSG#";

    private TableKeys() {}

    public static String groupPk(String ownerUuid) {
        return GROUP_PREFIX + ownerUuid;
    }

    public static String messagePk(String groupUuid) {
        return MESSAGE_PREFIX + groupUuid;
    }

    /** The owner's uuid of a group row's pk, if the pk is one. */
    public static Optional<String> ownerOf(String pk) {
        return pk != null && pk.startsWith(GROUP_PREFIX) ? Optional.of(pk.substring(GROUP_PREFIX.length())) : Optional.empty();
    }

    /** The conversation's uuid of a message row's pk, if the pk is one. */
    public static Optional<String> groupOf(String pk) {
        return pk != null && pk.startsWith(MESSAGE_PREFIX) ? Optional.of(pk.substring(MESSAGE_PREFIX.length())) : Optional.empty();
    }
}
