package dev.cruddur.admin.app.consistency;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One thing wrong with one conversation: its kind, the conversation, what was found in words,
 * and the stored items involved (plain values, as the browser shows them). {@code handles} maps
 * the user uuids the conversation's rows name to their handles, so a person reads "@bayko" where
 * the detail says a uuid (the uuid stays one hover away, in {@link #uuids()}).
 */
public record Finding(FindingKind kind, String groupUuid, String detail, List<Map<String, Object>> items,
        Map<String, String> handles) {
    public Finding {
        items = List.copyOf(items);
        handles = Map.copyOf(handles);
    }

    public Finding(FindingKind kind, String groupUuid, String detail, List<Map<String, Object>> items) {
        this(kind, groupUuid, detail, items, Map.of());
    }

    /**
     * The same finding, its users' handles known: uuid → a handle that is not blank. The check builds that map once
     * per conversation and every finding of the conversation shares it.
     */
    public Finding withHandles(Map<String, String> handles) {
        return new Finding(kind, groupUuid, detail, items, handles);
    }

    /** The detail with each user uuid it names replaced by @handle (a uuid without a known handle stays). */
    public String readableDetail() {
        String out = detail;
        for (Map.Entry<String, String> e : handles.entrySet()) out = out.replace(e.getKey(), "@" + e.getValue());
        return out;
    }

    /** "conversation of @a and @b" where the handles are known, else the conversation's uuid. */
    public String conversation() {
        if (groupUuid.isEmpty()) return "no conversation";
        if (handles.isEmpty()) return "conversation " + groupUuid;
        return "conversation of " + handles.values().stream().sorted().map(h -> "@" + h).collect(Collectors.joining(" and "));
    }

    /** The uuids behind the handles and the conversation, one a line (the hover text). */
    public String uuids() {
        StringBuilder out = new StringBuilder(groupUuid.isEmpty() ? "" : "conversation " + groupUuid);
        handles.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .forEach(e -> out.append(out.isEmpty() ? "" : "\n").append('@').append(e.getValue()).append(" = ").append(e.getKey()));
        return out.toString();
    }
}
