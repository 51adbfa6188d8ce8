package dev.cruddur.admin.ui;

import dev.cruddur.admin.ui.shell.WindowSession;
import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.app.connect.ConnectionProfile;
import dev.cruddur.admin.domain.DemoFixture;
import dev.cruddur.admin.store.DynamoTarget;
import dev.cruddur.admin.store.Seeder;
import dev.cruddur.admin.testsupport.DynaliteServer;
import dev.cruddur.admin.ui.conversations.ConversationsPane;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Renders the window with the demo data to PNG, light and dark, headless:
 * {@code mvn -B -q -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.cruddur.admin.ui.Screenshots}
 * (optional {@code -Dexec.args=OUTPUT_DIR}, default {@code docs/screenshots}).
 */
public final class Screenshots {
    private Screenshots() {}

    public static void main(String[] args) {
        FxHarness.screenshotMain(args, Screenshots::render);
    }

    private static void render(Path out) throws Exception {
        System.setProperty("aws.disableEc2Metadata", "true"); // the AWS shot must fail fast, offline
        try (DynaliteServer dynalite = DynaliteServer.start()) {
            try (DirectMessages dm = DirectMessages.open(DynamoTarget.endpoint(dynalite.endpoint(), "cruddur-messages"))) {
                dm.schema().create();
                dm.seeder().seedFixture(Clock.systemUTC().instant(), Seeder.Progress.NONE);
                // one row as Cruddur's seed script wrote it (naive sk): shown with a warning marker
                dev.cruddur.admin.store.BenchData.legacyMessage(dm.connection(), DemoFixture.LONDO_GROUP, DemoFixture.LONDO,
                        "Vir! Where is Vir? (written with a naive timestamp)",
                        Clock.systemUTC().instant().minus(java.time.Duration.ofDays(2)).plus(java.time.Duration.ofMinutes(7)));
            }
            Path config = Files.createTempDirectory("cruddur-shots");
            for (boolean dark : new boolean[] {false, true}) {
                String theme = dark ? "dark" : "light";
                Stage stage = FxHarness.onFx(Stage::new);
                DesktopApp.Assembled app = FxHarness.onFx(() -> DesktopApp.assemble(stage, new DesktopApp.Settings(config,
                        Optional.of(ConnectionProfile.local("Local dynalite", dynalite.endpoint().toString(), "cruddur-messages")),
                        Optional.of("andrewbrown"), Clock.systemUTC(), ZoneId.of("Europe/London"), dark, 1200, 760)));
                MainViewModel main = app.main();
                FxHarness.waitFor("conversations", 20, () -> main.conversations().shown().size() == 2);
                FxHarness.runFx(() -> main.conversations().selectedProperty().set(main.conversations().shown().get(0)));
                FxHarness.waitFor("messages", 20, () -> main.transcript().entries().size() > 10 && !main.transcript().loadingProperty().get());
                FxHarness.runFx(() -> main.transcript().textProperty().set("Season three next weekend?"));
                FxHarness.settle();
                FxHarness.snapshot(app.window().scene(), out.resolve("main-" + theme + ".png"));

                // the conversation with Londo, and a refused (empty) send to show the inline reason
                FxHarness.runFx(() -> main.conversations().selectedProperty().set(main.conversations().shown().get(1)));
                FxHarness.waitFor("londo", 20, () -> main.transcript().entries().size() >= 3 && !main.transcript().loadingProperty().get());
                FxHarness.runFx(() -> {
                    main.transcript().textProperty().set("   ");
                    main.transcript().send();
                });
                FxHarness.settle();
                FxHarness.snapshot(app.window().scene(), out.resolve("conversation-refused-" + theme + ".png"));

                // connections dialog
                FxHarness.runFx(() -> app.window().openConnections());
                FxHarness.settle();
                Window dialog = FxHarness.onFx(() -> Window.getWindows().stream().filter(w -> w != stage && w.isShowing()
                        && w.getScene() != null && w.getScene().lookup("#profiles") != null).findFirst().orElseThrow());
                FxHarness.snapshot(dialog.getScene(), out.resolve("connections-" + theme + ".png"));
                FxHarness.runFx(dialog::hide);

                // new conversation dialog
                FxHarness.runFx(() -> ((ConversationsPane) app.window().pane("conversations")).createNew());
                FxHarness.settle();
                Window newDialog = FxHarness.onFx(() -> Window.getWindows().stream().filter(w -> w != stage && w.isShowing()
                        && w.getScene() != null && w.getScene().lookup("#new-text") != null).findFirst().orElseThrow());
                FxHarness.snapshot(newDialog.getScene(), out.resolve("new-conversation-" + theme + ".png"));
                FxHarness.runFx(newDialog::hide);

                // a missing table: the setup empty state
                FxHarness.runFx(() -> main.connect(ConnectionProfile.local("Local dynalite", dynalite.endpoint().toString(), "no-such-table")));
                FxHarness.waitFor("setup", 20, () -> main.stateProperty().get() == WindowSession.State.NO_TABLE);
                FxHarness.settle();
                FxHarness.snapshot(app.window().scene(), out.resolve("no-table-" + theme + ".png"));

                // an AWS profile: red badge, read-only until unlocked (offline here, so it cannot connect)
                FxHarness.runFx(() -> main.connect(ConnectionProfile.aws("Cruddur prod", null, "ca-central-1", "cruddur-messages")));
                FxHarness.waitFor("aws outcome", 60, () -> main.stateProperty().get() == WindowSession.State.UNREACHABLE
                        || main.stateProperty().get() == WindowSession.State.READY);
                FxHarness.settle();
                FxHarness.snapshot(app.window().scene(), out.resolve("aws-read-only-" + theme + ".png"));

                // a local endpoint nothing listens on: the badge says UNREACHABLE, not a green LOCAL
                FxHarness.runFx(() -> main.connect(ConnectionProfile.local("Nowhere", "http://127.0.0.1:"
                        + dev.cruddur.admin.testsupport.DynaliteServer.freePort(), "cruddur-messages")));
                FxHarness.waitFor("unreachable", 60, () -> main.stateProperty().get() == WindowSession.State.UNREACHABLE);
                FxHarness.settle();
                FxHarness.snapshot(app.window().scene(), out.resolve("unreachable-" + theme + ".png"));

                // the default connection: the embedded engine, its URL in the top bar, the demo data loaded on first start
                FxHarness.runFx(() -> main.connect(ConnectionProfile.embedded("Embedded", null, "cruddur-messages")));
                FxHarness.waitFor("embedded", 60, () -> main.stateProperty().get() == WindowSession.State.READY
                        && main.conversations().shown().size() == 2);
                FxHarness.runFx(() -> main.conversations().selectedProperty().set(main.conversations().shown().get(0)));
                FxHarness.waitFor("embedded messages", 20, () -> main.transcript().entries().size() > 10 && !main.transcript().loadingProperty().get());
                FxHarness.settle();
                FxHarness.snapshot(app.window().scene(), out.resolve("embedded-" + theme + ".png"));
                FxHarness.runFx(stage::close);
            }
        }
        System.out.println("screenshots written to " + out.toAbsolutePath());
    }
}
