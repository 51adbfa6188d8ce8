package dev.cruddur.admin.ui.browser;

import atlantafx.base.theme.Styles;
import dev.cruddur.admin.app.browse.FilterOperator;
import dev.cruddur.admin.app.browse.SortKeyOperator;
import dev.cruddur.admin.app.browse.ValueType;
import dev.cruddur.admin.ui.common.Banner;
import dev.cruddur.admin.ui.common.Copied;
import dev.cruddur.admin.ui.common.Icons;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The "Items" tab: the request form (table, index, scan or query, key condition, order, filter,
 * projection), the results table with a column per attribute seen, and the actions on items.
 */
public final class ItemsView extends VBox {
    private final ItemBrowserViewModel vm;
    private final TableView<ItemBrowserViewModel.Row> table = new TableView<>();
    private final TextField partitionValue = new TextField();
    private final ComboBox<String> tablePicker = new ComboBox<>();
    private final VBox filterBox = new VBox(6);

    public ItemsView(ItemBrowserViewModel vm) {
        this.vm = vm;
        getStyleClass().add("browser-items");
        setId("browser-items");

        Banner error = new Banner("browser-error").bind(vm.errorProperty(), new SimpleBooleanProperty(false), () -> {}, vm::dismissError);
        VBox form = new VBox(8, firstRow(), keyRow(), moreConditions());
        form.getStyleClass().add("query-form");

        buildTable();
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(error, form, table, actionBar(), requestPanel());
    }

    // --- the request form --------------------------------------------------------------------

    /** A toolbar that wraps: every control keeps its preferred width, a line that does not fit goes below. */
    private static FlowPane toolbar(javafx.scene.Node... controls) {
        FlowPane flow = new FlowPane(12, 6, controls);
        flow.setAlignment(Pos.CENTER_LEFT);
        for (javafx.scene.Node n : controls) {
            if (n instanceof Region r) r.setMinWidth(Region.USE_PREF_SIZE);
        }
        return flow;
    }

    /** A caption and its controls, kept together on one line of a toolbar. */
    private static HBox labelled(String caption, javafx.scene.Node... controls) {
        HBox group = new HBox(6, muted(caption));
        group.getChildren().addAll(controls);
        group.setAlignment(Pos.CENTER_LEFT);
        group.setMinWidth(Region.USE_PREF_SIZE);
        return group;
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
                vm.zoneProperty().set(ZoneId.of(id.strip()));
                table.refresh();
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

    // --- results -----------------------------------------------------------------------------

    private void buildTable() {
        table.setId("browser-results");
        table.setItems(vm.rows());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        // a saved item replaces its row, which drops the selection: select the saved row again
        vm.lastSavedProperty().addListener((o, a, saved) -> {
            int at = saved == null ? -1 : table.getItems().indexOf(saved);
            if (at < 0) return;
            table.getSelectionModel().clearAndSelect(at);
            table.getFocusModel().focus(at);
        });
        table.getStyleClass().addAll(Styles.DENSE, "browser-results");
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        Label empty = new Label();
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        empty.textProperty().bind(Bindings.createStringBinding(() -> vm.loadingProperty().get() ? "Loading…"
                : !vm.connectedProperty().get() ? "Not connected." : "No items: run a scan or a query.",
                vm.loadingProperty(), vm.connectedProperty()));
        table.setPlaceholder(empty);
        vm.columns().addListener((ListChangeListener<String>) c -> showColumns());
        table.setRowFactory(t -> {
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
                if (e.getClickCount() == 2 && !row.isEmpty()) openEditor(row.getItem());
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) openEditor(table.getSelectionModel().getSelectedItem());
            if (e.getCode() == KeyCode.DELETE) confirmDelete();
        });
        MenuItem edit = new MenuItem("Edit…");
        edit.setOnAction(e -> editSelected());
        MenuItem duplicate = new MenuItem("Duplicate…");
        duplicate.setOnAction(e -> duplicateSelected());
        MenuItem delete = new MenuItem("Delete…");
        delete.setOnAction(e -> confirmDelete());
        delete.disableProperty().bind(vm.writableProperty().not());
        table.setContextMenu(new ContextMenu(edit, duplicate, delete));
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
        var existing = new java.util.HashMap<String, TableColumn<ItemBrowserViewModel.Row, ?>>();
        for (var c : table.getColumns()) existing.put(c.getText(), c);
        List<TableColumn<ItemBrowserViewModel.Row, ?>> next = new java.util.ArrayList<>();
        for (String name : vm.columns()) {
            TableColumn<ItemBrowserViewModel.Row, ?> c = existing.get(name);
            next.add(c != null ? c : column(name, keys.contains(name)));
        }
        table.getColumns().setAll(next);
    }

    private TableColumn<ItemBrowserViewModel.Row, ItemBrowserViewModel.Row> column(String name, boolean key) {
        TableColumn<ItemBrowserViewModel.Row, ItemBrowserViewModel.Row> c = new TableColumn<>(name);
        c.setId("column-" + name);
        c.setSortable(false);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        c.setCellFactory(col -> new ValueCell(name, () -> vm.zoneProperty().get()));
        boolean sortKey = vm.shapeProperty().get() != null && (vm.shapeProperty().get().sortKey().map(k -> k.name().equals(name)).orElse(false)
                || vm.shapeProperty().get().indexes().stream().anyMatch(i -> i.sortKey().map(k -> k.name().equals(name)).orElse(false)));
        c.setPrefWidth(sortKey ? 340 : key ? 250 : name.equals("message") ? 260 : 160);
        if (key) {
            c.getStyleClass().add("key-column");
            c.setGraphic(Icons.of(Material2MZ.VPN_KEY, 12));
        }
        return c;
    }

    // --- actions -----------------------------------------------------------------------------

    private HBox actionBar() {
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
        add.setOnAction(e -> createNew());
        Button edit = new Button("Edit", Icons.of(Material2AL.EDIT));
        edit.setId("browser-edit");
        edit.disableProperty().bind(notOne);
        edit.setTooltip(new Tooltip("Edit the selected item (double-click a row)"));
        edit.setOnAction(e -> editSelected());
        Button duplicate = new Button("Duplicate", Icons.of(Material2AL.CONTENT_COPY));
        duplicate.setId("browser-duplicate");
        duplicate.setOnAction(e -> duplicateSelected());
        Button delete = new Button("Delete", Icons.of(Material2AL.DELETE_OUTLINE));
        delete.setId("browser-delete");
        delete.getStyleClass().add(Styles.DANGER);
        delete.textProperty().bind(Bindings.createStringBinding(() -> selected.size() > 1 ? "Delete " + selected.size() : "Delete", selected));
        delete.setOnAction(e -> confirmDelete());

        MenuItem cli = new MenuItem("AWS CLI command", Icons.of(Material2AL.CODE));
        cli.setId("browser-copy-cli");
        cli.setOnAction(e -> vm.copyAsAwsCli().ifPresent(t -> Copied.copy(t, "Copied as an AWS CLI command", table)));
        MenuItem java = new MenuItem("Java SDK v2 code", Icons.of(Material2AL.INTEGRATION_INSTRUCTIONS));
        java.setId("browser-copy-java");
        java.setOnAction(e -> vm.copyAsJava().ifPresent(t -> Copied.copy(t, "Copied as Java SDK v2 code", table)));
        MenuItem python = new MenuItem("Python (boto3) script", Icons.of(Material2AL.CODE));
        python.setId("browser-copy-python");
        python.setOnAction(e -> vm.copyAsBoto3().ifPresent(t -> Copied.copy(t, "Copied as a Python (boto3) script", table)));
        MenuItem javaScript = new MenuItem("JavaScript (AWS SDK v3) module", Icons.of(Material2AL.CODE));
        javaScript.setId("browser-copy-javascript");
        javaScript.setOnAction(e -> vm.copyAsJavaScript().ifPresent(t -> Copied.copy(t, "Copied as a JavaScript (AWS SDK v3) module", table)));
        MenuButton copy = new MenuButton("Copy as", Icons.of(Material2AL.CONTENT_PASTE), cli, java, python, javaScript);
        copy.setId("browser-copy-as");
        copy.disableProperty().bind(noShape);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        summary.setMinWidth(0); // the one label that may give way: its whole text is one hover away
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(summary.textProperty());
        summary.setTooltip(whole);
        for (Region r : List.of(more, add, edit, duplicate, delete, copy)) r.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(8, summary, more, notice, spacer,
                WriteGuard.guard(add, vm.writableProperty(), noShape, "A new item in this table (Ctrl+N)"),
                edit,
                WriteGuard.guard(duplicate, vm.writableProperty(), notOne, "A copy of the selected item under a new key"),
                WriteGuard.guard(delete, vm.writableProperty(), noneSelected, "Delete the selected items (Delete)"),
                copy);
        bar.getStyleClass().add("browser-actions");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private VBox requestPanel() {
        Label title = new Label();
        title.getStyleClass().add(Styles.TEXT_BOLD);
        title.textProperty().bind(vm.requestKindProperty().map(k -> "Copied as " + k + " (on the clipboard)"));
        TextArea text = new TextArea();
        text.setId("browser-request-text");
        text.setEditable(false);
        text.setWrapText(true);
        text.getStyleClass().add("request-text");
        text.setPrefRowCount(4);
        text.textProperty().bind(vm.requestTextProperty());
        Button close = new Button(null, Icons.of(Material2AL.CLOSE));
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(8, title, spacer, close);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox panel = new VBox(4, head, text);
        panel.setId("browser-request");
        panel.getStyleClass().add("request-panel");
        SimpleBooleanProperty dismissed = new SimpleBooleanProperty(false);
        vm.requestTextProperty().addListener((o, a, b) -> dismissed.set(false));
        close.setOnAction(e -> dismissed.set(true));
        var shown = vm.requestTextProperty().isNotEmpty().and(dismissed.not());
        panel.visibleProperty().bind(shown);
        panel.managedProperty().bind(shown);
        return panel;
    }

    public void createNew() {
        if (vm.shapeProperty().get() == null || vm.whyReadOnly().isPresent()) return;
        new ItemEditorDialog(vm.editorFor(null), getScene().getWindow()).show();
    }

    private void editSelected() {
        var row = table.getSelectionModel().getSelectedItem();
        if (row != null) openEditor(row);
    }

    private void openEditor(ItemBrowserViewModel.Row row) {
        vm.edit(row, false, editor -> new ItemEditorDialog(editor, getScene().getWindow()).show());
    }

    private void duplicateSelected() {
        var row = table.getSelectionModel().getSelectedItem();
        if (row == null || vm.whyReadOnly().isPresent()) return;
        vm.edit(row, true, editor -> new ItemEditorDialog(editor, getScene().getWindow()).show());
    }

    /** Asks first, with the count; deletes only on OK. */
    public void confirmDelete() {
        List<ItemBrowserViewModel.Row> chosen = List.copyOf(table.getSelectionModel().getSelectedItems());
        if (chosen.isEmpty() || vm.whyReadOnly().isPresent()) return;
        String t = vm.tableProperty().get();
        javafx.scene.control.Alert ask = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION);
        ask.initOwner(getScene().getWindow());
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

    public TableView<ItemBrowserViewModel.Row> resultsTable() {
        return table;
    }

    public void focusRequest() {
        if (vm.modeProperty().get() == ItemBrowserViewModel.Mode.QUERY) partitionValue.requestFocus();
        else tablePicker.requestFocus();
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> show) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return show.apply(value);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
