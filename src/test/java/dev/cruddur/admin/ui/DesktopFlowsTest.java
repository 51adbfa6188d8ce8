package dev.cruddur.admin.ui;

import dev.cruddur.admin.ui.shell.WindowSession;
import static dev.cruddur.admin.ui.FxHarness.onFx;
import static dev.cruddur.admin.ui.FxHarness.runFx;
import static dev.cruddur.admin.ui.FxHarness.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.app.connect.ConnectionProfile;
import dev.cruddur.admin.app.connect.ConnectionProfiles;
import dev.cruddur.admin.domain.Conversation;
import dev.cruddur.admin.domain.DemoFixture;
import dev.cruddur.admin.domain.Message;
import dev.cruddur.admin.store.DynamoTarget;
import dev.cruddur.admin.store.Seeder;
import dev.cruddur.admin.testsupport.DynaliteServer;
import dev.cruddur.admin.ui.messages.TranscriptEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The window's flows in headless Monocle against dynalite (on disk, so it can be killed and restarted). */
class DesktopFlowsTest {
    private static DynaliteServer dynalite;
    private static Path dynaliteDir;
    private static final AtomicInteger TABLES = new AtomicInteger();

    @TempDir
    Path config;
    private final FxRobot robot = new FxRobot();
    private Stage stage;
    private DesktopApp.Assembled app;
    private MainViewModel main;
    private String table;

    @BeforeAll
    static void startDynalite() throws Exception {
        dynaliteDir = Files.createTempDirectory("dynalite-ui");
        dynalite = DynaliteServer.startOnDisk(dynaliteDir);
        FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    static void stopDynalite() {
        dynalite.close();
    }

    @BeforeEach
    void openWindowOnASeededTable() {
        table = "ui-" + TABLES.incrementAndGet();
        try (DirectMessages dm = dm()) {
            dm.schema().create();
            dm.seeder().seedFixture(Clock.systemUTC().instant(), Seeder.Progress.NONE);
        }
        open(table);
        waitFor("conversations listed", 20, () -> main.conversations().shown().size() == 2);
    }

    private void open(String tableName) {
        FxHarness.closeAllWindows();
        stage = onFx(Stage::new);
        app = onFx(() -> DesktopApp.assemble(stage, new DesktopApp.Settings(config,
                Optional.of(ConnectionProfile.local("Test", dynalite.endpoint().toString(), tableName)),
                Optional.empty(), Clock.systemUTC(), ZoneOffset.UTC, false, 1200, 760)));
        main = app.main();
    }

    @AfterEach
    void closeWindow() throws Exception {
        runFx(() -> {
            for (Window w : List.copyOf(Window.getWindows())) if (w != stage) w.hide();
            stage.close();
        });
        FxToolkit.cleanupStages();
    }

    private DirectMessages dm() {
        return DirectMessages.open(DynamoTarget.endpoint(dynalite.endpoint(), table));
    }

    @SuppressWarnings("unchecked")
    private ListView<Conversation> conversationList() {
        return (ListView<Conversation>) robot.lookup("#conversation-list").query();
    }

    @SuppressWarnings("unchecked")
    private ListView<TranscriptEntry> transcript() {
        return (ListView<TranscriptEntry>) robot.lookup("#transcript").query();
    }

    private List<Message> bubbles() {
        return onFx(() -> main.transcript().entries().stream().filter(e -> e instanceof TranscriptEntry.Bubble)
                .map(e -> ((TranscriptEntry.Bubble) e).message()).toList());
    }

    private void clickConversation(String handle) {
        java.util.function.Predicate<Node> isCell = n -> n instanceof javafx.scene.control.ListCell<?> c
                && c.getItem() instanceof Conversation conv && conv.other().handle().equals(handle);
        waitFor("cell of @" + handle, 10, () -> robot.lookup(".conversation-cell").match(isCell).tryQuery().isPresent());
        Node cell = robot.lookup(".conversation-cell").match(isCell).query();
        robot.clickOn(cell);
        waitFor("transcript of @" + handle, 20, () -> main.transcript().conversationProperty().get() != null
                && main.transcript().conversationProperty().get().other().handle().equals(handle)
                && !main.transcript().loadingProperty().get() && !main.transcript().entries().isEmpty());
    }

    private void typeInCompose(String text) {
        robot.clickOn("#compose");
        robot.write(text);
    }

    private void ctrlEnter() {
        robot.press(KeyCode.CONTROL).press(KeyCode.ENTER).release(KeyCode.ENTER).release(KeyCode.CONTROL);
    }

    @Test
    void pickingAUserShowsTheirConversationsNewestFirst() {
        assertThat(onFx(() -> conversationList().getItems().stream().map(c -> c.other().handle()).toList()))
                .containsExactly("bayko", "londo");
        robot.clickOn("#viewer-picker");
        robot.write("mollari");
        waitFor("search narrowed", 5, () -> ((ListView<?>) robot.lookup("#viewer-list").query()).getItems().size() == 1);
        robot.type(KeyCode.ENTER);
        waitFor("Londo's inbox", 20, () -> DemoFixture.LONDO.equals(main.viewerProperty().get())
                && main.conversations().shown().size() == 1);
        assertThat(onFx(() -> conversationList().getItems().get(0).other().handle())).isEqualTo("andrewbrown");
        assertThat(robot.lookup("#viewer-picker").queryButton().getText()).contains("Londo Mollari");
    }

    @Test
    void openingAConversationShowsItsMessagesOldestToNewestWithOwnOnTheRight() {
        clickConversation("bayko");
        List<Message> shown = bubbles();
        assertThat(shown).hasSize(30);
        for (int i = 1; i < shown.size(); i++) {
            assertThat(shown.get(i).createdAt().instant().get()).isAfter(shown.get(i - 1).createdAt().instant().get());
        }
        assertThat(shown.get(shown.size() - 1).text()).isEqualTo("Any snacks you want me to bring?");
        assertThat(robot.lookup("#transcript-title").queryAs(Label.class).getText()).isEqualTo("Andrew Bayko");
        assertThat(robot.lookup(".bubble.mine").queryAll()).isNotEmpty();
        assertThat(robot.lookup(".bubble.theirs").queryAll()).isNotEmpty();
        assertThat(onFx(() -> main.transcript().entries().get(0))).isInstanceOf(TranscriptEntry.Day.class);
    }

    @Test
    void sendingShowsTheMessageAtTheBottomAndMovesTheConversationToTheTop() {
        clickConversation("londo");
        typeInCompose("Shall we meet on the station?");
        ctrlEnter();
        waitFor("sent", 20, () -> !bubbles().isEmpty()
                && bubbles().get(bubbles().size() - 1).text().equals("Shall we meet on the station?"));
        waitFor("moved to top", 5, () -> conversationList().getItems().get(0).other().handle().equals("londo"));
        assertThat(conversationList().getItems().get(0).lastMessage()).isEqualTo("Shall we meet on the station?");
        assertThat(robot.lookup("#compose").queryAs(TextArea.class).getText()).isEmpty();
        assertThat(robot.lookup("#status-last-call").queryAs(Label.class).getText()).contains("ms");
    }

    @Test
    void scrollingToTheTopLoadsOlderPagesAndKeepsThePlace() {
        clickConversation("bayko");
        Message firstBefore = bubbles().get(0);
        waitFor("at the bottom", 5, () -> transcriptPosition() > 0.99);
        runFx(() -> transcript().scrollTo(0));
        waitFor("older page", 20, () -> bubbles().size() == 60);
        waitFor("place kept", 5, () -> {
            VirtualFlow<?> flow = (VirtualFlow<?>) transcript().lookup(".virtual-flow");
            int first = flow.getFirstVisibleCell().getIndex();
            int previous = main.transcript().entries().indexOf(main.transcript().entries().stream()
                    .filter(e -> e instanceof TranscriptEntry.Bubble b && b.message().equals(firstBefore)).findFirst().orElseThrow());
            return Math.abs(first - previous) <= 2;
        });
        for (int expected : new int[] {90, 100}) {
            runFx(() -> transcript().scrollTo(0));
            waitFor("older page " + expected, 20, () -> bubbles().size() == expected);
        }
        assertThat(bubbles().get(0).text()).isEqualTo("Have you watched Babylon 5 yet?");
        assertThat(main.transcript().hasOlderProperty().get()).isFalse();
    }

    @Test
    void scrollingToTheEndOfTheListLoadsTheNextPage() {
        try (DirectMessages dm = dm()) {
            dev.cruddur.admin.store.BenchData.inbox(dm.connection(), dev.cruddur.admin.store.BenchData.user("busy"), 40,
                    java.time.Instant.now());
        }
        runFx(() -> main.selectViewer(dev.cruddur.admin.store.BenchData.user("busy")));
        waitFor("first page", 20, () -> main.conversations().loaded().size() == 25 && !main.conversations().loadingProperty().get());
        runFx(() -> conversationList().scrollTo(24));
        waitFor("second page", 20, () -> main.conversations().loaded().size() == 40);
        assertThat(main.conversations().hasMoreProperty().get()).isFalse();
    }

    private double transcriptPosition() {
        VirtualFlow<?> flow = (VirtualFlow<?>) transcript().lookup(".virtual-flow");
        return flow == null ? 0 : flow.getPosition();
    }

    @Test
    void aFlaggedMessageShowsAWarningMarkerWithItsProblems() {
        try (DirectMessages dm = dm()) {
            dev.cruddur.admin.store.BenchData.legacyMessage(dm.connection(), DemoFixture.LONDO_GROUP, DemoFixture.LONDO,
                    "Written by the old seed script.", java.time.Instant.now().minus(java.time.Duration.ofHours(1)));
        }
        clickConversation("londo");
        waitFor("flagged row", 10, () -> bubbles().stream().anyMatch(m -> m.flagged()));
        Message flagged = bubbles().stream().filter(Message::flagged).findFirst().orElseThrow();
        assertThat(flagged.problems()).anyMatch(p -> p.contains("no offset"));
        waitFor("marker shown", 10, () -> robot.lookup(".problem-marker").match(Node::isVisible).tryQuery().isPresent());
    }

    @Test
    void refusedInputSaysWhyBeforeAnythingIsWritten() {
        clickConversation("londo");
        robot.clickOn("#send");
        waitFor("empty refused", 5, () -> robot.lookup("#compose-refusal").queryAs(Label.class).isVisible());
        assertThat(robot.lookup("#compose-refusal").queryAs(Label.class).getText()).contains("empty");
        runFx(() -> robot.lookup("#compose").queryAs(TextArea.class).setText("y".repeat(1030)));
        assertThat(robot.lookup("#compose-counter").queryAs(Label.class).getText()).isEqualTo("1030/1024");
        robot.clickOn("#send");
        waitFor("too long refused", 5, () -> robot.lookup("#compose-refusal").queryAs(Label.class).getText().contains("1030"));
        assertThat(robot.lookup("#compose").queryAs(TextArea.class).getText()).hasSize(1030);
        try (DirectMessages dm = dm()) {
            assertThat(dm.allMessages(DemoFixture.LONDO_GROUP)).hasSize(3);
        }
    }

    @Test
    void anEndpointStoppedMidSessionShowsABannerKeepsTheTextAndRetryWorksAfterRestart() {
        clickConversation("londo");
        dynalite.kill();
        typeInCompose("Are you still there?");
        robot.clickOn("#send");
        waitFor("error banner", 30, () -> robot.lookup("#send-error").query().isVisible());
        assertThat(robot.lookup("#send-error-text").queryAs(Label.class).getText()).startsWith("Not sent:").doesNotContain("Exception");
        assertThat(robot.lookup("#compose").queryAs(TextArea.class).getText()).isEqualTo("Are you still there?");
        assertThat(robot.lookup("#send").query().isDisabled()).isFalse();
        dynalite.restart();
        robot.clickOn("#send-error-retry");
        waitFor("sent after retry", 30, () -> !bubbles().isEmpty() && bubbles().get(bubbles().size() - 1).text().equals("Are you still there?"));
        assertThat(robot.lookup("#send-error").query().isVisible()).isFalse();
        try (DirectMessages dm = dm()) {
            assertThat(dm.allMessages(DemoFixture.LONDO_GROUP).stream().filter(m -> m.text().equals("Are you still there?"))).hasSize(1);
        }
    }

    @Test
    void aMissingTableOffersCreateTableThenDemoData() {
        runFx(() -> main.connect(ConnectionProfile.local("Test", dynalite.endpoint().toString(), table + "-new")));
        waitFor("setup shown", 20, () -> robot.lookup("#table-setup").query().isVisible());
        robot.clickOn("#create-table");
        waitFor("ready and empty", 30, () -> main.stateProperty().get() == WindowSession.State.READY
                && !main.conversations().loadingProperty().get());
        assertThat(robot.lookup("#conversation-empty").queryAs(Label.class).getText()).contains("has no conversations yet");
        robot.clickOn("#empty-load-demo");
        waitFor("demo data", 30, () -> main.conversations().shown().size() == 2);
    }

    @Test
    void aConnectionProfileIsSavedAndReloaded() throws Exception {
        robot.press(KeyCode.CONTROL).press(KeyCode.L).release(KeyCode.L).release(KeyCode.CONTROL);
        waitFor("connections dialog", 5, () -> robot.lookup("#profiles").tryQuery().isPresent());
        robot.clickOn("#profile-new");
        runFx(() -> {
            robot.lookup("#profile-name").queryTextInputControl().setText("Staging");
            robot.lookup("#profile-endpoint").queryTextInputControl().setText(dynalite.endpoint().toString());
            robot.lookup("#profile-table").queryTextInputControl().setText(table);
        });
        robot.clickOn("#profile-test");
        waitFor("test result", 20, () -> robot.lookup("#profile-test-result").queryAs(Label.class).getText().startsWith("✓"));
        assertThat(robot.lookup("#profile-test-result").queryAs(Label.class).getText()).contains("index found");
        robot.clickOn("#profile-connect");
        Path file = config.resolve("connections.json");
        waitFor("saved", 10, () -> Files.exists(file) && read(file).contains("Staging"));
        waitFor("connected", 20, () -> main.profileProperty().get().name().equals("Staging")
                && main.stateProperty().get() == WindowSession.State.READY);
        ConnectionProfiles.Loaded loaded = new ConnectionProfiles(config, Clock.systemUTC()).load();
        assertThat(loaded.profiles()).extracting(ConnectionProfile::name).contains("Embedded", "Staging");
        assertThat(loaded.selected().name()).isEqualTo("Staging");
        assertThat(loaded.selected().endpoint()).isEqualTo(dynalite.endpoint().toString());
    }

    @Test
    void aCorruptProfilesFileIsSetAsideWithANotice() throws Exception {
        closeWindow();
        Files.writeString(config.resolve("connections.json"), "{\"profiles\": [ oops");
        open(table);
        waitFor("notice", 20, () -> robot.lookup("#notice").query().isVisible());
        assertThat(robot.lookup("#notice-text").queryAs(Label.class).getText()).contains("set aside");
        try (var files = Files.list(config)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("connections.json.corrupt-"));
        }
        waitFor("still connected", 20, () -> main.conversations().shown().size() == 2);
    }

    @Test
    void theThemeSwitchesBetweenLightAndDark() {
        assertThat(Application.getUserAgentStylesheet()).contains("primer-light");
        robot.clickOn("#theme-switch");
        waitFor("dark", 5, () -> Application.getUserAgentStylesheet().contains("primer-dark"));
        assertThat(main.darkProperty().get()).isTrue();
        // remembered for the next start (saved in the background)
        waitFor("saved dark", 5, () -> new dev.cruddur.admin.app.WindowPreferences(config).dark());
        robot.clickOn("#theme-switch");
        waitFor("light", 5, () -> Application.getUserAgentStylesheet().contains("primer-light"));
        waitFor("saved light", 5, () -> !new dev.cruddur.admin.app.WindowPreferences(config).dark());
    }

    @Test
    void keyboardFiltersMovesThroughTheListAndStartsANewConversation() {
        robot.press(KeyCode.CONTROL).press(KeyCode.F).release(KeyCode.F).release(KeyCode.CONTROL);
        waitFor("filter focused", 5, () -> robot.lookup("#conversation-filter").query().isFocused());
        robot.write("great");
        waitFor("filtered", 5, () -> conversationList().getItems().size() == 1);
        runFx(() -> robot.lookup("#conversation-filter").queryTextInputControl().clear());
        waitFor("unfiltered", 5, () -> conversationList().getItems().size() == 2);
        robot.clickOn((Node) robot.lookup(".conversation-cell").nth(0).query());
        robot.type(KeyCode.DOWN);
        waitFor("arrow opened londo", 20, () -> main.transcript().conversationProperty().get() != null
                && main.transcript().conversationProperty().get().other().handle().equals("londo"));

        // as Londo, start a conversation with Andrew Bayko
        runFx(() -> main.selectViewer(DemoFixture.LONDO));
        waitFor("Londo's inbox", 20, () -> main.conversations().shown().size() == 1);
        robot.press(KeyCode.CONTROL).press(KeyCode.N).release(KeyCode.N).release(KeyCode.CONTROL);
        waitFor("new conversation dialog", 5, () -> robot.lookup("#new-to-query").tryQuery().isPresent());
        robot.write("bayko");
        robot.type(KeyCode.ENTER);
        waitFor("chosen", 5, () -> robot.lookup("#new-to-chosen").queryAs(Label.class).getText().contains("Andrew Bayko"));
        robot.clickOn("#new-text");
        robot.write("Welcome aboard, Mr Bayko.");
        robot.clickOn("#new-start");
        waitFor("started", 30, () -> main.conversations().shown().size() == 2
                && main.conversations().shown().get(0).other().handle().equals("bayko"));
        waitFor("opened", 20, () -> !bubbles().isEmpty() && bubbles().get(bubbles().size() - 1).text().equals("Welcome aboard, Mr Bayko."));
        robot.type(KeyCode.F5);
        waitFor("refreshed", 20, () -> main.conversations().shown().size() == 2 && !main.conversations().loadingProperty().get());
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
