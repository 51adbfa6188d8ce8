package dev.cruddur.admin.app.lint;

/**
 * One thing the linter found, naming the item (pk, sk) so the window can open it.
 *
 * @param kind   what is wrong
 * @param pk     the item's partition key
 * @param sk     the item's sort key, as stored
 * @param detail one sentence for a person
 */
public record LintFinding(Kind kind, String pk, String sk, SortKeyClass sortKeyClass, String detail) {
    public enum Kind {
        /** The sort key is not in the canonical form. */
        NOT_CANONICAL("not canonical"),
        /** In its partition, this sort key sorts before its neighbour but denotes a later instant. */
        ORDER_DISAGREEMENT("string order disagrees with time"),
        /** A group row Cruddur's {@code begins_with(sk, year)} hides: the conversation is missing from pattern B. */
        HIDDEN_FROM_CONVERSATION_LIST("hidden from pattern B"),
        /** A conversation with messages Cruddur's {@code begins_with(sk, year)} hides from pattern A. */
        MESSAGES_HIDDEN_FROM_TRANSCRIPT("messages hidden from pattern A"),
        /** A group row whose sk is not its conversation's newest message's. */
        GROUP_ROW_NOT_AT_NEWEST_MESSAGE("group row not at newest message");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
