package dev.cruddur.admin.ui.browser;

import dev.cruddur.admin.ui.shell.WindowSession;
import static dev.cruddur.admin.ui.FxHarness.onFx;
import static dev.cruddur.admin.ui.FxHarness.runFx;
import static dev.cruddur.admin.ui.FxHarness.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.app.browse.SortKeyOperator;
import dev.cruddur.admin.app.connect.ConnectionProfile;
import dev.cruddur.admin.app.consistency.FindingKind;
import dev.cruddur.admin.store.DynamoTarget;
import dev.cruddur.admin.store.Seeder;
import dev.cruddur.admin.testsupport.DynaliteServer;
import dev.cruddur.admin.testsupport.DynamoClients;
import dev.cruddur.admin.ui.DesktopApp;
import dev.cruddur.admin.ui.FxHarness;
import dev.cruddur.admin.ui.MainViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The Browser pane in the real window, headless (Monocle), against dynalite: each flow drives the
 * pane's controls (text fields, buttons, menu items, the dialogs' buttons) and checks the table
 * with the SDK. Every test gets a fresh seeded table and switches the window's connection to it.
 */
class BrowserPaneFlowsTest {
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static DynaliteServer dynalite;
    private static DynamoDbClient client;
    private static Stage stage;
    private static DesktopApp.Assembled app;
    private static BrowserPane pane;

    private String table;

    @BeforeAll
    static void openWindow() throws Exception {
        FxHarness.startHeadless();
        dynalite = DynaliteServer.start();
        client = DynamoClients.dynamo(dynalite.endpoint());
        String first = seed();
        Path config = Files.createTempDirectory("cruddur-browser-flows");
        stage = onFx(Stage::new);
        app = onFx(() -> DesktopApp.assemble(stage, new DesktopApp.Settings(config,
                Optional.of(ConnectionProfile.local("Local dynalite", dynalite.endpoint().toString(), first)),
                Optional.of("andrewbrown"), Clock.systemUTC(), ZoneId.of("UTC"), false, 1280, 800)));
        waitFor("connected", 20, () -> app.main().stateProperty().get() == WindowSession.State.READY);
        runFx(() -> ((ButtonBase) scene().lookup("#nav-browser")).fire());
        pane = (BrowserPane) app.window().pane("browser");
    }

    @AfterAll
    static void closeWindow() {
        FxHarness.closeAllWindows();
        if (client != null) client.close();
        if (dynalite != null) dynalite.close();
    }

    private static String seed() {
        String name = "browse-flow-" + TABLES.incrementAndGet();
        try (DirectMessages dm = DirectMessages.open(DynamoTarget.endpoint(dynalite.endpoint(), name))) {
            dm.schema().create();
            dm.seeder().seedFixture(Clock.systemUTC().instant(), Seeder.Progress.NONE);
        }
        return name;
    }

    @BeforeEach
    void freshTable() {
        table = seed();
        runFx(() -> app.main().connect(ConnectionProfile.local("Local dynalite", dynalite.endpoint().toString(), table)));
        waitFor("the new table scanned", 20, () -> app.main().stateProperty().get() == WindowSession.State.READY
                && table.equals(items().tableProperty().get()) && !items().rows().isEmpty() && !items().loadingProperty().get());
        runFx(() -> pane.tabs().getSelectionModel().select(0));
    }

    private static Scene scene() {
        return stage.getScene();
    }

    private static ItemBrowserViewModel items() {
        return pane.viewModel().items();
    }

    @SuppressWarnings("unchecked")
    private static <T extends Node> T node(String id) {
        return onFx(() -> (T) scene().lookup("#" + id));
    }

    private static void fire(String id) {
        runFx(() -> ((ButtonBase) scene().lookup("#" + id)).fire());
    }

    /** A dialog window on screen holding a node with this id. */
    private static Scene dialogWith(String id) {
        waitFor("a dialog with #" + id, 10, () -> Window.getWindows().stream().anyMatch(w -> w != stage && w.isShowing()
                && w.getScene() != null && w.getScene().lookup("#" + id) != null));
        return onFx(() -> Window.getWindows().stream().filter(w -> w != stage && w.isShowing() && w.getScene() != null
                && w.getScene().lookup("#" + id) != null).findFirst().orElseThrow().getScene());
    }

    private static boolean showing(Scene dialog) {
        return onFx(() -> dialog.getWindow().isShowing());
    }

    /** Query the main conversation through the form: pk, an sk condition, descending, Run. */
    private void queryThroughTheForm(SortKeyOperator op, String value) {
        fire("browser-query");
        runFx(() -> {
            ((TextField) scene().lookup("#browser-pk")).setText(BrowserFixtures.MAIN_MESSAGES_PK);
            @SuppressWarnings("unchecked")
            ComboBox<SortKeyOperator> ops = (ComboBox<SortKeyOperator>) scene().lookup("#browser-sk-op");
            ops.setValue(op);
            ((TextField) scene().lookup("#browser-sk-value")).setText(value);
        });
        fire("browser-descending");
        fire("browser-run");
        waitFor("query rows", 20, () -> !items().loadingProperty().get() && !items().rows().isEmpty()
                && BrowserFixtures.MAIN_MESSAGES_PK.equals(items().rows().get(0).values().get("pk")));
    }

    @SuppressWarnings("unchecked")
    private static TableView<ItemBrowserViewModel.Row> results() {
        return (TableView<ItemBrowserViewModel.Row>) node("browser-results");
    }

    private static String cellText(int row, String column) {
        return onFx(() -> ValueText.cell(results().getItems().get(row).values(), column));
    }

    @Test
    void queryWithASortKeyConditionDescendingShowsRowsNewestFirstAndScrollingLoadsMore() {
        queryThroughTheForm(SortKeyOperator.BEGINS_WITH, "20");
        assertThat(onFx(() -> results().getColumns().stream().map(c -> c.getText()).toList())).startsWith("pk", "sk");
        List<String> sks = onFx(() -> results().getItems().stream().map(r -> (String) r.values().get("sk")).toList());
        assertThat(sks).hasSize(50).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(onFx(() -> ((Label) scene().lookup("#browser-summary")).getText())).contains("50 items").contains("more to load");
        assertThat(onFx(() -> scene().lookup("#browser-load-more").isDisabled())).isFalse();
        runFx(() -> results().scrollTo(49)); // scrolling to the last row asks for the next page
        waitFor("second page", 20, () -> items().rows().size() == 100 && !items().loadingProperty().get());
        // a page that fills its limit exactly still has a LastEvaluatedKey: the end is known after one more (empty) page
        if (onFx(() -> items().hasMoreProperty().get())) fire("browser-load-more");
        waitFor("the end", 20, () -> !items().hasMoreProperty().get() && !items().loadingProperty().get());
        assertThat(onFx(() -> results().getItems().size())).isEqualTo(100);
        assertThat(onFx(() -> scene().lookup("#browser-load-more").isDisabled())).isTrue();
    }

    @Test
    void aWideWindowGivesTheSpareWidthToTheMessageColumnAndANarrowOneScrolls() {
        try {
            runFx(() -> { stage.setWidth(1920); stage.setHeight(1080); });
            FxHarness.settle();
            waitFor("the message column widened", 10, () -> onFx(() -> column("message").getWidth()) > 260);
            FxHarness.settle();
            double spare = onFx(() -> results().getWidth() - results().getVisibleLeafColumns().stream().mapToDouble(c -> c.getWidth()).sum());
            assertThat(spare).as("the table's width left empty right of the last column").isBetween(0.0, 24.0);
            runFx(() -> { stage.setWidth(1024); stage.setHeight(700); });
            FxHarness.settle();
            waitFor("the message column back to its own width", 10, () -> onFx(() -> column("message").getWidth()) == 260);
            double columns = onFx(() -> results().getVisibleLeafColumns().stream().mapToDouble(c -> c.getWidth()).sum());
            assertThat(columns).as("many columns keep their widths and scroll sideways").isGreaterThan(onFx(() -> results().getWidth()));
        } finally {
            runFx(() -> { stage.setWidth(1280); stage.setHeight(800); });
            FxHarness.settle();
        }
    }

    private static javafx.scene.control.TableColumn<ItemBrowserViewModel.Row, ?> column(String name) {
        return results().getColumns().stream().filter(c -> name.equals(c.getText())).findFirst().orElseThrow();
    }

    @Test
    void editAnItemAndSave() {
        queryThroughTheForm(SortKeyOperator.GT, "2000");
        String pk = cellText(0, "pk");
        String sk = cellText(0, "sk");
        String before = cellText(0, "message");
        runFx(() -> results().getSelectionModel().clearAndSelect(0));
        fire("browser-edit");
        Scene editor = dialogWith("editor-text");
        runFx(() -> {
            TextArea text = (TextArea) editor.lookup("#editor-text");
            text.setText(text.getText().replace(before, "Saved from the editor"));
        });
        assertThat(onFx(() -> editor.lookup("#editor-save").isDisabled())).isFalse();
        runFx(() -> ((Button) editor.lookup("#editor-save")).fire());
        waitFor("editor closed", 10, () -> !editor.getWindow().isShowing());
        assertThat(cellText(0, "message")).isEqualTo("Saved from the editor");
        assertThat(stored(pk, sk).get("message").s()).isEqualTo("Saved from the editor");
        // the save says so, and the edited row stays selected (Edit, Delete and Copy as still apply to it)
        assertThat(onFx(() -> ((Label) scene().lookup("#browser-notice")).getText())).isEqualTo("Saved.");
        assertThat(onFx(() -> results().getSelectionModel().getSelectedIndices())).containsExactly(0);
        assertThat(onFx(() -> scene().lookup("#browser-edit").isDisabled())).isFalse();
    }

    @Test
    void anEditThenARepairShowInTheConversationPanesRightAfterSaveWithoutF5() {
        MainViewModel main = app.main();
        waitFor("the list", 20, () -> main.conversations().shown().stream()
                .anyMatch(c -> c.groupUuid().equals(dev.cruddur.admin.domain.DemoFixture.MAIN_GROUP)));
        runFx(() -> main.conversations().selectedProperty().set(mainConversation()));
        waitFor("the transcript", 20, () -> !main.transcript().entries().isEmpty() && !main.transcript().loadingProperty().get());

        // the newest message, edited in the Browser and saved
        queryThroughTheForm(SortKeyOperator.GT, "2000");
        String before = cellText(0, "message");
        runFx(() -> results().getSelectionModel().clearAndSelect(0));
        fire("browser-edit");
        Scene editor = dialogWith("editor-text");
        runFx(() -> {
            TextArea text = (TextArea) editor.lookup("#editor-text");
            text.setText(text.getText().replace(before, "Edited in the Browser"));
            ((Button) editor.lookup("#editor-save")).fire();
        });
        waitFor("editor closed", 10, () -> !editor.getWindow().isShowing());
        // no F5: the open transcript shows it as soon as the save returned
        waitFor("the transcript shows the edit", 10, () -> newestText().equals("Edited in the Browser"));
        assertThat(onFx(() -> mainConversation().lastMessage())).isEqualTo(before);

        // Check -> Repair moves the group rows to the edited text: the list shows it, no F5
        runFx(() -> pane.tabs().getSelectionModel().select(1));
        fire("check-run");
        ConsistencyViewModel check = pane.viewModel().check();
        waitFor("check done", 20, () -> check.reportProperty().get() != null && !check.checkingProperty().get());
        assertThat(onFx(() -> scene().lookup("#check-repair").isDisabled())).isFalse();
        fire("check-repair");
        Scene confirm = dialogWith("confirm-name");
        runFx(() -> {
            ((TextField) confirm.lookup("#confirm-name")).setText(table);
            ((Button) confirm.lookup("#confirm-ok")).fire();
        });
        waitFor("repaired", 20, () -> !check.repairingProperty().get() && !check.checkingProperty().get()
                && check.statusProperty().get().contains("Checked again"));
        waitFor("the list shows the edit", 10, () -> mainConversation().lastMessage().equals("Edited in the Browser"));
        assertThat(onFx(() -> main.conversations().selectedProperty().get().groupUuid()))
                .as("the conversation stays open").isEqualTo(dev.cruddur.admin.domain.DemoFixture.MAIN_GROUP);
        fire("nav-conversations");
        try {
            assertThat(onFx(() -> ((ListView<?>) scene().lookup("#conversation-list")).getItems().stream()
                    .map(c -> ((dev.cruddur.admin.domain.Conversation) c).lastMessage()).toList())).contains("Edited in the Browser");
        } finally {
            fire("nav-browser");
        }
    }

    private static dev.cruddur.admin.domain.Conversation mainConversation() {
        return app.main().conversations().shown().stream()
                .filter(c -> c.groupUuid().equals(dev.cruddur.admin.domain.DemoFixture.MAIN_GROUP)).findFirst().orElseThrow();
    }

    private static String newestText() {
        var entries = app.main().transcript().entries();
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i) instanceof dev.cruddur.admin.ui.messages.TranscriptEntry.Bubble b) return b.message().text();
        }
        return "";
    }

    @Test
    void invalidTextDisablesSaveWithTheReasonInline() {
        queryThroughTheForm(SortKeyOperator.GT, "2000");
        runFx(() -> results().getSelectionModel().clearAndSelect(0));
        fire("browser-edit");
        Scene editor = dialogWith("editor-text");
        runFx(() -> ((TextArea) editor.lookup("#editor-text")).setText("{\"pk\": {\"S\": \"x\"}"));
        assertThat(onFx(() -> editor.lookup("#editor-save").isDisabled())).isTrue();
        assertThat(onFx(() -> editor.lookup("#editor-problem").isVisible())).isTrue();
        assertThat(onFx(() -> ((Label) editor.lookup("#editor-problem")).getText())).startsWith("Not DynamoDB JSON");
        runFx(() -> ((Button) ((DialogPane) editor.getRoot()).lookupButton(ButtonType.CLOSE)).fire());
    }

    @Test
    void aStaleSaveIsRefusedInPlainWordsAndReloadIsOffered() {
        queryThroughTheForm(SortKeyOperator.GT, "2000");
        String pk = cellText(0, "pk");
        String sk = cellText(0, "sk");
        String before = cellText(0, "message");
        runFx(() -> results().getSelectionModel().clearAndSelect(0));
        fire("browser-edit");
        Scene editor = dialogWith("editor-text");
        BrowserFixtures.changeMessage(client, table, pk, sk, "Someone else got there first");
        runFx(() -> {
            TextArea text = (TextArea) editor.lookup("#editor-text");
            text.setText(text.getText().replace(before, "My late edit"));
            ((Button) editor.lookup("#editor-save")).fire();
        });
        waitFor("refusal", 10, () -> editor.lookup("#editor-refused").isVisible());
        assertThat(onFx(() -> ((Label) editor.lookup("#editor-refusal")).getText())).contains("changed since it was read");
        assertThat(showing(editor)).isTrue();
        assertThat(stored(pk, sk).get("message").s()).isEqualTo("Someone else got there first");
        assertThat(onFx(() -> editor.lookup("#editor-reload").isVisible())).isTrue();
        runFx(() -> ((Button) editor.lookup("#editor-reload")).fire());
        waitFor("reloaded", 10, () -> ((TextArea) editor.lookup("#editor-text")).getText().contains("Someone else got there first"));
        assertThat(onFx(() -> editor.lookup("#editor-refused").isVisible())).isFalse();
        assertThat(cellText(0, "message")).isEqualTo("Someone else got there first");
        runFx(() -> ((Button) ((DialogPane) editor.getRoot()).lookupButton(ButtonType.CLOSE)).fire());
    }

    @Test
    void multiSelectDeleteOfTwoItemsAsksWithTheCountFirst() {
        queryThroughTheForm(SortKeyOperator.GT, "2000");
        int before = onFx(() -> results().getItems().size());
        String sk0 = cellText(0, "sk");
        String sk1 = cellText(1, "sk");
        runFx(() -> results().getSelectionModel().selectIndices(0, 1));
        assertThat(onFx(() -> ((Button) scene().lookup("#browser-delete")).getText())).isEqualTo("Delete 2");
        fire("browser-delete");
        Scene ask = dialogWith("delete-confirmation");
        assertThat(onFx(() -> ((DialogPane) ask.getRoot()).getHeaderText())).isEqualTo("Delete 2 items from " + table + "?");
        assertThat(stored(BrowserFixtures.MAIN_MESSAGES_PK, sk0)).isNotEmpty();
        runFx(() -> ((Button) ((DialogPane) ask.getRoot()).lookupButton(ButtonType.OK)).fire());
        waitFor("rows gone", 10, () -> results().getItems().size() == before - 2);
        assertThat(stored(BrowserFixtures.MAIN_MESSAGES_PK, sk0)).isEmpty();
        assertThat(stored(BrowserFixtures.MAIN_MESSAGES_PK, sk1)).isEmpty();
        assertThat(onFx(() -> ((Label) scene().lookup("#browser-notice")).getText())).isEqualTo("Deleted 2 items from " + table + ".");
        // in the narrowest window the notice wraps rather than shrink to "…" between Load more and New
        try {
            runFx(() -> { stage.setWidth(1024); stage.setHeight(700); });
            FxHarness.settle();
            assertThat(onFx(() -> shownText((Label) scene().lookup("#browser-notice")))).isEqualTo("Deleted 2 items from " + table + ".");
        } finally {
            runFx(() -> { stage.setWidth(1280); stage.setHeight(800); });
            FxHarness.settle();
        }
    }

    /** What a label's skin draws of its text (its own Text child): the text itself, or an ellipsized part of it. */
    private static String shownText(Label label) {
        label.getScene().getRoot().applyCss();
        label.getScene().getRoot().layout();
        return label.getChildrenUnmodifiable().stream().filter(c -> c instanceof javafx.scene.text.Text && c.getStyleClass().contains("text"))
                .map(c -> ((javafx.scene.text.Text) c).getText()).findFirst().orElse("");
    }

    @Test
    void cancellingTheDeleteConfirmationDeletesNothing() {
        queryThroughTheForm(SortKeyOperator.GT, "2000");
        int before = onFx(() -> results().getItems().size());
        runFx(() -> results().getSelectionModel().selectIndices(0, 1));
        fire("browser-delete");
        Scene ask = dialogWith("delete-confirmation");
        runFx(() -> ((Button) ((DialogPane) ask.getRoot()).lookupButton(ButtonType.CANCEL)).fire());
        FxHarness.settle();
        assertThat(onFx(() -> results().getItems().size())).isEqualTo(before);
        assertThat(stored(BrowserFixtures.MAIN_MESSAGES_PK, cellText(0, "sk"))).isNotEmpty();
    }

    @Test
    void copyAsCliPutsTheCommandOnTheClipboardAndShowsIt() {
        queryThroughTheForm(SortKeyOperator.BEGINS_WITH, "2026");
        runFx(() -> ((MenuButton) scene().lookup("#browser-copy-as")).getItems().stream()
                .filter(m -> "browser-copy-cli".equals(m.getId())).findFirst().orElseThrow().fire());
        String clip = onFx(() -> Clipboard.getSystemClipboard().getString());
        assertThat(clip).startsWith("aws dynamodb query --table-name " + table)
                .contains("--key-condition-expression '#k0 = :k0 AND begins_with(#k1, :k1)'")
                .contains("--no-scan-index-forward");
        assertThat(onFx(() -> scene().lookup("#browser-request").isVisible())).isTrue();
        assertThat(onFx(() -> ((TextArea) scene().lookup("#browser-request-text")).getText())).isEqualTo(clip);
        // the same menu has the boto3 script and the JavaScript module (CopyAsScriptsTest runs them)
        runFx(() -> ((MenuButton) scene().lookup("#browser-copy-as")).getItems().stream()
                .filter(m -> "browser-copy-python".equals(m.getId())).findFirst().orElseThrow().fire());
        assertThat(onFx(() -> Clipboard.getSystemClipboard().getString())).startsWith("import base64").contains("client.query(**request)");
        runFx(() -> ((MenuButton) scene().lookup("#browser-copy-as")).getItems().stream()
                .filter(m -> "browser-copy-javascript".equals(m.getId())).findFirst().orElseThrow().fire());
        assertThat(onFx(() -> Clipboard.getSystemClipboard().getString())).contains("new QueryCommand(request)");
    }

    @Test
    void damagedTableCheckRepairWithTheTypedNameThenClean() {
        BrowserFixtures.removeBaykosGroupRow(client, table);
        runFx(() -> pane.tabs().getSelectionModel().select(1));
        fire("check-run");
        ConsistencyViewModel check = pane.viewModel().check();
        waitFor("check done", 20, () -> check.reportProperty().get() != null && !check.checkingProperty().get());
        @SuppressWarnings("unchecked")
        ListView<ConsistencyViewModel.KindCount> kinds = node("check-kinds");
        assertThat(onFx(() -> List.copyOf(kinds.getItems()))).containsExactly(new ConsistencyViewModel.KindCount(FindingKind.MISSING_GROUP_ROW, 1));
        assertThat(onFx(() -> ((ListView<?>) scene().lookup("#check-findings")).getItems().size())).isEqualTo(1);
        // the finding names users by handle; their uuids are one hover away
        waitFor("the finding's cell", 10, () -> findingCell() != null);
        String shown = onFx(() -> findingCell().lookupAll(".label").stream().map(l -> ((Label) l).getText())
                .collect(java.util.stream.Collectors.joining(" | ")));
        assertThat(shown).contains("no group row for @bayko").contains("conversation of @andrewbrown and @bayko")
                .doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-");
        String hover = onFx(() -> findingCell().getTooltip().getText());
        assertThat(hover).containsPattern("@bayko = [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
                .containsPattern("conversation [0-9a-f]{8}-");
        assertThat(onFx(() -> ((ListView<?>) scene().lookup("#check-plan")).getItems().size())).isGreaterThan(0);
        assertThat(onFx(() -> scene().lookup("#check-repair").isDisabled())).isFalse();

        fire("check-repair");
        Scene confirm = dialogWith("confirm-name");
        Node ok = onFx(() -> confirm.lookup("#confirm-ok"));
        assertThat(onFx(ok::isDisabled)).isTrue();
        runFx(() -> ((TextField) confirm.lookup("#confirm-name")).setText(table + "x"));
        assertThat(onFx(ok::isDisabled)).isTrue();
        runFx(() -> ((TextField) confirm.lookup("#confirm-name")).setText(table));
        assertThat(onFx(ok::isDisabled)).isFalse();
        runFx(() -> ((Button) ok).fire());
        waitFor("repaired and checked again", 20, () -> !check.repairingProperty().get() && !check.checkingProperty().get()
                && check.statusProperty().get().contains("Checked again"));
        assertThat(onFx(() -> ((Label) scene().lookup("#check-status")).getText())).startsWith("Repaired 1 conversation(s)").contains("No findings");
        assertThat(onFx(() -> kinds.getItems().size())).isZero();
        assertThat(onFx(() -> scene().lookup("#check-repair").isDisabled())).isTrue();
    }

    @Test
    void exportTheQueryToAFileWithItsLineCount(@TempDir Path dir) throws Exception {
        queryThroughTheForm(SortKeyOperator.GT, "2000");
        Path file = dir.resolve("export.jsonl");
        runFx(() -> {
            pane.tabs().getSelectionModel().select(2);
            pane.transferView().setFileAsk((save, name, owner) -> Optional.of(file));
        });
        assertThat(onFx(() -> ((Label) scene().lookup("#export-description")).getText())).startsWith("Query of " + table);
        fire("export-run");
        TransferViewModel transfer = pane.viewModel().transfer();
        waitFor("exported", 20, () -> !transfer.runningProperty().get() && !transfer.resultProperty().get().isEmpty());
        long expected = client.queryPaginator(r -> r.tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(BrowserFixtures.MAIN_MESSAGES_PK)))).items().stream().count();
        assertThat(Files.readAllLines(file)).hasSize((int) expected);
        assertThat(onFx(() -> ((Label) scene().lookup("#transfer-result")).getText())).startsWith("Exported " + expected + " items to " + file);
    }

    @Test
    void writeButtonsAreOffWithTheReasonWhileReadOnly() {
        ReadOnlyBooleanWrapper writable = new ReadOnlyBooleanWrapper(false);
        ItemBrowserViewModel locked = new ItemBrowserViewModel(app.tasks(), writable.getReadOnlyProperty(), ZoneId.of("UTC"));
        ItemsView view = onFx(() -> new ItemsView(locked));
        runFx(() -> locked.open(app.main().session().connection()));
        waitFor("rows", 20, () -> !locked.rows().isEmpty() && !locked.loadingProperty().get());
        Scene s = onFx(() -> new Scene(view, 1000, 600));
        runFx(() -> ((TableView<?>) s.lookup("#browser-results")).getSelectionModel().selectIndices(0, 1));
        for (String id : List.of("browser-new", "browser-delete", "browser-duplicate")) {
            Node button = onFx(() -> s.lookup("#" + id));
            assertThat(onFx(button::isDisabled)).as(id).isTrue();
            var tip = onFx(() -> WriteGuard.tooltipOf((StackPane) button.getParent()).getText());
            assertThat(tip).as(id).isEqualTo(WriteGuard.READ_ONLY);
        }
        runFx(() -> writable.set(true));
        assertThat(onFx(() -> s.lookup("#browser-delete").isDisabled())).isFalse();
        assertThat(onFx(() -> WriteGuard.tooltipOf((StackPane) s.lookup("#browser-delete").getParent()).getText())).doesNotContain("Read-only");
    }

    private Map<String, AttributeValue> stored(String pk, String sk) {
        var r = client.getItem(g -> g.tableName(table).key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk))));
        return r.hasItem() ? r.item() : Map.of();
    }

    /** The findings list's first filled cell, or null before it is laid out. */
    private javafx.scene.control.ListCell<?> findingCell() {
        return scene().lookup("#check-findings").lookupAll(".list-cell").stream().map(n -> (javafx.scene.control.ListCell<?>) n)
                .filter(c -> !c.isEmpty()).findFirst().orElse(null);
    }

    @Test
    void tableDetailsShowKeysIndexStreamAndTheTagsTagResourceSet() {
        String arn = client.describeTable(d -> d.tableName(table)).table().tableArn();
        client.tagResource(t -> t.resourceArn(arn).tags(software.amazon.awssdk.services.dynamodb.model.Tag.builder().key("team").value("cruddur").build()));
        runFx(() -> ((javafx.scene.control.TitledPane) scene().lookup("#browser-details")).setExpanded(true));
        waitFor("details read", 20, () -> !items().details().loadingProperty().get() && scene().lookup("#browser-details-tags") != null);
        assertThat(onFx(() -> ((javafx.scene.control.Label) scene().lookup("#browser-details-tags")).getText())).isEqualTo("team = cruddur");
        assertThat(onFx(() -> ((javafx.scene.control.Label) scene().lookup("#browser-details-keys")).getText()))
                .isEqualTo("pk (partition, S),  sk (sort, S)");
        // dynalite has no streams: the messages table is created without one there
        assertThat(onFx(() -> ((javafx.scene.control.Label) scene().lookup("#browser-details-stream")).getText())).isEqualTo("off");
        assertThat(onFx(() -> items().details().factsProperty().get().stream().map(TableDetailsViewModel.Fact::name).toList()))
                .contains("Table", "Keys", "Global index", "Items", "Stream", "TTL", "Tags");
        runFx(() -> ((javafx.scene.control.TitledPane) scene().lookup("#browser-details")).setExpanded(false));
    }

    @Test
    void aSelectedRowCopiesAsGetItemAndPutItem() {
        runFx(() -> results().getSelectionModel().clearAndSelect(0));
        var copy = (javafx.scene.control.MenuButton) node("browser-copy-as");
        String sk = onFx(() -> String.valueOf(items().rows().get(0).values().get("sk")));
        runFx(() -> copy.getItems().stream().filter(i -> "browser-copy-item-get".equals(i.getId())).findFirst()
                .map(m -> ((javafx.scene.control.Menu) m).getItems().stream().filter(i -> "browser-copy-item-get-python".equals(i.getId()))
                        .findFirst().orElseThrow()).orElseThrow().fire());
        waitFor("copied", 5, () -> String.valueOf(javafx.scene.input.Clipboard.getSystemClipboard().getString()).contains("client.get_item("));
        assertThat(onFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString())).contains(sk, "TableName=\"" + table + "\"");
        assertThat(onFx(() -> dev.cruddur.admin.ui.common.Copied.lastProperty().get())).isEqualTo("Copied GetItem as Python (boto3) script");
        runFx(() -> copy.getItems().stream().filter(i -> "browser-copy-item-put".equals(i.getId())).findFirst()
                .map(m -> ((javafx.scene.control.Menu) m).getItems().stream().filter(i -> "browser-copy-item-put-aws-cli".equals(i.getId()))
                        .findFirst().orElseThrow()).orElseThrow().fire());
        waitFor("put copied", 5, () -> String.valueOf(javafx.scene.input.Clipboard.getSystemClipboard().getString()).startsWith("aws dynamodb put-item"));
        assertThat(onFx(() -> ((javafx.scene.control.TextArea) scene().lookup("#browser-request-text")).getText())).startsWith("aws dynamodb put-item");
    }

    @Test
    void theEditorCopiesItsCurrentTextAsPutItemAndItsKeyAsGetItem() {
        runFx(() -> results().getSelectionModel().clearAndSelect(0));
        String before = cellText(0, "message");
        fire("browser-edit");
        Scene editor = dialogWith("editor-text");
        runFx(() -> {
            TextArea text = (TextArea) editor.lookup("#editor-text");
            text.setText(text.getText().replace(before, "Copied before saving"));
        });
        var copy = onFx(() -> (javafx.scene.control.MenuButton) editor.lookup("#editor-copy-as"));
        runFx(() -> ((javafx.scene.control.Menu) copy.getItems().get(1)).getItems().stream()
                .filter(i -> "editor-copy-put-javascript".equals(i.getId())).findFirst().orElseThrow().fire());
        waitFor("put copied", 5, () -> String.valueOf(javafx.scene.input.Clipboard.getSystemClipboard().getString()).contains("PutItemCommand"));
        assertThat(onFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString()))
                .as("the editor's text, not the stored item").contains("Copied before saving").doesNotContain(before);
        runFx(() -> ((javafx.scene.control.Menu) copy.getItems().get(0)).getItems().stream()
                .filter(i -> "editor-copy-get-aws-cli".equals(i.getId())).findFirst().orElseThrow().fire());
        waitFor("get copied", 5, () -> String.valueOf(javafx.scene.input.Clipboard.getSystemClipboard().getString()).startsWith("aws dynamodb get-item"));
        assertThat(onFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString())).as("a GetItem names the key only")
                .doesNotContain("Copied before saving").contains("--key");
        runFx(() -> editor.getWindow().hide());
    }
}
