package dev.cruddur.admin.ui.cache;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import dev.cruddur.admin.ui.common.Icons;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.material2.Material2MZ;

/** The Cache pane's left column: free key entry, and the keys the app can name, grouped, each cached or not. */
final class CacheKeysColumn extends VBox {
    private final CacheInspectorViewModel vm;
    private final CustomTextField keyField = new CustomTextField();
    private final TreeView<Object> tree = new TreeView<>(new TreeItem<>("keys"));

    CacheKeysColumn(CacheInspectorViewModel vm) {
        this.vm = vm;
        build();
    }

    /** Ctrl+F: the free key entry, its text selected. */
    void focusKeyEntry() {
        keyField.requestFocus();
        keyField.selectAll();
    }

    private void build() {
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

        setSpacing(8);
        getChildren().setAll(entry, head, loading, problem, tree, legend);
        getStyleClass().add("cache-keys-column");
        setMinWidth(280);
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
        // a narrow column cuts long keys ("groups/66386c44-…"): the whole key is one hover away
        private final Tooltip whole = new Tooltip();

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
                setTooltip(null);
            } else if (item instanceof CacheInspectorViewModel.KeyEntry k) {
                getStyleClass().add("key-entry");
                key.setText(k.key());
                describes.setText(k.describes());
                dot.getStyleClass().setAll("key-dot", k.present() == null ? "unknown" : k.present() ? "present" : "absent");
                whole.setText(k.describes() == null || k.describes().isBlank() ? k.key() : k.key() + "\n" + k.describes());
                setTooltip(whole);
                setText(null);
                setGraphic(box);
            } else {
                getStyleClass().add("key-group");
                setText(String.valueOf(item));
                setGraphic(null);
                setTooltip(null);
            }
        }
    }
}
