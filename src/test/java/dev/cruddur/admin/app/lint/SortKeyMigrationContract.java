package dev.cruddur.admin.app.lint;

import static dev.cruddur.admin.app.lint.MixedFormTable.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.domain.Message;
import dev.cruddur.admin.domain.SortKeyTime;
import dev.cruddur.admin.domain.TableKeys;
import dev.cruddur.admin.store.DynamoConnection;
import dev.cruddur.admin.store.DynamoTarget;
import dev.cruddur.admin.store.SortKeyMigrator;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * The linter and migration against a real DynamoDB-API endpoint, on the hand-counted mixed-form
 * table and on a generated one that is stopped midway and resumed. Each endpoint gets a subclass
 * naming it (dynalite: no transactions, so the ordered path; the embedded engine: transactions).
 */
abstract class SortKeyMigrationContract {
    static final Clock NOVEMBER_2026 = Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC);
    private static final AtomicInteger TABLES = new AtomicInteger();

    protected abstract URI endpoint();

    private DirectMessages dm;
    private SortKeyAudit audit;
    private String table;

    @BeforeEach
    void createTable() {
        table = "lint" + TABLES.incrementAndGet();
        dm = new DirectMessages(DynamoConnection.open(DynamoTarget.endpoint(endpoint(), table)), NOVEMBER_2026);
        dm.schema().create();
        audit = new SortKeyAudit(dm.connection(), NOVEMBER_2026);
    }

    @AfterEach
    void dropTable() {
        dm.schema().drop(table);
        dm.close();
    }

    private void put(List<Map<String, String>> items) {
        for (Map<String, String> item : items) {
            Map<String, AttributeValue> values = new HashMap<>();
            item.forEach((k, v) -> values.put(k, AttributeValue.fromS(v)));
            dm.connection().client().putItem(r -> r.tableName(table).item(values));
        }
    }

    private List<Map<String, String>> everyItem() {
        List<Map<String, String>> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            ScanRequest.Builder request = ScanRequest.builder().tableName(table);
            if (start != null) request.exclusiveStartKey(start);
            var response = dm.connection().client().scan(request.build());
            for (Map<String, AttributeValue> item : response.items()) {
                Map<String, String> strings = new HashMap<>();
                item.forEach((k, v) -> strings.put(k, v.s()));
                out.add(strings);
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    /** Every message as uuid → text; fails on a duplicated uuid. */
    private Map<String, String> messages() {
        return everyItem().stream().filter(i -> i.get(TableKeys.PK).startsWith(TableKeys.MESSAGE_PREFIX))
                .collect(Collectors.toMap(i -> i.get(TableKeys.MESSAGE_UUID), i -> i.get(TableKeys.MESSAGE)));
    }

    @Test
    void lintOfTheMixedTableHasExactCountsPairsAndYearFigures() {
        put(MixedFormTable.items());
        List<Long> progress = new ArrayList<>();
        LintReport report = audit.lint((phase, done, total) -> progress.add(done), () -> false);
        assertThat(report.complete()).isTrue();
        assertThat(report.items()).isEqualTo(23);
        assertThat(progress).last().isEqualTo(23L);
        assertThat(report.counts()).containsExactly(
                Map.entry(SortKeyClass.CANONICAL, 7L), Map.entry(SortKeyClass.NAIVE, 4L), Map.entry(SortKeyClass.Z_FORM, 5L),
                Map.entry(SortKeyClass.OTHER_OFFSET, 2L), Map.entry(SortKeyClass.OTHER_PRECISION, 4L),
                Map.entry(SortKeyClass.NOT_A_TIMESTAMP, 1L));
        assertThat(report.orderDisagreements()).extracting(OrderDisagreement::firstSk).containsExactly(
                "2025-12-31T20:00:00.250000-05:00", "2026-01-01 04:00:00.123456+00", "2024-03-10T12:00:00.500000+00:00");
        assertThat(report.yearPrefix()).isEqualTo(new YearPrefixImpact(2026, 2, 1, 7, 3));
    }

    @Test
    void aStoppedLintSaysItIsIncomplete() {
        put(MixedFormTable.items());
        LintReport report = audit.lint(WorkProgress.NONE, () -> true);
        assertThat(report.complete()).isFalse();
        assertThat(report.items()).isZero();
    }

    @Test
    void migrationMakesEveryMovableKeyCanonicalLosesNothingKeepsGroupRowsAtTheNewestMessageAndRunsOnce() {
        put(MixedFormTable.items());
        Map<String, String> before = messages();
        assertThat(before).hasSize(17);

        MigrationPlan dryRun = audit.plan(WorkProgress.NONE, () -> false);
        assertThat(dryRun.changes()).hasSize(12);
        assertThat(everyItem()).hasSize(23);

        assertThat(audit.migrate("cruddur-messages", WorkProgress.NONE, () -> false))
                .isInstanceOf(MigrationOutcome.Refused.class);
        assertThat(audit.lint(WorkProgress.NONE, () -> false).count(SortKeyClass.CANONICAL)).isEqualTo(7);

        MigrationOutcome outcome = audit.migrate(table, WorkProgress.NONE, () -> false);
        assertThat(outcome).isInstanceOfSatisfying(MigrationOutcome.Migrated.class, m -> {
            assertThat(m.moved()).isEqualTo(12);
            assertThat(m.skipped()).isEmpty();
            assertThat(m.writeMode()).isEqualTo(dm.capabilities().transactions() ? SortKeyMigrator.TRANSACTION : SortKeyMigrator.ORDERED);
        });

        LintReport after = audit.lint(WorkProgress.NONE, () -> false);
        assertThat(after.items()).isEqualTo(23);
        // only the collisions (p2; p5 and p6) and the garbage (p3) are left
        assertThat(after.counts()).containsExactly(
                Map.entry(SortKeyClass.CANONICAL, 19L), Map.entry(SortKeyClass.NAIVE, 1L), Map.entry(SortKeyClass.Z_FORM, 2L),
                Map.entry(SortKeyClass.OTHER_OFFSET, 0L), Map.entry(SortKeyClass.OTHER_PRECISION, 0L),
                Map.entry(SortKeyClass.NOT_A_TIMESTAMP, 1L));
        assertThat(after.orderDisagreements()).isEmpty();
        assertThat(after.findings(LintFinding.Kind.GROUP_ROW_NOT_AT_NEWEST_MESSAGE)).isEmpty();
        assertThat(messages()).isEqualTo(before);

        // group rows: the same string as their conversation's newest message, with its text
        Map<String, String> newestSk = Map.of(G1, "2026-01-01T06:00:00.123456+00:00", G2, "2024-03-10T12:00:00.500000+00:00",
                G3, "2026-02-01T11:00:00.000000+00:00");
        List<Map<String, String>> groupRows = everyItem().stream()
                .filter(i -> i.get(TableKeys.PK).startsWith(TableKeys.GROUP_PREFIX)).toList();
        assertThat(groupRows).hasSize(6).allSatisfy(row ->
                assertThat(row.get(TableKeys.SK)).isEqualTo(newestSk.get(row.get(TableKeys.GROUP_UUID))));
        assertThat(groupRows).filteredOn(r -> r.get(TableKeys.GROUP_UUID).equals(G2))
                .allSatisfy(r -> assertThat(r.get(TableKeys.MESSAGE)).isEqualTo("text of n4"));
        // pattern A now lists G1 in time order, from the last second of 2025 on
        assertThat(dm.allMessages(G1)).extracting(Message::messageUuid)
                .containsExactly(uuidOf("m1"), uuidOf("m2"), uuidOf("m3"), uuidOf("m4"), uuidOf("m5"), uuidOf("m6"), uuidOf("m7"));

        MigrationOutcome again = audit.migrate(table, WorkProgress.NONE, () -> false);
        assertThat(again).isInstanceOfSatisfying(MigrationOutcome.NothingToDo.class, n -> {
            assertThat(n.plan().collisions()).hasSize(2);
            assertThat(n.plan().unmovable()).hasSize(1);
        });
    }

    /** 4 conversations of 30 naive messages and 2 naive group rows: per conversation, steps of 25, 4 and 3 moves. */
    private static List<Map<String, String>> naiveConversations() {
        List<Map<String, String>> items = new ArrayList<>();
        Instant start = Instant.parse("2026-06-01T08:00:00.123456Z");
        for (int c = 0; c < 4; c++) {
            String group = "9" + c + "000000-0000-4000-8000-000000000000";
            String last = null;
            for (int m = 0; m < 30; m++) {
                last = SortKeyTime.canonical(start.plusSeconds(c * 3600L + m * 60L)).substring(0, 26); // naive
                items.add(message(group, "c" + c + "m" + m, m % 2 == 0 ? A : B, last));
            }
            items.add(groupRow(A, B, group, "text of c" + c + "m29", last));
            items.add(groupRow(B, A, group, "text of c" + c + "m29", last));
        }
        return items;
    }

    @Test
    void aMigrationStoppedMidwayResumesFinishesAnInterruptedMoveAndThenHasNothingToDo() {
        put(naiveConversations());
        Map<String, String> before = messages();
        assertThat(before).hasSize(120);

        AtomicBoolean stop = new AtomicBoolean();
        SortKeyAudit oneStepAtATime = new SortKeyAudit(dm.connection(), NOVEMBER_2026, 1);
        MigrationOutcome first = oneStepAtATime.migrate(table, (phase, done, total) -> {
            if (phase == WorkProgress.Phase.MOVING && done >= 40) stop.set(true);
        }, stop::get);
        // steps of 25, 4, 3 moves: the stop is seen after the fourth step, at 57 moves
        assertThat(first).isInstanceOfSatisfying(MigrationOutcome.Stopped.class, s -> {
            assertThat(s.moved()).isEqualTo(57);
            assertThat(s.stepsLeft()).isEqualTo(8);
        });
        assertThat(messages()).isEqualTo(before);
        assertThat(audit.lint(WorkProgress.NONE, () -> false).count(SortKeyClass.CANONICAL)).isEqualTo(57);

        // a crash between a put and its delete: the canonical copy of a naive message is already there
        Map<String, String> victim = everyItem().stream().filter(i -> SortKeyClass.of(i.get(TableKeys.SK)) == SortKeyClass.NAIVE
                && i.get(TableKeys.PK).startsWith(TableKeys.MESSAGE_PREFIX)).findFirst().orElseThrow();
        Map<String, String> copy = new HashMap<>(victim);
        copy.put(TableKeys.SK, SortKeyTime.parse(victim.get(TableKeys.SK)).canonicalForm().orElseThrow());
        put(List.of(copy));
        MigrationPlan resumed = audit.plan(WorkProgress.NONE, () -> false);
        assertThat(resumed.changes()).hasSize(71);
        assertThat(resumed.changes()).filteredOn(MigrationPlan.Change::finishesInterruptedMove).singleElement()
                .satisfies(c -> assertThat(c.oldSk()).isEqualTo(victim.get(TableKeys.SK)));
        assertThat(resumed.collisions()).isEmpty();

        assertThat(audit.migrate(table, WorkProgress.NONE, () -> false)).isInstanceOfSatisfying(MigrationOutcome.Migrated.class,
                m -> assertThat(m.moved()).isEqualTo(71));
        assertThat(messages()).isEqualTo(before);
        assertThat(everyItem()).hasSize(128);
        LintReport after = audit.lint(WorkProgress.NONE, () -> false);
        assertThat(after.count(SortKeyClass.CANONICAL)).isEqualTo(128);
        assertThat(after.keysClean()).isTrue();
        assertThat(audit.migrate(table, WorkProgress.NONE, () -> false)).isInstanceOf(MigrationOutcome.NothingToDo.class);
    }

    @Test
    void aParallelMigrationStoppedMidwayLosesNothingAndResumes() {
        put(naiveConversations());
        Map<String, String> before = messages();
        AtomicBoolean stop = new AtomicBoolean();
        MigrationOutcome first = audit.migrate(table, (phase, done, total) -> {
            if (phase == WorkProgress.Phase.MOVING && done >= 30) stop.set(true);
        }, stop::get);
        assertThat(first).isInstanceOfSatisfying(MigrationOutcome.Stopped.class, s -> {
            assertThat(s.moved()).isBetween(30L, 127L);
            assertThat(s.skipped()).isEmpty();
        });
        assertThat(messages()).isEqualTo(before);
        assertThat(everyItem()).hasSize(128);
        assertThat(audit.migrate(table, WorkProgress.NONE, () -> false)).isInstanceOf(MigrationOutcome.Migrated.class);
        assertThat(messages()).isEqualTo(before);
        assertThat(audit.lint(WorkProgress.NONE, () -> false).keysClean()).isTrue();
    }

    @Test
    void aReadOnlyConnectionIsRefused() {
        put(MixedFormTable.items());
        dm.connection().lockWrites();
        assertThat(audit.migrate(table, WorkProgress.NONE, () -> false)).isInstanceOfSatisfying(MigrationOutcome.Refused.class,
                r -> assertThat(r.reason()).contains("read-only"));
        dm.connection().unlockWrites();
    }
}
