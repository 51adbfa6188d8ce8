package dev.cruddur.admin.ui.cache;

import dev.cruddur.admin.ui.shell.WindowSession;
import dev.cruddur.admin.ui.shell.PaneView;
import java.time.Clock;
import java.util.Map;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.util.Duration;

/**
 * The Cache pane: the connection and caches on top; the keys the app can name (grouped by user
 * and conversation) and free entry on the left; the looked-up key's value, live TTL and actions
 * on the right; the session's hits and misses below.
 */
public final class CachePane implements PaneView {
    public static final String CSS = "/dev/cruddur/admin/ui/cache/cache.css";

    private final CacheInspectorViewModel vm;
    private final WindowSession main;
    private final BorderPane root = new BorderPane();
    private final CacheKeysColumn keys;
    private final CacheStatisticsBar statistics;
    private final Timeline everySecond;
    private final Clock clock;

    public CachePane(WindowSession main, CacheSession cache) {
        this(main, new CacheInspectorViewModel(main.tasks(), main.clock(), cache, main::session));
    }

    public CachePane(WindowSession main, CacheInspectorViewModel vm) {
        this.main = main;
        this.vm = vm;
        this.clock = main.clock();
        root.setId("cache-pane");
        root.getStyleClass().add("cache-pane");
        root.getStylesheets().add(stylesheet());
        CacheSession session = vm.session();
        root.setTop(new CacheHeader(vm, () -> session.openOnDemand(env(), main.profileProperty().get())));
        keys = new CacheKeysColumn(vm);
        SplitPane split = new SplitPane(keys, new CacheKeyDetails(vm));
        split.setDividerPositions(0.36);
        SplitPane.setResizableWithParent(split.getItems().get(0), false);
        root.setCenter(split);
        statistics = new CacheStatisticsBar(vm);
        root.setBottom(statistics);

        session.storeProperty().addListener((o, a, store) -> {
            if (store != null) onCacheOpen();
        });
        main.users().addListener((ListChangeListener<dev.cruddur.admin.domain.User>) c -> vm.loadKeys());
        if (session.storeProperty().get() != null) onCacheOpen();
        else session.openOnDemand(env(), main.profileProperty().get());

        // the countdown and the chart: memory only, on the FX thread
        everySecond = new Timeline(new KeyFrame(Duration.seconds(1), e -> {
            vm.tick(clock.instant());
            vm.refreshStatistics();
            statistics.updateChart();
        }));
        everySecond.setCycleCount(Animation.INDEFINITE);
        everySecond.play();
    }

    private static Map<String, String> env() {
        return System.getenv();
    }

    public static String stylesheet() {
        return CachePane.class.getResource(CSS).toExternalForm();
    }

    private void onCacheOpen() {
        vm.refreshCaches();
        vm.loadKeys();
        vm.refreshStatistics();
        statistics.updateChart();
    }

    // ---------------------------------------------------------------- PaneView

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void find() {
        keys.focusKeyEntry();
    }

    public CacheInspectorViewModel viewModel() {
        return vm;
    }

    /** Stops the once-a-second timeline (tests, closing windows). */
    public void stop() {
        everySecond.stop();
    }
}
