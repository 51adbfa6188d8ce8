package dev.cruddur.admin.app.consistency;

import static dev.cruddur.admin.domain.TableKeys.*;

import dev.cruddur.admin.domain.SortKeyTime;
import dev.cruddur.admin.domain.User;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The consistency rules of data-model.md, as pure logic: items go in one at a time (in any
 * order, from a scan), findings and a repair plan come out. No I/O here, so it is tested on lists
 * of items; {@link TableConsistency} feeds it from a table.
 *
 * <p>Memory: every group row is kept (two per conversation), but of the messages only the newest,
 * the count and each sender's newest identity, so a table of millions of messages checks in
 * memory proportional to its conversations.
 *
 * <p>Who the two participants are: the message senders when exactly two wrote; else the owners of
 * the group rows when there are exactly two and every sender is one of them; else everyone the
 * rows and messages name, when that is exactly two. When there are no group rows and only one
 * person ever wrote, the other cannot be known: the conversation is reported and left alone.
 */
public final class ConsistencyCheck {
    private static final Comparator<String> BY_TIME = (a, b) -> SortKeyTime.BY_INSTANT.compare(SortKeyTime.parse(a), SortKeyTime.parse(b));

    /** What is known of one conversation. */
    private static final class Conversation {
        final List<Map<String, Object>> groupRows = new ArrayList<>();
        Map<String, Object> newestMessage;
        long messages;
        /** sender uuid → the sender as their newest message names them, with that message's sk */
        final Map<String, User> senders = new LinkedHashMap<>();
        final Map<String, String> senderSk = new LinkedHashMap<>();
    }

    private final Map<String, Conversation> conversations = new LinkedHashMap<>();
    private final List<Finding> unreadable = new ArrayList<>();
    private long itemsRead;

    /** Checks a whole list of items at once. */
    public static ConsistencyCheck of(Iterable<Map<String, Object>> items) {
        ConsistencyCheck check = new ConsistencyCheck();
        for (Map<String, Object> item : items) check.accept(item);
        return check;
    }

    /** Takes one item of the table (plain values, as {@code PlainValues} gives them). */
    public void accept(Map<String, Object> item) {
        itemsRead++;
        String pk = text(item, PK);
        String sk = text(item, SK);
        if (pk == null || sk == null) {
            unreadable.add(new Finding(FindingKind.UNREADABLE_ROW, "", "an item whose pk or sk is not a string", List.of(item)));
            return;
        }
        var owner = ownerOf(pk);
        if (owner.isPresent()) {
            String group = text(item, GROUP_UUID);
            if (group == null || group.isBlank()) {
                unreadable.add(new Finding(FindingKind.UNREADABLE_ROW, "", "group row " + pk + " / " + sk + " has no "
                        + GROUP_UUID + ", so its conversation is unknown", List.of(item)));
                return;
            }
            conversations.computeIfAbsent(group, g -> new Conversation()).groupRows.add(item);
            return;
        }
        var group = groupOf(pk);
        if (group.isEmpty()) return; // not one of Cruddur's rows: not ours to judge
        Conversation c = conversations.computeIfAbsent(group.get(), g -> new Conversation());
        c.messages++;
        if (c.newestMessage == null || BY_TIME.compare(sk, text(c.newestMessage, SK)) > 0) c.newestMessage = item;
        String sender = text(item, USER_UUID);
        if (sender != null && !sender.isBlank()) {
            String seen = c.senderSk.get(sender);
            if (seen == null || BY_TIME.compare(sk, seen) > 0) {
                c.senders.put(sender, new User(sender, text(item, USER_HANDLE), text(item, USER_DISPLAY_NAME)));
                c.senderSk.put(sender, sk);
            }
        }
    }

    public long itemsRead() {
        return itemsRead;
    }

    /** The findings so far (call after the last item). */
    public CheckReport report() {
        return report(false);
    }

    public CheckReport report(boolean cancelled) {
        List<Finding> findings = new ArrayList<>(unreadable);
        conversations.forEach((group, c) -> {
            Judgement j = judge(group, c);
            for (Finding f : j.findings) findings.add(f.withHandles(j.handles));
        });
        return new CheckReport(findings, itemsRead, conversations.size(), cancelled);
    }

    /** The writes that make every repairable conversation right. */
    public RepairPlan plan() {
        List<RepairAction> actions = new ArrayList<>();
        List<Finding> leftAlone = new ArrayList<>(unreadable);
        Map<String, String> basis = new LinkedHashMap<>();
        conversations.forEach((group, c) -> {
            Judgement j = judge(group, c);
            actions.addAll(j.actions);
            if (!j.actions.isEmpty()) basis.put(group, c.newestMessage == null ? "" : text(c.newestMessage, SK));
            j.findings.stream().filter(f -> !f.kind().repairable()).forEach(leftAlone::add);
        });
        return new RepairPlan(actions, leftAlone, basis);
    }

    /** A conversation's findings and repairs, and the handles of the users it names (one map for all its findings). */
    private record Judgement(List<Finding> findings, List<RepairAction> actions, Map<String, String> handles) {}

    private Judgement judge(String group, Conversation c) {
        List<Finding> findings = new ArrayList<>();
        List<RepairAction> actions = new ArrayList<>();
        Map<String, User> known = knownUsers(c);
        Map<String, String> handles = handles(known);
        if (c.newestMessage == null) {
            findings.add(new Finding(FindingKind.GROUP_ROWS_WITHOUT_MESSAGES, group,
                    c.groupRows.size() + " group row(s) but no message", c.groupRows));
            for (Map<String, Object> row : c.groupRows) {
                actions.add(new RepairAction.DeleteRow(group, text(row, PK), text(row, SK), "the conversation has no message"));
            }
            return new Judgement(findings, actions, handles);
        }
        List<String> participants = participants(c);
        if (participants == null) {
            String why = c.groupRows.isEmpty() && c.senders.size() <= 1
                    ? c.messages + " message(s) and no group row; only " + (c.senders.isEmpty() ? "no one" : "@"
                    + c.senders.values().iterator().next().handle()) + " ever wrote, so the other participant cannot be known"
                    : "the rows and messages name " + known.keySet() + ", not exactly two participants";
            List<Map<String, Object>> items = new ArrayList<>(c.groupRows);
            items.add(c.newestMessage);
            findings.add(new Finding(FindingKind.CANNOT_REPAIR, group, why, items));
            return new Judgement(findings, actions, handles);
        }
        if (c.groupRows.isEmpty()) {
            findings.add(new Finding(FindingKind.MESSAGES_WITHOUT_GROUP_ROWS, group,
                    c.messages + " message(s), no group row", List.of(c.newestMessage)));
        }
        String newestSk = text(c.newestMessage, SK);
        String newestText = Objects.toString(text(c.newestMessage, MESSAGE), "");
        Map<String, List<Map<String, Object>>> byOwner = new LinkedHashMap<>();
        for (Map<String, Object> row : c.groupRows) {
            byOwner.computeIfAbsent(ownerOf(text(row, PK)).orElse(""), k -> new ArrayList<>()).add(row);
        }
        for (Map.Entry<String, List<Map<String, Object>>> e : byOwner.entrySet()) {
            if (!participants.contains(e.getKey())) {
                findings.add(new Finding(FindingKind.NOT_A_PARTICIPANT, group, "group row(s) of " + e.getKey()
                        + ", who is not one of " + participants, e.getValue()));
                for (Map<String, Object> row : e.getValue()) {
                    actions.add(new RepairAction.DeleteRow(group, text(row, PK), text(row, SK), "not a participant's row"));
                }
            }
        }
        for (String owner : participants) {
            String other = participants.get(0).equals(owner) ? participants.get(1) : participants.get(0);
            User named = known.getOrDefault(other, new User(other, "", ""));
            Map<String, Object> expected = groupRow(owner, group, named, newestText, newestSk);
            List<Map<String, Object>> rows = new ArrayList<>(byOwner.getOrDefault(owner, List.of()));
            rows.sort((a, b) -> BY_TIME.compare(text(b, SK), text(a, SK))); // newest first
            if (rows.isEmpty()) {
                if (!c.groupRows.isEmpty()) {
                    findings.add(new Finding(FindingKind.MISSING_GROUP_ROW, group, "no group row for " + owner, c.groupRows));
                }
                actions.add(new RepairAction.PutGroupRow(group, expected, "the row was missing"));
                continue;
            }
            Map<String, Object> primary = rows.get(0);
            if (rows.size() > 1) {
                findings.add(new Finding(FindingKind.DUPLICATE_GROUP_ROW, group,
                        rows.size() + " group rows for " + owner, rows));
            }
            List<String> wrong = new ArrayList<>();
            if (!newestSk.equals(text(primary, SK)) || !newestText.equals(text(primary, MESSAGE))) {
                findings.add(new Finding(FindingKind.STALE_GROUP_ROW, group, "row of " + owner + " is at " + text(primary, SK)
                        + ", the newest message at " + newestSk, List.of(primary)));
                wrong.add("stale");
            }
            if (!other.equals(text(primary, USER_UUID))) {
                findings.add(new Finding(FindingKind.WRONG_OTHER_USER, group, "row of " + owner + " names "
                        + text(primary, USER_UUID) + " instead of " + other, List.of(primary)));
                wrong.add("wrong user named");
            }
            boolean exact = wrong.isEmpty() && expected.entrySet().stream()
                    .allMatch(x -> Objects.equals(x.getValue(), text(primary, x.getKey())) || isBlankHandleOf(x, primary));
            if (!exact) {
                actions.add(new RepairAction.PutGroupRow(group, expected,
                        wrong.isEmpty() ? "the row's fields differ" : String.join(", ", wrong)));
            }
            for (Map<String, Object> row : rows) {
                if (!newestSk.equals(text(row, SK))) {
                    actions.add(new RepairAction.DeleteRow(group, text(row, PK), text(row, SK),
                            row == primary ? "replaced at the newest message's sk" : "duplicate row"));
                }
            }
        }
        return new Judgement(findings, actions, handles);
    }

    /** A participant known by uuid only has no handle to compare: that is not a difference worth a write. */
    private static boolean isBlankHandleOf(Map.Entry<String, Object> expected, Map<String, Object> row) {
        return (expected.getKey().equals(USER_HANDLE) || expected.getKey().equals(USER_DISPLAY_NAME))
                && "".equals(expected.getValue());
    }

    private static List<String> participants(Conversation c) {
        Set<String> senders = c.senders.keySet();
        if (senders.size() == 2) return List.copyOf(senders);
        Set<String> owners = new LinkedHashSet<>();
        for (Map<String, Object> row : c.groupRows) ownerOf(text(row, PK)).ifPresent(owners::add);
        if (owners.size() == 2 && owners.containsAll(senders)) return List.copyOf(owners);
        if (c.groupRows.isEmpty()) return null;
        Set<String> all = new LinkedHashSet<>(senders);
        all.addAll(owners);
        for (Map<String, Object> row : c.groupRows) {
            String named = text(row, USER_UUID);
            if (named != null && !named.isBlank()) all.add(named);
        }
        return all.size() == 2 ? List.copyOf(all) : null;
    }

    /** Everyone the conversation names, with the best identity known: as a sender, else as named by a row. */
    private static Map<String, User> knownUsers(Conversation c) {
        Map<String, User> out = new LinkedHashMap<>();
        for (Map<String, Object> row : c.groupRows) {
            String uuid = text(row, USER_UUID);
            if (uuid != null && !uuid.isBlank()) out.putIfAbsent(uuid, new User(uuid, text(row, USER_HANDLE), text(row, USER_DISPLAY_NAME)));
        }
        out.putAll(c.senders);
        for (Map<String, Object> row : c.groupRows) ownerOf(text(row, PK)).ifPresent(o -> out.putIfAbsent(o, new User(o, "", "")));
        return out;
    }

    /** uuid → handle of the known users that have a handle, for a person to read "@handle" where a finding says a uuid. */
    private static Map<String, String> handles(Map<String, User> known) {
        Map<String, String> out = new LinkedHashMap<>();
        known.forEach((uuid, u) -> {
            if (u.handle() != null && !u.handle().isBlank()) out.put(uuid, u.handle());
        });
        return Map.copyOf(out);
    }

    /** The group row Cruddur writes (Items.groupRow), as plain values. */
    static Map<String, Object> groupRow(String owner, String group, User other, String text, String sk) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put(PK, groupPk(owner));
        item.put(SK, sk);
        item.put(GROUP_UUID, group);
        item.put(MESSAGE, text);
        item.put(USER_UUID, other.uuid());
        item.put(USER_HANDLE, other.handle());
        item.put(USER_DISPLAY_NAME, other.displayName());
        return item;
    }

    private static String text(Map<String, Object> item, String name) {
        Object v = item.get(name);
        return v instanceof String s ? s : v instanceof Number n ? n.toString() : null;
    }
}
