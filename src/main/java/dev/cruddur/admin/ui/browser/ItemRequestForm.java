package dev.cruddur.admin.ui.browser;

import static dev.cruddur.admin.ui.common.FormControls.converter;
import static dev.cruddur.admin.ui.common.FormControls.labelled;
import static dev.cruddur.admin.ui.common.FormControls.muted;
import static dev.cruddur.admin.ui.common.FormControls.toolbar;

import atlantafx.base.theme.Styles;
import dev.cruddur.admin.app.browse.FilterOperator;
import dev.cruddur.admin.app.browse.SortKeyOperator;
import dev.cruddur.admin.app.browse.ValueType;
import dev.cruddur.admin.ui.common.Icons;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The Items tab's request form: table, index, scan or query, page size, date zone and Run; the key
 * condition and order of a query; the filter rows, typed expression and projection.
 */
final class ItemRequestForm extends VBox {
    private final ItemBrowserViewModel vm;
    private final TextField partitionValue = new TextField();
    private final ComboBox<String> tablePicker = new ComboBox<>();
    private final VBox filterBox = new VBox(6);

    ItemRequestForm(ItemBrowserViewModel vm) {
        super(8);
        this.vm = vm;
        getChildren().setAll(firstRow(), keyRow(), moreConditions(), new TableDetailsPane(vm.details(), vm.shapeProperty()));
        getStyleClass().add("query-form");
    }

    /** Focus where a request starts: the partition key of a query, else the table. */
    void focusRequest() {
        if (vm.modeProperty().get() == ItemBrowserViewModel.Mode.QUERY) partitionValue.requestFocus();
        else tablePicker.requestFocus();
    }

    private FlowPane firstRow() {
        tablePicker.setId("browser-table");
        tablePicker.setItems(vm.tables());
        tablePicker.valueProperty().bindBidirectional(vm.tableProperty());
        tablePicker.setPrefWidth(200);
        tablePicker.setTooltip(new Tooltip("Any table of this connection (ListTables)"));
        Button reloadTables = new Button(null, Icons.of(Material2MZ.REFRESH));
        reloadTables.setId("browser-reload-tables");
        reloadTables.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        reloadTables.setTooltip(new Tooltip("List the tables again"));
        reloadTables.setOnAction(e -> vm.refreshTables());

        ComboBox<String> index = new ComboBox<>(vm.indexChoices());
        index.setId("browser-index");
        index.valueProperty().bindBidirectional(vm.indexProperty());
        index.setConverter(converter(s -> s == null || s.isEmpty() ? "table keys" : s));
        index.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(item == null || item.isEmpty() ? "table keys" : item);
            }
        });
        index.setPrefWidth(220);
        index.setTooltip(new Tooltip("Query or scan the table itself, or one of its indexes"));

        ToggleGroup modes = new ToggleGroup();
        ToggleButton scan = new ToggleButton("Scan");
        scan.setId("browser-scan");
        scan.getStyleClass().add(Styles.LEFT_PILL);
        ToggleButton query = new ToggleButton("Query");
        query.setId("browser-query");
        query.getStyleClass().add(Styles.RIGHT_PILL);
        scan.setToggleGroup(modes);
        query.setToggleGroup(modes);
        Runnable showMode = () -> modes.selectToggle(vm.modeProperty().get() == ItemBrowserViewModel.Mode.QUERY ? query : scan);
        vm.modeProperty().addListener((o, a, b) -> showMode.run());
        showMode.run();
        scan.setOnAction(e -> {
            vm.modeProperty().set(ItemBrowserViewModel.Mode.SCAN);
            showMode.run();
        });
        query.setOnAction(e -> {
            vm.modeProperty().set(ItemBrowserViewModel.Mode.QUERY);
            showMode.run();
            partitionValue.requestFocus();
        });
        HBox segmented = new HBox(scan, query);
        for (Region r : List.of(scan, query)) r.setMinWidth(Region.USE_PREF_SIZE);

        ComboBox<Integer> pageSize = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(10, 25, 50, 100, 250, 1000));
        pageSize.setId("browser-page-size");
        pageSize.setValue(vm.pageSizeProperty().get());
        pageSize.valueProperty().addListener((o, a, n) -> vm.pageSizeProperty().set(n == null ? 50 : n));
        vm.pageSizeProperty().addListener((o, a, n) -> pageSize.setValue(n.intValue()));
        pageSize.setTooltip(new Tooltip("Items a page asks for (Limit)"));

        ComboBox<String> zone = new ComboBox<>();
        zone.setId("browser-zone");
        Set<String> zones = new LinkedHashSet<>(List.of(vm.zoneProperty().get().getId(), "UTC", ZoneId.systemDefault().getId(),
                "Europe/London", "America/New_York", "America/Los_Angeles", "Asia/Tokyo", "Australia/Sydney"));
        zone.getItems().setAll(zones);
        zone.setEditable(true);
        zone.setValue(vm.zoneProperty().get().getId());
        zone.setPrefWidth(170);
        zone.setTooltip(new Tooltip("The zone dates of timestamps and epoch numbers are shown in"));
        zone.valueProperty().addListener((o, a, id) -> {
            try {
                vm.zoneProperty().set(ZoneId.of(id.strip())); // the results table shows the new zone itself
            } catch (RuntimeException bad) {
                zone.setValue(a);
            }
        });

        Button run = new Button("Run", Icons.of(Material2MZ.PLAY_ARROW));
        run.setId("browser-run");
        run.getStyleClass().add(Styles.ACCENT);
        run.setDefaultButton(false);
        run.setOnAction(e -> vm.run());
        run.disableProperty().bind(vm.shapeProperty().isNull());
        run.setTooltip(new Tooltip("Run from the first page (Enter in a field)"));

        // a flow, not a row: at 1024 px the controls wrap to a second line instead of shrinking to "…"
        FlowPane row = toolbar(labelled("Table", tablePicker, reloadTables), labelled("Index", index), segmented,
                labelled("Page", pageSize), labelled("Dates in", zone), run);
        row.setId("browser-request-row");
        return row;
    }

    private FlowPane keyRow() {
        Label pk = new Label();
        pk.getStyleClass().addAll("key-name", Styles.TEXT_BOLD);
        pk.textProperty().bind(vm.partitionKeyNameProperty());
        partitionValue.setId("browser-pk");
        partitionValue.setPromptText("partition key value");
        partitionValue.setPrefColumnCount(26);
        partitionValue.textProperty().bindBidirectional(vm.partitionValueProperty());
        partitionValue.setOnAction(e -> vm.run());

        Label sk = new Label();
        sk.getStyleClass().addAll("key-name", Styles.TEXT_BOLD);
        sk.textProperty().bind(vm.sortKeyNameProperty());
        ComboBox<SortKeyOperator> op = new ComboBox<>();
        op.setId("browser-sk-op");
        op.getItems().add(null);
        op.getItems().addAll(SortKeyOperator.values());
        op.valueProperty().bindBidirectional(vm.sortOperatorProperty());
        op.setConverter(converter(o -> o == null ? "any" : o.symbol()));
        op.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(SortKeyOperator item, boolean empty) {
                super.updateItem(item, empty);
                setText(item == null ? "any" : item.symbol());
            }
        });
        op.setPrefWidth(130);
        TextField value = new TextField();
        value.setId("browser-sk-value");
        value.setPromptText("sort key value");
        value.setPrefColumnCount(22);
        value.textProperty().bindBidirectional(vm.sortValueProperty());
        value.setOnAction(e -> vm.run());
        Label and = muted("and");
        TextField value2 = new TextField();
        value2.setId("browser-sk-value2");
        value2.setPrefColumnCount(22);
        value2.textProperty().bindBidirectional(vm.sortValue2Property());
        value2.setOnAction(e -> vm.run());
        var between = vm.sortOperatorProperty().isEqualTo(SortKeyOperator.BETWEEN);
        for (var n : List.of(and, value2)) {
            n.visibleProperty().bind(between);
            n.managedProperty().bind(between);
        }
        var noSortKey = vm.sortKeyNameProperty().isEmpty();
        value.disableProperty().bind(vm.sortOperatorProperty().isNull());
        op.disableProperty().bind(noSortKey);

        ToggleGroup order = new ToggleGroup();
        ToggleButton asc = new ToggleButton("Ascending", Icons.of(Material2AL.ARROW_UPWARD));
        asc.setId("browser-ascending");
        asc.getStyleClass().add(Styles.LEFT_PILL);
        ToggleButton desc = new ToggleButton("Descending", Icons.of(Material2AL.ARROW_DOWNWARD));
        desc.setId("browser-descending");
        desc.getStyleClass().add(Styles.RIGHT_PILL);
        asc.setToggleGroup(order);
        desc.setToggleGroup(order);
        Runnable showOrder = () -> order.selectToggle(vm.ascendingProperty().get() ? asc : desc);
        vm.ascendingProperty().addListener((o, a, b) -> showOrder.run());
        showOrder.run();
        asc.setOnAction(e -> {
            vm.ascendingProperty().set(true);
            showOrder.run();
        });
        desc.setOnAction(e -> {
            vm.ascendingProperty().set(false);
            showOrder.run();
        });

        HBox partition = new HBox(8, pk, muted("="), partitionValue);
        partition.setAlignment(Pos.CENTER_LEFT);
        HBox sort = new HBox(8, sk, op, value, and, value2);
        sort.setAlignment(Pos.CENTER_LEFT);
        HBox orderPills = new HBox(asc, desc);
        for (Region r : List.of(asc, desc)) r.setMinWidth(Region.USE_PREF_SIZE);
        FlowPane row = toolbar(partition, sort, orderPills);
        row.setId("browser-key-row");
        var isQuery = vm.modeProperty().isEqualTo(ItemBrowserViewModel.Mode.QUERY);
        row.visibleProperty().bind(isQuery);
        row.managedProperty().bind(isQuery);
        return row;
    }

    private TitledPane moreConditions() {
        vm.filterRows().addListener((ListChangeListener<FilterRowModel>) c -> showFilterRows());
        showFilterRows();
        Button add = new Button("Condition", Icons.of(Material2AL.ADD));
        add.setId("browser-add-filter");
        add.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        add.setOnAction(e -> vm.addFilterRow());

        TextField expression = new TextField();
        expression.setId("browser-typed-filter");
        expression.setPromptText("or type an expression, e.g. size(#m) > :n");
        expression.textProperty().bindBidirectional(vm.typedFilterProperty());
        HBox.setHgrow(expression, Priority.ALWAYS);
        TextField names = new TextField();
        names.setId("browser-typed-names");
        names.setPromptText("{\"#m\": \"message\"}");
        names.setPrefColumnCount(16);
        names.textProperty().bindBidirectional(vm.typedNamesProperty());
        TextField values = new TextField();
        values.setId("browser-typed-values");
        values.setPromptText("{\":n\": {\"N\": \"40\"}}");
        values.setPrefColumnCount(18);
        values.textProperty().bindBidirectional(vm.typedValuesProperty());
        HBox typed = new HBox(8, muted("Expression"), expression, muted("names"), names, muted("values"), values);
        typed.setAlignment(Pos.CENTER_LEFT);

        TextField projection = new TextField();
        projection.setId("browser-projection");
        projection.setPromptText("all attributes (or: pk, sk, message)");
        projection.textProperty().bindBidirectional(vm.projectionProperty());
        HBox.setHgrow(projection, Priority.ALWAYS);
        HBox projected = new HBox(8, muted("Projection"), projection);
        projected.setAlignment(Pos.CENTER_LEFT);

        VBox content = new VBox(8, filterBox, add, typed, projected);
        TitledPane pane = new TitledPane("Filter and projection", content);
        pane.setId("browser-more");
        pane.setExpanded(false);
        pane.getStyleClass().add(Styles.DENSE);
        return pane;
    }

    private void showFilterRows() {
        filterBox.getChildren().clear();
        int i = 0;
        for (FilterRowModel row : vm.filterRows()) filterBox.getChildren().add(filterRow(row, i++));
    }

    private HBox filterRow(FilterRowModel row, int i) {
        TextField attribute = new TextField();
        attribute.setId("browser-filter-attribute-" + i);
        attribute.setPromptText("attribute");
        attribute.setPrefColumnCount(14);
        attribute.textProperty().bindBidirectional(row.attributeProperty());
        ComboBox<FilterOperator> op = new ComboBox<>();
        op.setId("browser-filter-op-" + i);
        op.getItems().setAll(FilterOperator.values());
        op.valueProperty().bindBidirectional(row.operatorProperty());
        op.setConverter(converter(o -> o == null ? "" : o.label()));
        op.setPrefWidth(140);
        TextField value = new TextField();
        value.setId("browser-filter-value-" + i);
        value.setPromptText("value");
        value.setPrefColumnCount(18);
        value.textProperty().bindBidirectional(row.valueProperty());
        Label and = muted("and");
        TextField value2 = new TextField();
        value2.setId("browser-filter-value2-" + i);
        value2.setPrefColumnCount(12);
        value2.textProperty().bindBidirectional(row.value2Property());
        var between = row.operatorProperty().isEqualTo(FilterOperator.BETWEEN);
        for (var n : List.of(and, value2)) {
            n.visibleProperty().bind(between);
            n.managedProperty().bind(between);
        }
        var noValue = Bindings.createBooleanBinding(() -> row.operatorProperty().get() != null && row.operatorProperty().get().operands() == 0,
                row.operatorProperty());
        value.disableProperty().bind(noValue);
        ComboBox<ValueType> type = new ComboBox<>();
        type.setId("browser-filter-type-" + i);
        type.getItems().setAll(ValueType.values());
        type.valueProperty().bindBidirectional(row.typeProperty());
        type.setConverter(converter(t -> t == null ? "" : t == ValueType.DYNAMODB_JSON ? "DynamoDB JSON" : t.name()));
        type.setTooltip(new Tooltip("How the value is typed: S, N, BOOL, NULL or one DynamoDB JSON value"));
        type.disableProperty().bind(noValue);
        Button remove = new Button(null, Icons.of(Material2AL.CLOSE));
        remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        remove.setTooltip(new Tooltip("Remove this condition"));
        remove.setOnAction(e -> vm.removeFilterRow(row));
        HBox box = new HBox(8, muted(i == 0 ? "Where" : "and"), attribute, op, value, and, value2, type, remove);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }
}
