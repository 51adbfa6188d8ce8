package dev.cruddur.admin.ui.time;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.app.connect.ConnectionProfile;
import dev.cruddur.admin.store.DynamoConnection;
import dev.cruddur.admin.store.DynamoTarget;
import dev.cruddur.admin.store.Seeder;
import dev.cruddur.admin.testsupport.DynaliteServer;
import dev.cruddur.admin.testsupport.PostgresServer;
import dev.cruddur.admin.ui.DesktopApp;
import dev.cruddur.admin.ui.FxHarness;
import dev.cruddur.admin.ui.MainViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import javafx.scene.control.ButtonBase;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Renders, headless, a connection with Cruddur's Postgres (a real PostgreSQL started for it): the
 * Time pane after "Ask the database" at 1024x700, 1280x800 and 1920x1080, and the connections
 * dialog with the profile's Postgres part, light and dark:
 * {@code mvn -B -q -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.cruddur.admin.ui.time.DatabaseScreenshots}
 */
public final class DatabaseScreenshots {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC);

    private DatabaseScreenshots() {}

    public static void main(String[] args) {
        FxHarness.screenshotMain(args, DatabaseScreenshots::render);
    }

    /**
     * Cruddur's Postgres with its users table and two users, readable without a password (the
     * window reads the real environment): its URL, or empty where Postgres cannot run here.
     */
    public static java.util.Optional<String> cruddurPostgres() throws java.sql.SQLException {
        PostgresServer pg;
        try {
            pg = PostgresServer.shared();
        } catch (org.opentest4j.TestAbortedException unavailable) {
            return java.util.Optional.empty();
        }
        pg.createDatabase("cruddur");
        pg.loadCruddurUsersSchema("cruddur");
        try (Connection c = pg.admin("cruddur"); Statement st = c.createStatement()) {
            st.execute("DROP ROLE IF EXISTS " + PostgresServer.TRUSTED_USER);
            st.execute("CREATE ROLE " + PostgresServer.TRUSTED_USER + " LOGIN");
            st.execute("GRANT SELECT ON public.users TO " + PostgresServer.TRUSTED_USER);
            st.execute("INSERT INTO public.users (display_name, handle, email, cognito_user_id) VALUES "
                    + "('Andrew Brown', 'andrewbrown', 'andrew@exampro.co', 'MOCK'), ('Londo Mollari', 'londo', 'lmollari@centari.com', 'MOCK')");
        }
        return java.util.Optional.of("postgresql://" + PostgresServer.TRUSTED_USER + "@127.0.0.1:" + pg.port() + "/cruddur");
    }

    private static void render(Path out) throws Exception {
        String url = cruddurPostgres().orElseThrow(() -> new IllegalStateException("no Postgres can run here"));
        try (DynaliteServer dynalite = DynaliteServer.start()) {
            try (DirectMessages dm = new DirectMessages(DynamoConnection.open(DynamoTarget.endpoint(dynalite.endpoint(), "cruddur-messages")), CLOCK)) {
                dm.schema().create();
                dm.seeder().seedFixture(CLOCK.instant(), Seeder.Progress.NONE);
            }
            Path config = Files.createTempDirectory("cruddur-db-shots");
            System.setProperty("cruddur.config.home", config.toString());
            ConnectionProfile profile = new ConnectionProfile("Local dynalite + Cruddur's Postgres", ConnectionProfile.Kind.LOCAL,
                    dynalite.endpoint().toString(), null, null, "cruddur-messages", null, url);
            int[][] sizes = {{1024, 700}, {1280, 800}, {1920, 1080}};
            for (boolean dark : new boolean[] {false, true}) {
                String theme = dark ? "dark" : "light";
                for (int[] size : sizes) {
                    Stage stage = FxHarness.onFx(Stage::new);
                    DesktopApp.Assembled app = FxHarness.onFx(() -> DesktopApp.assemble(stage, new DesktopApp.Settings(config,
                            Optional.of(profile), Optional.of("andrewbrown"), CLOCK, ZoneId.of("Europe/London"), dark, size[0], size[1])));
                    FxHarness.waitFor("connected", 20, () -> app.main().stateProperty().get() == MainViewModel.State.READY);
                    FxHarness.runFx(() -> ((ButtonBase) app.window().scene().lookup("#nav-time")).fire());
                    TimePane pane = (TimePane) FxHarness.onFx(() -> app.window().pane("time"));
                    FxHarness.runFx(() -> {
                        pane.conversion().assumedZoneProperty().set(ZoneId.of("America/New_York"));
                        pane.conversionView().input().setText("2026-03-08 02:30:00");
                    });
                    FxHarness.settle();
                    FxHarness.runFx(() -> pane.database().ask());
                    FxHarness.waitFor("asked", 20, () -> !pane.database().rows().isEmpty());
                    FxHarness.settle();
                    FxHarness.snapshot(app.window().scene(), out.resolve("time-database-" + theme + "-" + size[0] + "x" + size[1] + ".png"));
                    if (size[0] == 1280) {
                        FxHarness.runFx(() -> app.window().openConnections());
                        FxHarness.settle();
                        Window dialog = FxHarness.onFx(() -> Window.getWindows().stream().filter(w -> w != stage && w.isShowing()
                                && w.getScene() != null && w.getScene().lookup("#profiles") != null).findFirst().orElseThrow());
                        FxHarness.runFx(() -> {
                            app.connections().edit(profile);
                            ((ButtonBase) dialog.getScene().lookup("#profile-test")).fire();
                        });
                        FxHarness.waitFor("tested", 20, () -> app.connections().testResultProperty().get().startsWith("✓")
                                || app.connections().testResultProperty().get().startsWith("✗"));
                        FxHarness.settle();
                        FxHarness.snapshot(dialog.getScene(), out.resolve("connections-postgres-" + theme + ".png"));
                        FxHarness.runFx(dialog::hide);
                    }
                    FxHarness.runFx(stage::close);
                }
            }
        }
    }
}
