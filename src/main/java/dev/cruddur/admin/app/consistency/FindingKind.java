package dev.cruddur.admin.app.consistency;

/** What can be wrong with a conversation's rows, in the order a report lists them. */
public enum FindingKind {
    MISSING_GROUP_ROW("a participant has no group row"),
    DUPLICATE_GROUP_ROW("a participant has more than one group row (an interrupted write)"),
    STALE_GROUP_ROW("a group row's sk or text is not the newest message's"),
    WRONG_OTHER_USER("a group row does not name the other participant"),
    NOT_A_PARTICIPANT("a group row belongs to someone outside the conversation"),
    MESSAGES_WITHOUT_GROUP_ROWS("messages without any group row"),
    GROUP_ROWS_WITHOUT_MESSAGES("group rows without any message"),
    UNREADABLE_ROW("a GRP# row without message_group_uuid, or a row with an unreadable key"),
    CANNOT_REPAIR("the participants cannot be known, so it is left alone");

    private final String label;

    FindingKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Kinds the repair leaves as they are. */
    public boolean repairable() {
        return this != CANNOT_REPAIR && this != UNREADABLE_ROW;
    }
}
