package dev.cruddur.admin.ui.time;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.app.lint.LintFinding;
import dev.cruddur.admin.app.lint.SortKeyClass;
import dev.cruddur.admin.store.DynamoConnection;
import dev.cruddur.admin.store.DynamoTarget;
import dev.cruddur.admin.testsupport.DynaliteServer;
import dev.cruddur.admin.ui.common.BackgroundTasks;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The linter's view model on dynalite without the toolkit (work runs inline). */
class SortKeyLintViewModelTest {
    private static final Clock NOVEMBER_2026 = Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC);
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static DynaliteServer dynalite;
    private DirectMessages dm;
    private SortKeyLintViewModel vm;

    @BeforeAll
    static void start() {
        dynalite = DynaliteServer.start();
    }

    @AfterAll
    static void stop() {
        dynalite.close();
    }

    @BeforeEach
    void table() {
        String table = "timelint" + TABLES.incrementAndGet();
        dm = new DirectMessages(DynamoConnection.open(DynamoTarget.endpoint(dynalite.endpoint(), table)), NOVEMBER_2026);
        dm.schema().create();
        MixedSortKeys.put(dm);
        vm = new SortKeyLintViewModel(BackgroundTasks.inline(), () -> dm, NOVEMBER_2026);
    }

    @AfterEach
    void close() {
        dm.close();
    }

    @Test
    void lintCountsEveryClassAndPlansTheDryRun() {
        vm.lint();
        var r = vm.reportProperty().get();
        assertThat(r.complete()).isTrue();
        assertThat(r.items()).isEqualTo(MixedSortKeys.ITEMS);
        assertThat(r.count(SortKeyClass.CANONICAL)).isEqualTo(MixedSortKeys.CANONICAL);
        assertThat(r.count(SortKeyClass.NAIVE)).isEqualTo(MixedSortKeys.NAIVE);
        assertThat(r.count(SortKeyClass.Z_FORM)).isEqualTo(MixedSortKeys.Z_FORM);
        assertThat(r.count(SortKeyClass.OTHER_OFFSET)).isEqualTo(MixedSortKeys.OTHER_OFFSET);
        assertThat(r.orderDisagreements()).hasSize(2);
        assertThat(r.yearPrefix().conversationsHidden()).isEqualTo(1);
        assertThat(vm.changes()).hasSize((int) MixedSortKeys.MOVES);
        assertThat(vm.changes()).anySatisfy(c -> {
            assertThat(c.oldSk()).isEqualTo("2026-01-01 13:00:00.123456+00");
            assertThat(c.newSk()).isEqualTo("2026-01-01T13:00:00.123456+00:00");
        });
        assertThat(vm.canApplyProperty().get()).isTrue();
        assertThat(vm.statusProperty().get()).contains("10 items read").contains("5 not canonical").contains("5 moves planned");
        assertThat(SortKeyLintViewModel.yearPrefix(r.yearPrefix())).contains("begins_with(sk, '2026') hides 1 conversation");
    }

    @Test
    void aFindingOpensItsItemWithEveryAttribute() {
        vm.lint();
        LintFinding naive = vm.findings().stream()
                .filter(f -> f.kind() == LintFinding.Kind.NOT_CANONICAL && f.sk().equals("2026-01-01T14:00:00.123") && f.pk().startsWith("MSG#"))
                .findFirst().orElseThrow();
        vm.open(naive);
        assertThat(vm.itemTextProperty().get()).startsWith("pk = \"MSG#" + MixedSortKeys.G1 + "\"\nsk = \"2026-01-01T14:00:00.123\"")
                .contains("message = \"text of m5\"").contains("user_handle = \"alice\"");
    }

    @Test
    void applyRefusesAWrongTableNameAndChangesNothing() {
        vm.lint();
        vm.apply("cruddur-messages");
        assertThat(vm.errorProperty().get()).contains("Type the table's name");
        vm.lint();
        assertThat(vm.changes()).hasSize((int) MixedSortKeys.MOVES);
    }

    @Test
    void applyWithTheTableNameMovesEveryKeyAndTheSecondLintHasNothingToDo() {
        vm.lint();
        vm.apply(dm.connection().table());
        assertThat(vm.errorProperty().get()).isNull();
        assertThat(vm.statusProperty().get()).startsWith("Moved 5 items").contains("nothing to do");
        assertThat(vm.reportProperty().get().keysClean()).isTrue();
        assertThat(vm.reportProperty().get().count(SortKeyClass.CANONICAL)).isEqualTo(MixedSortKeys.ITEMS);
        assertThat(vm.changes()).isEmpty();
        assertThat(vm.canApplyProperty().get()).isFalse();
    }

    @Test
    void aMigrationCancelledAsItMovesResumesWhenAppliedAgain() {
        vm.lint();
        // inline delivery: the first "Moving" report arrives during the moves and asks them to stop
        vm.progressTextProperty().addListener((o, a, text) -> {
            if (text.startsWith("Moving:")) vm.cancel();
        });
        vm.apply(dm.connection().table());
        assertThat(vm.runningProperty().get()).isFalse();
        // with parallel steps the stop may come after the last one: either way the state is whole
        assertThat(vm.statusProperty().get()).matches("(?s)(Stopped after moving|Moved) .*");
        vm.apply(dm.connection().table());
        assertThat(vm.reportProperty().get().keysClean()).isTrue();
        assertThat(vm.changes()).isEmpty();
    }

    @Test
    void anotherConnectionClearsTheReport() {
        vm.lint();
        vm.open(vm.findings().get(0));
        vm.clear();
        assertThat(vm.reportProperty().get()).isNull();
        assertThat(vm.findings()).isEmpty();
        assertThat(vm.changes()).isEmpty();
        assertThat(vm.itemTextProperty().get()).isEmpty();
        assertThat(vm.canApplyProperty().get()).isFalse();
        vm.lint();
        assertThat(vm.reportProperty().get().items()).isEqualTo(MixedSortKeys.ITEMS);
    }

    @Test
    void withoutAConnectionItSaysSo() {
        SortKeyLintViewModel none = new SortKeyLintViewModel(BackgroundTasks.inline(), () -> null, NOVEMBER_2026);
        none.lint();
        assertThat(none.errorProperty().get()).contains("Not connected");
        assertThat(none.reportProperty().get()).isNull();
    }
}
