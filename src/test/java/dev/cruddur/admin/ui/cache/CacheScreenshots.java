package dev.cruddur.admin.ui.cache;

import dev.cruddur.admin.app.cache.PageReads;
import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.app.cache.CacheKeys;
import dev.cruddur.admin.app.connect.ConnectionProfile;
import dev.cruddur.admin.cache.CacheSettings;
import dev.cruddur.admin.cache.CacheStatistics;
import dev.cruddur.admin.cache.CacheStore;
import dev.cruddur.admin.domain.DemoFixture;
import dev.cruddur.admin.store.DynamoTarget;
import dev.cruddur.admin.store.Seeder;
import dev.cruddur.admin.testsupport.DynaliteServer;
import dev.cruddur.admin.ui.DesktopApp;
import dev.cruddur.admin.ui.FxHarness;
import dev.cruddur.admin.ui.MainViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import javafx.scene.control.ButtonBase;
import javafx.stage.Stage;

/**
 * Renders the Cache pane with the demo data, light and dark, headless, to
 * {@code docs/screenshots/cache-light.png} and {@code cache-dark.png}:
 * {@code mvn -B -q -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.cruddur.admin.ui.cache.CacheScreenshots}
 * (optional {@code -Dexec.args=OUTPUT_DIR}); also {@code cache-collection-light.png} and
 * {@code -dark.png}, a sorted set shown as its table. {@code -Dscreenshot.sizes=1024x700,1920x1080}
 * renders other window sizes too, each file suffixed with its size.
 */
public final class CacheScreenshots {
    private CacheScreenshots() {}

    public static void main(String[] args) {
        FxHarness.screenshotMain(args, CacheScreenshots::render);
    }

    private static void render(Path out) throws Exception {
        String table = "cruddur-messages";
        String mainKey = CacheKeys.messages(DemoFixture.MAIN_GROUP);
        try (DynaliteServer dynalite = DynaliteServer.start();
             CacheStore server = CacheStore.open(CacheSettings.embedded(), new CacheStatistics())) {
            try (DirectMessages dm = DirectMessages.open(DynamoTarget.endpoint(dynalite.endpoint(), table))) {
                dm.schema().create();
                dm.seeder().seedFixture(Clock.systemUTC().instant(), Seeder.Progress.NONE);
            }
            Path config = Files.createTempDirectory("cruddur-cache-shots");
            for (String size : System.getProperty("screenshot.sizes", "1200x760").split(",")) {
            int width = Integer.parseInt(size.strip().split("x")[0]);
            int height = Integer.parseInt(size.strip().split("x")[1]);
            String suffix = size.strip().equals("1200x760") ? "" : "-" + size.strip();
            for (boolean dark : new boolean[] {false, true}) {
                String theme = dark ? "dark" : "light";
                server.flushCache(server.cacheName());
                server.statistics().reset();
                Stage stage = FxHarness.onFx(Stage::new);
                DesktopApp.Assembled app = FxHarness.onFx(() -> DesktopApp.assemble(stage, new DesktopApp.Settings(config,
                        Optional.of(ConnectionProfile.local("Local dynalite", dynalite.endpoint().toString(), table)),
                        Optional.of("andrewbrown"), Clock.systemUTC(), ZoneId.of("Europe/London"), dark, width, height)));
                MainViewModel main = app.main();
                FxHarness.waitFor("conversations", 20, () -> main.conversations().shown().size() == 2);
                FxHarness.runFx(() -> main.cache().use(server.forCache(server.cacheName())));
                FxHarness.runFx(() -> main.conversations().selectedProperty().set(main.conversations().shown().get(0)));
                FxHarness.waitFor("messages", 20, () -> main.transcript().entries().size() > 10 && !main.transcript().loadingProperty().get());
                server.increment("msgs/andrewbrown", 57, Duration.ofSeconds(600));

                // some traffic for the chart: reads that hit, a delete, and reads that miss then hit
                PageReads reads = main.cache().reads();
                PageReads.Mode cached = PageReads.Mode.THROUGH_CACHE;
                for (int i = 0; i < 8; i++) {
                    if (i == 3 || i == 6) server.delete(mainKey);
                    reads.messages(main.session(), DemoFixture.MAIN_GROUP, Optional.empty(), 30, cached);
                    reads.conversations(main.session(), DemoFixture.ANDREW_BROWN, Optional.empty(), 25, cached);
                    if (i % 2 == 0) reads.conversations(main.session(), DemoFixture.LONDO, Optional.empty(), 25, cached);
                    Thread.sleep(450);
                }

                FxHarness.runFx(() -> ((ButtonBase) app.window().scene().lookup("#nav-cache")).fire());
                CachePane pane = (CachePane) app.window().pane("cache");
                CacheInspectorViewModel vm = pane.viewModel();
                FxHarness.waitFor("keys", 20, () -> vm.keyGroups().size() >= 4);
                FxHarness.runFx(() -> vm.lookUp(mainKey));
                try {
                    FxHarness.waitFor("hit", 10, () -> vm.statusProperty().get() == CacheInspectorViewModel.Status.HIT);
                } catch (AssertionError e) {
                    System.err.println(FxHarness.onFx(() -> vm.statusProperty().get() + " " + vm.errorProperty().get() + " " + vm.notesProperty().get() + " " + main.cache().stateProperty().get() + " " + main.noticeProperty().get()));
                    throw e;
                }
                FxHarness.runFx(vm::staleCheck);
                FxHarness.waitFor("stale", 10, () -> vm.staleReportProperty().get() != null);
                Thread.sleep(1200); // a tick of the countdown and the chart
                FxHarness.settle();
                FxHarness.snapshot(app.window().scene(), out.resolve("cache-" + theme + suffix + ".png"));

                // a collection: a sorted set shown as its table, by rank with its score
                String board = "leaderboard/messages-this-week";
                server.delete(board);
                String[] handles = {"andrewbrown", "bayko", "londo", "vir", "gkar", "delenn"};
                double[] scores = {57, 41, 33, 12, 12, 3};
                for (int i = 0; i < handles.length; i++) server.collections().sortedSetPut(board, handles[i], scores[i]);
                FxHarness.runFx(() -> vm.lookUp(board));
                FxHarness.waitFor("collection", 10, () -> vm.collectionRows().size() == handles.length);
                FxHarness.settle();
                FxHarness.snapshot(app.window().scene(), out.resolve("cache-collection-" + theme + suffix + ".png"));

                // the typed-name confirmation of a flush, half typed (OK still disabled)
                TypedNameDialog flush = FxHarness.onFx(() -> {
                    TypedNameDialog d = new TypedNameDialog(stage, "Flush the cache 'cruddur'",
                            "Every item of 'cruddur' is removed. Reads fill it again from DynamoDB.", "cruddur", "Flush");
                    d.show();
                    d.field().setText("crud");
                    return d;
                });
                FxHarness.settle();
                FxHarness.snapshot(flush.getDialogPane().getScene(), out.resolve("cache-flush-" + theme + suffix + ".png"));
                FxHarness.runFx(flush::close);
                FxHarness.runFx(pane::stop);
                FxHarness.runFx(() -> main.cache().close());
                FxHarness.runFx(stage::close);
            }
            }
        }
        System.out.println("screenshots written to " + out.toAbsolutePath());
    }
}
