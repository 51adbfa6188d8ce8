package dev.cruddur.admin.app.lint;

import dev.cruddur.admin.domain.SortKeyTime;
import dev.cruddur.admin.domain.TableKeys;
import dev.cruddur.admin.store.ScannedItem;
import dev.cruddur.admin.store.SortKeyMove;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Classifies every sort key of the messages table and plans its migration to the canonical form.
 * It is fed items one by one (from a scan, or by hand in a test) and touches no endpoint; what it
 * keeps per item is the key, its reading, and the whole item only where a move may need it.
 */
public final class SortKeyLinter {
    /** Moves per step: 25 puts and 25 deletes stay within a 100-action transaction with room to spare. */
    static final int STEP_MOVES = 25;

    /**
     * DynamoDB orders string keys by their UTF-8 bytes, which is code point order; Java's
     * {@code compareTo} orders UTF-16 units, which differs above U+FFFF.
     */
    public static final Comparator<String> DYNAMODB_STRING_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) return Integer.compare(ca, cb);
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    private record Row(String pk, String sk, SortKeyTime time, SortKeyClass cls, RowKind kind, String groupUuid,
                       ScannedItem item, String digest) {
        Optional<Instant> micros() {
            return time.instant().map(i -> i.truncatedTo(ChronoUnit.MICROS));
        }
    }

    private record Newest(Instant instant, String sk, String text) {}

    private final int year;
    private final String yearPrefix;
    private final boolean planning;
    private final Map<String, List<Row>> partitions = new HashMap<>();
    private final Map<String, Newest> newestMessage = new HashMap<>();
    private long items;

    /** @param currentYear the year (UTC) Cruddur's {@code begins_with(sk, year)} filter uses today */
    public SortKeyLinter(int currentYear) {
        this(currentYear, true);
    }

    private SortKeyLinter(int currentYear, boolean planning) {
        this.year = currentYear;
        this.yearPrefix = Integer.toString(currentYear);
        this.planning = planning;
    }

    /** A linter that keeps no items and digests no content: it reports, and cannot {@link #plan}. */
    public static SortKeyLinter forReportOnly(int currentYear) {
        return new SortKeyLinter(currentYear, false);
    }

    public void accept(ScannedItem item) {
        items++;
        String pk = item.pk();
        String sk = item.sk();
        SortKeyTime time = SortKeyTime.parse(sk);
        SortKeyClass cls = SortKeyClass.of(time);
        RowKind kind = RowKind.of(pk);
        String group = switch (kind) {
            case MESSAGE -> TableKeys.groupOf(pk).orElse(null);
            case GROUP_ROW -> item.attribute(TableKeys.GROUP_UUID);
            case OTHER -> null;
        };
        boolean mayMove = planning && (cls != SortKeyClass.CANONICAL || kind == RowKind.GROUP_ROW);
        Row row = new Row(pk, sk, time, cls, kind, group, mayMove ? item : null,
                planning && cls == SortKeyClass.CANONICAL ? item.contentDigest() : null);
        partitions.computeIfAbsent(pk, k -> new ArrayList<>()).add(row);
        if (kind == RowKind.MESSAGE && group != null && time.readable()) {
            Instant at = row.micros().orElseThrow();
            Newest known = newestMessage.get(group);
            if (known == null || at.isAfter(known.instant())
                    || (at.equals(known.instant()) && DYNAMODB_STRING_ORDER.compare(sk, known.sk()) > 0)) {
                String text = item.attribute(TableKeys.MESSAGE);
                newestMessage.put(group, new Newest(at, sk, text));
            }
        }
    }

    public long items() {
        return items;
    }

    // --- the report --------------------------------------------------------------------------------

    /** @param complete whether every item of the table was fed in */
    public LintReport report(boolean complete) {
        Map<RowKind, Map<SortKeyClass, Long>> byKind = new EnumMap<>(RowKind.class);
        Map<SortKeyClass, Long> counts = new EnumMap<>(SortKeyClass.class);
        List<LintFinding> findings = new ArrayList<>();
        List<OrderDisagreement> disagreements = new ArrayList<>();
        long groupRowsHidden = 0;
        long messagesHidden = 0;
        Set<String> conversationsHidden = new HashSet<>();
        Set<String> conversationsMissingMessages = new HashSet<>();

        for (Map.Entry<String, List<Row>> partition : sortedPartitions().entrySet()) {
            String pk = partition.getKey();
            List<Row> rows = partition.getValue();
            Row previousReadable = null;
            long hiddenHere = 0;
            Row newestHidden = null;
            for (Row row : rows) {
                counts.merge(row.cls(), 1L, Long::sum);
                byKind.computeIfAbsent(row.kind(), k -> new EnumMap<>(SortKeyClass.class)).merge(row.cls(), 1L, Long::sum);
                if (row.cls() != SortKeyClass.CANONICAL) {
                    findings.add(new LintFinding(LintFinding.Kind.NOT_CANONICAL, pk, row.sk(), row.cls(), notCanonical(row)));
                }
                if (row.time().readable()) {
                    if (previousReadable != null
                            && previousReadable.time().instant().orElseThrow().isAfter(row.time().instant().orElseThrow())) {
                        OrderDisagreement d = new OrderDisagreement(pk, previousReadable.sk(),
                                previousReadable.time().instant().orElseThrow(), row.sk(), row.time().instant().orElseThrow());
                        disagreements.add(d);
                        findings.add(new LintFinding(LintFinding.Kind.ORDER_DISAGREEMENT, pk, previousReadable.sk(),
                                previousReadable.cls(), "sorts before " + row.sk() + " but is later (" + d.firstInstant()
                                + " after " + d.secondInstant() + ")"));
                    }
                    previousReadable = row;
                }
                boolean hidden = !row.sk().startsWith(yearPrefix);
                if (row.kind() == RowKind.GROUP_ROW) {
                    if (hidden) {
                        groupRowsHidden++;
                        if (row.groupUuid() != null) conversationsHidden.add(row.groupUuid());
                        findings.add(new LintFinding(LintFinding.Kind.HIDDEN_FROM_CONVERSATION_LIST, pk, row.sk(), row.cls(),
                                "Cruddur's begins_with(sk, '" + yearPrefix + "') hides conversation " + row.groupUuid()
                                        + " from this user's list"));
                    }
                    groupRowMismatch(row).ifPresent(detail -> findings.add(new LintFinding(
                            LintFinding.Kind.GROUP_ROW_NOT_AT_NEWEST_MESSAGE, pk, row.sk(), row.cls(), detail)));
                } else if (row.kind() == RowKind.MESSAGE && hidden) {
                    hiddenHere++;
                    messagesHidden++;
                    newestHidden = row;
                }
            }
            if (hiddenHere > 0) {
                conversationsMissingMessages.add(pk);
                findings.add(new LintFinding(LintFinding.Kind.MESSAGES_HIDDEN_FROM_TRANSCRIPT, pk, newestHidden.sk(),
                        newestHidden.cls(), hiddenHere + " of " + rows.size() + " messages do not start with '" + yearPrefix
                        + "': Cruddur's begins_with(sk, '" + yearPrefix + "') hides them from the conversation"));
            }
        }
        YearPrefixImpact impact = new YearPrefixImpact(year, groupRowsHidden, conversationsHidden.size(), messagesHidden,
                conversationsMissingMessages.size());
        return new LintReport(complete, items, counts, byKind, disagreements, impact, findings);
    }

    private static String notCanonical(Row row) {
        if (!row.time().readable()) return "not a timestamp: cannot be ordered or migrated";
        String canonical = row.time().canonicalForm().orElseThrow();
        String lost = row.time().instant().orElseThrow().getNano() % 1000 != 0 ? " (drops the digits below the microsecond)" : "";
        return row.time().form().label() + ", " + row.time().fractionDigits() + " fraction digits; canonical: " + canonical + lost;
    }

    private Optional<String> groupRowMismatch(Row row) {
        if (row.groupUuid() == null) return Optional.of("group row without " + TableKeys.GROUP_UUID);
        Newest newest = newestMessage.get(row.groupUuid());
        if (newest == null) return Optional.of("conversation " + row.groupUuid() + " has no readable message");
        Optional<Instant> at = row.micros();
        if (at.isEmpty()) return Optional.of("not a timestamp; the newest message is at " + newest.sk());
        if (!at.get().equals(newest.instant())) {
            return Optional.of((at.get().isBefore(newest.instant()) ? "behind" : "ahead of") + " the newest message at " + newest.sk());
        }
        return Optional.empty();
    }

    private TreeMap<String, List<Row>> sortedPartitions() {
        TreeMap<String, List<Row>> sorted = new TreeMap<>(DYNAMODB_STRING_ORDER);
        partitions.forEach((pk, rows) -> {
            List<Row> copy = new ArrayList<>(rows);
            copy.sort(Comparator.comparing(Row::sk, DYNAMODB_STRING_ORDER));
            sorted.put(pk, copy);
        });
        return sorted;
    }

    // --- the plan ----------------------------------------------------------------------------------

    private record Candidate(Row row, String newSk, Map<String, String> replaced, boolean precisionLost, String note) {}

    /**
     * The migration: every readable key that is not canonical moves to the canonical form of its
     * instant, and every group row to its conversation's newest message (so the two stay equal
     * strings). Keys several items would share are collisions: none of those items moves.
     */
    public MigrationPlan plan(boolean complete) {
        if (!planning) throw new IllegalStateException("this linter was made for a report only");
        TreeMap<String, List<Row>> sorted = sortedPartitions();
        Map<String, Map<String, Row>> canonicalRows = new HashMap<>();
        Map<String, Map<String, List<Candidate>>> byTarget = new TreeMap<>(DYNAMODB_STRING_ORDER);
        List<MigrationPlan.Unmovable> unmovable = new ArrayList<>();
        for (Map.Entry<String, List<Row>> partition : sorted.entrySet()) {
            for (Row row : partition.getValue()) {
                if (row.cls() == SortKeyClass.CANONICAL) {
                    canonicalRows.computeIfAbsent(row.pk(), k -> new HashMap<>()).put(row.sk(), row);
                }
                if (!row.time().readable()) {
                    unmovable.add(new MigrationPlan.Unmovable(row.pk(), row.sk(), "not a timestamp: no instant to move it to"));
                    continue;
                }
                candidate(row).ifPresent(c -> byTarget.computeIfAbsent(row.pk(), k -> new TreeMap<>(DYNAMODB_STRING_ORDER))
                        .computeIfAbsent(c.newSk(), k -> new ArrayList<>()).add(c));
            }
        }
        List<MigrationPlan.Collision> collisions = new ArrayList<>();
        List<Decided> decided = new ArrayList<>();
        byTarget.forEach((pk, targets) -> targets.forEach((newSk, candidates) -> {
            Row existing = canonicalRows.getOrDefault(pk, Map.of()).get(newSk);
            List<String> clashing = new ArrayList<>();
            for (Candidate c : candidates) {
                if (existing != null) {
                    if (existing.digest().equals(c.row().item().contentDigest(c.replaced()))) {
                        decided.add(new Decided(c, true));
                    } else {
                        clashing.add(c.row().sk());
                    }
                } else if (candidates.size() > 1) {
                    clashing.add(c.row().sk());
                } else {
                    decided.add(new Decided(c, false));
                }
            }
            if (!clashing.isEmpty()) {
                collisions.add(new MigrationPlan.Collision(pk, newSk, clashing, existing != null, existing != null
                        ? "another item already has this key; nothing is overwritten"
                        : clashing.size() + " items would share this key; none is moved"));
            }
        }));
        return steps(complete, decided, collisions, unmovable);
    }

    private record Decided(Candidate candidate, boolean copyWritten) {
        MigrationPlan.Change change() {
            Row row = candidate.row();
            return new MigrationPlan.Change(row.kind(), row.pk(), row.sk(), candidate.newSk(), row.cls(),
                    candidate.precisionLost(), Optional.ofNullable(candidate.replaced().get(TableKeys.MESSAGE)),
                    copyWritten, copyWritten ? candidate.note() + (candidate.note().isEmpty() ? "" : "; ")
                    + "the new item is already there (an interrupted run): only the old one is deleted" : candidate.note());
        }

        SortKeyMove move() {
            return new SortKeyMove(candidate.row().item(), candidate.newSk(), candidate.replaced(), copyWritten);
        }
    }

    private Optional<Candidate> candidate(Row row) {
        Instant target = row.time().instant().orElseThrow();
        Map<String, String> replaced = Map.of();
        String note = "";
        if (row.kind() == RowKind.GROUP_ROW && row.groupUuid() != null) {
            Newest newest = newestMessage.get(row.groupUuid());
            if (newest != null && row.micros().orElseThrow().isBefore(newest.instant())) {
                target = newest.instant();
                replaced = newest.text() == null ? Map.of() : Map.of(TableKeys.MESSAGE, newest.text());
                note = "behind its conversation's newest message: moved to it, with its text";
            }
        }
        Optional<String> canonical = SortKeyTime.canonicalIfAny(target);
        if (canonical.isEmpty()) return Optional.empty(); // year 0: no key sorts it right; left for a person to judge
        String newSk = canonical.get();
        if (newSk.equals(row.sk())) return Optional.empty();
        boolean lost = target.getNano() % 1000 != 0;
        if (lost) note = (note.isEmpty() ? "" : note + "; ") + "digits below the microsecond are dropped";
        return Optional.of(new Candidate(row, newSk, replaced, lost, note));
    }

    /**
     * Orders the moves conversation by conversation: older messages in steps of {@value #STEP_MOVES},
     * then one step with the newest message and the group rows, so where the endpoint has
     * transactions a group row and its message change together.
     */
    private MigrationPlan steps(boolean complete, List<Decided> decided, List<MigrationPlan.Collision> collisions,
                                List<MigrationPlan.Unmovable> unmovable) {
        Map<String, List<Decided>> messages = new TreeMap<>();
        Map<String, List<Decided>> groupRows = new TreeMap<>();
        List<Decided> others = new ArrayList<>();
        for (Decided d : decided) {
            Row row = d.candidate().row();
            if (row.kind() == RowKind.MESSAGE && row.groupUuid() != null) {
                messages.computeIfAbsent(row.groupUuid(), k -> new ArrayList<>()).add(d);
            } else if (row.kind() == RowKind.GROUP_ROW && row.groupUuid() != null) {
                groupRows.computeIfAbsent(row.groupUuid(), k -> new ArrayList<>()).add(d);
            } else {
                others.add(d);
            }
        }
        Set<String> conversations = new java.util.TreeSet<>(messages.keySet());
        conversations.addAll(groupRows.keySet());
        List<List<Decided>> steps = new ArrayList<>();
        for (String group : conversations) {
            List<Decided> own = new ArrayList<>(messages.getOrDefault(group, List.of()));
            own.sort(Comparator.comparing((Decided d) -> d.candidate().row().time().instant().orElseThrow())
                    .thenComparing(d -> d.candidate().row().sk(), DYNAMODB_STRING_ORDER));
            Newest newest = newestMessage.get(group);
            Decided newestMove = null;
            if (newest != null) {
                for (Decided d : own) if (d.candidate().row().sk().equals(newest.sk())) newestMove = d;
                if (newestMove != null) own.remove(newestMove);
            }
            chunk(own, steps);
            List<Decided> last = new ArrayList<>();
            if (newestMove != null) last.add(newestMove);
            last.addAll(groupRows.getOrDefault(group, List.of()));
            if (!last.isEmpty()) steps.add(last);
        }
        chunk(others, steps);
        List<List<MigrationPlan.Change>> changes = new ArrayList<>();
        List<List<SortKeyMove>> moves = new ArrayList<>();
        for (List<Decided> step : steps) {
            changes.add(step.stream().map(Decided::change).toList());
            moves.add(step.stream().map(Decided::move).toList());
        }
        return new MigrationPlan(complete, changes, moves, collisions, unmovable);
    }

    private static void chunk(List<Decided> moves, List<List<Decided>> steps) {
        for (int i = 0; i < moves.size(); i += STEP_MOVES) {
            steps.add(new ArrayList<>(moves.subList(i, Math.min(moves.size(), i + STEP_MOVES))));
        }
    }
}
