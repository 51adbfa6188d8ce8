package dev.cruddur.admin.app.consistency;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a repair will write, conversation by conversation, shown before anything is written; and
 * the findings it leaves alone because no repair can be derived for them.
 */
public record RepairPlan(List<RepairAction> actions, List<Finding> leftAlone) {
    public RepairPlan {
        actions = List.copyOf(actions);
        leftAlone = List.copyOf(leftAlone);
    }

    public boolean empty() {
        return actions.isEmpty();
    }

    /** The actions of each conversation, in plan order: each conversation is applied as one unit. */
    public Map<String, List<RepairAction>> byConversation() {
        Map<String, List<RepairAction>> out = new LinkedHashMap<>();
        for (RepairAction a : actions) out.computeIfAbsent(a.groupUuid(), k -> new ArrayList<>()).add(a);
        return out;
    }

    public long puts() {
        return actions.stream().filter(a -> a instanceof RepairAction.PutGroupRow).count();
    }

    public long deletes() {
        return actions.stream().filter(a -> a instanceof RepairAction.DeleteRow).count();
    }

    /** The plan as lines a person reads before typing the table's name. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        byConversation().forEach((group, list) -> {
            lines.add("conversation " + group + ":");
            for (RepairAction a : list) {
                lines.add("  " + a.describe());
            }
        });
        for (Finding f : leftAlone) lines.add("left alone: " + f.groupUuid() + ": " + f.detail());
        return lines;
    }
}
