package dev.cruddur.admin.ui.browser;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The result grids' columns (the Items tab's and PartiQL's): one per attribute name, in the view
 * model's order, each kept while its name stays, so a column keeps the width a user gave it
 * across runs and pages.
 */
final class ResultColumns {
    private ResultColumns() {}

    /** Shows a column per name, reusing the table's columns by name and making the missing ones with {@code make}. */
    static void show(TableView<ItemBrowserViewModel.Row> table, List<String> names,
                     Function<String, TableColumn<ItemBrowserViewModel.Row, ?>> make) {
        Map<String, TableColumn<ItemBrowserViewModel.Row, ?>> existing = new HashMap<>();
        for (var c : table.getColumns()) existing.put(c.getText(), c);
        List<TableColumn<ItemBrowserViewModel.Row, ?>> next = new ArrayList<>();
        for (String name : names) {
            TableColumn<ItemBrowserViewModel.Row, ?> c = existing.get(name);
            next.add(c != null ? c : make.apply(name));
        }
        table.getColumns().setAll(next);
    }

    /** A column showing one attribute of each row in a {@link ValueCell}, its times in {@code zone}. */
    static TableColumn<ItemBrowserViewModel.Row, ItemBrowserViewModel.Row> column(String id, String name, double width, Supplier<ZoneId> zone) {
        TableColumn<ItemBrowserViewModel.Row, ItemBrowserViewModel.Row> c = new TableColumn<>(name);
        c.setId(id);
        c.setSortable(false);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        c.setCellFactory(col -> new ValueCell(name, zone));
        c.setPrefWidth(width);
        return c;
    }
}
