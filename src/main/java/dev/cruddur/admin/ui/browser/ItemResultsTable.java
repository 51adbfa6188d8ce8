package dev.cruddur.admin.ui.browser;

import atlantafx.base.theme.Styles;
import dev.cruddur.admin.ui.common.Icons;
import dev.cruddur.admin.ui.common.SpareWidth;
import java.util.LinkedHashSet;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.kordamp.ikonli.material2.Material2MZ;

/** The Items tab's results: a column per attribute seen, keys first; the last row asks for the next page. */
final class ItemResultsTable extends TableView<ItemBrowserViewModel.Row> {
    private final ItemBrowserViewModel vm;
    private ItemActions actions;

    ItemResultsTable(ItemBrowserViewModel vm) {
        this.vm = vm;
        build();
        vm.zoneProperty().addListener((o, a, zone) -> refresh());
    }

    /** Where Enter, Delete and a double click send the selected rows. */
    void actOn(ItemActions actions) {
        this.actions = actions;
    }

    private void build() {
        setId("browser-results");
        setItems(vm.rows());
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        // a saved item replaces its row, which drops the selection: select the saved row again
        vm.lastSavedProperty().addListener((o, a, saved) -> {
            int at = saved == null ? -1 : getItems().indexOf(saved);
            if (at < 0) return;
            getSelectionModel().clearAndSelect(at);
            getFocusModel().focus(at);
        });
        getStyleClass().addAll(Styles.DENSE, "browser-results");
        // unconstrained widths that scroll sideways; a wide window shows more of the message, not an empty strip
        SpareWidth.giveTo(this, "message");
        Label empty = new Label();
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        empty.textProperty().bind(Bindings.createStringBinding(() -> vm.loadingProperty().get() ? "Loading…"
                : !vm.connectedProperty().get() ? "Not connected." : "No items: run a scan or a query.",
                vm.loadingProperty(), vm.connectedProperty()));
        setPlaceholder(empty);
        vm.columns().addListener((ListChangeListener<String>) c -> showColumns());
        setRowFactory(t -> {
            TableRow<ItemBrowserViewModel.Row> row = new TableRow<>() {
                @Override
                protected void updateItem(ItemBrowserViewModel.Row item, boolean empty) {
                    super.updateItem(item, empty);
                    // scrolling to the last row asks for the next page
                    if (!empty && getIndex() == vm.rows().size() - 1 && vm.hasMoreProperty().get() && !vm.loadingProperty().get()) {
                        vm.loadMore(); // only starts a background read; the rows arrive later
                    }
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) actions.openEditor(row.getItem());
            });
            return row;
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && getSelectionModel().getSelectedItem() != null) actions.openEditor(getSelectionModel().getSelectedItem());
            if (e.getCode() == KeyCode.DELETE) actions.confirmDelete();
        });
    }

    private void showColumns() {
        var shape = vm.shapeProperty().get();
        Set<String> keys = new LinkedHashSet<>();
        if (shape != null) {
            keys.addAll(shape.keyNames());
            shape.indexes().forEach(i -> {
                keys.add(i.partitionKey().name());
                i.sortKey().ifPresent(k -> keys.add(k.name()));
            });
        }
        ResultColumns.show(this, vm.columns(), name -> column(name, keys.contains(name)));
    }

    private TableColumn<ItemBrowserViewModel.Row, ItemBrowserViewModel.Row> column(String name, boolean key) {
        boolean sortKey = vm.shapeProperty().get() != null && (vm.shapeProperty().get().sortKey().map(k -> k.name().equals(name)).orElse(false)
                || vm.shapeProperty().get().indexes().stream().anyMatch(i -> i.sortKey().map(k -> k.name().equals(name)).orElse(false)));
        var c = ResultColumns.column("column-" + name, name, sortKey ? 340 : key ? 250 : name.equals("message") ? 260 : 160,
                () -> vm.zoneProperty().get());
        if (key) {
            c.getStyleClass().add("key-column");
            c.setGraphic(Icons.of(Material2MZ.VPN_KEY, 12));
        }
        return c;
    }
}
