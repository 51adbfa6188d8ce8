package dev.cruddur.admin.app.consistency;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The findings of one check, with what was read to reach them. */
public record CheckReport(List<Finding> findings, long itemsRead, int conversations, boolean cancelled) {
    public CheckReport {
        findings = List.copyOf(findings);
    }

    public boolean clean() {
        return findings.isEmpty() && !cancelled;
    }

    /** Finding counts by kind, in the kind's order, kinds without findings left out. */
    public Map<FindingKind, Integer> countsByKind() {
        Map<FindingKind, Integer> counts = new EnumMap<>(FindingKind.class);
        for (Finding f : findings) counts.merge(f.kind(), 1, Integer::sum);
        return counts;
    }

    public List<Finding> of(FindingKind kind) {
        return findings.stream().filter(f -> f.kind() == kind).toList();
    }
}
