package dev.cruddur.admin.app.consistency;

import java.util.List;
import java.util.Map;

/**
 * One thing wrong with one conversation: its kind, the conversation, what was found in words,
 * and the stored items involved (plain values, as the browser shows them).
 */
public record Finding(FindingKind kind, String groupUuid, String detail, List<Map<String, Object>> items) {
    public Finding {
        items = List.copyOf(items);
    }
}
