package dev.cruddur.admin.ui;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.app.connect.ConnectionProfile;
import dev.cruddur.admin.cache.CacheSettings;
import dev.cruddur.admin.cache.CacheStore;
import dev.cruddur.admin.domain.DemoFixture;
import dev.cruddur.admin.store.DynamoTarget;
import dev.cruddur.admin.store.Seeder;
import dev.cruddur.admin.testsupport.DynaliteServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import javafx.stage.Stage;

/**
 * Renders the conversation panes read through the cache: the list served from the cache (marked
 * with its age and time left), and the transcript served a page a write outside this app made
 * stale (the differences, and Drop stale key); at 1024x700, 1280x800 and 1920x1080, light and dark:
 * {@code mvn -B -q -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.cruddur.admin.ui.ReadSourceScreenshots}
 * (optional {@code -Dexec.args=OUTPUT_DIR}, default {@code docs/screenshots}). The 1280x800 pair is
 * {@code through-cache-{light,dark}.png}; the other sizes get their size in the name.
 */
public final class ReadSourceScreenshots {
    private ReadSourceScreenshots() {}

    public static void main(String[] args) {
        FxHarness.screenshotMain(args, ReadSourceScreenshots::render);
    }

    private static void render(Path out) throws Exception {
        int[][] sizes = {{1024, 700}, {1280, 800}, {1920, 1080}};
        try (DynaliteServer dynalite = DynaliteServer.start();
             CacheStore cache = CacheStore.open(CacheSettings.embedded())) {
            Path config = Files.createTempDirectory("cruddur-shots");
            int run = 0;
            for (int[] size : sizes) {
                for (boolean dark : new boolean[] {false, true}) {
                    String table = "cruddur-messages-" + (++run);
                    try (DirectMessages dm = DirectMessages.open(DynamoTarget.endpoint(dynalite.endpoint(), table))) {
                        dm.schema().create();
                        dm.seeder().seedFixture(Clock.systemUTC().instant().minusSeconds(200), Seeder.Progress.NONE);
                    }
                    Stage stage = FxHarness.onFx(Stage::new);
                    DesktopApp.Assembled app = FxHarness.onFx(() -> DesktopApp.assemble(stage, new DesktopApp.Settings(config,
                            Optional.of(ConnectionProfile.local("Local dynalite", dynalite.endpoint().toString(), table)),
                            Optional.of("andrewbrown"), Clock.systemUTC(), ZoneId.of("Europe/London"), dark, size[0], size[1])));
                    MainViewModel main = app.main();
                    FxHarness.waitFor("conversations", 20, () -> main.conversations().shown().size() == 2);
                    FxHarness.runFx(() -> {
                        main.cache().use(cache.forCache(cache.cacheName()));
                        main.conversations().throughCacheProperty().set(true);
                        main.transcript().throughCacheProperty().set(true);
                        main.conversations().selectedProperty().set(main.conversations().shown().get(0));
                    });
                    FxHarness.waitFor("messages", 20, () -> main.transcript().entries().size() > 10 && !main.transcript().loadingProperty().get());
                    // a write Cruddur's own backend might make, beside this app: the cached transcript is now stale
                    try (DirectMessages outside = DirectMessages.open(DynamoTarget.endpoint(dynalite.endpoint(), table))) {
                        outside.send(outside.prepare(DemoFixture.MAIN_GROUP, DemoFixture.ANDREW_BAYKO, "Written by Cruddur's backend, not through this app"));
                    }
                    Thread.sleep(1500); // so the cached page has an age to show
                    FxHarness.runFx(() -> {
                        main.conversations().refresh();
                        main.transcript().refresh();
                    });
                    FxHarness.waitFor("the stale page marked", 20, () -> main.transcript().disagreementProperty().get() != null
                            && main.conversations().cacheMarkProperty().get().startsWith("Cached page"));
                    FxHarness.settle();
                    String name = "through-cache-" + (size[0] == 1280 ? "" : size[0] + "x" + size[1] + "-") + (dark ? "dark" : "light") + ".png";
                    FxHarness.snapshot(app.window().scene(), out.resolve(name));
                    FxHarness.runFx(() -> main.cache().close());
                    FxHarness.runFx(stage::close);
                }
            }
        }
    }
}
