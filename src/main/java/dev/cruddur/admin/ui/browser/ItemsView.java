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

    public ItemsView(ItemBrowserViewModel vm) {
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
