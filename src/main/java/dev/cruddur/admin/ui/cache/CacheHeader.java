package dev.cruddur.admin.ui.cache;

import atlantafx.base.theme.Styles;
import dev.cruddur.admin.cache.CacheStore;
import dev.cruddur.admin.ui.common.Banner;
import dev.cruddur.admin.ui.common.Icons;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The Cache pane's top: which cache is open and where, its key, and the caches menu (flush, delete, create). */
final class CacheHeader extends VBox {
    private final CacheInspectorViewModel vm;
    private final Runnable reopen;

    CacheHeader(CacheInspectorViewModel vm, Runnable reopen) {
        this.vm = vm;
        this.reopen = reopen;
        build();
    }

    private void build() {
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
                reopen, () -> {});
        getChildren().setAll(bar, failed);
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
            ask.initOwner(getScene().getWindow());
            ask.setTitle("Create a cache");
            ask.setHeaderText("A new, empty cache beside the others; the window keeps reading through the one in use.");
            ask.setGraphic(null);
            ask.setContentText("Cache name");
            ask.getEditor().setId("create-cache-name");
            ask.showAndWait().map(String::strip).filter(n -> !n.isEmpty()).ifPresent(vm::createCache);
        });
        items.add(create);
        return items;
    }

    private void confirm(String title, String explanation, String name, String action, Runnable then) {
        new TypedNameDialog(getScene().getWindow(), title, explanation, name, action).showAndWait()
                .filter(b -> b.getButtonData() == ButtonType.OK.getButtonData()).ifPresent(b -> then.run());
    }
}
