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
import dev.cruddur.admin.ui.shell.WindowSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.ButtonBase;
import javafx.stage.Stage;

/**
 * The Browser and Conversations panes at 1024x700, 1280x800 and 1920x1080, light and dark, on the
 * embedded engine with the demo data: {@code mvn -B -q -o test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.cruddur.admin.ui.WindowSizesScreenshots} (PNGs named size-PANE-WxH-THEME.png).
 */
public final class WindowSizesScreenshots {
    private static final String TABLE = "cruddur-messages";

    private WindowSizesScreenshots() {}

    public static void main(String[] args) {
        FxHarness.screenshotMain(args, WindowSizesScreenshots::render);
    }

    static void render(Path out) throws Exception {
        try (EmbeddedDynamo engine = EmbeddedDynamo.start(EngineConfig.inMemory())) {
            try (DirectMessages dm = DirectMessages.open(DynamoTarget.endpoint(engine.endpoint(), TABLE))) {
                dm.schema().create();
                dm.seeder().seedFixture(Clock.systemUTC().instant(), Seeder.Progress.NONE);
            }
            Path config = Files.createTempDirectory("cruddur-size-shots");
            int[][] sizes = {{1024, 700}, {1280, 800}, {1920, 1080}};
            for (boolean dark : new boolean[] {false, true}) {
                for (int[] size : sizes) {
                    Stage stage = onFx(Stage::new);
                    DesktopApp.Assembled app = onFx(() -> DesktopApp.assemble(stage, new DesktopApp.Settings(config,
                            Optional.of(ConnectionProfile.local("Embedded", engine.endpoint().toString(), TABLE)),
                            Optional.of("andrewbrown"), Clock.systemUTC(), ZoneId.of("Europe/London"), dark, size[0], size[1])));
                    waitFor("ready", 30, () -> app.main().stateProperty().get() == WindowSession.State.READY);
                    waitFor("listed", 20, () -> !app.main().conversations().shown().isEmpty());
                    runFx(() -> app.main().conversations().selectedProperty().set(app.main().conversations().shown().get(0)));
                    waitFor("opened", 20, () -> !app.main().transcript().entries().isEmpty());
                    for (String pane : List.of("conversations", "browser")) {
                        runFx(() -> ((ButtonBase) stage.getScene().lookup("#nav-" + pane)).fire());
                        if (pane.equals("browser")) waitFor("scan", 20, () -> stage.getScene().lookup("#browser-results") != null
                                && !((javafx.scene.control.TableView<?>) stage.getScene().lookup("#browser-results")).getItems().isEmpty());
                        FxHarness.settle();
                        FxHarness.snapshot(stage.getScene(), out.resolve("size-" + pane + "-" + size[0] + "x" + size[1] + "-" + (dark ? "dark" : "light") + ".png"));
                    }
                    runFx(stage::close);
                }
            }
        }
        System.out.println("window size screenshots written to " + out.toAbsolutePath());
    }
}
