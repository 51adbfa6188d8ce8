package dev.cruddur.admin.ui.time;

import dev.cruddur.admin.ui.shell.WindowSession;
import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.app.connect.ConnectionProfile;
import dev.cruddur.admin.domain.DemoFixture;
import dev.cruddur.admin.store.DynamoConnection;
import dev.cruddur.admin.store.DynamoTarget;
import dev.cruddur.admin.store.Seeder;
import dev.cruddur.admin.testsupport.DynaliteServer;
import dev.cruddur.admin.ui.DesktopApp;
import dev.cruddur.admin.ui.FxHarness;
import dev.cruddur.admin.ui.MainViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import javafx.scene.control.ButtonBase;
import javafx.stage.Stage;

/**
 * Renders the Time pane to PNG, headless: the conversion panel with a Postgres value (light and
 * dark) and the linter after a lint of a mixed-form table (light and dark):
 * {@code mvn -B -q -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.cruddur.admin.ui.time.TimePaneScreenshots}
 * (optional {@code -Dexec.args=OUTPUT_DIR}, default {@code docs/screenshots}).
 */
public final class TimePaneScreenshots {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC);

    private TimePaneScreenshots() {}

    public static void main(String[] args) {
        FxHarness.screenshotMain(args, TimePaneScreenshots::render);
    }

    private static void render(Path out) throws Exception {
        try (DynaliteServer dynalite = DynaliteServer.start()) {
            try (DirectMessages dm = new DirectMessages(DynamoConnection.open(DynamoTarget.endpoint(dynalite.endpoint(), "cruddur-messages")), CLOCK)) {
                dm.schema().create();
                dm.seeder().seedFixture(CLOCK.instant(), Seeder.Progress.NONE);
                MixedSortKeys.put(dm);
            }
            Path config = Files.createTempDirectory("cruddur-time-shots");
            System.setProperty("cruddur.config.home", config.toString());
            for (boolean dark : new boolean[] {false, true}) {
                String theme = dark ? "dark" : "light";
                Stage stage = FxHarness.onFx(Stage::new);
                DesktopApp.Assembled app = FxHarness.onFx(() -> DesktopApp.assemble(stage, new DesktopApp.Settings(config,
                        Optional.of(ConnectionProfile.local("Local dynalite", dynalite.endpoint().toString(), "cruddur-messages")),
                        Optional.of("andrewbrown"), CLOCK, ZoneId.of("Europe/London"), dark, 1200, 760)));
                FxHarness.waitFor("connected", 20, () -> app.main().stateProperty().get() == WindowSession.State.READY);
                FxHarness.runFx(() -> ((ButtonBase) app.window().scene().lookup("#nav-time")).fire());
                TimePane pane = (TimePane) FxHarness.onFx(() -> app.window().pane("time"));
                FxHarness.runFx(() -> {
                    pane.conversion().addDisplayZone(ZoneId.of("Asia/Kathmandu"));
                    pane.conversionView().input().setText("2023-04-15 13:15:19.922515+00");
                });
                FxHarness.settle();
                FxHarness.snapshot(app.window().scene(), out.resolve("time-" + theme + ".png"));
                // the end of the grid: Cruddur's own forms with their one-line notes
                FxHarness.runFx(() -> pane.conversionView().grid().scrollTo(pane.conversionView().grid().getItems().size() - 1));
                FxHarness.settle();
                FxHarness.snapshot(app.window().scene(), out.resolve("time-notes-" + theme + ".png"));
                FxHarness.runFx(() -> pane.conversionView().grid().scrollTo(0));

                FxHarness.runFx(() -> pane.conversionView().input().setText("2026-03-08 02:30:00"));
                FxHarness.runFx(() -> pane.conversion().assumedZoneProperty().set(ZoneId.of("America/New_York")));
                FxHarness.settle();
                FxHarness.snapshot(app.window().scene(), out.resolve("time-dst-" + theme + ".png"));
                FxHarness.runFx(() -> pane.conversion().assumedZoneProperty().set(ZoneId.of("UTC")));

                FxHarness.runFx(() -> {
                    pane.showLint();
                    pane.lint().lint();
                });
                FxHarness.waitFor("lint", 20, () -> pane.lint().reportProperty().get() != null && !pane.lint().runningProperty().get());
                FxHarness.runFx(() -> pane.lintView().findingsTable().getSelectionModel().select(1));
                FxHarness.waitFor("item", 10, () -> pane.lint().itemTextProperty().get().startsWith("pk = "));
                FxHarness.settle();
                FxHarness.snapshot(app.window().scene(), out.resolve("lint-" + theme + ".png"));
                FxHarness.runFx(() -> pane.lintView().tabs().getSelectionModel().select(1));
                FxHarness.settle();
                FxHarness.snapshot(app.window().scene(), out.resolve("lint-dry-run-" + theme + ".png"));
                FxHarness.runFx(stage::close);
            }
        }
        System.out.println("screenshots written to " + out.toAbsolutePath() + " (" + DemoFixture.MAIN_GROUP + ")");
    }
}
