package dev.cruddur.admin.ui;

import static dev.cruddur.admin.ui.FxHarness.onFx;
import static dev.cruddur.admin.ui.FxHarness.runFx;
import static dev.cruddur.admin.ui.FxHarness.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.domain.DemoFixture;
import dev.cruddur.admin.domain.OutgoingMessage;
import dev.cruddur.admin.engine.EmbeddedDynamo;
import dev.cruddur.admin.engine.EngineConfig;
import dev.cruddur.admin.store.DynamoTarget;
import dev.cruddur.admin.store.Seeder;
import dev.cruddur.admin.ui.messages.TranscriptEntry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javafx.geometry.Bounds;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * "A conversation always opens at its newest message": a conversation far longer than the
 * transcript, whose newest message is long, of several lines, and alone under its day separator,
 * shows that message whole after opening, after F5 and after a send (of another long message); and a
 * click, or the arrow keys, select a message visibly.
 */
@Timeout(120)
class TranscriptNewestMessageTest {
    private static final String TABLE = "cruddur-messages";
    private static final String NEWEST = "Three things before the watch party:\n"
            + "1. The season two finale is the one with the Shadows arriving at Z'ha'dum, so no spoilers, please, "
            + "even the small ones that seem harmless.\n"
            + "2. Bring the good speakers; the soundtrack deserves them and the station's hum is half the atmosphere.\n"
            + "3. We start at eight sharp, and whoever is late explains the Vorlons to everyone else.";
    private static EmbeddedDynamo engine;

    @TempDir
    Path config;
    private final FxRobot robot = new FxRobot();
    private Stage stage;
    private DesktopApp.Assembled app;

    @BeforeAll
    static void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        engine = EmbeddedDynamo.start(EngineConfig.inMemory());
        Instant now = Clock.systemUTC().instant();
        try (DirectMessages dm = DirectMessages.open(DynamoTarget.endpoint(engine.endpoint(), TABLE))) {
            dm.schema().create();
            // the demo's hundred messages days ago; the newest today, alone under its own day separator
            dm.seeder().seedFixture(now.minus(Duration.ofDays(3)), Seeder.Progress.NONE);
            dm.send(new OutgoingMessage(DemoFixture.MAIN_GROUP, DemoFixture.ANDREW_BAYKO, NEWEST, UUID.randomUUID().toString(),
                    now.minus(Duration.ofMinutes(5))));
        }
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @BeforeEach
    void open() {
        stage = onFx(Stage::new);
        app = FxHarness.openWindow(stage, config, engine.endpoint(), TABLE);
    }

    @AfterEach
    void close() throws Exception {
        runFx(() -> List.copyOf(Window.getWindows()).forEach(Window::hide));
        FxToolkit.cleanupStages();
    }

    @SuppressWarnings("unchecked")
    private ListView<TranscriptEntry> transcript() {
        return (ListView<TranscriptEntry>) stage.getScene().lookup("#transcript");
    }

    private void openMainConversation() {
        waitFor("conversations listed", 20, () -> !app.main().conversations().shown().isEmpty());
        assertThat(onFx(() -> app.main().conversations().shown().get(0).groupUuid())).isEqualTo(DemoFixture.MAIN_GROUP);
        waitFor("conversation cells", 10, () -> robot.lookup(".conversation-cell").queryAll().stream()
                .anyMatch(n -> n instanceof ListCell<?> c && c.getItem() != null));
        robot.clickOn(onFx(() -> robot.lookup(".conversation-cell").queryAll().stream()
                .filter(n -> n instanceof ListCell<?> c && c.getIndex() == 0 && c.getItem() != null).findFirst().orElseThrow()));
        waitFor("the conversation open", 20, () -> transcript() != null && transcript().getItems().size() > 20
                && !app.main().transcript().loadingProperty().get());
    }

    /** Where the newest row is against the transcript's viewport. */
    private String newestPlacement() {
        return placement(onFx(() -> transcript().getItems().size() - 1));
    }

    /** Whether the row at {@code index} is inside the viewport whole, cut, or not shown. */
    private String placement(int index) {
        return onFx(() -> {
            ListView<TranscriptEntry> list = transcript();
            int last = index;
            VirtualFlow<?> flow = (VirtualFlow<?>) list.lookup(".virtual-flow");
            Bounds view = flow.localToScene(flow.getLayoutBounds());
            for (var node : list.lookupAll(".message-cell")) {
                if (node instanceof ListCell<?> cell && cell.isVisible() && cell.getIndex() == last && cell.getItem() != null) {
                    Bounds b = cell.localToScene(cell.getLayoutBounds());
                    return b.getMinY() >= view.getMinY() - 0.5 && b.getMaxY() <= view.getMaxY() + 0.5 ? "whole"
                            : "cut: cell " + b.getMinY() + ".." + b.getMaxY() + " in view " + view.getMinY() + ".." + view.getMaxY();
                }
            }
            return "not shown";
        });
    }

    private void assertNewestShownWhole(String when) {
        FxHarness.settle();
        assertThat(newestPlacement()).as("the newest message " + when).isEqualTo("whole");
        assertThat(onFx(() -> transcript().getItems().get(transcript().getItems().size() - 2)))
                .as("its day separator stands just above it").isInstanceOf(TranscriptEntry.Day.class);
    }

    @Test
    void aLongConversationOpensAtItsNewestMessageWholeAfterOpeningF5AndSending() {
        openMainConversation();
        assertThat(onFx(() -> ((TranscriptEntry.Bubble) transcript().getItems().get(transcript().getItems().size() - 1)).message().text()))
                .isEqualTo(NEWEST);
        assertNewestShownWhole("after opening");

        robot.clickOn("#transcript");
        robot.type(KeyCode.F5);
        waitFor("reloaded", 20, () -> !app.main().transcript().loadingProperty().get() && transcript().getItems().size() > 20);
        assertNewestShownWhole("after F5");

        String reply = "Deal. Speakers, snacks and no spoilers.\nAnd I will read up on the Vorlons,\njust in case I am late.";
        runFx(() -> app.main().transcript().textProperty().set(reply));
        robot.clickOn("#send");
        waitFor("sent", 30, () -> transcript().getItems().get(transcript().getItems().size() - 1) instanceof TranscriptEntry.Bubble b
                && b.message().text().equals(reply) && !app.main().transcript().sendingProperty().get());
        FxHarness.settle();
        assertThat(newestPlacement()).as("the sent message").isEqualTo("whole");
    }

    /** The row at the top of the transcript's viewport: its entry and its top edge in the scene. */
    private record TopRow(TranscriptEntry entry, double y) {}

    private TopRow topRow() {
        return onFx(() -> {
            VirtualFlow<?> flow = (VirtualFlow<?>) transcript().lookup(".virtual-flow");
            var cell = (ListCell<?>) flow.getFirstVisibleCell();
            return new TopRow((TranscriptEntry) cell.getItem(), cell.localToScene(0, 0).getY());
        });
    }

    private static String keyOf(TranscriptEntry e) {
        return e instanceof TranscriptEntry.Bubble b ? b.message().messageUuid() : ((TranscriptEntry.Day) e).date().toString();
    }

    @Test
    void f5KeepsTheConversationAndTheMessageReadScrolledUpInAnOlderPageWhereItWas() {
        openMainConversation();
        String group = onFx(() -> app.main().transcript().conversationProperty().get().groupUuid());
        int firstPage = onFx(() -> transcript().getItems().size());
        VirtualFlow<?> flow = onFx(() -> (VirtualFlow<?>) transcript().lookup(".virtual-flow"));
        runFx(() -> flow.scrollTo(0)); // to the top: the next older page loads above
        waitFor("an older page", 20, () -> transcript().getItems().size() > firstPage && !app.main().transcript().loadingOlderProperty().get());
        FxHarness.settle();
        runFx(() -> flow.scrollPixels(-157)); // up into the older page, a row cut at the top
        FxHarness.settle();
        TopRow before = topRow();
        int rows = onFx(() -> transcript().getItems().size());
        int index = onFx(() -> transcript().getItems().indexOf(before.entry()));
        assertThat(index).as("the row read is in the older page").isLessThan(rows - firstPage);

        runFx(() -> transcript().requestFocus());
        robot.type(KeyCode.F5);
        waitFor("read again", 20, () -> !app.main().transcript().loadingProperty().get()
                && transcript().getItems().stream().noneMatch(e -> e == before.entry()));
        FxHarness.settle();
        assertThat(onFx(() -> app.main().transcript().conversationProperty().get().groupUuid())).as("the same conversation").isEqualTo(group);
        assertThat(onFx(() -> transcript().getItems().size())).as("the older page read again with it").isGreaterThanOrEqualTo(rows);
        TopRow after = topRow();
        assertThat(keyOf(after.entry())).as("the same row at the top").isEqualTo(keyOf(before.entry()));
        assertThat(after.y()).as("at the same height").isCloseTo(before.y(), org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void aClickSelectsAMessageAndTheArrowKeysMoveTheSelectionOverTheDaySeparator() {
        openMainConversation();
        // the first message under the last day separator (the other test may have added one after it)
        int first = onFx(() -> {
            List<TranscriptEntry> items = transcript().getItems();
            for (int i = items.size() - 1; i >= 0; i--) if (items.get(i) instanceof TranscriptEntry.Day) return i + 1;
            throw new AssertionError("no day separator");
        });
        ListCell<?> below = onFx(() -> robot.lookup(".message-cell").queryAll().stream()
                .filter(n -> n instanceof ListCell<?> c && c.getIndex() == first).map(n -> (ListCell<?>) n).findFirst().orElseThrow());
        robot.clickOn(below);
        waitFor("selected", 5, () -> transcript().getSelectionModel().getSelectedIndex() == first);
        FxHarness.settle();
        assertThat(onFx(below::isSelected)).isTrue();
        assertThat(onFx(() -> transcript().isFocused())).as("the transcript has the keyboard").isTrue();
        assertThat(onFx(() -> below.getBackground() != null && below.getBackground().getFills().stream()
                .anyMatch(f -> !f.getFill().equals(javafx.scene.paint.Color.TRANSPARENT))))
                .as("a selected message is highlighted").isTrue();

        robot.type(KeyCode.UP);
        FxHarness.settle();
        assertThat(onFx(() -> transcript().getSelectionModel().getSelectedIndex()))
                .as("Up passes over the day separator to the message above it").isEqualTo(first - 2);
        assertThat(onFx(() -> transcript().getSelectionModel().getSelectedItem())).isInstanceOf(TranscriptEntry.Bubble.class);
        robot.type(KeyCode.UP);
        FxHarness.settle();
        assertThat(onFx(() -> transcript().getSelectionModel().getSelectedIndex())).isEqualTo(first - 3);
        robot.type(KeyCode.DOWN);
        robot.type(KeyCode.DOWN);
        FxHarness.settle();
        assertThat(onFx(() -> transcript().getSelectionModel().getSelectedIndex())).as("Down over it again").isEqualTo(first);
        assertThat(placement(first)).as("the selected message is brought into view whole").isEqualTo("whole");
    }

    @Test
    void aMessageCopiesAsAGetItemThatNamesItsKey() {
        openMainConversation();
        int last = onFx(() -> transcript().getItems().size() - 1);
        var newest = onFx(() -> (TranscriptEntry.Bubble) transcript().getItems().get(last));
        ListCell<?> cell = onFx(() -> robot.lookup(".message-cell").queryAll().stream()
                .filter(n -> n instanceof ListCell<?> c && c.getIndex() == last).map(n -> (ListCell<?>) n).findFirst().orElseThrow());
        robot.clickOn(cell); // as a right-click does: select, then the menu (headless Monocle shows it this way)
        runFx(() -> {
            var b = cell.localToScreen(cell.getBoundsInLocal());
            transcript().getContextMenu().show(cell, b.getCenterX(), b.getCenterY());
        });
        waitFor("the message menu", 10, () -> transcript().getContextMenu().isShowing());
        var getItem = onFx(() -> (javafx.scene.control.Menu) transcript().getContextMenu().getItems().stream()
                .filter(i -> "message-copy-get".equals(i.getId())).findFirst().orElseThrow());
        assertThat(onFx(getItem::isDisable)).as("enabled on a message").isFalse();
        runFx(() -> getItem.getItems().stream().filter(i -> "message-copy-get-python".equals(i.getId())).findFirst().orElseThrow().fire());
        runFx(() -> transcript().getContextMenu().hide());
        waitFor("copied", 5, () -> String.valueOf(javafx.scene.input.Clipboard.getSystemClipboard().getString()).contains("client.get_item("));
        String copied = onFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString());
        assertThat(copied).contains("\"MSG#" + DemoFixture.MAIN_GROUP + "\"", "\"" + newest.message().createdAt().raw() + "\"",
                "TableName=\"" + TABLE + "\"", engine.endpoint().toString());
        assertThat(onFx(() -> dev.cruddur.admin.ui.common.Copied.lastProperty().get())).isEqualTo("Copied GetItem as Python (boto3) script");
    }
}
