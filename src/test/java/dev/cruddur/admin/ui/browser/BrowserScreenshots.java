package dev.cruddur.admin.ui.browser;

import dev.cruddur.admin.ui.shell.WindowSession;
import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.app.browse.SortKeyOperator;
import dev.cruddur.admin.app.connect.ConnectionProfile;
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
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import javafx.stage.Stage;

/**
 * Renders the Browser pane with query results (light and dark) and the check view with a finding,
 * headless: {@code mvn -B -q -o test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.cruddur.admin.ui.browser.BrowserScreenshots} (optional {@code -Dexec.args=OUTPUT_DIR},
 * default {@code docs/screenshots}).
 */
public final class BrowserScreenshots {
    private static final String TABLE = "cruddur-messages";

    private BrowserScreenshots() {}

    public static void main(String[] args) {
        FxHarness.screenshotMain(args, BrowserScreenshots::render);
    }

    static void render(Path out) throws Exception {
        try (DynaliteServer dynalite = DynaliteServer.start()) {
            var now = Clock.systemUTC().instant();
            try (DirectMessages dm = DirectMessages.open(DynamoTarget.endpoint(dynalite.endpoint(), TABLE))) {
                dm.schema().create();
                dm.seeder().seedFixture(now, Seeder.Progress.NONE);
            }
            try (var client = DynamoClients.dynamo(dynalite.endpoint())) {
                BrowserFixtures.removeBaykosGroupRow(client, TABLE); // a lost write for the check view to find
            }
            Path config = Files.createTempDirectory("cruddur-browser-shots");
            for (boolean dark : new boolean[] {false, true}) {
                String theme = dark ? "dark" : "light";
                Stage stage = FxHarness.onFx(Stage::new);
                DesktopApp.Assembled app = FxHarness.onFx(() -> DesktopApp.assemble(stage, new DesktopApp.Settings(config,
                        Optional.of(ConnectionProfile.local("Local dynalite", dynalite.endpoint().toString(), TABLE)),
                        Optional.of("andrewbrown"), Clock.systemUTC(), ZoneId.of("Europe/London"), dark, 1280, 800)));
                MainViewModel main = app.main();
                FxHarness.waitFor("ready", 20, () -> main.stateProperty().get() == WindowSession.State.READY);
                FxHarness.runFx(() -> ((javafx.scene.control.ButtonBase) stage.getScene().lookup("#nav-browser")).fire());
                BrowserPane pane = (BrowserPane) app.window().pane("browser");
                ItemBrowserViewModel items = pane.viewModel().items();
                FxHarness.waitFor("first scan", 20, () -> !items.rows().isEmpty() && !items.loadingProperty().get());
                String since = now.minus(Duration.ofHours(24)).plus(Duration.ofMinutes(30)).toString().substring(0, 16);
                FxHarness.runFx(() -> {
                    items.modeProperty().set(ItemBrowserViewModel.Mode.QUERY);
                    items.partitionValueProperty().set(BrowserFixtures.MAIN_MESSAGES_PK);
                    items.sortOperatorProperty().set(SortKeyOperator.GT);
                    items.sortValueProperty().set(since);
                    items.ascendingProperty().set(false);
                    items.pageSizeProperty().set(25);
                    items.run();
                });
                FxHarness.waitFor("query", 20, () -> items.rows().size() >= 10 && !items.loadingProperty().get());
                FxHarness.runFx(() -> {
                    pane.itemsView().resultsTable().getSelectionModel().select(1);
                    items.copyAsAwsCli();
                });
                FxHarness.settle();
                FxHarness.snapshot(stage.getScene(), out.resolve("browser-" + theme + ".png"));

                // the editor after a refused (stale) save
                var row = FxHarness.onFx(() -> items.rows().get(0));
                FxHarness.runFx(() -> pane.itemsView().resultsTable().getSelectionModel().clearAndSelect(0));
                FxHarness.runFx(() -> ((javafx.scene.control.ButtonBase) stage.getScene().lookup("#browser-edit")).fire());
                javafx.scene.Scene editor = FxHarness.awaitSceneWith("editor-text");
                try (var client = DynamoClients.dynamo(dynalite.endpoint())) {
                    BrowserFixtures.changeMessage(client, TABLE, (String) row.values().get("pk"), (String) row.values().get("sk"),
                            "Changed " + theme + " by someone else");
                }
                FxHarness.runFx(() -> {
                    var text = (javafx.scene.control.TextArea) editor.lookup("#editor-text");
                    text.setText(text.getText().replace((String) row.values().get("message"), "My edit"));
                    ((javafx.scene.control.Button) editor.lookup("#editor-save")).fire();
                });
                FxHarness.waitFor("refusal", 10, () -> editor.lookup("#editor-refused").isVisible());
                FxHarness.settle();
                FxHarness.snapshot(editor, out.resolve("editor-refused-" + theme + ".png"));
                FxHarness.runFx(() -> editor.getWindow().hide());

                // export / import after an import with rejected lines
                Path in = Files.createTempFile("import", ".jsonl");
                Files.writeString(in, "{\"pk\":{\"S\":\"NOTE#1\"},\"sk\":{\"S\":\"a\"}}\nnot json\n{\"sk\":{\"S\":\"no pk\"}}\n");
                FxHarness.runFx(() -> {
                    pane.tabs().getSelectionModel().select(2);
                    pane.viewModel().transfer().importFile(in);
                });
                FxHarness.waitFor("import", 20, () -> !pane.viewModel().transfer().runningProperty().get()
                        && !pane.viewModel().transfer().resultProperty().get().isEmpty());
                FxHarness.settle();
                FxHarness.snapshot(stage.getScene(), out.resolve("transfer-" + theme + ".png"));
                FxHarness.runFx(() -> pane.tabs().getSelectionModel().select(0));

                ConsistencyViewModel check = pane.viewModel().check();
                FxHarness.runFx(() -> {
                    pane.tabs().getSelectionModel().select(1);
                    check.check();
                });
                FxHarness.waitFor("check", 30, () -> check.reportProperty().get() != null && !check.checkingProperty().get());
                FxHarness.settle();
                FxHarness.snapshot(stage.getScene(), out.resolve("check-" + theme + ".png"));
                FxHarness.runFx(stage::close);
            }
        }
        System.out.println("browser screenshots written to " + out.toAbsolutePath());
    }
}
