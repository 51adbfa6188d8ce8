package dev.cruddur.admin.app.lint;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a lint of the table found.
 *
 * @param complete           false when the scan was stopped: every figure is then about part of the table
 * @param items              items read
 * @param counts             items per class, every class present (zero included), in the enum's order
 * @param countsByRowKind    the same, split into group rows, messages and other items
 * @param orderDisagreements every neighbouring pair whose string order disagrees with time order
 * @param yearPrefix         what Cruddur's year filter hides
 * @param findings           every finding, by partition and sort key
 */
public record LintReport(boolean complete, long items, Map<SortKeyClass, Long> counts,
                         Map<RowKind, Map<SortKeyClass, Long>> countsByRowKind, List<OrderDisagreement> orderDisagreements,
                         YearPrefixImpact yearPrefix, List<LintFinding> findings) {

    public LintReport {
        counts = inOrder(counts);
        Map<RowKind, Map<SortKeyClass, Long>> byKind = new EnumMap<>(RowKind.class);
        countsByRowKind.forEach((kind, perClass) -> byKind.put(kind, inOrder(perClass)));
        countsByRowKind = Collections.unmodifiableMap(byKind);
        orderDisagreements = List.copyOf(orderDisagreements);
        findings = List.copyOf(findings);
    }

    private static Map<SortKeyClass, Long> inOrder(Map<SortKeyClass, Long> counts) {
        Map<SortKeyClass, Long> all = new EnumMap<>(SortKeyClass.class);
        for (SortKeyClass c : SortKeyClass.values()) all.put(c, counts.getOrDefault(c, 0L));
        return Collections.unmodifiableMap(all);
    }

    public long count(SortKeyClass c) {
        return counts.getOrDefault(c, 0L);
    }

    public long count(RowKind kind, SortKeyClass c) {
        return countsByRowKind.getOrDefault(kind, Map.of()).getOrDefault(c, 0L);
    }

    /** Items whose sort key is not canonical (unreadable ones included). */
    public long notCanonical() {
        return items - count(SortKeyClass.CANONICAL);
    }

    public List<LintFinding> findings(LintFinding.Kind kind) {
        return findings.stream().filter(f -> f.kind() == kind).toList();
    }

    /**
     * Nothing for a migration to fix: every key canonical, every order right, every group row at
     * its newest message. (The year filter can still hide old conversations: that is Cruddur's
     * query to fix, not the data.)
     */
    public boolean keysClean() {
        return complete && findings.stream().allMatch(f -> f.kind() == LintFinding.Kind.HIDDEN_FROM_CONVERSATION_LIST
                || f.kind() == LintFinding.Kind.MESSAGES_HIDDEN_FROM_TRANSCRIPT);
    }
}
