package dev.cruddur.admin.ui;

import static dev.cruddur.admin.ui.FxHarness.onFx;
import static dev.cruddur.admin.ui.FxHarness.runFx;
import static dev.cruddur.admin.ui.FxHarness.waitFor;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.app.connect.ConnectionProfile;
import dev.cruddur.admin.engine.EmbeddedDynamo;
import dev.cruddur.admin.engine.EngineConfig;
import dev.cruddur.admin.store.DynamoTarget;
import dev.cruddur.admin.store.Seeder;
import dev.cruddur.admin.ui.browser.BrowserPane;
import dev.cruddur.admin.ui.messages.TranscriptEntry;
import dev.cruddur.admin.ui.shell.WindowSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ListView;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;

/**
 * What issue 12's transcript and Browser work changed, at 1024x700, 1280x800 and 1920x1080, light
 * and dark: a conversation with a message selected and the transcript focused
 * ({@code selected-message-WxH-THEME.png}), the Browser with its table details unfolded and a row
 * selected ({@code table-details-…}), and the Cache pane after its split ({@code cache-pane-…}):
 * {@code mvn -B -q -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.cruddur.admin.ui.WindowChangesScreenshots}.
 */
public final class WindowChangesScreenshots {
    private static final String TABLE = "cruddur-messages";

    private WindowChangesScreenshots() {}

    public static void main(String[] args) {
        FxHarness.screenshotMain(args, WindowChangesScreenshots::render);
    }

    @SuppressWarnings("unchecked")
    static void render(Path out) throws Exception {
        try (EmbeddedDynamo engine = EmbeddedDynamo.start(EngineConfig.inMemory())) {
            try (DirectMessages dm = DirectMessages.open(DynamoTarget.endpoint(engine.endpoint(), TABLE))) {
                dm.schema().create();
                dm.seeder().seedFixture(Clock.systemUTC().instant(), Seeder.Progress.NONE);
            }
            Path config = Files.createTempDirectory("cruddur-change-shots");
            int[][] sizes = {{1024, 700}, {1280, 800}, {1920, 1080}};
            for (boolean dark : new boolean[] {false, true}) {
                for (int[] size : sizes) {
                    String suffix = size[0] + "x" + size[1] + "-" + (dark ? "dark" : "light") + ".png";
                    Stage stage = onFx(Stage::new);
                    DesktopApp.Assembled app = onFx(() -> DesktopApp.assemble(stage, new DesktopApp.Settings(config,
                            Optional.of(ConnectionProfile.local("Embedded", engine.endpoint().toString(), TABLE)),
                            Optional.of("andrewbrown"), Clock.systemUTC(), ZoneId.of("Europe/London"), dark, size[0], size[1])));
                    waitFor("ready", 30, () -> app.main().stateProperty().get() == WindowSession.State.READY);
                    waitFor("listed", 20, () -> !app.main().conversations().shown().isEmpty());
                    runFx(() -> app.main().conversations().selectedProperty().set(app.main().conversations().shown().get(0)));
                    waitFor("opened", 20, () -> !app.main().transcript().entries().isEmpty());
                    FxHarness.settle();
                    runFx(() -> {
                        ListView<TranscriptEntry> list = (ListView<TranscriptEntry>) stage.getScene().lookup("#transcript");
                        int at = list.getItems().size() - 2; // the message above the newest: selection and newest both in view
                        list.requestFocus();
                        list.getSelectionModel().clearAndSelect(at);
                        list.getFocusModel().focus(at);
                    });
                    FxHarness.settle();
                    FxHarness.snapshot(stage.getScene(), out.resolve("selected-message-" + suffix));

                    runFx(() -> ((ButtonBase) stage.getScene().lookup("#nav-browser")).fire());
                    waitFor("scan", 20, () -> stage.getScene().lookup("#browser-results") != null
                            && !((javafx.scene.control.TableView<?>) stage.getScene().lookup("#browser-results")).getItems().isEmpty());
                    BrowserPane browser = (BrowserPane) app.window().pane("browser");
                    runFx(() -> {
                        ((TitledPane) stage.getScene().lookup("#browser-details")).setExpanded(true);
                        browser.itemsView().resultsTable().getSelectionModel().clearAndSelect(0);
                    });
                    waitFor("details", 20, () -> !browser.viewModel().items().details().loadingProperty().get()
                            && !browser.viewModel().items().details().factsProperty().get().isEmpty());
                    FxHarness.settle();
                    FxHarness.snapshot(stage.getScene(), out.resolve("table-details-" + suffix));

                    runFx(() -> ((ButtonBase) stage.getScene().lookup("#nav-cache")).fire());
                    FxHarness.settle();
                    Thread.sleep(1500); // the cache opens and lists its keys in the background
                    FxHarness.settle();
                    FxHarness.snapshot(stage.getScene(), out.resolve("cache-pane-" + suffix));
                    runFx(stage::close);
                }
            }
        }
        System.out.println("window change screenshots written to " + out.toAbsolutePath());
    }
}
