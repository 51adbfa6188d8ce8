package dev.cruddur.admin.ui.cache;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import dev.cruddur.admin.cache.CacheStatistics;
import dev.cruddur.admin.cache.CacheStore;
import dev.cruddur.admin.ui.shell.WindowSession;
import dev.cruddur.admin.ui.common.Banner;
import dev.cruddur.admin.ui.common.Icons;
import dev.cruddur.admin.ui.shell.PaneView;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.util.Duration;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

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
    private final CustomTextField keyField = new CustomTextField();
    private final TreeView<Object> tree = new TreeView<>(new TreeItem<>("keys"));
    private final XYChart.Series<Number, Number> hits = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> misses = new XYChart.Series<>();
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
        root.setTop(header());
        SplitPane split = new SplitPane(keysColumn(), details());
        split.setDividerPositions(0.36);
        SplitPane.setResizableWithParent(split.getItems().get(0), false);
        root.setCenter(split);
        root.setBottom(statistics());

        CacheSession session = vm.session();
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
            updateChart();
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
        updateChart();
    }

    // ---------------------------------------------------------------- top: connection and caches

    private Node header() {
        CacheSession session = vm.session();
        Label kind = new Label();
        kind.setId("cache-kind");
        kind.getStyleClass().addAll("badge", "cache-kind");
        kind.textProperty().bind(Bindings.createStringBinding(() -> session.kindProperty().get().isEmpty()
                ? "NO CACHE" : session.kindProperty().get().toUpperCase(java.util.Locale.ROOT), session.kindProperty()));
        session.kindProperty().addListener((o, a, k) -> styleKind(kind, k));
        styleKind(kind, session.kindProperty().get());
        Label where = new Label();
        where.setId("cache-where");
        where.textProperty().bind(Bindings.createStringBinding(() -> switch (session.stateProperty().get()) {
            case OPEN -> session.whereProperty().get();
            case OPENING -> "Opening the cache…";
            case FAILED -> "The cache could not be opened.";
            case CLOSED -> "No cache is open.";
        }, session.stateProperty(), session.whereProperty()));
        Label key = new Label();
        key.setId("cache-key-masked");
        key.getStyleClass().add(Styles.TEXT_MUTED);
        key.textProperty().bind(Bindings.createStringBinding(() -> {
            String masked = session.maskedKeyProperty().get();
            if (masked.isEmpty()) return "no API key";
            return ("Momento".equals(session.kindProperty().get()) ? "API key " : "token ") + masked;
        }, session.maskedKeyProperty(), session.kindProperty()));
        Button copyKey = new Button(null, Icons.of(Material2AL.CONTENT_COPY));
        copyKey.setId("cache-key-copy");
        copyKey.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        copyKey.setTooltip(new javafx.scene.control.Tooltip("Copy the key (for MOMENTO_API_KEY)"));
        copyKey.disableProperty().bind(session.maskedKeyProperty().isEmpty());
        copyKey.setOnAction(e -> session.keyForCopy().ifPresent(secret ->
                dev.cruddur.admin.ui.common.Copied.copy(secret, "Copied the key", copyKey)));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);

        MenuButton caches = new MenuButton("Caches", Icons.of(Material2MZ.STORAGE));
        caches.setId("caches-menu");
        caches.setOnShowing(e -> vm.refreshCaches());
        Runnable fill = () -> caches.getItems().setAll(cacheItems());
        vm.caches().addListener((ListChangeListener<String>) c -> fill.run());
        vm.cachesErrorProperty().addListener((o, a, b) -> fill.run());
        fill.run();
        caches.disableProperty().bind(session.storeProperty().isNull());

        HBox bar = new HBox(10, kind, where, key, copyKey, grow, caches);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("cache-header");

        Banner failed = new Banner("cache-session-error").bind(session.errorProperty(), new SimpleBooleanProperty(true),
                () -> session.openOnDemand(env(), main.profileProperty().get()), () -> {});
        return new VBox(bar, failed);
    }

    private static void styleKind(Label kind, String k) {
        kind.getStyleClass().removeAll("badge-local", "badge-remote", "badge-aws");
        kind.getStyleClass().add("Momento".equals(k) ? "badge-aws" : "Local".equals(k) ? "badge-remote" : "badge-local");
    }

    private List<MenuItem> cacheItems() {
        List<MenuItem> items = new ArrayList<>();
        CacheStore store = vm.session().storeProperty().get();
        String inUse = store == null ? "" : store.cacheName();
        for (String name : vm.caches()) {
            Menu one = new Menu(name + (name.equals(inUse) ? "  (in use)" : ""));
            MenuItem flush = new MenuItem("Flush…", Icons.of(Material2AL.CLEAR_ALL));
            flush.setOnAction(e -> confirm("Flush the cache '" + name + "'",
                    "Every item of '" + name + "' is removed. Reads fill it again from DynamoDB.", name, "Flush", () -> vm.flushCache(name)));
            MenuItem delete = new MenuItem("Delete…", Icons.of(Material2AL.DELETE_FOREVER));
            delete.setOnAction(e -> confirm("Delete the cache '" + name + "'",
                    "The cache '" + name + "' and every item in it are deleted."
                            + (name.equals(inUse) ? " The window reads through it: reads fall back to DynamoDB until it is created again." : ""),
                    name, "Delete", () -> vm.deleteCache(name)));
            one.getItems().addAll(flush, delete);
            items.add(one);
        }
        if (vm.cachesErrorProperty().get() != null) {
            MenuItem problem = new MenuItem(vm.cachesErrorProperty().get());
            problem.setDisable(true);
            items.add(problem);
        }
        if (!items.isEmpty()) items.add(new SeparatorMenuItem());
        MenuItem create = new MenuItem("Create cache…", Icons.of(Material2AL.ADD));
        create.setId("create-cache");
        create.setOnAction(e -> {
            TextInputDialog ask = new TextInputDialog("cruddur");
            ask.initOwner(root.getScene().getWindow());
            ask.setTitle("Create a cache");
            ask.setHeaderText(null);
            ask.setContentText("Name");
            ask.showAndWait().map(String::strip).filter(n -> !n.isEmpty()).ifPresent(vm::createCache);
        });
        items.add(create);
        return items;
    }

    private void confirm(String title, String explanation, String name, String action, Runnable then) {
        new TypedNameDialog(root.getScene().getWindow(), title, explanation, name, action).showAndWait()
                .filter(b -> b.getButtonData() == ButtonType.OK.getButtonData()).ifPresent(b -> then.run());
    }

    // ---------------------------------------------------------------- left: keys

    private Node keysColumn() {
        keyField.setId("cache-key-input");
        keyField.setPromptText("Any key, e.g. msgs/andrewbrown");
        keyField.setLeft(Icons.of(Material2MZ.SEARCH));
        keyField.getStyleClass().add("cache-mono");
        keyField.textProperty().bindBidirectional(vm.keyInputProperty());
        keyField.setOnAction(e -> vm.lookUp());
        Button look = new Button("Look up");
        look.setId("cache-look-up");
        look.setOnAction(e -> vm.lookUp());
        HBox entry = new HBox(6, keyField, look);
        HBox.setHgrow(keyField, Priority.ALWAYS);
        entry.setAlignment(Pos.CENTER_LEFT);

        tree.setId("cache-keys");
        tree.setShowRoot(false);
        tree.getStyleClass().add(Styles.DENSE);
        tree.setCellFactory(t -> new KeyCell());
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (item != null && item.getValue() instanceof CacheInspectorViewModel.KeyEntry k
                    && !k.key().equals(vm.inspectedKeyProperty().get())) {
                vm.lookUp(k.key());
            }
        });
        vm.keyGroups().addListener((ListChangeListener<CacheInspectorViewModel.KeyGroup>) c -> fillTree());
        VBox.setVgrow(tree, Priority.ALWAYS);

        Label heading = new Label("Keys the app can name");
        heading.getStyleClass().add(Styles.TEXT_BOLD);
        Button reload = new Button(null, Icons.of(Material2MZ.REFRESH));
        reload.setId("cache-keys-refresh");
        reload.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        reload.setOnAction(e -> vm.loadKeys());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox head = new HBox(6, heading, grow, reload);
        head.setAlignment(Pos.CENTER_LEFT);

        ProgressBar loading = new ProgressBar(-1);
        loading.setMaxWidth(Double.MAX_VALUE);
        loading.getStyleClass().add(Styles.SMALL);
        loading.visibleProperty().bind(vm.keysLoadingProperty());
        loading.managedProperty().bind(loading.visibleProperty());
        Label problem = new Label();
        problem.setId("cache-keys-problem");
        problem.setWrapText(true);
        problem.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        problem.textProperty().bind(vm.keysProblemProperty());
        problem.visibleProperty().bind(vm.keysProblemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());
        Label legend = new Label("● cached   ○ not cached");
        legend.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);

        VBox column = new VBox(8, entry, head, loading, problem, tree, legend);
        column.getStyleClass().add("cache-keys-column");
        column.setMinWidth(280);
        return column;
    }

    private void fillTree() {
        TreeItem<Object> rootItem = tree.getRoot();
        if (sameShape(rootItem)) {
            // only whether keys are cached changed: update in place, keeping scroll and expansion
            for (int i = 0; i < vm.keyGroups().size(); i++) {
                List<CacheInspectorViewModel.KeyEntry> keys = vm.keyGroups().get(i).keys();
                List<TreeItem<Object>> items = rootItem.getChildren().get(i).getChildren();
                for (int j = 0; j < keys.size(); j++) {
                    if (!keys.get(j).equals(items.get(j).getValue())) items.get(j).setValue(keys.get(j));
                }
            }
            return;
        }
        rootItem.getChildren().clear();
        TreeItem<Object> select = null;
        for (CacheInspectorViewModel.KeyGroup group : vm.keyGroups()) {
            TreeItem<Object> g = new TreeItem<>(group.title());
            g.setExpanded(!group.title().startsWith("Invalidation"));
            for (CacheInspectorViewModel.KeyEntry k : group.keys()) {
                TreeItem<Object> item = new TreeItem<>(k);
                g.getChildren().add(item);
                if (select == null && k.key().equals(vm.inspectedKeyProperty().get())) select = item;
            }
            rootItem.getChildren().add(g);
        }
        if (select != null) tree.getSelectionModel().select(select);
    }

    private boolean sameShape(TreeItem<Object> rootItem) {
        if (rootItem.getChildren().size() != vm.keyGroups().size()) return false;
        for (int i = 0; i < vm.keyGroups().size(); i++) {
            CacheInspectorViewModel.KeyGroup group = vm.keyGroups().get(i);
            TreeItem<Object> item = rootItem.getChildren().get(i);
            if (!group.title().equals(item.getValue()) || item.getChildren().size() != group.keys().size()) return false;
            for (int j = 0; j < group.keys().size(); j++) {
                if (!(item.getChildren().get(j).getValue() instanceof CacheInspectorViewModel.KeyEntry k)
                        || !k.key().equals(group.keys().get(j).key())) return false;
            }
        }
        return true;
    }

    /** A group heading, or a key: a dot (cached or not), the key, whose it is. */
    private static final class KeyCell extends TreeCell<Object> {
        private final Circle dot = new Circle(4);
        private final Label key = new Label();
        private final Label describes = new Label();
        private final VBox text = new VBox(1, key, describes);
        private final HBox box = new HBox(8, dot, text);

        KeyCell() {
            key.getStyleClass().add("cache-mono");
            describes.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            box.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("key-group", "key-entry");
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
            } else if (item instanceof CacheInspectorViewModel.KeyEntry k) {
                getStyleClass().add("key-entry");
                key.setText(k.key());
                describes.setText(k.describes());
                dot.getStyleClass().setAll("key-dot", k.present() == null ? "unknown" : k.present() ? "present" : "absent");
                setText(null);
                setGraphic(box);
            } else {
                getStyleClass().add("key-group");
                setText(String.valueOf(item));
                setGraphic(null);
            }
        }
    }

    // ---------------------------------------------------------------- right: the key

    private Node details() {
        Label key = new Label();
        key.setId("cache-inspected-key");
        key.getStyleClass().addAll("cache-mono", "inspected-key");
        key.textProperty().bind(vm.inspectedKeyProperty().map(k -> k.isEmpty() ? "Choose a key, or type one" : k));
        key.setMinWidth(0);
        Label status = new Label();
        status.setId("cache-status");
        status.getStyleClass().add("cache-status");
        status.textProperty().bind(vm.statusProperty().map(s -> switch (s) {
            case NONE -> "";
            case LOADING -> "…";
            case HIT -> "HIT";
            case MISS -> "MISS";
            case ERROR -> "ERROR";
        }));
        vm.statusProperty().addListener((o, a, s) -> {
            status.getStyleClass().removeAll("hit", "miss", "error");
            if (s == CacheInspectorViewModel.Status.HIT) status.getStyleClass().add("hit");
            if (s == CacheInspectorViewModel.Status.MISS) status.getStyleClass().add("miss");
            if (s == CacheInspectorViewModel.Status.ERROR) status.getStyleClass().add("error");
        });
        status.visibleProperty().bind(vm.statusProperty().isNotEqualTo(CacheInspectorViewModel.Status.NONE));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox title = new HBox(10, key, grow, status);
        title.setAlignment(Pos.CENTER_LEFT);

        Label type = fact("cache-type", vm.typeProperty(), "Type");
        Label size = fact("cache-size", vm.sizeProperty(), "Size");
        Label ttl = new Label();
        ttl.setId("cache-ttl");
        ttl.getStyleClass().add("cache-ttl");
        ttl.textProperty().bind(vm.ttlTextProperty().map(t -> t.isEmpty() ? "" : "TTL " + t));
        ttl.setGraphic(Icons.of(Material2AL.ACCESS_TIME));
        ttl.visibleProperty().bind(vm.ttlTextProperty().isNotEmpty());
        HBox facts = new HBox(18, type, size, ttl);
        facts.setAlignment(Pos.CENTER_LEFT);

        TextArea value = new TextArea();
        value.setId("cache-value");
        value.setEditable(false);
        value.setWrapText(false);
        value.getStyleClass().add("cache-mono");
        value.textProperty().bind(vm.valueProperty());
        value.setPromptText("No value");
        VBox.setVgrow(value, Priority.ALWAYS);
        // a collection shows its members as a table, in the value's place
        var holdsCollection = Bindings.createBooleanBinding(() -> isCollection(vm.itemTypeProperty().get()), vm.itemTypeProperty());
        value.visibleProperty().bind(holdsCollection.not());
        value.managedProperty().bind(value.visibleProperty());
        CollectionTable collection = new CollectionTable(vm);
        collection.visibleProperty().bind(holdsCollection);
        collection.managedProperty().bind(holdsCollection);
        VBox.setVgrow(collection, Priority.ALWAYS);

        Label notes = new Label();
        notes.setId("cache-notes");
        notes.setWrapText(true);
        notes.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        notes.textProperty().bind(vm.notesProperty());
        notes.setMinHeight(Region.USE_PREF_SIZE);

        Banner error = new Banner("cache-error").bind(vm.errorProperty(), new SimpleBooleanProperty(false), () -> {}, vm::dismissError);
        Label message = new Label();
        message.setId("cache-message");
        message.getStyleClass().addAll(Styles.TEXT_SMALL, "cache-message");
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotNull());
        message.managedProperty().bind(message.visibleProperty());

        VBox box = new VBox(8, title, facts, value, collection, notes, actions(), error, message, staleBox());
        box.getStyleClass().add("cache-details");
        return box;
    }

    private static boolean isCollection(dev.cruddur.admin.cache.ItemType type) {
        return type != dev.cruddur.admin.cache.ItemType.SCALAR && type != dev.cruddur.admin.cache.ItemType.MISSING;
    }

    private static Label fact(String id, javafx.beans.value.ObservableValue<String> text, String name) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(text.map(t -> t.isEmpty() ? "" : name + " " + t));
        return l;
    }

    private Node actions() {
        var noKey = vm.inspectedKeyProperty().isEmpty().or(vm.busyProperty()).or(vm.session().storeProperty().isNull());
        Button delete = new Button("Delete", Icons.of(Material2AL.DELETE_OUTLINE));
        delete.setId("cache-delete");
        delete.getStyleClass().addAll(Styles.DANGER, Styles.SMALL);
        delete.setOnAction(e -> vm.delete());
        delete.disableProperty().bind(noKey);

        Button set = new Button("Set value…", Icons.of(Material2AL.EDIT));
        set.setId("cache-set");
        set.getStyleClass().add(Styles.SMALL);
        set.setOnAction(e -> {
            CacheStore store = vm.session().storeProperty().get();
            long ttl = store == null ? 600 : store.settings().defaultTtl().toSeconds();
            new SetValueDialog(root.getScene().getWindow(), vm.inspectedKeyProperty().get(), vm.rawValueProperty().get(), ttl)
                    .showAndWait().ifPresent(entry -> vm.set(entry.value(), entry.ttlSeconds()));
        });
        // the scalar edits would replace a collection (Set) or fail on it (Increment): its own edits are in its table
        var collection = Bindings.createBooleanBinding(() -> isCollection(vm.itemTypeProperty().get()), vm.itemTypeProperty());
        set.disableProperty().bind(noKey.or(collection));

        TextField amount = new TextField("1");
        amount.setId("cache-increment-amount");
        amount.setPrefWidth(44);
        amount.getStyleClass().add(Styles.SMALL);
        Button increment = new Button("Increment", Icons.of(Material2AL.ADD));
        increment.setId("cache-increment");
        increment.getStyleClass().add(Styles.SMALL);
        increment.setOnAction(e -> parseLong(amount.getText()).ifPresentOrElse(vm::increment,
                () -> amount.pseudoClassStateChanged(Styles.STATE_DANGER, true)));
        amount.textProperty().addListener((o, a, b) -> amount.pseudoClassStateChanged(Styles.STATE_DANGER, false));
        increment.disableProperty().bind(noKey.or(collection));

        TextField ttl = new TextField("600");
        ttl.setId("cache-ttl-seconds");
        ttl.setPrefWidth(60);
        ttl.getStyleClass().add(Styles.SMALL);
        Button changeTtl = new Button("Set TTL", Icons.of(Material2AL.ACCESS_TIME));
        changeTtl.setId("cache-change-ttl");
        changeTtl.getStyleClass().add(Styles.SMALL);
        changeTtl.setOnAction(e -> parseLong(ttl.getText()).ifPresentOrElse(vm::changeTtl,
                () -> ttl.pseudoClassStateChanged(Styles.STATE_DANGER, true)));
        ttl.textProperty().addListener((o, a, b) -> ttl.pseudoClassStateChanged(Styles.STATE_DANGER, false));
        changeTtl.disableProperty().bind(noKey.or(vm.statusProperty().isNotEqualTo(CacheInspectorViewModel.Status.HIT)));
        Label seconds = new Label("s");

        Button stale = new Button("Stale check", Icons.of(Material2AL.COMPARE_ARROWS));
        stale.setId("cache-stale-check");
        stale.getStyleClass().add(Styles.SMALL);
        stale.setOnAction(e -> vm.staleCheck());
        stale.disableProperty().bind(noKey);

        HBox incrementGroup = new HBox(4, amount, increment);
        incrementGroup.setAlignment(Pos.CENTER_LEFT);
        HBox ttlGroup = new HBox(4, ttl, seconds, changeTtl);
        ttlGroup.setAlignment(Pos.CENTER_LEFT);
        FlowPane row = new FlowPane(14, 6, delete, set, incrementGroup, ttlGroup, stale);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("cache-actions");
        return row;
    }

    private static java.util.Optional<Long> parseLong(String text) {
        try {
            return java.util.Optional.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private Node staleBox() {
        Label verdict = new Label();
        verdict.setId("stale-verdict");
        verdict.setWrapText(true);
        verdict.setMinHeight(Region.USE_PREF_SIZE);
        verdict.getStyleClass().add("stale-verdict");
        verdict.textProperty().bind(vm.staleVerdictProperty());
        vm.staleReportProperty().addListener((o, a, r) -> {
            verdict.getStyleClass().removeAll("differs", "current");
            if (r != null) verdict.getStyleClass().add(r.stale() ? "differs" : "current");
        });
        ListView<String> lines = new ListView<>(vm.staleLines());
        lines.setId("stale-lines");
        lines.getStyleClass().addAll(Styles.DENSE, "cache-mono", "stale-lines");
        lines.setPrefHeight(96);
        lines.setMinHeight(60);
        lines.visibleProperty().bind(Bindings.isNotEmpty(vm.staleLines()));
        lines.managedProperty().bind(lines.visibleProperty());
        VBox box = new VBox(6, verdict, lines);
        box.visibleProperty().bind(vm.staleVerdictProperty().isNotEmpty());
        box.managedProperty().bind(box.visibleProperty());
        box.getStyleClass().add("stale-box");
        return box;
    }

    // ---------------------------------------------------------------- bottom: statistics

    private Node statistics() {
        VBox figures = new VBox(6,
                figureRow(figure("stat-hits", "Hits", vm.hitsTextProperty()), figure("stat-misses", "Misses", vm.missesTextProperty()),
                        figure("stat-errors", "Errors", vm.errorsTextProperty()), figure("stat-ratio", "Hit ratio", vm.ratioTextProperty())),
                figure("stat-cache-latency", "Cache reads", vm.cacheLatencyTextProperty()),
                figure("stat-dynamo-latency", "DynamoDB reads", vm.dynamoLatencyTextProperty()));
        figures.setMinWidth(Region.USE_PREF_SIZE);
        figures.getStyleClass().add("cache-figures");

        NumberAxis x = new NumberAxis(-CacheInspectorViewModel.CHART_SECONDS, 0, 10);
        x.setLabel("seconds ago");
        x.setAutoRanging(false);
        x.setMinorTickVisible(false);
        NumberAxis y = new NumberAxis();
        y.setLabel("reads / s");
        y.setForceZeroInRange(true);
        y.setMinorTickVisible(false);
        AreaChart<Number, Number> chart = new AreaChart<>(x, y);
        chart.setId("cache-chart");
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(true);
        chart.setHorizontalGridLinesVisible(true);
        chart.setVerticalGridLinesVisible(false);
        hits.setName("hits");
        misses.setName("misses");
        chart.getData().add(hits);
        chart.getData().add(misses);
        chart.setLegendSide(javafx.geometry.Side.RIGHT);
        chart.setPrefHeight(150);
        chart.setMinHeight(120);
        HBox.setHgrow(chart, Priority.ALWAYS);

        HBox box = new HBox(16, figures, chart);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("cache-statistics");
        box.setPadding(new Insets(6, 12, 6, 12));
        return box;
    }

    private static HBox figureRow(Node... figures) {
        HBox row = new HBox(18, figures);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static VBox figure(String id, String name, javafx.beans.value.ObservableValue<String> value) {
        Label v = new Label();
        v.setId(id);
        v.getStyleClass().add("figure-value");
        v.textProperty().bind(value);
        Label n = new Label(name);
        n.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        VBox f = new VBox(0, n, v);
        f.getStyleClass().add("figure");
        return f;
    }

    private void updateChart() {
        List<CacheStatistics.SecondCount> series = vm.chartSeries();
        List<XYChart.Data<Number, Number>> h = new ArrayList<>(series.size());
        List<XYChart.Data<Number, Number>> m = new ArrayList<>(series.size());
        int n = series.size();
        for (int i = 0; i < n; i++) {
            int ago = i - (n - 1);
            h.add(new XYChart.Data<>(ago, series.get(i).hits()));
            m.add(new XYChart.Data<>(ago, series.get(i).misses()));
        }
        hits.getData().setAll(h);
        misses.getData().setAll(m);
    }

    // ---------------------------------------------------------------- PaneView

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void find() {
        keyField.requestFocus();
        keyField.selectAll();
    }

    public CacheInspectorViewModel viewModel() {
        return vm;
    }

    /** Stops the once-a-second timeline (tests, closing windows). */
    public void stop() {
        everySecond.stop();
    }

}
