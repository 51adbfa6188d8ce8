package dev.cruddur.admin.ui.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.app.cache.CacheKeys;
import dev.cruddur.admin.app.connect.ConnectionProfile;
import dev.cruddur.admin.cache.CacheSettings;
import dev.cruddur.admin.cache.CacheStatistics;
import dev.cruddur.admin.cache.CacheStore;
import dev.cruddur.admin.domain.DemoFixture;
import dev.cruddur.admin.domain.SendResult;
import dev.cruddur.admin.store.DynamoTarget;
import dev.cruddur.admin.store.Seeder;
import dev.cruddur.admin.testsupport.DynaliteServer;
import dev.cruddur.admin.ui.DesktopApp;
import dev.cruddur.admin.ui.FxHarness;
import dev.cruddur.admin.ui.MainViewModel;
import java.nio.file.Files;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.AreaChart;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Cache pane in the real window, headless (Monocle): the real Momento SDK against the
 * embedded cache server, DynamoDB through dynalite, the conversations pane reading through the cache.
 */
class CachePaneFlowTest {
    private static final String TABLE = "cache-flow";
    private static final String MAIN_KEY = CacheKeys.messages(DemoFixture.MAIN_GROUP);
    private static DynaliteServer dynalite;
    private static CacheStore cache;

    @BeforeAll
    static void start() throws Exception {
        FxHarness.startHeadless();
        dynalite = DynaliteServer.start();
        try (DirectMessages dm = DirectMessages.open(DynamoTarget.endpoint(dynalite.endpoint(), TABLE))) {
            dm.schema().create();
            dm.seeder().seedFixture(Clock.systemUTC().instant(), Seeder.Progress.NONE);
        }
        cache = CacheStore.open(CacheSettings.embedded(), new CacheStatistics());
    }

    @AfterAll
    static void stop() {
        FxHarness.closeAllWindows();
        if (cache != null) cache.close();
        if (dynalite != null) dynalite.close();
    }

    private static <T extends Node> T node(Scene scene, String id, Class<T> type) {
        return FxHarness.onFx(() -> type.cast(scene.lookup(id)));
    }

    private static String text(Scene scene, String id) {
        return FxHarness.onFx(() -> ((Label) scene.lookup(id)).getText());
    }

    private static long ttlShown(Scene scene) {
        // "TTL 3 s", "TTL 9 min 58 s"
        var m = java.util.regex.Pattern.compile("TTL (?:(\\d+) min )?(\\d+) s").matcher(text(scene, "#cache-ttl"));
        if (!m.matches()) return -1;
        return (m.group(1) == null ? 0 : Long.parseLong(m.group(1)) * 60) + Long.parseLong(m.group(2));
    }

    private static void fire(Scene scene, String id) {
        FxHarness.runFx(() -> ((ButtonBase) scene.lookup(id)).fire());
    }

    @Test
    @SuppressWarnings("unchecked")
    void lookUpWatchTheTtlFallDeleteAndStaleCheck() throws Exception {
        Stage stage = FxHarness.onFx(Stage::new);
        DesktopApp.Assembled app = FxHarness.onFx(() -> DesktopApp.assemble(stage, new DesktopApp.Settings(
                Files.createTempDirectory("cache-flow"),
                Optional.of(ConnectionProfile.local("dynalite", dynalite.endpoint().toString(), TABLE)),
                Optional.of("andrewbrown"), Clock.systemUTC(), ZoneId.of("UTC"), false, 1200, 760)));
        MainViewModel main = app.main();
        Scene scene = app.window().scene();
        try {
            FxHarness.waitFor("conversations", 20, () -> main.conversations().shown().size() == 2);
            FxHarness.runFx(() -> main.cache().use(cache));
            // the panes read the table by default; their switches read through the cache, as Cruddur's API does
            FxHarness.runFx(() -> {
                main.conversations().throughCacheProperty().set(true);
                main.transcript().throughCacheProperty().set(true);
            });

            // a conversation read through the cache fills messages/{uuid}
            FxHarness.runFx(() -> main.conversations().selectedProperty().set(main.conversations().shown().get(0)));
            FxHarness.waitFor("transcript", 20, () -> main.transcript().entries().size() > 10 && !main.transcript().loadingProperty().get());
            // read again: a hit (the pane's own look-ups below are inspections and count nothing)
            FxHarness.runFx(() -> main.transcript().refresh());
            FxHarness.waitFor("served from the cache", 20, () -> main.transcript().cacheMarkProperty().get().startsWith("Cached page"));

            fire(scene, "#nav-cache");
            FxHarness.waitFor("cache pane", 10, () -> scene.lookup("#cache-pane") != null);
            CachePane pane = (CachePane) app.window().pane("cache");
            TreeView<Object> tree = node(scene, "#cache-keys", TreeView.class);
            FxHarness.waitFor("keys", 20, () -> tree.getRoot().getChildren().size() >= 4);

            // the derived key, chosen in the tree: a hit, with its value
            FxHarness.runFx(() -> {
                for (TreeItem<Object> group : tree.getRoot().getChildren()) {
                    for (TreeItem<Object> item : group.getChildren()) {
                        if (item.getValue() instanceof CacheInspectorViewModel.KeyEntry k && k.key().equals(MAIN_KEY)) {
                            assertThat(k.present()).isTrue();
                            tree.getSelectionModel().select(item);
                        }
                    }
                }
            });
            FxHarness.waitFor("hit", 10, () -> "HIT".equals(((Label) scene.lookup("#cache-status")).getText()));
            assertThat(FxHarness.onFx(() -> ((TextArea) scene.lookup("#cache-value")).getText())).contains(DemoFixture.MAIN_GROUP);
            assertThat(text(scene, "#cache-type")).isEqualTo("Type scalar");
            assertThat(ttlShown(scene)).isBetween(590L, 600L);
            // a long key cut by a narrow column: each key's tree cell has a tooltip holding the whole key
            FxHarness.settle();
            List<String> keyCells = FxHarness.onFx(() -> tree.lookupAll(".tree-cell").stream()
                    .map(n -> (javafx.scene.control.TreeCell<?>) n)
                    .filter(c -> c.getItem() instanceof CacheInspectorViewModel.KeyEntry)
                    .map(c -> ((CacheInspectorViewModel.KeyEntry) c.getItem()).key() + " | " + (c.getTooltip() == null ? "" : c.getTooltip().getText()))
                    .toList());
            assertThat(keyCells).isNotEmpty().allSatisfy(line -> assertThat(line.substring(line.indexOf(" | ") + 3))
                    .startsWith(line.substring(0, line.indexOf(" | "))));

            // statistics and chart moved with the reads
            FxHarness.waitFor("hits counted", 5, () -> !"0".equals(((Label) scene.lookup("#stat-hits")).getText()));
            AreaChart<Number, Number> chart = node(scene, "#cache-chart", AreaChart.class);
            FxHarness.waitFor("chart", 5, () -> chart.getData().get(0).getData().stream().mapToDouble(d -> d.getYValue().doubleValue()).sum() > 0
                    && chart.getData().get(1).getData().stream().mapToDouble(d -> d.getYValue().doubleValue()).sum() > 0);

            // a 3 s TTL counts down on screen, then the key is a miss
            FxHarness.runFx(() -> ((TextField) scene.lookup("#cache-ttl-seconds")).setText("3"));
            fire(scene, "#cache-change-ttl");
            FxHarness.waitFor("ttl 3", 5, () -> ttlShown(scene) > 0 && ttlShown(scene) <= 3);
            long first = ttlShown(scene);
            FxHarness.waitFor("ttl falls", 5, () -> ttlShown(scene) > 0 && ttlShown(scene) < first);
            FxHarness.waitFor("miss after expiry", 8, () -> "MISS".equals(((Label) scene.lookup("#cache-status")).getText()));
            assertThat(FxHarness.onFx(() -> ((TextArea) scene.lookup("#cache-value")).getText())).isEmpty();

            // read again (fills), look it up by typing, delete it
            FxHarness.runFx(() -> main.transcript().reload());
            FxHarness.waitFor("reloaded", 20, () -> main.transcript().entries().size() > 10 && !main.transcript().loadingProperty().get());
            FxHarness.runFx(() -> ((TextField) scene.lookup("#cache-key-input")).setText(MAIN_KEY));
            fire(scene, "#cache-look-up");
            FxHarness.waitFor("hit again", 10, () -> "HIT".equals(((Label) scene.lookup("#cache-status")).getText())
                    && ttlShown(scene) > 500);
            fire(scene, "#cache-delete");
            FxHarness.waitFor("deleted", 10, () -> "MISS".equals(((Label) scene.lookup("#cache-status")).getText()));
            assertThat(text(scene, "#cache-message")).isEqualTo("Deleted " + MAIN_KEY + ".");
            assertThat(FxHarness.onFx(() -> tree.getRoot().getChildren().stream().flatMap(g -> g.getChildren().stream())
                    .map(TreeItem::getValue).filter(v -> v instanceof CacheInspectorViewModel.KeyEntry k && k.key().equals(MAIN_KEY))
                    .map(v -> ((CacheInspectorViewModel.KeyEntry) v).present()).findFirst().orElseThrow())).isFalse();

            // stale check: a write straight to DynamoDB, bypassing invalidation
            FxHarness.runFx(() -> main.transcript().reload());
            FxHarness.waitFor("reloaded", 20, () -> main.transcript().entries().size() > 10 && !main.transcript().loadingProperty().get());
            fire(scene, "#cache-look-up");
            FxHarness.waitFor("hit before write", 10, () -> "HIT".equals(((Label) scene.lookup("#cache-status")).getText()));
            try (DirectMessages direct = DirectMessages.open(DynamoTarget.endpoint(dynalite.endpoint(), TABLE))) {
                SendResult sent = direct.send(direct.prepare(DemoFixture.MAIN_GROUP, DemoFixture.ANDREW_BAYKO, "Behind the cache's back"));
                assertThat(sent).isInstanceOf(SendResult.Sent.class);
            }
            fire(scene, "#cache-stale-check");
            FxHarness.waitFor("differs", 10, () -> text(scene, "#stale-verdict").startsWith("Differs from DynamoDB"));
            ListView<String> lines = node(scene, "#stale-lines", ListView.class);
            assertThat(FxHarness.onFx(() -> lines.getItems().stream().toList()))
                    .anyMatch(l -> l.startsWith("+ added") && l.contains("@bayko: Behind the cache's back"));
            assertThat(FxHarness.onFx(lines::isVisible)).isTrue();

            // the transcript, through the cache, is served that stale page: it says how it differs, and drops the key
            FxHarness.runFx(() -> main.transcript().refresh());
            FxHarness.waitFor("the disagreement shown", 20, () -> main.transcript().disagreementProperty().get() != null);
            assertThat(FxHarness.onFx(() -> main.transcript().disagreementProperty().get()))
                    .startsWith("The cached page differs from the table: 1 added, 1 removed, 0 changed")
                    .contains("+ in the table, not cached: @bayko: Behind the cache's back");
            assertThat(FxHarness.onFx(() -> main.transcript().cacheMarkProperty().get())).startsWith("Cached page");
            FxHarness.runFx(() -> main.transcript().dropStaleKey());
            FxHarness.waitFor("the table's page", 20, () -> main.transcript().disagreementProperty().get() == null
                    && main.transcript().cacheMarkProperty().get().startsWith("Not in the cache"));
            assertThat(FxHarness.onFx(() -> main.transcript().entries().get(main.transcript().entries().size() - 1)))
                    .isInstanceOfSatisfying(dev.cruddur.admin.ui.messages.TranscriptEntry.Bubble.class,
                            b -> assertThat(b.message().text()).isEqualTo("Behind the cache's back"));

            // a dictionary: its fields as a table in the value's place, edited there; the scalar edits stand aside
            cache.collections().dictionarySetField("profile/andrewbrown", "handle", "andrewbrown");
            FxHarness.runFx(() -> ((TextField) scene.lookup("#cache-key-input")).setText("profile/andrewbrown"));
            fire(scene, "#cache-look-up");
            FxHarness.waitFor("dictionary", 10, () -> "Type dictionary".equals(text(scene, "#cache-type")));
            javafx.scene.control.TableView<dev.cruddur.admin.cache.CollectionContents.Row> table =
                    node(scene, "#cache-collection-table", javafx.scene.control.TableView.class);
            assertThat(FxHarness.onFx(() -> table.getItems().size())).isEqualTo(1);
            assertThat(FxHarness.onFx(() -> scene.lookup("#cache-collection").isVisible())).isTrue();
            assertThat(FxHarness.onFx(() -> scene.lookup("#cache-value").isVisible())).isFalse();
            assertThat(FxHarness.onFx(() -> scene.lookup("#cache-set").isDisabled())).isTrue();
            // not one of the app's cached pages: no stale check, and the tooltip says why
            assertThat(FxHarness.onFx(() -> scene.lookup("#cache-stale-check").isDisabled())).isTrue();
            assertThat(FxHarness.onFx(() -> ((javafx.scene.control.Tooltip) scene.lookup("#cache-stale-check-holder").getProperties()
                    .get("javafx.scene.control.Tooltip")).getText()))
                    .startsWith("Not one of the app's cached pages.").contains("messages/{message_group_uuid}");
            FxHarness.runFx(() -> {
                ((TextField) scene.lookup("#cache-collection-first")).setText("display_name");
                ((TextField) scene.lookup("#cache-collection-second")).setText("Andrew Brown");
            });
            fire(scene, "#cache-collection-add");
            FxHarness.waitFor("field set", 10, () -> FxHarness.onFx(() -> table.getItems().size()) == 2);
            FxHarness.runFx(() -> table.getSelectionModel().select(0));
            fire(scene, "#cache-collection-remove");
            FxHarness.waitFor("field removed", 10, () -> FxHarness.onFx(() -> table.getItems().size()) == 1);
            assertThat(text(scene, "#cache-message")).isEqualTo("Removed field display_name of profile/andrewbrown.");

            // the embedded cache's token, masked, copied whole on request
            String token = cache.apiKey().orElseThrow().plainTextForCopy();
            assertThat(text(scene, "#cache-key-masked")).startsWith("token ").doesNotContain(token);
            fire(scene, "#cache-key-copy");
            assertThat(FxHarness.onFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString())).isEqualTo(token);
            FxHarness.runFx(pane::stop);
        } finally {
            FxHarness.runFx(() -> main.cache().close());
            FxHarness.runFx(stage::close);
        }
    }

    @Test
    void flushAndDeleteAskForTheNameTyped() {
        Stage owner = FxHarness.onFx(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(new javafx.scene.layout.StackPane(), 200, 100));
            s.show();
            return s;
        });
        try {
            TypedNameDialog dialog = FxHarness.onFx(() -> {
                TypedNameDialog d = new TypedNameDialog(owner, "Flush", "Every item is removed.", "cruddur", "Flush");
                d.show();
                return d;
            });
            Button ok = FxHarness.onFx(() -> (Button) dialog.getDialogPane().lookup("#typed-name-ok"));
            assertThat(FxHarness.onFx(ok::isDisabled)).isTrue();
            FxHarness.runFx(() -> dialog.field().setText("cruddu"));
            assertThat(FxHarness.onFx(ok::isDisabled)).isTrue();
            FxHarness.runFx(() -> dialog.field().setText("cruddur"));
            assertThat(FxHarness.onFx(ok::isDisabled)).isFalse();
            FxHarness.runFx(dialog::close);
        } finally {
            FxHarness.runFx(owner::close);
        }
    }
}
