package dev.cruddur.admin.app.lint;

import static dev.cruddur.admin.app.lint.MixedFormTable.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.domain.TableKeys;
import dev.cruddur.admin.store.ScannedItem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The linter and planner on hand-made items: no endpoint, every figure counted by hand. */
class SortKeyLinterTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "2026-11-25T08:15:00.000000+00:00    | CANONICAL",
            "2023-04-15T13:15:19.922515          | NAIVE",
            "2023-04-15 13:15:19.922515          | NAIVE",
            "2023-04-15T13:15:19                 | NAIVE",
            "2023-04-15T13:15:19.922515Z         | Z_FORM",
            "2023-04-15T13:15:19Z                | Z_FORM",
            "2023-04-15T09:15:19.922515-04:00    | OTHER_OFFSET",
            "2023-04-15T13:15:19.922515+0000     | OTHER_OFFSET",
            "2023-04-15 13:15:19.922515+00       | OTHER_OFFSET",
            "2023-04-15 13:15:19.922515+00:00    | OTHER_OFFSET",
            "'Sat, 15 Apr 2023 13:15:19 GMT'     | OTHER_OFFSET",
            "2023-04-15T13:15:19.922+00:00       | OTHER_PRECISION",
            "2023-04-15T13:15:19+00:00           | OTHER_PRECISION",
            "2023-04-15T13:15:19.922515123+00:00 | OTHER_PRECISION",
            "yesterday                           | NOT_A_TIMESTAMP",
            "2023-02-30T10:00:00.000000+00:00    | NOT_A_TIMESTAMP",
            "''                                  | NOT_A_TIMESTAMP",
    })
    void everySortKeyFormHasItsClass(String sk, SortKeyClass expected) {
        assertThat(SortKeyClass.of(sk)).isEqualTo(expected);
    }

    static SortKeyLinter linted(List<Map<String, String>> items) {
        SortKeyLinter linter = new SortKeyLinter(YEAR);
        items.forEach(i -> linter.accept(ScannedItem.ofStrings(i)));
        return linter;
    }

    @Test
    void countsEveryClassExactlyOverallAndByRowKind() {
        LintReport report = linted(MixedFormTable.items()).report(true);
        assertThat(report.items()).isEqualTo(23);
        assertThat(report.counts()).containsExactly(
                Map.entry(SortKeyClass.CANONICAL, 7L), Map.entry(SortKeyClass.NAIVE, 4L), Map.entry(SortKeyClass.Z_FORM, 5L),
                Map.entry(SortKeyClass.OTHER_OFFSET, 2L), Map.entry(SortKeyClass.OTHER_PRECISION, 4L),
                Map.entry(SortKeyClass.NOT_A_TIMESTAMP, 1L));
        assertThat(report.count(RowKind.GROUP_ROW, SortKeyClass.CANONICAL)).isEqualTo(2);
        assertThat(report.count(RowKind.GROUP_ROW, SortKeyClass.OTHER_PRECISION)).isEqualTo(2);
        assertThat(report.count(RowKind.GROUP_ROW, SortKeyClass.Z_FORM)).isEqualTo(1);
        assertThat(report.count(RowKind.GROUP_ROW, SortKeyClass.NAIVE)).isEqualTo(1);
        assertThat(report.count(RowKind.MESSAGE, SortKeyClass.CANONICAL)).isEqualTo(5);
        assertThat(report.notCanonical()).isEqualTo(16);
        assertThat(report.findings(LintFinding.Kind.NOT_CANONICAL)).hasSize(16);
        assertThat(report.keysClean()).isFalse();
    }

    @Test
    void listsExactlyTheNeighbouringPairsWhoseStringOrderDisagreesWithTime() {
        LintReport report = linted(MixedFormTable.items()).report(true);
        assertThat(report.orderDisagreements()).extracting(OrderDisagreement::pk, OrderDisagreement::firstSk, OrderDisagreement::secondSk)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(TableKeys.messagePk(G1), "2025-12-31T20:00:00.250000-05:00", "2025-12-31T23:59:58.000000+00:00"),
                        org.assertj.core.groups.Tuple.tuple(TableKeys.messagePk(G1), "2026-01-01 04:00:00.123456+00", "2026-01-01T02:00:00.5Z"),
                        org.assertj.core.groups.Tuple.tuple(TableKeys.messagePk(G2), "2024-03-10T12:00:00.500000+00:00", "2024-03-10T12:00:00Z"));
        assertThat(report.orderDisagreements().get(0).firstInstant()).isEqualTo(Instant.parse("2026-01-01T01:00:00.25Z"));
        assertThat(report.findings(LintFinding.Kind.ORDER_DISAGREEMENT)).hasSize(3);
    }

    @Test
    void countsWhatCruddursYearFilterHides() {
        LintReport report = linted(MixedFormTable.items()).report(true);
        assertThat(report.yearPrefix()).isEqualTo(new YearPrefixImpact(2026, 2, 1, 7, 3));
        assertThat(report.findings(LintFinding.Kind.HIDDEN_FROM_CONVERSATION_LIST)).extracting(LintFinding::pk)
                .containsExactlyInAnyOrder(TableKeys.groupPk(A), TableKeys.groupPk(C));
        assertThat(report.findings(LintFinding.Kind.MESSAGES_HIDDEN_FROM_TRANSCRIPT)).extracting(LintFinding::pk, LintFinding::sk)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(TableKeys.messagePk(G1), "2025-12-31T23:59:58.000000+00:00"),
                        org.assertj.core.groups.Tuple.tuple(TableKeys.messagePk(G2), "2024-03-10T12:00:00Z"),
                        org.assertj.core.groups.Tuple.tuple(TableKeys.messagePk(G3), "not-a-date"));
    }

    @Test
    void findsTheGroupRowLeftBehindItsNewestMessage() {
        LintReport report = linted(MixedFormTable.items()).report(true);
        assertThat(report.findings(LintFinding.Kind.GROUP_ROW_NOT_AT_NEWEST_MESSAGE)).singleElement()
                .satisfies(f -> {
                    assertThat(f.pk()).isEqualTo(TableKeys.groupPk(C));
                    assertThat(f.sk()).isEqualTo("2024-03-10T11:00:00.000000");
                    assertThat(f.detail()).startsWith("behind the newest message at 2024-03-10T12:00:00.500000+00:00");
                });
    }

    @Test
    void plansEveryMoveWithPrecisionLossCollisionsAndGroupRowsInStepWithTheNewestMessage() {
        MigrationPlan plan = linted(MixedFormTable.items()).plan(true);
        assertThat(plan.changes()).hasSize(12);
        assertThat(plan.steps()).hasSize(4);
        assertThat(plan.steps().get(0)).extracting(MigrationPlan.Change::oldSk).containsExactly(
                "2025-12-31T20:00:00.250000-05:00", "2026-01-01T02:00:00.5Z", "2026-01-01T03:00:00.123",
                "2026-01-01 04:00:00.123456+00", "2026-01-01T05:00:00.123+00:00");
        assertThat(plan.steps().get(0)).extracting(MigrationPlan.Change::newSk).containsExactly(
                "2026-01-01T01:00:00.250000+00:00", "2026-01-01T02:00:00.500000+00:00", "2026-01-01T03:00:00.123000+00:00",
                "2026-01-01T04:00:00.123456+00:00", "2026-01-01T05:00:00.123000+00:00");
        // the newest message and both group rows in one step, all to the same key
        assertThat(plan.steps().get(1)).extracting(MigrationPlan.Change::kind, MigrationPlan.Change::newSk).containsExactly(
                org.assertj.core.groups.Tuple.tuple(RowKind.MESSAGE, "2026-01-01T06:00:00.123456+00:00"),
                org.assertj.core.groups.Tuple.tuple(RowKind.GROUP_ROW, "2026-01-01T06:00:00.123456+00:00"),
                org.assertj.core.groups.Tuple.tuple(RowKind.GROUP_ROW, "2026-01-01T06:00:00.123456+00:00"));
        assertThat(plan.precisionLosses()).isEqualTo(3);
        assertThat(plan.steps().get(1)).allMatch(MigrationPlan.Change::precisionLost);
        // the stale group row goes to the newest message, with its text
        MigrationPlan.Change stale = plan.changes().stream().filter(c -> c.oldSk().equals("2024-03-10T11:00:00.000000")
                && c.kind() == RowKind.GROUP_ROW).findFirst().orElseThrow();
        assertThat(stale.newSk()).isEqualTo("2024-03-10T12:00:00.500000+00:00");
        assertThat(stale.newMessageText()).contains("text of n4");
        assertThat(plan.collisions()).extracting(MigrationPlan.Collision::newSk, MigrationPlan.Collision::oldSks,
                        MigrationPlan.Collision::keyTaken)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("2026-02-01T10:00:00.000000+00:00", List.of("2026-02-01T10:00:00.000000Z"), true),
                        org.assertj.core.groups.Tuple.tuple("2026-02-01T10:30:00.000000+00:00",
                                List.of("2026-02-01T10:30:00.000000", "2026-02-01T10:30:00Z"), false));
        assertThat(plan.unmovable()).extracting(MigrationPlan.Unmovable::sk).containsExactly("not-a-date");
        assertThat(plan.nothingToDo()).isFalse();
    }

    @Test
    void aCopyLeftByAnInterruptedMoveIsFinishedNotReportedAsACollision() {
        Map<String, String> naive = message(G1, "x1", A, "2026-03-01T10:00:00.000000");
        Map<String, String> copy = new java.util.LinkedHashMap<>(naive);
        copy.put(TableKeys.SK, "2026-03-01T10:00:00.000000+00:00");
        Map<String, String> changedCopy = new java.util.LinkedHashMap<>(copy);
        changedCopy.put(TableKeys.MESSAGE, "someone else's words");
        Map<String, String> other = message(G2, "x2", A, "2026-03-01T10:00:00Z");
        Map<String, String> otherTaken = new java.util.LinkedHashMap<>(changedCopy);
        otherTaken.put(TableKeys.PK, TableKeys.messagePk(G2));
        MigrationPlan plan = linted(List.of(naive, copy, other, otherTaken)).plan(true);
        assertThat(plan.changes()).singleElement().satisfies(c -> {
            assertThat(c.oldSk()).isEqualTo("2026-03-01T10:00:00.000000");
            assertThat(c.finishesInterruptedMove()).isTrue();
        });
        assertThat(plan.moves().get(0).get(0).copyWritten()).isTrue();
        assertThat(plan.collisions()).singleElement().satisfies(c -> assertThat(c.pk()).isEqualTo(TableKeys.messagePk(G2)));
    }

    @Test
    void aCanonicalTableIsCleanAndHasNothingToDo() {
        List<Map<String, String>> items = List.of(
                message(G3, "c1", B, "2026-02-01T10:00:00.000000+00:00"),
                message(G3, "c2", C, "2026-02-01T11:00:00.000000+00:00"),
                groupRow(B, C, G3, "text of c2", "2026-02-01T11:00:00.000000+00:00"),
                groupRow(C, B, G3, "text of c2", "2026-02-01T11:00:00.000000+00:00"));
        SortKeyLinter linter = linted(items);
        assertThat(linter.report(true).keysClean()).isTrue();
        assertThat(linter.report(true).findings()).isEmpty();
        assertThat(linter.plan(true).nothingToDo()).isTrue();
        assertThat(linter.report(false).keysClean()).isFalse();
    }

    @Test
    void aReportOnlyLinterReportsTheSameAndRefusesToPlan() {
        SortKeyLinter linter = SortKeyLinter.forReportOnly(YEAR);
        MixedFormTable.items().forEach(i -> linter.accept(ScannedItem.ofStrings(i)));
        assertThat(linter.report(true)).isEqualTo(linted(MixedFormTable.items()).report(true));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> linter.plan(true));
    }

    @Test
    void stringOrderIsDynamoDbsCodePointOrderNotJavasUtf16Order() {
        String supplementary = "\uD83D\uDE00"; // U+1F600, sorts after U+FF5E in UTF-8
        String highBmp = "\uFF5E";
        assertThat(highBmp.compareTo(supplementary)).isPositive();
        assertThat(SortKeyLinter.DYNAMODB_STRING_ORDER.compare(highBmp, supplementary)).isNegative();
    }
}
