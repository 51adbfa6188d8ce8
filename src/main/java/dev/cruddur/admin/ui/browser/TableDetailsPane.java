package dev.cruddur.admin.ui.browser;

import atlantafx.base.theme.Styles;
import dev.cruddur.admin.store.TableShape;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Items tab's "Table details", folded by default: read when unfolded, and again when another
 * table is chosen while it is open. A part the endpoint does not answer (tags on dynalite) is a
 * muted sentence in its place.
 */
final class TableDetailsPane extends TitledPane {
    private final TableDetailsViewModel vm;
    private final GridPane grid = new GridPane();

    TableDetailsPane(TableDetailsViewModel vm, ObservableValue<TableShape> shape) {
        this.vm = vm;
        setText("Table details");
        setId("browser-details");
        setExpanded(false);
        getStyleClass().add(Styles.DENSE);

        grid.setId("browser-details-grid");
        grid.setHgap(14);
        grid.setVgap(4);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        grid.getColumnConstraints().setAll(names, values);

        ProgressIndicator reading = new ProgressIndicator(-1);
        reading.setPrefSize(18, 18);
        reading.visibleProperty().bind(vm.loadingProperty());
        reading.managedProperty().bind(reading.visibleProperty());
        Label problem = new Label();
        problem.setId("browser-details-error");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(vm.errorProperty());
        problem.visibleProperty().bind(vm.errorProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());

        setContent(new VBox(6, reading, problem, grid));
        vm.factsProperty().addListener((o, a, facts) -> show(facts));
        expandedProperty().addListener((o, a, open) -> {
            if (open) vm.load();
        });
        shape.addListener((o, a, s) -> {
            if (isExpanded()) vm.load();
        });
    }

    private void show(List<TableDetailsViewModel.Fact> facts) {
        grid.getChildren().clear();
        int row = 0;
        for (TableDetailsViewModel.Fact f : facts) {
            Label name = new Label(f.name());
            name.getStyleClass().add(Styles.TEXT_MUTED);
            name.setMinWidth(Region.USE_PREF_SIZE);
            Label value = new Label(f.value());
            value.setId("browser-details-" + f.name().toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + (row > 0 && f.name().endsWith("index") ? "-" + row : ""));
            value.setWrapText(true);
            value.setMinWidth(0);
            value.setMaxWidth(Double.MAX_VALUE);
            // the whole text one hover away, where a narrow window wraps or cuts it
            value.setTooltip(new Tooltip(f.value()));
            if (f.unanswered()) value.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_ITALIC);
            grid.addRow(row++, name, value);
        }
    }
}
