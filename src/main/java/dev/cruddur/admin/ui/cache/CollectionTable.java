package dev.cruddur.admin.ui.cache;

import atlantafx.base.theme.Styles;
import dev.cruddur.admin.cache.CollectionContents;
import dev.cruddur.admin.cache.ItemType;
import dev.cruddur.admin.ui.common.Icons;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * A collection's members as a table (dictionary: field and value; list: index and value; set:
 * element; sorted set: rank, element and score) with its own edits: add or put a member, remove
 * the chosen row. Shown in place of the value when the inspected key holds a collection.
 */
final class CollectionTable extends VBox {

    CollectionTable(CacheInspectorViewModel vm) {
        super(6);
        setId("cache-collection");
        TableView<CollectionContents.Row> table = new TableView<>(vm.collectionRows());
        table.setId("cache-collection-table");
        table.getStyleClass().addAll(Styles.DENSE, "cache-mono");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new javafx.scene.control.Label("No members"));
        VBox.setVgrow(table, Priority.ALWAYS);

        TableColumn<CollectionContents.Row, String> position = column("#", r -> String.valueOf(r.position()));
        position.setMaxWidth(70);
        position.setMinWidth(44);
        TableColumn<CollectionContents.Row, String> field = column("Field", CollectionContents.Row::field);
        TableColumn<CollectionContents.Row, String> value = column("Value", CollectionContents.Row::value);
        TableColumn<CollectionContents.Row, String> score = column("Score",
                r -> r.score().isPresent() ? CollectionFormat.score(r.score().getAsDouble()) : "");
        score.setMaxWidth(140);
        vm.itemTypeProperty().addListener((o, a, type) -> arrange(table, type, position, field, value, score));
        arrange(table, vm.itemTypeProperty().get(), position, field, value, score);

        TextField first = new TextField();
        first.setId("cache-collection-first");
        first.getStyleClass().add(Styles.SMALL);
        HBox.setHgrow(first, Priority.ALWAYS);
        TextField second = new TextField();
        second.setId("cache-collection-second");
        second.getStyleClass().add(Styles.SMALL);
        HBox.setHgrow(second, Priority.ALWAYS);
        BooleanBinding twoParts = Bindings.createBooleanBinding(() -> vm.itemTypeProperty().get() == ItemType.DICTIONARY
                || vm.itemTypeProperty().get() == ItemType.SORTED_SET, vm.itemTypeProperty());
        second.visibleProperty().bind(twoParts);
        second.managedProperty().bind(twoParts);
        first.promptTextProperty().bind(vm.itemTypeProperty().map(t -> switch (t) {
            case DICTIONARY -> "field";
            case LIST -> "value";
            default -> "element";
        }));
        second.promptTextProperty().bind(vm.itemTypeProperty().map(t -> t == ItemType.SORTED_SET ? "score" : "value"));

        var idle = vm.busyProperty().or(vm.session().storeProperty().isNull());
        Button add = new Button(null, Icons.of(Material2AL.ADD));
        add.setId("cache-collection-add");
        add.getStyleClass().add(Styles.SMALL);
        add.textProperty().bind(vm.itemTypeProperty().map(t -> switch (t) {
            case DICTIONARY -> "Set field";
            case LIST -> "Push back";
            case SORTED_SET -> "Put";
            default -> "Add";
        }));
        add.disableProperty().bind(idle);
        add.setOnAction(e -> vm.addToCollection(first.getText(), second.getText()));
        Button remove = new Button("Remove", Icons.of(Material2MZ.REMOVE));
        remove.setId("cache-collection-remove");
        remove.getStyleClass().addAll(Styles.DANGER, Styles.SMALL);
        remove.disableProperty().bind(idle.or(table.getSelectionModel().selectedItemProperty().isNull()));
        remove.setOnAction(e -> vm.removeFromCollection(table.getSelectionModel().getSelectedItem()));

        HBox edits = new HBox(6, first, second, add, remove);
        edits.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(table, edits);
    }

    private static TableColumn<CollectionContents.Row, String> column(String title,
                                                                     java.util.function.Function<CollectionContents.Row, String> text) {
        TableColumn<CollectionContents.Row, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.apply(c.getValue())));
        column.setSortable(false);
        return column;
    }

    @SafeVarargs
    private static void arrange(TableView<CollectionContents.Row> table, ItemType type,
                                TableColumn<CollectionContents.Row, String>... columns) {
        var position = columns[0];
        var field = columns[1];
        var value = columns[2];
        var score = columns[3];
        position.setText(type == ItemType.SORTED_SET ? "Rank" : "#");
        value.setText(type == ItemType.SET || type == ItemType.SORTED_SET ? "Element" : "Value");
        table.getColumns().setAll(switch (type) {
            case DICTIONARY -> java.util.List.of(field, value);
            case LIST -> java.util.List.of(position, value);
            case SET -> java.util.List.of(value);
            case SORTED_SET -> java.util.List.of(position, value, score);
            default -> java.util.List.<TableColumn<CollectionContents.Row, String>>of();
        });
    }
}
