package dev.cruddur.admin.ui.time;

import atlantafx.base.theme.Styles;
import dev.cruddur.admin.app.time.DatabaseAnswers;
import dev.cruddur.admin.ui.common.Icons;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;

/** The database's own answers under the computed forms: question, what Postgres says, what the pane computed, agree or DIFFERS. */
public final class DatabaseAnswersView extends VBox {
    public DatabaseAnswersView(DatabaseAnswersViewModel vm) {
        setSpacing(6);
        setId("time-database");
        getStyleClass().add("time-database");
        Label title = new Label("Ask the database");
        title.getStyleClass().add(Styles.TEXT_BOLD);
        Button ask = new Button("Ask", Icons.of(Material2AL.DNS));
        ask.setId("time-ask-database");
        ask.getStyleClass().add(Styles.SMALL);
        ask.disableProperty().bind(vm.askingProperty().or(vm.availableProperty().not()));
        ask.setOnAction(e -> vm.ask());
        Label status = new Label();
        status.setId("time-database-status");
        status.setWrapText(true);
        status.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        status.textProperty().bind(vm.statusProperty());
        HBox.setHgrow(status, Priority.ALWAYS);
        title.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ask.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox head = new HBox(10, title, ask, status);
        head.setAlignment(Pos.CENTER_LEFT);

        GridPane grid = new GridPane();
        grid.setId("time-database-rows");
        grid.setHgap(12);
        grid.setVgap(3);
        grid.getStyleClass().add("time-database-rows");
        ColumnConstraints question = new ColumnConstraints();
        question.setPercentWidth(34);
        ColumnConstraints database = new ColumnConstraints();
        database.setPercentWidth(29);
        ColumnConstraints computed = new ColumnConstraints();
        computed.setPercentWidth(29);
        ColumnConstraints mark = new ColumnConstraints();
        mark.setPercentWidth(8);
        grid.getColumnConstraints().addAll(question, database, computed, mark);
        Runnable fill = () -> {
            grid.getChildren().clear();
            if (vm.rows().isEmpty()) return;
            grid.addRow(0, header("Question"), header("Postgres says"), header("Computed"), header(""));
            int row = 1;
            for (DatabaseAnswers.Row r : vm.rows()) {
                Label m = new Label(r.mark());
                m.getStyleClass().add(r.agrees() ? Styles.SUCCESS : Styles.DANGER);
                grid.addRow(row++, cell(r.question(), false), cell(r.database(), true), cell(r.computed(), true), m);
            }
        };
        vm.rows().addListener((ListChangeListener<DatabaseAnswers.Row>) c -> fill.run());
        fill.run();
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(120);
        scroll.setMinHeight(72); // two rows stay readable when the forms above take the height
        scroll.getStyleClass().add("time-answers-scroll");
        scroll.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.rows()));
        scroll.managedProperty().bind(scroll.visibleProperty());
        getChildren().addAll(head, scroll);
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        return l;
    }

    private static Label cell(String text, boolean value) {
        Label l = new Label(text);
        l.setWrapText(true);
        if (value) l.getStyleClass().add("time-value");
        else l.getStyleClass().add(Styles.TEXT_SMALL);
        return l;
    }
}
