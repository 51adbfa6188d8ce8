package dev.cruddur.admin.ui.browser;

import dev.cruddur.admin.ui.common.Banner;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The "Items" tab: the request form (table, index, scan or query, key condition, order, filter,
 * projection), the results table with a column per attribute seen, and the actions on items.
 */
public final class ItemsView extends VBox {
    private final ItemResultsTable table;
    private final ItemRequestForm form;
    private final ItemActions actions;

    private final ItemBrowserViewModel vm;
    /** The key of the item a link asked for, selected when its row comes in; null when none is awaited. */
    private java.util.Map<String, String> wanted;

    public ItemsView(ItemBrowserViewModel vm) {
        this.vm = vm;
        getStyleClass().add("browser-items");
        setId("browser-items");

        Banner error = new Banner("browser-error").bind(vm.errorProperty(), new SimpleBooleanProperty(false), () -> {}, vm::dismissError);
        form = new ItemRequestForm(vm);
        table = new ItemResultsTable(vm);
        actions = new ItemActions(vm, table);
        table.actOn(actions);
        table.setContextMenu(actions.contextMenu());
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(error, form, table, new ItemActionBar(vm, table, actions), new CopiedRequestPanel(vm));
        vm.rows().addListener((javafx.collections.ListChangeListener<ItemBrowserViewModel.Row>) c -> selectWanted());
    }

    /**
     * One item by its key, as a query of its partition with {@code sk =} its sort key, its row
     * selected (with the keyboard on it) when it comes in: "Open in Browser" from a message.
     */
    public void openItem(String pk, String sk) {
        wanted = java.util.Map.of(dev.cruddur.admin.domain.TableKeys.PK, pk, dev.cruddur.admin.domain.TableKeys.SK, sk);
        vm.modeProperty().set(ItemBrowserViewModel.Mode.QUERY);
        vm.indexProperty().set(ItemBrowserViewModel.TABLE_KEYS);
        vm.partitionValueProperty().set(pk);
        vm.sortOperatorProperty().set(dev.cruddur.admin.app.browse.SortKeyOperator.EQ);
        vm.sortValueProperty().set(sk);
        vm.run();
    }

    private void selectWanted() {
        if (wanted == null) return;
        for (int i = 0; i < vm.rows().size(); i++) {
            var values = vm.rows().get(i).values();
            if (wanted.entrySet().stream().allMatch(k -> k.getValue().equals(values.get(k.getKey())))) {
                wanted = null;
                table.getSelectionModel().clearAndSelect(i);
                table.getFocusModel().focus(i);
                table.scrollTo(i);
                table.requestFocus();
                return;
            }
        }
    }

    public void createNew() {
        actions.createNew();
    }

    /** Asks first, with the count; deletes only on OK. */
    public void confirmDelete() {
        actions.confirmDelete();
    }

    public TableView<ItemBrowserViewModel.Row> resultsTable() {
        return table;
    }

    public void focusRequest() {
        form.focusRequest();
    }
}
