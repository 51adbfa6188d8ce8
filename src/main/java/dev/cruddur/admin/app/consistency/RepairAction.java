package dev.cruddur.admin.app.consistency;

import java.util.Map;

/** One write of a repair plan. */
public sealed interface RepairAction permits RepairAction.PutGroupRow, RepairAction.DeleteRow {
    String groupUuid();

    /** Why, in words: shown in the plan before anything is written. */
    String reason();

    /** One line: what is written where, and why. */
    String describe();

    /** Puts the group row the conversation should have (a new one, or over a stale one at the same key). */
    record PutGroupRow(String groupUuid, Map<String, Object> item, String reason) implements RepairAction {
        public PutGroupRow {
            item = Map.copyOf(item);
        }

        public String describe() {
            return "put    " + item.get("pk") + " / " + item.get("sk") + " naming " + item.get("user_handle")
                    + " (" + item.get("user_uuid") + "): " + reason;
        }
    }

    /** Deletes a row by key. */
    record DeleteRow(String groupUuid, String pk, String sk, String reason) implements RepairAction {
        public Map<String, Object> key() {
            return Map.of("pk", pk, "sk", sk);
        }

        public String describe() {
            return "delete " + pk + " / " + sk + ": " + reason;
        }
    }
}
