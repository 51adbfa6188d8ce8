package dev.cruddur.admin.ui.time;

import atlantafx.base.theme.Styles;
import dev.cruddur.admin.app.lint.LintFinding;
import dev.cruddur.admin.app.lint.LintReport;
import dev.cruddur.admin.app.lint.MigrationPlan;
import dev.cruddur.admin.app.lint.SortKeyClass;
import dev.cruddur.admin.ui.common.Banner;
import dev.cruddur.admin.ui.common.Icons;
import dev.cruddur.admin.ui.common.Themes;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The linter: run (progress, cancel), a chart of the classes, what the year filter hides, the
 * findings (one opens its item), and the dry-run migration with Apply behind the table's name.
 */
public final class SortKeyLintView extends VBox {
    private static final String ALL = "All findings";
    private static final String DRY_RUN = "Dry run: what a migration would do. Nothing is written until Apply.";
    private final SortKeyLintViewModel vm;
    private final Button run = new Button("Run lint", Icons.of(Material2MZ.PLAY_ARROW));
    private final Button cancel = new Button("Cancel", Icons.of(Material2MZ.STOP));
    private final Button apply = new Button("Apply…", Icons.of(Material2AL.BUILD));
    private final BarChart<Number, String> chart = new BarChart<>(new NumberAxis(), new CategoryAxis());
    private final GridPane counts = new GridPane();
    /** Below this height the findings would get three rows: the chart and the counts fold to leave them room. */
    private static final double COMPACT_BELOW = 640;
    private boolean compact;
    private final TableView<LintFinding> findings = new TableView<>();
    private final TableView<MigrationPlan.Change> changes = new TableView<>();
    private final TabPane tabs = new TabPane();

    public SortKeyLintView(SortKeyLintViewModel vm) {
        this.vm = vm;
        getStyleClass().add("sort-key-lint");
        setSpacing(10);
        setPadding(new Insets(12));

        // run, cancel, progress
        run.setId("lint-run");
        run.getStyleClass().add(Styles.ACCENT);
        run.setOnAction(e -> vm.lint());
        run.disableProperty().bind(vm.runningProperty());
        cancel.setId("lint-cancel");
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(vm.runningProperty().not());
        ProgressBar bar = new ProgressBar();
        bar.setId("lint-progress");
        bar.setPrefWidth(220);
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(vm.runningProperty());
        Label progressText = new Label();
        progressText.setId("lint-progress-text");
        progressText.getStyleClass().add(Styles.TEXT_MUTED);
        progressText.textProperty().bind(vm.progressTextProperty());
        HBox toolbar = new HBox(8, run, cancel, bar, progressText);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        Label status = new Label();
        status.setId("lint-status");
        status.getStyleClass().add(Styles.TEXT_BOLD);
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty().map(s -> s.isEmpty()
                ? "Lint reads every item of the table and classifies its sort key; nothing is written." : s));
        Banner error = new Banner("lint-error").bind(vm.errorProperty(), new SimpleBooleanProperty(false), () -> {}, vm::dismissError);

        // chart and summary
        chart.setId("lint-chart");
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setPrefSize(560, 210);
        chart.setMinHeight(190);
        chart.setTitle("Sort keys by class");
        // squeezed, the chart drops every other class name and flattens its bars: the counts beside it say the same
        var roomy = heightProperty().greaterThanOrEqualTo(COMPACT_BELOW).or(heightProperty().isEqualTo(0));
        chart.visibleProperty().bind(roomy);
        chart.managedProperty().bind(roomy);
        heightProperty().addListener((o, a, h) -> {
            boolean now = h.doubleValue() > 0 && h.doubleValue() < COMPACT_BELOW;
            if (now == compact) return;
            compact = now;
            if (vm.reportProperty().get() != null) showCounts(vm.reportProperty().get());
        });
        chart.setBarGap(2);
        chart.setCategoryGap(6);
        chart.getXAxis().setAnimated(false);
        chart.getYAxis().setAnimated(false);
        ((NumberAxis) chart.getXAxis()).setMinorTickVisible(false);
        chart.getStyleClass().add("lint-chart");
        Label yearPrefix = new Label();
        yearPrefix.setId("lint-year-prefix");
        yearPrefix.setWrapText(true);
        Label disagreements = new Label();
        disagreements.setId("lint-disagreements");
        disagreements.setWrapText(true);
        counts.setId("lint-counts");
        counts.setHgap(16);
        counts.setVgap(2);
        yearPrefix.setMinHeight(Region.USE_PREF_SIZE);
        disagreements.setMinHeight(Region.USE_PREF_SIZE);
        status.setMinHeight(Region.USE_PREF_SIZE);
        vm.reportProperty().addListener((o, a, r) -> {
            if (r == null) {
                chart.getData().clear();
                counts.getChildren().clear();
                yearPrefix.setText("");
                disagreements.setText("");
                return;
            }
            showChart(r);
            showCounts(r);
            yearPrefix.setText(SortKeyLintViewModel.yearPrefix(r.yearPrefix()));
            int n = r.orderDisagreements().size();
            disagreements.setText(n == 0 ? "String order agrees with time order in every partition."
                    : n + " neighbouring pair" + (n == 1 ? "" : "s") + " sort in the wrong order: pattern A or B shows them swapped ("
                    + "see the \"" + LintFinding.Kind.ORDER_DISAGREEMENT.label() + "\" findings).");
        });
        Label summaryTitle = new Label("Items by class");
        summaryTitle.getStyleClass().add(Styles.TEXT_BOLD);
        VBox summary = new VBox(6, summaryTitle, counts);
        summary.setMinWidth(Region.USE_PREF_SIZE);
        HBox overview = new HBox(16, chart, summary);
        overview.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(chart, Priority.ALWAYS);
        VBox sentences = new VBox(4, disagreements, yearPrefix);

        tabs.getTabs().addAll(findingsTab(), migrationTab());
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);

        getChildren().addAll(toolbar, error, status, overview, sentences, tabs);
    }

    private Tab findingsTab() {
        ComboBox<String> kind = new ComboBox<>();
        kind.setId("lint-finding-kind");
        kind.getItems().add(ALL);
        for (LintFinding.Kind k : LintFinding.Kind.values()) kind.getItems().add(k.label());
        kind.setValue(ALL);
        FilteredList<LintFinding> shown = new FilteredList<>(vm.findings());
        kind.valueProperty().addListener((o, a, k) -> shown.setPredicate(ALL.equals(k) || k == null ? null : f -> f.kind().label().equals(k)));
        findings.setId("lint-findings");
        findings.getStyleClass().add(Styles.DENSE);
        findings.setItems(shown);
        findings.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        findings.getColumns().setAll(java.util.List.of(
                column("Finding", 190, f -> f.kind().label()),
                column("sk", 250, LintFinding::sk),
                column("pk", 170, LintFinding::pk),
                column("Detail", 300, LintFinding::detail)));
        Label none = new Label();
        none.setId("lint-no-findings");
        none.textProperty().bind(vm.findingsPlaceholderProperty());
        none.getStyleClass().add(Styles.TEXT_MUTED);
        findings.setPlaceholder(none);
        findings.getSelectionModel().selectedItemProperty().addListener((o, a, f) -> {
            if (f != null) vm.open(f);
        });
        TextArea item = new TextArea();
        item.setId("lint-item");
        item.setEditable(false);
        item.setWrapText(true);
        item.getStyleClass().add("time-value");
        item.setPromptText("Select a finding to read its item.");
        item.textProperty().bind(vm.itemTextProperty());
        Label itemTitle = new Label("Item");
        itemTitle.getStyleClass().add(Styles.TEXT_BOLD);
        VBox itemBox = new VBox(6, itemTitle, item);
        VBox.setVgrow(item, Priority.ALWAYS);
        HBox filterRow = new HBox(8, new Label("Show"), kind);
        filterRow.setAlignment(Pos.CENTER_LEFT);
        VBox list = new VBox(6, filterRow, findings);
        VBox.setVgrow(findings, Priority.ALWAYS);
        SplitPane split = new SplitPane(list, itemBox);
        split.setDividerPositions(0.68);
        VBox.setMargin(split, new Insets(8, 0, 0, 0));
        Tab tab = new Tab();
        tab.textProperty().bind(Bindings.size(vm.findings()).asString("Findings (%d)"));
        tab.setContent(split);
        return tab;
    }

    private Tab migrationTab() {
        changes.setId("lint-changes");
        changes.getStyleClass().add(Styles.DENSE);
        changes.setItems(vm.changes());
        changes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        changes.getColumns().setAll(java.util.List.of(
                column("pk", 200, MigrationPlan.Change::pk),
                column("old sk", 240, MigrationPlan.Change::oldSk),
                column("", 30, c -> "→"),
                column("new sk", 250, MigrationPlan.Change::newSk),
                column("Note", 200, c -> c.note().isEmpty() ? c.from().label() : c.from().label() + "; " + c.note())));
        Label none = new Label("No move planned: run the lint for a dry run.");
        none.getStyleClass().add(Styles.TEXT_MUTED);
        changes.setPlaceholder(none);
        VBox.setVgrow(changes, Priority.ALWAYS);
        Label planText = new Label();
        planText.setId("lint-plan");
        planText.setWrapText(true);
        planText.setMinHeight(Region.USE_PREF_SIZE);
        vm.planProperty().addListener((o, a, p) -> planText.setText(p == null ? DRY_RUN : planText(p)));
        planText.setText(DRY_RUN);
        apply.setId("lint-apply");
        apply.getStyleClass().add(Styles.DANGER);
        apply.setMinWidth(Region.USE_PREF_SIZE);
        apply.disableProperty().bind(vm.canApplyProperty().not());
        apply.setOnAction(e -> askAndApply());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(8, planText, spacer, apply);
        top.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(planText, Priority.ALWAYS);
        VBox box = new VBox(8, top, changes);
        box.setPadding(new Insets(8, 0, 0, 0));
        Tab tab = new Tab();
        tab.textProperty().bind(Bindings.size(vm.changes()).asString("Migration dry run (%d)"));
        tab.setContent(box);
        return tab;
    }

    /** Asks for the table's name; the migration starts only from the dialog's OK. */
    public ConfirmTableNameDialog askAndApply() {
        String table = vm.tableName().orElse(null);
        if (table == null || !vm.canApplyProperty().get()) return null;
        ConfirmTableNameDialog dialog = new ConfirmTableNameDialog(getScene() == null ? null : getScene().getWindow(), table,
                vm.changes().size(), Themes.appStylesheet());
        dialog.resultProperty().addListener((o, a, typed) -> {
            if (typed != null) vm.apply(typed);
        });
        dialog.show();
        return dialog;
    }

    private void showChart(LintReport r) {
        XYChart.Series<Number, String> series = new XYChart.Series<>();
        // bottom to top on the category axis: reversed, so the chart reads in the enum's order
        SortKeyClass[] classes = SortKeyClass.values();
        for (int i = classes.length - 1; i >= 0; i--) series.getData().add(new XYChart.Data<>(r.count(classes[i]), classes[i].label()));
        chart.getData().setAll(java.util.List.of(series));
    }

    private void showCounts(LintReport r) {
        counts.getChildren().clear();
        int row = 0;
        for (SortKeyClass c : SortKeyClass.values()) addCount(c.label(), r.count(c), row++, c != SortKeyClass.CANONICAL && r.count(c) > 0);
        addCount("items", r.items(), row, false);
        counts.getChildren().get(counts.getChildren().size() - 2).getStyleClass().add(Styles.TEXT_BOLD);
    }

    private void addCount(String name, long n, int row, boolean flag) {
        Label l = new Label(name);
        Label v = new Label(Long.toString(n));
        v.getStyleClass().add("time-value");
        v.setId("lint-count-" + name.replace(' ', '-'));
        if (flag) v.getStyleClass().add(Styles.WARNING);
        GridPane.setHalignment(v, javafx.geometry.HPos.RIGHT);
        // compact: two columns of four, so the counts are no taller than the folded chart
        int column = compact ? (row / 4) * 2 : 0;
        counts.add(l, column, compact ? row % 4 : row);
        counts.add(v, column + 1, compact ? row % 4 : row);
    }

    private static String planText(MigrationPlan p) {
        if (p == null) return "";
        String s = p.nothingToDo() ? "Dry run: nothing to move." : "Dry run: " + p.changes().size() + " move"
                + (p.changes().size() == 1 ? "" : "s") + " in " + p.steps().size() + " step" + (p.steps().size() == 1 ? "" : "s") + ".";
        if (p.precisionLosses() > 0) s += " " + p.precisionLosses() + " drop digits below the microsecond.";
        if (!p.collisions().isEmpty()) s += " " + p.collisions().size() + " collision" + (p.collisions().size() == 1 ? "" : "s")
                + " left alone (several items would share a key).";
        if (!p.unmovable().isEmpty()) s += " " + p.unmovable().size() + " key" + (p.unmovable().size() == 1 ? " is" : "s are")
                + " not a timestamp: a person must fix " + (p.unmovable().size() == 1 ? "it" : "them") + ".";
        if (!p.complete()) s += " The scan was stopped: run the lint again before applying.";
        return s;
    }

    private static <T> TableColumn<T, String> column(String title, double width, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            private final javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();

            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                tip.setText(text);
                setTooltip(empty || text == null || text.length() < 12 ? null : tip); // the whole key when the column cuts it
            }
        });
        c.setPrefWidth(width);
        return c;
    }

    public TableView<LintFinding> findingsTable() { return findings; }
    public TableView<MigrationPlan.Change> changesTable() { return changes; }
    public BarChart<Number, String> chart() { return chart; }
    public TabPane tabs() { return tabs; }
    public Button runButton() { return run; }
    public Button applyButton() { return apply; }
}
