package dev.cruddur.admin.ui.browser;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.app.connect.ConnectionProfile;
import dev.cruddur.admin.domain.DemoFixture;
import dev.cruddur.admin.engine.EmbeddedDynamo;
import dev.cruddur.admin.engine.EngineConfig;
import dev.cruddur.admin.store.DynamoTarget;
import dev.cruddur.admin.store.Seeder;
import dev.cruddur.admin.ui.DesktopApp;
import dev.cruddur.admin.ui.FxHarness;
import dev.cruddur.admin.ui.MainViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import javafx.scene.control.ButtonBase;
import javafx.stage.Stage;

/**
 * Renders the Browser pane's PartiQL tab with a parameterised query's results (light and dark) on the embedded
 * engine (dynalite has no PartiQL): {@code mvn -B -q -o test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.cruddur.admin.ui.browser.PartiqlScreenshots} (optional {@code -Dexec.args="OUTPUT_DIR WIDTH HEIGHT"},
 * default {@code docs/screenshots 1280 800}; files are named {@code partiql-THEME.png}, with {@code -WIDTHxHEIGHT}
 * when the size is not the default).
 */
public final class PartiqlScreenshots {
    private static final String TABLE = "cruddur-messages";

    private PartiqlScreenshots() {}

    public static void main(String[] args) {
        double width = args.length > 1 ? Double.parseDouble(args[1]) : 1280;
        double height = args.length > 2 ? Double.parseDouble(args[2]) : 800;
        FxHarness.screenshotMain(args, out -> render(out, width, height));
    }

    static void render(Path out, double width, double height) throws Exception {
        String suffix = width == 1280 && height == 800 ? "" : "-" + (int) width + "x" + (int) height;
        try (EmbeddedDynamo engine = EmbeddedDynamo.start(EngineConfig.inMemory())) {
            try (DirectMessages dm = DirectMessages.open(DynamoTarget.endpoint(engine.endpoint(), TABLE))) {
                dm.schema().create();
                dm.seeder().seedFixture(Clock.systemUTC().instant(), Seeder.Progress.NONE);
            }
            Path config = Files.createTempDirectory("cruddur-partiql-shots");
            System.setProperty("cruddur.config.home", config.toString());
            for (boolean dark : new boolean[] {false, true}) {
                Stage stage = FxHarness.onFx(Stage::new);
                DesktopApp.Assembled app = FxHarness.onFx(() -> DesktopApp.assemble(stage, new DesktopApp.Settings(config,
                        Optional.of(ConnectionProfile.local("Embedded", engine.endpoint().toString(), TABLE)),
                        Optional.of("andrewbrown"), Clock.systemUTC(), ZoneId.of("Europe/London"), dark, width, height)));
                FxHarness.waitFor("ready", 20, () -> app.main().stateProperty().get() == MainViewModel.State.READY);
                FxHarness.runFx(() -> ((ButtonBase) stage.getScene().lookup("#nav-browser")).fire());
                BrowserPane pane = (BrowserPane) app.window().pane("browser");
                PartiqlViewModel vm = pane.viewModel().partiql();
                FxHarness.runFx(() -> {
                    pane.tabs().getSelectionModel().select(pane.tabs().getTabs().stream().filter(t -> "tab-partiql".equals(t.getId())).findFirst().orElseThrow());
                    vm.statementProperty().set("SELECT sk, message, user_handle FROM \"" + TABLE + "\"\n  WHERE pk = ? AND begins_with(sk, '20')\n  ORDER BY sk DESC");
                    vm.parametersProperty().set("\"MSG#" + DemoFixture.MAIN_GROUP + "\"");
                    vm.pageSizeProperty().set(25);
                    vm.run();
                });
                FxHarness.waitFor("results", 20, () -> FxHarness.onFx(() -> vm.rows().size() >= 10 && !vm.loadingProperty().get()));
                FxHarness.settle();
                FxHarness.snapshot(stage.getScene(), out.resolve("partiql-" + (dark ? "dark" : "light") + suffix + ".png"));
                FxHarness.runFx(stage::close);
            }
        }
        System.out.println("PartiQL screenshots written to " + out.toAbsolutePath());
    }
}
