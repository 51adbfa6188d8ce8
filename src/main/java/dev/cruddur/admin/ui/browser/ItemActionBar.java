package dev.cruddur.admin.ui.browser;

import dev.cruddur.admin.app.browse.ItemCopyAs;
import dev.cruddur.admin.ui.common.CopyAsMenu;
import javafx.scene.control.SeparatorMenuItem;
import atlantafx.base.theme.Styles;
import dev.cruddur.admin.ui.common.Copied;
import dev.cruddur.admin.ui.common.Icons;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.material2.Material2AL;

/** The Items tab's bottom bar: the summary, Load more, and New, Edit, Duplicate, Delete and Copy as. */
final class ItemActionBar extends HBox {
    private final ItemBrowserViewModel vm;
    private final TableView<ItemBrowserViewModel.Row> table;
    private final ItemActions actions;

    ItemActionBar(ItemBrowserViewModel vm, TableView<ItemBrowserViewModel.Row> table, ItemActions actions) {
        this.vm = vm;
        this.table = table;
        this.actions = actions;
        build();
    }

    private void build() {
        Label summary = new Label();
        summary.setId("browser-summary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(vm.summaryProperty());
        Label notice = new Label();
        notice.setId("browser-notice");
        notice.getStyleClass().add(Styles.SUCCESS);
        notice.textProperty().bind(vm.noticeProperty());
        Button more = new Button("Load more", Icons.of(Material2AL.EXPAND_MORE));
        more.setId("browser-load-more");
        more.disableProperty().bind(vm.hasMoreProperty().not().or(vm.loadingProperty()));
        more.setOnAction(e -> vm.loadMore());

        var selected = table.getSelectionModel().getSelectedItems();
        var noneSelected = Bindings.isEmpty(selected);
        var notOne = Bindings.size(selected).isNotEqualTo(1);
        var noShape = vm.shapeProperty().isNull();

        Button add = new Button("New", Icons.of(Material2AL.ADD));
        add.setId("browser-new");
        add.setOnAction(e -> actions.createNew());
        Button edit = new Button("Edit", Icons.of(Material2AL.EDIT));
        edit.setId("browser-edit");
        edit.disableProperty().bind(notOne);
        edit.setTooltip(new Tooltip("Edit the selected item (double-click a row)"));
        edit.setOnAction(e -> actions.editSelected());
        Button duplicate = new Button("Duplicate", Icons.of(Material2AL.CONTENT_COPY));
        duplicate.setId("browser-duplicate");
        duplicate.setOnAction(e -> actions.duplicateSelected());
        Button delete = new Button("Delete", Icons.of(Material2AL.DELETE_OUTLINE));
        delete.setId("browser-delete");
        delete.getStyleClass().add(Styles.DANGER);
        delete.textProperty().bind(Bindings.createStringBinding(() -> selected.size() > 1 ? "Delete " + selected.size() : "Delete", selected));
        delete.setOnAction(e -> actions.confirmDelete());

        List<MenuItem> requestAs = new java.util.ArrayList<>();
        for (ItemCopyAs.Language language : ItemCopyAs.Language.values()) {
            MenuItem item = new MenuItem(language.label(), Icons.of(Material2AL.CODE));
            item.setId("browser-copy-" + (language == ItemCopyAs.Language.AWS_CLI ? "cli" : language.name().toLowerCase(java.util.Locale.ROOT)));
            item.setOnAction(e -> requestAs(language).ifPresent(t -> Copied.copy(t, "Copied as " + article(language) + language.label(), table)));
            requestAs.add(item);
        }
        var selectedItem = CopyAsMenu.of("Selected item: GetItem as", "browser-copy-item-get",
                language -> vm.copyRowAs(selectedRow(), ItemCopyAs.Operation.GET_ITEM, language), () -> table);
        var selectedPut = CopyAsMenu.of("Selected item: PutItem as", "browser-copy-item-put",
                language -> vm.copyRowAs(selectedRow(), ItemCopyAs.Operation.PUT_ITEM, language), () -> table);
        selectedItem.disableProperty().bind(notOne);
        selectedPut.disableProperty().bind(notOne);
        MenuButton copy = new MenuButton("Copy as", Icons.of(Material2AL.CONTENT_PASTE));
        copy.getItems().addAll(requestAs);
        copy.getItems().addAll(new SeparatorMenuItem(), selectedItem, selectedPut);
        copy.setId("browser-copy-as");
        copy.disableProperty().bind(noShape);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // the labels that may give way: in a narrow window they wrap onto a second line rather than
        // cut their figures ("Deleted 3 items from …" was "…" at 1200 px), and their whole text is
        // one hover away besides
        giveWay(summary, 120);
        giveWay(notice, 90);
        for (Region r : List.of(more, add, edit, duplicate, delete, copy)) r.setMinWidth(Region.USE_PREF_SIZE);
        setSpacing(8);
        getChildren().setAll(summary, more, notice, spacer,
                WriteGuard.guard(add, vm.writableProperty(), noShape, "A new item in this table (Ctrl+N)"),
                edit,
                WriteGuard.guard(duplicate, vm.writableProperty(), notOne, "A copy of the selected item under a new key"),
                WriteGuard.guard(delete, vm.writableProperty(), noneSelected, "Delete the selected items (Delete)"),
                copy);
        getStyleClass().add("browser-actions");
        setAlignment(Pos.CENTER_LEFT);
    }

    private static void giveWay(Label label, double minWidth) {
        label.setWrapText(true);
        label.setMinWidth(minWidth);
        label.setMinHeight(Region.USE_PREF_SIZE);
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(label.textProperty());
        label.setTooltip(whole);
    }

    /** The request in the form (scan or query), as code in {@code language}. */
    private java.util.Optional<String> requestAs(ItemCopyAs.Language language) {
        return switch (language) {
            case AWS_CLI -> vm.copyAsAwsCli();
            case JAVA -> vm.copyAsJava();
            case PYTHON -> vm.copyAsBoto3();
            case JAVASCRIPT -> vm.copyAsJavaScript();
        };
    }

    private static String article(ItemCopyAs.Language language) {
        return switch (language) {
            case AWS_CLI -> "an ";
            case JAVA -> "";
            case PYTHON, JAVASCRIPT -> "a ";
        };
    }

    /** The one selected row, or null. */
    private ItemBrowserViewModel.Row selectedRow() {
        var rows = table.getSelectionModel().getSelectedItems();
        return rows.size() == 1 ? rows.get(0) : null;
    }
}
