package dev.cruddur.admin.ui.browser;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.stage.Window;

/** What the Items tab does to items: new, edit, duplicate (each in the item editor) and delete (after asking). */
final class ItemActions {
    private final ItemBrowserViewModel vm;
    private final TableView<ItemBrowserViewModel.Row> table;

    ItemActions(ItemBrowserViewModel vm, TableView<ItemBrowserViewModel.Row> table) {
        this.vm = vm;
        this.table = table;
    }

    private Window owner() {
        return table.getScene().getWindow();
    }

    /** Edit, Duplicate, Delete and Copy as on a right click of the results. */
    ContextMenu contextMenu() {
        MenuItem edit = new MenuItem("Edit…");
        edit.setOnAction(e -> editSelected());
        MenuItem duplicate = new MenuItem("Duplicate…");
        duplicate.setOnAction(e -> duplicateSelected());
        MenuItem delete = new MenuItem("Delete…");
        delete.setOnAction(e -> confirmDelete());
        delete.disableProperty().bind(vm.writableProperty().not());
        var getItem = dev.cruddur.admin.ui.common.CopyAsMenu.of("GetItem as", "row-copy-get",
                language -> vm.copyRowAs(table.getSelectionModel().getSelectedItem(), dev.cruddur.admin.app.browse.ItemCopyAs.Operation.GET_ITEM, language),
                () -> table);
        var putItem = dev.cruddur.admin.ui.common.CopyAsMenu.of("PutItem as", "row-copy-put",
                language -> vm.copyRowAs(table.getSelectionModel().getSelectedItem(), dev.cruddur.admin.app.browse.ItemCopyAs.Operation.PUT_ITEM, language),
                () -> table);
        ContextMenu menu = new ContextMenu(edit, duplicate, delete, new javafx.scene.control.SeparatorMenuItem(), getItem, putItem);
        // a copy is of one item: with several rows selected it would be a guess which
        menu.setOnShowing(e -> {
            boolean one = table.getSelectionModel().getSelectedItems().size() == 1;
            getItem.setDisable(!one);
            putItem.setDisable(!one);
        });
        return menu;
    }

    void createNew() {
        if (vm.shapeProperty().get() == null || vm.whyReadOnly().isPresent()) return;
        new ItemEditorDialog(vm.editorFor(null), owner()).show();
    }

    void editSelected() {
        var row = table.getSelectionModel().getSelectedItem();
        if (row != null) openEditor(row);
    }

    void openEditor(ItemBrowserViewModel.Row row) {
        vm.edit(row, false, editor -> new ItemEditorDialog(editor, owner()).show());
    }

    void duplicateSelected() {
        var row = table.getSelectionModel().getSelectedItem();
        if (row == null || vm.whyReadOnly().isPresent()) return;
        vm.edit(row, true, editor -> new ItemEditorDialog(editor, owner()).show());
    }

    /** Asks first, with the count; deletes only on OK. */
    void confirmDelete() {
        List<ItemBrowserViewModel.Row> chosen = List.copyOf(table.getSelectionModel().getSelectedItems());
        if (chosen.isEmpty() || vm.whyReadOnly().isPresent()) return;
        String t = vm.tableProperty().get();
        javafx.scene.control.Alert ask = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION);
        ask.initOwner(owner());
        ask.setTitle("Delete items");
        ask.setHeaderText("Delete " + chosen.size() + (chosen.size() == 1 ? " item" : " items") + " from " + t + "?");
        ask.setContentText("This cannot be undone. Keys:\n" + String.join("\n", chosen.stream().limit(8)
                .map(r -> ItemBrowserViewModel.keyOf(r.values(), vm.shapeProperty().get().keyNames()).values().stream()
                        .map(ValueText::of).reduce((a, b) -> a + " / " + b).orElse(""))
                .toList()) + (chosen.size() > 8 ? "\n…and " + (chosen.size() - 8) + " more" : ""));
        ask.getDialogPane().setId("delete-confirmation");
        ask.getDialogPane().getStylesheets().add(BrowserPane.stylesheet());
        ((Button) ask.getDialogPane().lookupButton(ButtonType.OK)).setText("Delete " + chosen.size());
        ((Button) ask.getDialogPane().lookupButton(ButtonType.OK)).getStyleClass().add(Styles.DANGER);
        ask.setOnHidden(e -> {
            if (ask.getResult() == ButtonType.OK) vm.delete(chosen, n -> table.getSelectionModel().clearSelection());
        });
        ask.show();
    }
}
