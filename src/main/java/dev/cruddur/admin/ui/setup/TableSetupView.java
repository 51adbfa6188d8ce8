package dev.cruddur.admin.ui.setup;

import atlantafx.base.theme.Styles;
import dev.cruddur.admin.ui.shell.WindowSession;
import dev.cruddur.admin.ui.common.Icons;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The empty state of an endpoint without Cruddur's table: create it, or create it and load the demo data. */
public final class TableSetupView extends VBox {
    public TableSetupView(WindowSession vm) {
        setId("table-setup");
        getStyleClass().add("empty-state");
        setAlignment(Pos.CENTER);
        setSpacing(12);
        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE_3);
        title.textProperty().bind(vm.profileProperty().map(p -> "No table '" + p.table() + "' here yet"));
        Label where = new Label();
        where.getStyleClass().add(Styles.TEXT_MUTED);
        where.textProperty().bind(vm.whereProperty());
        Label explain = new Label("Create Cruddur's messages table (with its message-group-sk-index), "
                + "or create it and load the demo conversations.");
        explain.setWrapText(true);
        explain.setMaxWidth(460);
        explain.setAlignment(Pos.CENTER);
        explain.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        Button create = new Button("Create table", Icons.of(Material2AL.ADD_BOX));
        create.setId("create-table");
        create.setOnAction(e -> vm.createTable());
        Button demo = new Button("Load demo data", Icons.of(Material2AL.CLOUD_DOWNLOAD));
        demo.setId("load-demo");
        demo.getStyleClass().add(Styles.ACCENT);
        demo.setOnAction(e -> vm.loadDemoData());
        create.disableProperty().bind(vm.setupBusyProperty());
        demo.disableProperty().bind(vm.setupBusyProperty());
        HBox buttons = new HBox(10, create, demo);
        buttons.setAlignment(Pos.CENTER);
        ProgressBar progress = new ProgressBar();
        progress.setId("setup-progress");
        progress.setPrefWidth(320);
        progress.progressProperty().bind(vm.setupProgressProperty());
        progress.visibleProperty().bind(vm.setupBusyProperty());
        Label message = new Label();
        message.getStyleClass().add(Styles.TEXT_MUTED);
        message.textProperty().bind(vm.setupMessageProperty());
        Label readOnly = new Label("This connection is read-only: unlock writes in the top bar first.");
        readOnly.getStyleClass().add(Styles.WARNING);
        readOnly.visibleProperty().bind(Bindings.not(vm.writableProperty()));
        getChildren().addAll(Icons.of(Material2MZ.TABLE_CHART, 48), title, where, explain, buttons, progress, message, readOnly);
    }
}
