package dev.cruddur.admin.ui;

import static dev.cruddur.admin.ui.FxHarness.onFx;
import static dev.cruddur.admin.ui.FxHarness.runFx;
import static dev.cruddur.admin.ui.FxHarness.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.engine.EmbeddedDynamo;
import dev.cruddur.admin.engine.EngineConfig;
import dev.cruddur.admin.store.DynamoTarget;
import dev.cruddur.admin.store.Seeder;
import dev.cruddur.admin.ui.shell.WindowSession;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javafx.scene.control.ToggleButton;
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
 * The window in TestFX against the embedded engine: from the keyboard (Ctrl+1…4, Ctrl+W in a
 * dialog, Ctrl+Q), and the empty states after a run (lint, check, repair, import).
 */
@Timeout(120)
class WindowFlowsTest {
    private static final String TABLE = "cruddur-messages";
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
        try (DirectMessages dm = DirectMessages.open(DynamoTarget.endpoint(engine.endpoint(), TABLE))) {
            dm.schema().create();
            dm.seeder().seedFixture(Clock.systemUTC().instant(), Seeder.Progress.NONE);
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

    private void shortcut(KeyCode key) {
        robot.press(KeyCode.CONTROL).press(key).release(key).release(KeyCode.CONTROL);
    }

    private boolean railSelected(String pane) {
        return ((ToggleButton) stage.getScene().lookup("#nav-" + pane)).isSelected();
    }

    @Test
    void ctrlDigitsSelectThePanesInRailOrder() {
        shortcut(KeyCode.DIGIT3);
        waitFor("time pane", 10, () -> railSelected("time") && app.window().pane("time") != null
                && app.window().pane("time").node().getScene() != null);
        shortcut(KeyCode.DIGIT4);
        waitFor("browser pane", 10, () -> railSelected("browser") && app.window().pane("browser").node().getScene() != null);
        assertThat(onFx(() -> app.window().pane("time").node().getScene())).as("the time pane left the window").isNull();
        shortcut(KeyCode.DIGIT2);
        waitFor("cache pane", 10, () -> railSelected("cache"));
        shortcut(KeyCode.DIGIT1);
        waitFor("conversations pane", 10, () -> railSelected("conversations") && app.window().pane("conversations").node().getScene() != null);
        assertThat(onFx(() -> stage.getScene().getFocusOwner().getId())).as("focus shows the chosen pane").isEqualTo("nav-conversations");
    }

    @Test
    void ctrlWClosesTheConnectionsDialogAndCtrlQClosesEveryWindowWithoutEndingTheJvm() {
        shortcut(KeyCode.L);
        waitFor("connections dialog", 10, () -> dialogShowing());
        shortcut(KeyCode.W);
        waitFor("dialog closed by Ctrl+W", 10, () -> !dialogShowing());
        assertThat(onFx(stage::isShowing)).as("the window stays").isTrue();

        shortcut(KeyCode.L); // Ctrl+Q from inside a dialog quits too
        waitFor("connections dialog again", 10, () -> dialogShowing());
        shortcut(KeyCode.Q);
        waitFor("every window closed", 10, () -> Window.getWindows().stream().noneMatch(w -> w.isShowing()
                && (w == stage || w.getScene() != null && w.getScene().lookup("#profiles") != null)));
        // the main window was hidden like its close button does (its onHidden shuts the session down);
        // the test JVM lives on because the harness turned implicit exit off
        assertThat(onFx(stage::isShowing)).isFalse();
    }

    /** The dialog showing over the window (not a popup such as a tooltip or a menu), if any. */
    private java.util.Optional<Stage> openDialog() {
        return onFx(() -> Window.getWindows().stream().filter(w -> w != stage && w.isShowing() && w instanceof Stage)
                .map(w -> (Stage) w).findFirst());
    }

    private void ctrlWCloses(String dialog) {
        waitFor(dialog + " open", 20, () -> openDialog().isPresent());
        FxHarness.settle();
        shortcut(KeyCode.W);
        waitFor(dialog + " closed by Ctrl+W", 10, () -> openDialog().isEmpty());
        assertThat(onFx(stage::isShowing)).as("the window stays after Ctrl+W in " + dialog).isTrue();
    }

    /**
     * Ctrl+W in each dialog of the window: Connections (Ctrl+L), New conversation and New item
     * (Ctrl+N in their panes), the item editor's delete confirmation, and the dialogs opened from the
     * Browser, the Cache and the Time panes' actions (type-to-confirm, set a value, flush or delete a
     * cache, migrate the sort keys), each shown over this window as its pane shows it.
     */
    @Test
    void ctrlWClosesEveryDialogOfTheWindow() {
        shortcut(KeyCode.L);
        ctrlWCloses("Connections");
        waitFor("conversations listed", 20, () -> !app.main().conversations().shown().isEmpty());
        shortcut(KeyCode.N);
        ctrlWCloses("New conversation");

        shortcut(KeyCode.DIGIT4);
        waitFor("browser pane", 10, () -> app.window().pane("browser") != null && app.window().pane("browser").node().getScene() != null);
        var browser = (dev.cruddur.admin.ui.browser.BrowserPane) app.window().pane("browser");
        waitFor("the table's keys read", 20, () -> browser.viewModel().items().shapeProperty().get() != null);
        shortcut(KeyCode.N);
        ctrlWCloses("New item");

        java.util.concurrent.atomic.AtomicBoolean confirmed = new java.util.concurrent.atomic.AtomicBoolean();
        runFx(() -> new dev.cruddur.admin.ui.browser.TypeToConfirmDialog(stage, "Delete the table", "the table", TABLE, "Delete",
                name -> confirmed.set(true)).show());
        ctrlWCloses("Type to confirm");
        runFx(() -> new dev.cruddur.admin.ui.cache.SetValueDialog(stage, "messages/x", "value", 60).show());
        ctrlWCloses("Set a value");
        runFx(() -> new dev.cruddur.admin.ui.cache.TypedNameDialog(stage, "Flush the cache", "Every key goes.", "cruddur", "Flush").show());
        ctrlWCloses("Flush a cache");
        runFx(() -> new dev.cruddur.admin.ui.time.ConfirmTableNameDialog(stage, TABLE, 3, null).show());
        ctrlWCloses("Migrate the sort keys");
        assertThat(confirmed).as("a dialog closed by Ctrl+W did not confirm").isFalse();
    }

    /** The dialog showing whose scene holds {@code id}, if any. */
    private java.util.Optional<Stage> dialogWith(String id) {
        return onFx(() -> Window.getWindows().stream().filter(w -> w != stage && w.isShowing() && w instanceof Stage
                && w.getScene() != null && w.getScene().lookup("#" + id) != null).map(w -> (Stage) w).findFirst());
    }

    /** Ctrl+W in the dialog holding {@code id} closes it, and only it: the window and {@code under} (if any) stay. */
    private void ctrlWClosesOnly(String what, String id, Stage under) {
        waitFor(what + " open", 20, () -> dialogWith(id).isPresent());
        FxHarness.settle();
        waitFor(what + " focused", 10, () -> dialogWith(id).map(Window::isFocused).orElse(false));
        shortcut(KeyCode.W);
        waitFor(what + " closed by Ctrl+W", 10, () -> dialogWith(id).isEmpty());
        assertThat(onFx(stage::isShowing)).as("the window stays after Ctrl+W in " + what).isTrue();
        if (under != null) assertThat(onFx(under::isShowing)).as("the dialog under " + what + " stays").isTrue();
    }

    /**
     * Ctrl+W in the dialogs the test above leaves out, each opened as a user opens it: the item
     * editor's delete confirmation (closing it alone, the editor stays, nothing deleted), the
     * Items tab's multi-delete confirmation, the stream dry-run record, and Create cache.
     */
    @Test
    void ctrlWClosesTheConfirmationsTheStreamRecordAndCreateCache() {
        waitFor("conversations listed", 20, () -> !app.main().conversations().shown().isEmpty());
        runFx(() -> app.main().conversations().selectedProperty().set(app.main().conversations().shown().get(0)));
        waitFor("a conversation open", 20, () -> !app.main().transcript().entries().isEmpty());
        FxHarness.settle();
        runFx(() -> ((javafx.scene.control.MenuButton) stage.getScene().lookup("#send-mode")).getItems().stream()
                .filter(i -> "stream-dry-run".equals(i.getId())).findFirst().orElseThrow().fire());
        ctrlWClosesOnly("the stream dry run", "stream-dry-run-writes", null);

        shortcut(KeyCode.DIGIT2);
        waitFor("cache pane", 10, () -> railSelected("cache") && stage.getScene().lookup("#caches-menu") != null
                && !((javafx.scene.control.MenuButton) stage.getScene().lookup("#caches-menu")).isDisabled());
        javafx.application.Platform.runLater(() -> ((javafx.scene.control.MenuButton) stage.getScene().lookup("#caches-menu")).getItems()
                .stream().filter(i -> "create-cache".equals(i.getId())).findFirst().orElseThrow().fire()); // showAndWait: not waited on
        ctrlWClosesOnly("Create cache", "create-cache-name", null);

        var browser = browserWithRows(3);
        var items = browser.viewModel().items();
        int before = onFx(() -> items.rows().size());
        runFx(() -> {
            browser.itemsView().resultsTable().getSelectionModel().selectIndices(0, 1, 2);
            browser.itemsView().confirmDelete();
        });
        ctrlWClosesOnly("the multi-delete confirmation", "delete-confirmation", null);

        runFx(() -> {
            browser.itemsView().resultsTable().getSelectionModel().clearAndSelect(0);
            ((javafx.scene.control.ButtonBase) stage.getScene().lookup("#browser-edit")).fire();
        });
        waitFor("the item editor", 20, () -> dialogWith("editor-delete").isPresent());
        Stage editor = dialogWith("editor-delete").orElseThrow();
        FxHarness.settle();
        runFx(() -> ((javafx.scene.control.ButtonBase) editor.getScene().lookup("#editor-delete")).fire());
        ctrlWClosesOnly("the item editor's delete confirmation", "editor-delete-confirmation", editor);
        runFx(() -> {
            editor.toFront();
            editor.requestFocus();
        });
        ctrlWClosesOnly("the item editor", "editor-delete", null);
        runFx(items::run);
        waitFor("rows again", 20, () -> !items.loadingProperty().get());
        FxHarness.settle();
        assertThat(onFx(() -> items.rows().size())).as("nothing deleted by a dialog closed with Ctrl+W").isEqualTo(before);
    }

    /**
     * Every button that shows only an icon, in each pane (a conversation open, each Browser tab),
     * says what it does in a tooltip; the list names the ones that do not.
     */
    @Test
    void everyIconOnlyButtonHasATooltip() {
        java.util.List<String> silent = new java.util.ArrayList<>();
        waitFor("conversations listed", 20, () -> !app.main().conversations().shown().isEmpty());
        runFx(() -> app.main().conversations().selectedProperty().set(app.main().conversations().shown().get(0)));
        waitFor("a conversation open", 20, () -> !app.main().transcript().entries().isEmpty());
        silent.addAll(silentIconButtons("conversations"));
        shortcut(KeyCode.DIGIT2);
        waitFor("cache pane", 10, () -> railSelected("cache"));
        silent.addAll(silentIconButtons("cache"));
        shortcut(KeyCode.DIGIT3);
        waitFor("time pane", 10, () -> railSelected("time"));
        var time = (dev.cruddur.admin.ui.time.TimePane) app.window().pane("time");
        runFx(() -> time.conversion().inputProperty().set("2023-04-15 13:15:19.922515+00"));
        silent.addAll(silentIconButtons("time: conversion"));
        runFx(time::showLint);
        silent.addAll(silentIconButtons("time: lint"));
        shortcut(KeyCode.DIGIT4);
        waitFor("browser pane", 10, () -> railSelected("browser") && app.window().pane("browser") != null);
        var browser = (dev.cruddur.admin.ui.browser.BrowserPane) app.window().pane("browser");
        for (int tab = 0; tab < onFx(() -> browser.tabs().getTabs().size()); tab++) {
            int t = tab;
            runFx(() -> browser.tabs().getSelectionModel().select(t));
            silent.addAll(silentIconButtons("browser: " + onFx(() -> browser.tabs().getTabs().get(t).getText())));
        }
        assertThat(silent).as("buttons showing only an icon, without a tooltip").isEmpty();
    }

    private java.util.List<String> silentIconButtons(String where) {
        FxHarness.settle();
        return onFx(() -> stage.getScene().getRoot().lookupAll(".button-base, .button, .toggle-button, .menu-button, .split-menu-button")
                .stream().distinct()
                .filter(n -> n instanceof javafx.scene.control.ButtonBase b && b.isVisible() && b.getScene() != null && showing(b)
                        && (b.getText() == null || b.getText().isBlank()) && b.getGraphic() != null
                        && (b.getTooltip() == null || b.getTooltip().getText() == null || b.getTooltip().getText().isBlank()))
                .map(n -> where + ": " + (n.getId() != null ? "#" + n.getId() : n.getStyleClass().toString()))
                .toList());
    }

    /** Shown on screen: it and every parent visible. */
    private static boolean showing(javafx.scene.Node n) {
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
        return true;
    }

    @Test
    void emptyStatesSayWhatTheLastRunFoundAndNothingBeforeARun() {
        shortcut(KeyCode.DIGIT3);
        waitFor("time pane", 10, () -> app.window().pane("time") != null);
        var time = (dev.cruddur.admin.ui.time.TimePane) app.window().pane("time");
        runFx(time::showLint);
        waitFor("lint tab", 10, () -> stage.getScene().lookup("#lint-no-findings") != null || stage.getScene().lookup("#lint-run") != null);
        assertThat(onFx(() -> time.lint().findingsPlaceholderProperty().getValue())).isEqualTo("Run the lint to see what it finds.");
        runFx(() -> ((javafx.scene.control.ButtonBase) stage.getScene().lookup("#lint-run")).fire());
        waitFor("lint report", 30, () -> time.lint().reportProperty().get() != null && !time.lint().runningProperty().get());
        long keys = onFx(() -> time.lint().reportProperty().get().items());
        assertThat(onFx(() -> time.lint().findings().isEmpty())).as("the demo's keys are canonical").isTrue();
        assertThat(onFx(() -> ((javafx.scene.control.Label) stage.getScene().lookup("#lint-no-findings")).getText()))
                .isEqualTo("No findings: all " + keys + " sort keys are canonical.");

        shortcut(KeyCode.DIGIT4);
        waitFor("browser pane", 10, () -> app.window().pane("browser") != null);
        var browser = (dev.cruddur.admin.ui.browser.BrowserPane) app.window().pane("browser");
        runFx(() -> browser.tabs().getSelectionModel().select(2));
        FxHarness.settle();
        assertThat(onFx(() -> stage.getScene().lookup("#transfer-rejected").isVisible()))
                .as("no import report before any import").isFalse();

        try (var client = dev.cruddur.admin.testsupport.DynamoClients.dynamo(engine.endpoint())) {
            var rows = client.query(r -> r.tableName(TABLE).keyConditionExpression("pk = :pk").expressionAttributeValues(java.util.Map.of(":pk",
                    software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(dev.cruddur.admin.domain.TableKeys.GROUP_PREFIX
                            + dev.cruddur.admin.domain.DemoFixture.ANDREW_BAYKO.uuid())))).items();
            var row = rows.get(0);
            client.deleteItem(r -> r.tableName(TABLE).key(java.util.Map.of("pk", row.get("pk"), "sk", row.get("sk")))); // a lost write
        }
        var check = browser.viewModel().check();
        runFx(() -> browser.tabs().getSelectionModel().select(1));
        FxHarness.settle();
        assertThat(onFx(() -> ((javafx.scene.control.Label) stage.getScene().lookup("#check-kinds-empty")).getText()))
                .as("no findings counted before any check").isEmpty();
        assertThat(onFx(() -> ((javafx.scene.control.Label) stage.getScene().lookup("#check-plan-empty")).getText()))
                .as("no repair planned before any check").isEmpty();
        runFx(check::check);
        waitFor("check", 30, () -> check.reportProperty().get() != null && !check.checkingProperty().get());
        assertThat(onFx(() -> check.reportProperty().get().findings())).isNotEmpty();
        runFx(() -> check.repair(TABLE));
        waitFor("repaired and checked again", 30, () -> !check.repairingProperty().get() && !check.checkingProperty().get()
                && check.reportProperty().get() != null && check.reportProperty().get().findings().isEmpty());
        FxHarness.settle();
        assertThat(onFx(() -> ((javafx.scene.control.Label) stage.getScene().lookup("#check-no-findings")).getText()))
                .startsWith("Clean after repair: 0 findings");
        assertThat(onFx(() -> ((javafx.scene.control.Label) stage.getScene().lookup("#check-plan-empty")).getText())).isEqualTo("Nothing to repair.");
    }

    @Test
    void aMessagesContextMenuCopiesItAndOpensItInTheBrowserAndTheTimePane() {
        waitFor("conversations listed", 20, () -> !app.main().conversations().shown().isEmpty());
        waitFor("conversation cells", 10, () -> robot.lookup(".conversation-cell").queryAll().stream()
                .anyMatch(n -> n instanceof javafx.scene.control.ListCell<?> c && c.getItem() != null));
        robot.clickOn(onFx(() -> robot.lookup(".conversation-cell").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.ListCell<?> c && c.getIndex() == 0 && c.getItem() != null).findFirst().orElseThrow()));
        waitFor("a conversation open", 20, () -> stage.getScene().lookup("#transcript") instanceof javafx.scene.control.ListView<?> l
                && !l.getItems().isEmpty() && app.main().transcript().conversationProperty().get() != null);
        @SuppressWarnings("unchecked")
        var transcript = (javafx.scene.control.ListView<dev.cruddur.admin.ui.messages.TranscriptEntry>) stage.getScene().lookup("#transcript");
        var newest = onFx(() -> (dev.cruddur.admin.ui.messages.TranscriptEntry.Bubble) transcript.getItems().get(transcript.getItems().size() - 1));
        String sk = newest.message().createdAt().raw();
        javafx.scene.Node cell = onFx(() -> robot.lookup(".message-cell").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.ListCell<?> c && c.getItem() == newest).findFirst().orElseThrow());
        menuOn(transcript, cell);
        robot.clickOn("Copy text");
        waitFor("text copied", 5, () -> newest.message().text().equals(javafx.scene.input.Clipboard.getSystemClipboard().getString()));
        assertCopiedNote("Copied the text");

        menuOn(transcript, cell);
        robot.clickOn("Copy sk");
        waitFor("copied", 5, () -> sk.equals(javafx.scene.input.Clipboard.getSystemClipboard().getString()));
        assertCopiedNote("Copied the sk");
        assertThat(onFx(() -> transcript.getSelectionModel().getSelectedItem())).as("the clicked message is selected").isSameAs(newest);

        menuOn(transcript, cell);
        robot.clickOn("Copy item as JSON");
        waitFor("json copied", 5, () -> javafx.scene.input.Clipboard.getSystemClipboard().getString().contains("\"S\" : \"" + sk + "\""));
        assertThat(onFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString()))
                .contains("\"MSG#" + newest.message().groupUuid() + "\"", newest.message().text().substring(0, 10));
        assertCopiedNote("Copied the item as JSON");

        menuOn(transcript, cell);
        robot.clickOn("Open the timestamp in the Time pane");
        var time = (dev.cruddur.admin.ui.time.TimePane) app.window().pane("time");
        waitFor("time pane with the sk", 10, () -> railSelected("time") && sk.equals(((dev.cruddur.admin.ui.time.TimePane) app.window().pane("time"))
                .conversion().inputProperty().get()));

        shortcut(KeyCode.DIGIT1);
        waitFor("back", 10, () -> railSelected("conversations"));
        javafx.scene.Node again = onFx(() -> robot.lookup(".message-cell").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.ListCell<?> c && c.getItem() == newest).findFirst().orElseThrow());
        menuOn(transcript, again);
        robot.clickOn("Open in Browser");
        waitFor("the item in the Browser", 20, () -> railSelected("browser") && app.window().pane("browser") != null
                && ((dev.cruddur.admin.ui.browser.BrowserPane) app.window().pane("browser")).viewModel().items().rows().size() == 1
                && sk.equals(((dev.cruddur.admin.ui.browser.BrowserPane) app.window().pane("browser")).viewModel().items().rows().get(0).values().get("sk")));
        var results = ((dev.cruddur.admin.ui.browser.BrowserPane) app.window().pane("browser")).itemsView().resultsTable();
        waitFor("the item selected there", 10, () -> results.getSelectionModel().getSelectedItem() != null
                && sk.equals(results.getSelectionModel().getSelectedItem().values().get("sk")));
        assertThat(onFx(results::isFocused)).as("the keyboard on the item's row").isTrue();
    }

    /**
     * Every copy says so on screen, not only the transcript's: the cache key's copy button, a Time
     * row's copy button, the Browser's Copy as (a request, and the selected item as PutItem) and
     * PartiQL's Copy as each show their "Copied" note, and put what they say on the clipboard.
     */
    @Test
    void everyCopyShowsACopiedNoteOnScreen() {
        shortcut(KeyCode.DIGIT2);
        waitFor("cache pane with a key", 20, () -> railSelected("cache") && stage.getScene().lookup("#cache-key-copy") != null
                && !stage.getScene().lookup("#cache-key-copy").isDisabled());
        robot.clickOn(onFx(() -> stage.getScene().lookup("#cache-key-copy")));
        assertCopiedNote("Copied the key");
        assertThat(onFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString())).isNotBlank();

        shortcut(KeyCode.DIGIT3);
        waitFor("time pane", 10, () -> railSelected("time") && app.window().pane("time") != null);
        var time = (dev.cruddur.admin.ui.time.TimePane) app.window().pane("time");
        runFx(() -> time.conversion().inputProperty().set("2023-04-15 13:15:19.922515+00"));
        waitFor("the forms' copy buttons", 20, () -> robot.lookup(".copy-button").queryAll().stream()
                .anyMatch(n -> n.getUserData() != null && n.getScene() != null));
        var button = onFx(() -> (javafx.scene.control.Button) robot.lookup(".copy-button").queryAll().stream()
                .filter(n -> n.getUserData() != null).findFirst().orElseThrow());
        String form = onFx(() -> (String) button.getUserData());
        robot.clickOn(button);
        assertCopiedNote("Copied " + form);
        String value = onFx(() -> time.conversion().forms().stream().filter(f -> f.label().equals(form)).findFirst().orElseThrow().value());
        assertThat(onFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString())).isEqualTo(value);
        assertNoteBeside(button);

        var browser = browserWithRows(1);
        var copyAs = (javafx.scene.control.MenuButton) onFx(() -> stage.getScene().lookup("#browser-copy-as"));
        runFx(() -> menuItem(copyAs, "browser-copy-cli").fire());
        assertCopiedNote("Copied as an AWS CLI command");
        assertThat(onFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString())).startsWith("aws dynamodb ");
        runFx(() -> browser.itemsView().resultsTable().getSelectionModel().clearAndSelect(0));
        runFx(() -> menuItem(copyAs, "browser-copy-item-put-python").fire());
        waitFor("the PutItem copy", 5, () -> dev.cruddur.admin.ui.common.Copied.lastProperty().get().contains("PutItem"));
        assertCopiedNote(onFx(() -> dev.cruddur.admin.ui.common.Copied.lastProperty().get()));
        assertThat(onFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString())).contains("put_item");

        runFx(() -> browser.tabs().getSelectionModel().select(browser.tabs().getTabs().stream()
                .filter(t -> "tab-partiql".equals(t.getId())).findFirst().orElseThrow()));
        waitFor("partiql tab", 10, () -> stage.getScene().lookup("#partiql-copy-as") != null
                && !stage.getScene().lookup("#partiql-copy-as").isDisabled());
        runFx(() -> browser.viewModel().partiql().statementProperty().set("SELECT * FROM \"" + TABLE + "\""));
        var partiqlCopy = (javafx.scene.control.MenuButton) onFx(() -> stage.getScene().lookup("#partiql-copy-as"));
        runFx(() -> menuItem(partiqlCopy, "partiql-copy-aws-cli").fire());
        assertCopiedNote("Copied as AWS CLI command");
        assertThat(onFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString())).startsWith("aws dynamodb execute-statement");
        assertNoteBeside(partiqlCopy);
    }

    /** The Browser chosen with Ctrl+4 and its Items tab's query run, with at least {@code rows} rows. */
    private dev.cruddur.admin.ui.browser.BrowserPane browserWithRows(int rows) {
        shortcut(KeyCode.DIGIT4);
        waitFor("browser pane", 10, () -> railSelected("browser") && app.window().pane("browser") != null
                && app.window().pane("browser").node().getScene() != null);
        var browser = (dev.cruddur.admin.ui.browser.BrowserPane) app.window().pane("browser");
        var items = browser.viewModel().items();
        waitFor("the table's keys read", 20, () -> items.shapeProperty().get() != null);
        runFx(items::run);
        waitFor("rows", 20, () -> items.rows().size() >= rows && !items.loadingProperty().get());
        return browser;
    }

    /** The item with {@code id} in {@code menu}, in a submenu or not. */
    private static javafx.scene.control.MenuItem menuItem(javafx.scene.control.MenuButton menu, String id) {
        java.util.ArrayDeque<javafx.scene.control.MenuItem> left = new java.util.ArrayDeque<>(menu.getItems());
        while (!left.isEmpty()) {
            var item = left.pop();
            if (id.equals(item.getId())) return item;
            if (item instanceof javafx.scene.control.Menu m) left.addAll(m.getItems());
        }
        throw new AssertionError("no menu item #" + id);
    }

    /** The showing "Copied" note sits just under {@code clicked} (not somewhere else in the window). */
    private static void assertNoteBeside(javafx.scene.Node clicked) {
        var note = onFx(() -> Window.getWindows().stream().filter(w -> w.isShowing() && w instanceof javafx.scene.control.Tooltip t
                && t.getStyleClass().contains("copied-note")).reduce((a, b) -> b).orElseThrow());
        var bounds = onFx(() -> clicked.localToScreen(clicked.getBoundsInLocal()));
        assertThat(onFx(note::getX)).as("the note's left edge at the clicked control's").isCloseTo(bounds.getMinX(), org.assertj.core.data.Offset.offset(20.0));
        assertThat(onFx(note::getY)).as("the note just under the clicked control").isBetween(bounds.getMaxY() - 10, bounds.getMaxY() + 40);
    }

    /** What the focus owner is called in a Tab walk: its id, else its kind and text or tooltip. */
    private static String named(javafx.scene.Node n) {
        if (n == null) return "(nothing)";
        if (n.getId() != null) return "#" + n.getId();
        String text = n instanceof javafx.scene.control.Labeled l && l.getText() != null && !l.getText().isBlank() ? l.getText()
                : n instanceof javafx.scene.control.Control c && c.getTooltip() != null ? c.getTooltip().getText() : null;
        return n.getClass().getSimpleName() + (text == null || text.isBlank() ? "" : "[" + text + "]");
    }

    /**
     * Presses Tab from the focused control until the focus comes back to it, and returns the
     * controls focused on the way; fails when the focus leaves the window, stays where it was after
     * a Tab, or never comes back within {@code max} presses.
     */
    private java.util.List<javafx.scene.Node> tabWalk(int max) {
        var start = onFx(() -> stage.getScene().getFocusOwner());
        assertThat(start).as("a control has the focus").isNotNull();
        java.util.List<javafx.scene.Node> seen = new java.util.ArrayList<>(List.of(start));
        var at = start;
        for (int i = 0; i < max; i++) {
            robot.press(KeyCode.TAB).release(KeyCode.TAB);
            FxHarness.settle();
            var was = at;
            at = onFx(() -> stage.getScene().getFocusOwner());
            assertThat(onFx(stage::isFocused)).as("the window keeps the focus after Tab from " + named(was)).isTrue();
            assertThat(at).as("focus after Tab from " + named(was)).isNotNull();
            assertThat(at).as("Tab moves on from " + named(was) + " (after " + names(seen) + ")").isNotSameAs(was);
            if (at == start) return seen;
            seen.add(at);
        }
        throw new AssertionError("Tab never came back to " + named(start) + " in " + max + " presses: " + names(seen));
    }

    private static java.util.List<String> names(java.util.List<javafx.scene.Node> nodes) {
        return nodes.stream().map(WindowFlowsTest::named).toList();
    }

    /** From the pane's rail button (where Ctrl+digit puts the focus), Tab reaches each of {@code needed} and comes back. */
    private java.util.List<javafx.scene.Node> tabReachesEvery(String pane, KeyCode digit, String... needed) {
        shortcut(digit);
        waitFor(pane + " chosen", 10, () -> railSelected(pane) && "nav-".concat(pane).equals(stage.getScene().getFocusOwner().getId()));
        FxHarness.settle();
        var walk = tabWalk(80);
        assertThat(names(walk)).as("Tab from the " + pane + " pane's first control").contains(needed);
        return walk;
    }

    private static final String[] TOP_BAR = {"#viewer-picker", "#refresh", "#theme-switch", "#open-connections"};

    private static String[] with(String[] a, String... b) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b)).toArray(String[]::new);
    }

    /**
     * Every pane without the mouse: from the pane's first control (its rail button, where Ctrl+1…4
     * leaves the focus), Tab reaches every control a user needs there, then the top bar, and comes
     * back, never staying put (a text area used to keep Tab for itself: the message box and the
     * PartiQL editor were places the keyboard could not leave) and never leaving the window.
     */
    @Test
    void tabReachesEveryControlOfEachPaneAndComesBack() {
        waitFor("conversations listed", 20, () -> !app.main().conversations().shown().isEmpty());
        runFx(() -> app.main().conversations().selectedProperty().set(app.main().conversations().shown().get(0)));
        waitFor("a conversation open", 20, () -> !app.main().transcript().entries().isEmpty());
        runFx(() -> app.main().transcript().textProperty().set("Typed, not sent"));
        tabReachesEvery("conversations", KeyCode.DIGIT1, with(TOP_BAR, "#conversation-filter", "#conversation-list", "#new-conversation",
                "#send-mode", "#transcript", "#compose", "#send"));
        assertThat(onFx(() -> app.main().transcript().textProperty().get())).as("Tab typed nothing into the message").isEqualTo("Typed, not sent");
        var compose = onFx(() -> stage.getScene().lookup("#compose"));
        runFx(compose::requestFocus);
        waitFor("the message box focused", 5, compose::isFocused);
        robot.press(KeyCode.SHIFT).press(KeyCode.TAB).release(KeyCode.TAB).release(KeyCode.SHIFT);
        waitFor("Shift+Tab leaves the message box back to the transcript", 5,
                () -> "transcript".equals(stage.getScene().getFocusOwner().getId()));
        assertThat(onFx(() -> app.main().transcript().textProperty().get())).isEqualTo("Typed, not sent");

        shortcut(KeyCode.DIGIT2);
        waitFor("the cache open", 20, () -> railSelected("cache") && stage.getScene().lookup("#caches-menu") != null
                && !stage.getScene().lookup("#caches-menu").isDisabled() && !stage.getScene().lookup("#cache-key-copy").isDisabled());
        tabReachesEvery("cache", KeyCode.DIGIT2, with(TOP_BAR, "#cache-key-copy", "#caches-menu", "#cache-key-input", "#cache-look-up",
                "#cache-keys-refresh", "#cache-keys"));

        shortcut(KeyCode.DIGIT3);
        waitFor("time pane", 10, () -> railSelected("time") && app.window().pane("time") != null);
        var time = (dev.cruddur.admin.ui.time.TimePane) app.window().pane("time");
        runFx(() -> time.conversion().inputProperty().set("2023-04-15 13:15:19.922515+00"));
        waitFor("the forms", 20, () -> robot.lookup(".copy-button").queryAll().stream().anyMatch(n -> n.getUserData() != null));
        var walk = tabReachesEvery("time", KeyCode.DIGIT3, with(TOP_BAR, "#time-pane", "#time-input", "#time-now", "#time-assumed-zone",
                "#time-grid", "#time-add-zone", "#time-zones"));
        var copies = onFx(() -> robot.lookup(".copy-button").queryAll().stream().filter(n -> n.getUserData() != null && n.getScene() != null
                && n.isVisible() && n.getParent() != null && n.getParent().isVisible()).toList());
        assertThat(copies).isNotEmpty();
        assertThat(walk).as("every shown row's copy button").containsAll(copies);
        runFx(time::showLint);
        tabReachesEvery("time", KeyCode.DIGIT3, with(TOP_BAR, "#time-pane", "#lint-run", "#lint-finding-kind", "#lint-findings", "#lint-item"));

        var browser = browserWithRows(1);
        runFx(() -> browser.itemsView().resultsTable().getSelectionModel().clearAndSelect(0));
        tabReachesEvery("browser", KeyCode.DIGIT4, with(TOP_BAR, "#browser-pane", "#browser-table", "#browser-reload-tables", "#browser-index",
                "#browser-scan", "#browser-page-size", "#browser-zone", "#browser-run", "#browser-more", "#browser-details", "#browser-results",
                "#browser-new", "#browser-edit", "#browser-duplicate", "#browser-delete", "#browser-copy-as"));
        String[][] tabs = {
            {"tab-check", "#check-run", "#check-kinds", "#check-findings", "#check-plan"},
            {"tab-transfer", "#export-jsonl", "#export-run", "#import-run"},
            {"tab-partiql", "#partiql-statement", "#partiql-parameters", "#partiql-run", "#partiql-copy-as", "#partiql-results"},
        };
        for (String[] tab : tabs) {
            runFx(() -> browser.tabs().getSelectionModel().select(browser.tabs().getTabs().stream()
                    .filter(t -> tab[0].equals(t.getId())).findFirst().orElseThrow()));
            tabReachesEvery("browser", KeyCode.DIGIT4, with(TOP_BAR, with(new String[] {"#browser-pane"},
                    java.util.Arrays.copyOfRange(tab, 1, tab.length))));
        }
    }

    /** The last copy said {@code what}, and said it on screen: a "Copied" note shows beside what was clicked. */
    private static void assertCopiedNote(String what) {
        assertThat(onFx(() -> dev.cruddur.admin.ui.common.Copied.lastProperty().get())).isEqualTo(what);
        waitFor("the note '" + what + "' on screen", 5, () -> Window.getWindows().stream().anyMatch(w -> w.isShowing()
                && w instanceof javafx.scene.control.Tooltip t && t.getStyleClass().contains("copied-note") && what.equals(t.getText())));
    }

    /**
     * A first run against an endpoint without the table: the status bar says the table is not
     * there yet, not that DescribeTable "failed"; other failures, DescribeTable's own included,
     * still read "failed" (each call's error code from the real engine, through the SDK).
     */
    @Test
    void theStatusBarSaysNoTableYetWhereTheTableIsMissingAndFailedForRealFailures() {
        var connections = app.connections();
        runFx(() -> newLocalProfile(connections, "First run", "not-created-yet"));
        assertThat(onFx(connections::connect)).isTrue();
        waitFor("no table", 30, () -> app.main().stateProperty().get() == WindowSession.State.NO_TABLE);
        var last = (javafx.scene.control.Label) onFx(() -> stage.getScene().lookup("#status-last-call"));
        waitFor("the status bar reports DescribeTable", 10, () -> last.getText().startsWith("DescribeTable"));
        assertThat(onFx(last::getText)).endsWith(" · no table yet").doesNotContain("failed");

        var recorder = new dev.cruddur.admin.store.CallRecorder();
        var calls = new java.util.ArrayList<dev.cruddur.admin.store.CallRecorder.Call>();
        recorder.addListener(calls::add);
        int nobody = dev.cruddur.admin.testsupport.DynaliteServer.freePort();
        for (var endpoint : List.of(engine.endpoint(), java.net.URI.create("http://127.0.0.1:" + nobody))) {
            try (var client = software.amazon.awssdk.services.dynamodb.DynamoDbClient.builder().endpointOverride(endpoint)
                    .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                    .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                            software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test", "test")))
                    .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                    .overrideConfiguration(o -> o.retryPolicy(software.amazon.awssdk.core.retry.RetryPolicy.none()).addExecutionInterceptor(recorder))
                    .build()) {
                for (Runnable call : List.<Runnable>of(() -> client.describeTable(r -> r.tableName("not-created-yet")),
                        () -> client.getItem(r -> r.tableName("not-created-yet").key(java.util.Map.of("pk",
                                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("x"))))))
                    org.assertj.core.api.Assertions.catchThrowable(call::run);
            }
        }
        assertThat(calls).extracting(c -> c.operation() + MainViewModel.outcome(c)).containsExactly(
                "DescribeTable · no table yet",
                "GetItem · failed (ResourceNotFoundException)",
                "DescribeTable · failed", // nothing listens: a real failure, never "no table yet"
                "GetItem · failed");
    }

    /** A new profile (unsaved) for the embedded engine's endpoint and {@code table}, filled in the dialog's view model. */
    private static void newLocalProfile(dev.cruddur.admin.ui.connect.ConnectionsViewModel connections, String name, String table) {
        connections.newProfile();
        connections.nameProperty().set(name);
        connections.kindProperty().set(dev.cruddur.admin.app.connect.ConnectionProfile.Kind.LOCAL);
        connections.endpointProperty().set(engine.endpoint().toString());
        connections.tableProperty().set(table);
    }

    @Test
    void aConnectionTestMarksAMissingTableAsAWarningNeverWithATick() {
        var connections = app.connections();
        shortcut(KeyCode.L);
        waitFor("connections dialog", 10, () -> dialogShowing());
        runFx(() -> {
            newLocalProfile(connections, "No such table", "no-such-table");
            connections.test();
        });
        waitFor("tested", 20, () -> !connections.testingProperty().get());
        assertThat(onFx(() -> connections.testOutcomeProperty().get()))
                .isEqualTo(dev.cruddur.admin.ui.connect.ConnectionsViewModel.TestOutcome.INCOMPLETE);
        var shown = onFx(() -> (javafx.scene.control.Label) Window.getWindows().stream().filter(w -> w.isShowing() && w.getScene() != null
                && w.getScene().lookup("#profile-test-result") != null).findFirst().orElseThrow().getScene().lookup("#profile-test-result"));
        assertThat(onFx(shown::getText)).startsWith("⚠ Reachable. Table 'no-such-table' not found").doesNotStartWith("✓");
        assertThat(onFx(shown::getStyleClass)).contains(atlantafx.base.theme.Styles.WARNING);
        @SuppressWarnings("unchecked")
        var kind = (javafx.scene.control.ComboBox<dev.cruddur.admin.app.connect.ConnectionProfile.Kind>) shown.getScene().lookup("#profile-kind");
        assertThat(onFx(() -> kind.getConverter().toString(kind.getValue()))).as("what the Kind box shows").isEqualTo("Local endpoint");
    }

    @Test
    void aNewConnectionAsksForANameAndAnUnreachableEndpointShowsOnTheBadge() {
        var connections = app.connections();
        shortcut(KeyCode.L);
        waitFor("connections dialog", 10, () -> dialogShowing());
        Window dialog = onFx(() -> Window.getWindows().stream().filter(w -> w != stage && w.isShowing() && w.getScene() != null
                && w.getScene().lookup("#profiles") != null).findFirst().orElseThrow());
        robot.clickOn(onFx(() -> dialog.getScene().lookup("#profile-new")));
        var name = (javafx.scene.control.TextField) onFx(() -> dialog.getScene().lookup("#profile-name"));
        waitFor("the name field has the focus", 10, name::isFocused);
        assertThat(onFx(() -> name.getText())).as("no made-up name").isEmpty();
        assertThat(onFx(() -> name.getPromptText())).startsWith("Name this connection");
        int before = onFx(() -> connections.profiles().size());
        assertThat(onFx(connections::save)).as("saved without a name").isFalse();
        assertThat(onFx(() -> connections.problemProperty().get())).isEqualTo("Name the new connection before saving it.");
        assertThat(onFx(() -> connections.profiles().size())).isEqualTo(before);

        // named, on a loopback port nothing listens on: the badge says UNREACHABLE, not a green LOCAL
        int nobody = dev.cruddur.admin.testsupport.DynaliteServer.freePort();
        robot.clickOn(name).write("Nowhere");
        runFx(() -> connections.endpointProperty().set("http://127.0.0.1:" + nobody));
        assertThat(onFx(connections::connect)).isTrue();
        waitFor("unreachable", 60, () -> app.main().stateProperty().get() == WindowSession.State.UNREACHABLE);
        var badge = (javafx.scene.control.Label) onFx(() -> stage.getScene().lookup("#connection-badge"));
        assertThat(onFx(badge::getText)).isEqualTo("○ UNREACHABLE");
        assertThat(onFx(badge::getStyleClass)).contains("badge-unreachable").doesNotContain("badge-local");
        assertThat(onFx(() -> connections.profiles().stream().anyMatch(p -> p.name().equals("Nowhere")))).isTrue();
    }

    /**
     * Clicks a message, then opens the list's context menu on it as a right-click does (headless
     * Monocle sends no context-menu event for a secondary press, so the menu is shown directly).
     */
    private void menuOn(javafx.scene.control.ListView<?> list, javafx.scene.Node cell) {
        robot.clickOn(cell);
        runFx(() -> {
            var b = cell.localToScreen(cell.getBoundsInLocal());
            list.getContextMenu().show(cell, b.getCenterX(), b.getCenterY());
        });
        waitFor("the message menu", 10, () -> list.getContextMenu().isShowing());
    }

    private boolean dialogShowing() {
        return Window.getWindows().stream().anyMatch(w -> w != stage && w.isShowing() && w.getScene() != null
                && w.getScene().lookup("#profiles") != null);
    }
}
