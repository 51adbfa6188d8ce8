package dev.cruddur.admin.app.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pure rules, on lists of items: no table involved. */
class ConsistencyCheckTest {
    private static final String G = "g-1";

    private static Map<String, Object> message(String sk, String sender, String text) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pk", "MSG#" + G);
        m.put("sk", sk);
        m.put("message_uuid", "m-" + sk);
        m.put("message", text);
        m.put("user_uuid", sender);
        m.put("user_handle", sender + "-handle");
        m.put("user_display_name", sender.toUpperCase());
        return m;
    }

    private static Map<String, Object> row(String owner, String sk, String other, String text) {
        return new LinkedHashMap<>(ConsistencyCheck.groupRow(owner, G, new dev.cruddur.admin.domain.User(other, other + "-handle",
                other.toUpperCase()), text, sk));
    }

    @Test
    void aHealthyConversationHasNoFindingsAndNoPlan() {
        List<Map<String, Object>> items = List.of(message("2026-01-01T00:00:00.000000+00:00", "a", "hi"),
                message("2026-01-02T00:00:00.000000+00:00", "b", "yo"),
                row("a", "2026-01-02T00:00:00.000000+00:00", "b", "yo"), row("b", "2026-01-02T00:00:00.000000+00:00", "a", "yo"));
        ConsistencyCheck check = ConsistencyCheck.of(items);
        assertThat(check.report().clean()).isTrue();
        assertThat(check.plan().empty()).isTrue();
    }

    @Test
    void theNewestMessageIsFoundByTimeNotByStringOrder() {
        // a naive sk written by Cruddur's seed script sorts after "+00:00" forms of the same day, yet is older
        List<Map<String, Object>> items = new ArrayList<>(List.of(message("2026-01-02T00:00:00.000000", "a", "older"),
                message("2026-01-02T05:00:00.000000+05:30", "b", "newest? no: 23:30 the day before"),
                message("2026-01-02T00:00:01.000000+00:00", "b", "newest")));
        items.add(row("a", "2026-01-02T00:00:01.000000+00:00", "b", "newest"));
        items.add(row("b", "2026-01-02T00:00:01.000000+00:00", "a", "newest"));
        assertThat(ConsistencyCheck.of(items).report().clean()).isTrue();
    }

    @Test
    void participantsComeFromTheRowsWhenOnlyOneSenderWrote() {
        List<Map<String, Object>> items = List.of(message("2026-01-01T00:00:00.000000+00:00", "a", "hello?"),
                row("a", "2026-01-01T00:00:00.000000+00:00", "b", "hello?"));
        ConsistencyCheck check = ConsistencyCheck.of(items);
        assertThat(check.report().countsByKind()).containsExactly(Map.entry(FindingKind.MISSING_GROUP_ROW, 1));
        RepairAction.PutGroupRow put = (RepairAction.PutGroupRow) check.plan().actions().get(0);
        assertThat(put.item()).containsEntry("pk", "GRP#b").containsEntry("user_uuid", "a").containsEntry("user_handle", "a-handle");
    }

    @Test
    void aRowNamingItsOwnerIsRewrittenAtTheSameKeySoNothingIsDeleted() {
        String sk = "2026-01-01T00:00:00.000000+00:00";
        List<Map<String, Object>> items = List.of(message(sk, "a", "x"), message("2025-12-31T00:00:00.000000+00:00", "b", "w"),
                row("a", sk, "a", "x"), row("b", sk, "a", "x"));
        RepairPlan plan = ConsistencyCheck.of(items).plan();
        assertThat(plan.puts()).isOne();
        assertThat(plan.deletes()).isZero();
        assertThat(plan.describe()).anySatisfy(l -> assertThat(l).contains("put    GRP#a / " + sk + " naming b-handle"));
    }

    @Test
    void threeSendersCannotBeRepaired() {
        List<Map<String, Object>> items = List.of(message("2026-01-01T00:00:00.000000+00:00", "a", "1"),
                message("2026-01-02T00:00:00.000000+00:00", "b", "2"), message("2026-01-03T00:00:00.000000+00:00", "c", "3"),
                row("a", "2026-01-03T00:00:00.000000+00:00", "b", "3"));
        ConsistencyCheck check = ConsistencyCheck.of(items);
        assertThat(check.report().countsByKind()).containsOnlyKeys(FindingKind.CANNOT_REPAIR);
        assertThat(check.plan().empty()).isTrue();
        assertThat(check.plan().leftAlone()).hasSize(1);
    }

    @Test
    void itemsThatAreNotCruddursAreIgnoredAndRowsWithoutAGroupReported() {
        Map<String, Object> orphan = row("a", "2026-01-01T00:00:00.000000+00:00", "b", "x");
        orphan.remove("message_group_uuid");
        ConsistencyCheck check = ConsistencyCheck.of(List.of(Map.of("pk", "OTHER#1", "sk", "x"), orphan,
                Map.of("pk", new java.math.BigDecimal(1), "sk", "x")));
        assertThat(check.report().countsByKind()).containsExactly(Map.entry(FindingKind.UNREADABLE_ROW, 1));
        assertThat(check.report().itemsRead()).isEqualTo(3);
    }
    @Test
    void theFindingsOfOneConversationShareOneMapOfHandlesBuiltOnce() {
        String older = "2026-01-01T00:00:00.000000+00:00", newest = "2026-01-02T00:00:00.000000+00:00";
        // a's two rows (one stale, so a duplicate too) and no row for b: three findings of one conversation
        List<Map<String, Object>> items = List.of(message(older, "a", "hi"), message(newest, "b", "yo"),
                row("a", older, "b", "hi"), row("a", "2025-12-31T00:00:00.000000+00:00", "b", "x"));
        List<Finding> findings = ConsistencyCheck.of(items).report().findings();
        assertThat(findings).extracting(Finding::kind)
                .contains(FindingKind.DUPLICATE_GROUP_ROW, FindingKind.STALE_GROUP_ROW, FindingKind.MISSING_GROUP_ROW);
        Map<String, String> handles = findings.get(0).handles();
        assertThat(handles).containsExactlyInAnyOrderEntriesOf(Map.of("a", "a-handle", "b", "b-handle"));
        // the same map, not an equal copy per finding: the conversation's users were looked up once
        assertThat(findings).allSatisfy(f -> assertThat(f.handles()).isSameAs(handles));
    }
}
