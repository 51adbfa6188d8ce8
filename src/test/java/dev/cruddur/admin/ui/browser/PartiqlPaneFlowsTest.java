package dev.cruddur.admin.ui.browser;

import static dev.cruddur.admin.ui.FxHarness.onFx;
import static dev.cruddur.admin.ui.FxHarness.runFx;
import static dev.cruddur.admin.ui.FxHarness.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.app.browse.StatementHistory;
import dev.cruddur.admin.app.connect.ConnectionProfile;
import dev.cruddur.admin.domain.DemoFixture;
import dev.cruddur.admin.engine.EmbeddedDynamo;
import dev.cruddur.admin.engine.EngineConfig;
import dev.cruddur.admin.store.DynamoConnection;
import dev.cruddur.admin.store.DynamoTarget;
import dev.cruddur.admin.store.ItemJson;
import dev.cruddur.admin.store.Seeder;
import dev.cruddur.admin.testsupport.DynamoClients;
import dev.cruddur.admin.ui.DesktopApp;
import dev.cruddur.admin.ui.FxHarness;
import dev.cruddur.admin.ui.MainViewModel;
import dev.cruddur.admin.ui.common.BackgroundTasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The PartiQL tab in the real window, headless, on the embedded engine: Ctrl+Enter runs a statement with a
 * parameter, pages load, an error shows under the statement, the history is kept (and written to the config
 * directory), completions offer the names seen, and "copy as" fills the clipboard. The read-only lock is
 * checked on the view model with a locked connection.
 */
@Timeout(120)
class PartiqlPaneFlowsTest {
    private static final String TABLE = "cruddur-messages";
    private static EmbeddedDynamo engine;
    private static DynamoDbClient client;
    private static Stage stage;
    private static DesktopApp.Assembled app;
    private static BrowserPane pane;
    private static Path config;

    @BeforeAll
    static void openWindow() throws Exception {
        FxHarness.startHeadless();
        engine = EmbeddedDynamo.start(EngineConfig.inMemory());
        client = DynamoClients.dynamo(engine.endpoint());
        try (DirectMessages dm = DirectMessages.open(DynamoTarget.endpoint(engine.endpoint(), TABLE))) {
            dm.schema().create();
            dm.seeder().seedFixture(Clock.systemUTC().instant(), Seeder.Progress.NONE);
        }
        config = Files.createTempDirectory("cruddur-partiql-flows");
        System.setProperty("cruddur.config.home", config.toString()); // the Browser pane keeps its history there
        stage = onFx(Stage::new);
        app = onFx(() -> DesktopApp.assemble(stage, new DesktopApp.Settings(config,
                Optional.of(ConnectionProfile.local("Embedded", engine.endpoint().toString(), TABLE)),
                Optional.of("andrewbrown"), Clock.systemUTC(), ZoneId.of("UTC"), false, 1280, 800)));
        waitFor("connected", 20, () -> app.main().stateProperty().get() == MainViewModel.State.READY);
        runFx(() -> ((ButtonBase) stage.getScene().lookup("#nav-browser")).fire());
        pane = (BrowserPane) app.window().pane("browser");
        runFx(() -> pane.tabs().getSelectionModel().select(pane.tabs().getTabs().stream().filter(t -> "tab-partiql".equals(t.getId())).findFirst().orElseThrow()));
    }

    @AfterAll
    static void closeWindow() {
        System.clearProperty("cruddur.config.home");
        FxHarness.closeAllWindows();
        if (client != null) client.close();
        if (engine != null) engine.close();
    }

    private static PartiqlViewModel vm() { return pane.viewModel().partiql(); }

    private static <T> T node(String id) {
        @SuppressWarnings("unchecked") T n = onFx(() -> (T) stage.getScene().lookup("#" + id));
        return n;
    }

    private static void ctrlEnter() {
        runFx(() -> pane.partiqlView().editor().fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, true, false, false)));
    }

    @Test
    void runPageErrorParameterHistoryCompletionAndCopyAs() throws Exception {
        String pk = "MSG#" + DemoFixture.MAIN_GROUP;
        String statement = "SELECT * FROM \"" + TABLE + "\" WHERE pk = ? AND begins_with(sk, '20')";
        runFx(() -> {
            ((TextArea) stage.getScene().lookup("#partiql-statement")).setText(statement);
            ((TextArea) stage.getScene().lookup("#partiql-parameters")).setText("\"" + pk + "\"");
            vm().pageSizeProperty().set(40);
        });
        // the preview colours the statement's tokens
        assertThat(onFx(() -> pane.partiqlView().preview().getChildren().stream()
                .filter(n -> n.getStyleClass().contains("partiql-keyword")).count())).isGreaterThanOrEqualTo(4);
        assertThat(onFx(() -> pane.partiqlView().preview().getChildren().stream()
                .anyMatch(n -> n.getStyleClass().contains("partiql-parameter")))).isTrue();

        ctrlEnter();
        waitFor("the first page", 20, () -> onFx(() -> vm().rows().size() == 40 && !vm().loadingProperty().get()));
        assertThat(onFx(() -> ((Label) stage.getScene().lookup("#partiql-summary")).getText())).contains("40 items").contains("1 page").contains("capacity units");
        assertThat(onFx(() -> pane.partiqlView().resultsTable().getColumns().stream().map(c -> c.getText()).toList())).contains("pk", "sk", "message");
        while (onFx(() -> vm().hasMoreProperty().get())) {
            int before = onFx(() -> vm().rows().size());
            runFx(() -> ((ButtonBase) stage.getScene().lookup("#partiql-load-more")).fire());
            waitFor("the next page", 20, () -> onFx(() -> vm().rows().size() > before || !vm().hasMoreProperty().get()) && !onFx(() -> vm().loadingProperty().get()));
        }
        List<Map<String, AttributeValue>> shown = onFx(() -> vm().rows().stream().map(r -> ItemJson.fromDynamoJson(r.dynamoJson())).toList());
        List<Map<String, AttributeValue>> queried = client.queryPaginator(q -> q.tableName(TABLE).keyConditionExpression("pk = :p AND begins_with(sk, :y)")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(pk), ":y", AttributeValue.fromS("20")))).items().stream().toList();
        assertThat(shown).isEqualTo(queried).hasSize(DemoFixture.MAIN_MESSAGES);

        // an error shows under the statement, and the grid keeps nothing stale
        runFx(() -> ((TextArea) stage.getScene().lookup("#partiql-statement")).setText("SELEC * FROM \"" + TABLE + "\""));
        runFx(() -> ((ButtonBase) stage.getScene().lookup("#partiql-run")).fire());
        waitFor("the error", 20, () -> onFx(() -> ((Label) stage.getScene().lookup("#partiql-error")).isVisible()));
        assertThat(onFx(() -> ((Label) stage.getScene().lookup("#partiql-error")).getText())).contains("Statement wasn't well formed");

        // the history holds both, newest first, and is written to the config directory off the FX thread
        MenuButton history = node("partiql-history");
        assertThat(onFx(() -> history.getItems().stream().map(MenuItem::getText).toList()))
                .startsWith("SELEC * FROM \"" + TABLE + "\"", statement.replaceAll("\\s+", " "));
        waitFor("the history file", 10, () -> new StatementHistory(config).load().size() >= 2);
        assertThat(new StatementHistory(config).load()).startsWith("SELEC * FROM \"" + TABLE + "\"", statement);
        runFx(() -> history.getItems().get(1).fire());
        assertThat(onFx(() -> vm().statementProperty().get())).isEqualTo(statement);

        // completions: the attributes seen, at the caret
        runFx(() -> {
            TextArea editor = pane.partiqlView().editor();
            editor.setText("SELECT mess");
            editor.positionCaret(editor.getText().length());
            editor.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.SPACE, false, true, false, false));
        });
        assertThat(onFx(() -> pane.partiqlView().completionsMenu().getItems().stream().map(MenuItem::getText).toList()))
                .contains("message", "message_uuid");
        runFx(() -> {
            pane.partiqlView().completionsMenu().getItems().get(0).fire();
            pane.partiqlView().completionsMenu().hide();
        });
        assertThat(onFx(() -> vm().statementProperty().get())).isEqualTo("SELECT message");

        // copy as: each kind lands on the clipboard
        runFx(() -> vm().statementProperty().set(statement));
        MenuButton copy = node("partiql-copy-as");
        for (String[] kind : new String[][] {{"partiql-copy-aws-cli", "aws dynamodb execute-statement"}, {"partiql-copy-java", "ExecuteStatementRequest"},
                {"partiql-copy-boto3", "client.execute_statement(**request)"}, {"partiql-copy-javascript", "ExecuteStatementCommand"}}) {
            runFx(() -> copy.getItems().stream().filter(i -> kind[0].equals(i.getId())).findFirst().orElseThrow().fire());
            assertThat(onFx(() -> Clipboard.getSystemClipboard().getString())).contains(kind[1]).contains(pk);
        }
    }

    @Test
    void aWriteObeysTheReadOnlyLock(@TempDir Path dir) {
        ReadOnlyBooleanWrapper writable = new ReadOnlyBooleanWrapper(false);
        PartiqlViewModel locked = new PartiqlViewModel(BackgroundTasks.inline(), writable.getReadOnlyProperty(),
                FXCollections.observableArrayList(TABLE), new StatementHistory(dir), ZoneOffset.UTC);
        try (DynamoConnection connection = DynamoConnection.open(DynamoTarget.endpoint(engine.endpoint(), TABLE))) {
            connection.lockWrites();
            locked.open(connection);
            locked.statementProperty().set("INSERT INTO \"" + TABLE + "\" VALUE {'pk': 'LOCKED', 'sk': 'x'}");
            locked.run();
            assertThat(locked.errorProperty().get()).isEqualTo(WriteGuard.READ_ONLY);
            assertThat(client.getItem(g -> g.tableName(TABLE).key(Map.of("pk", AttributeValue.fromS("LOCKED"), "sk", AttributeValue.fromS("x")))).hasItem()).isFalse();
            connection.unlockWrites();
            writable.set(true);
            locked.run();
            assertThat(locked.errorProperty().get()).isNull();
            assertThat(client.getItem(g -> g.tableName(TABLE).key(Map.of("pk", AttributeValue.fromS("LOCKED"), "sk", AttributeValue.fromS("x")))).hasItem()).isTrue();
            locked.statementProperty().set("DELETE FROM \"" + TABLE + "\" WHERE pk = ? AND sk = ?");
            locked.parametersProperty().set("\"LOCKED\"\n{\"S\":\"x\"}");
            locked.run();
            assertThat(client.getItem(g -> g.tableName(TABLE).key(Map.of("pk", AttributeValue.fromS("LOCKED"), "sk", AttributeValue.fromS("x")))).hasItem()).isFalse();
        }
    }
}
