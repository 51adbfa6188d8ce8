package dev.cruddur.admin.ui.shell;

import atlantafx.base.theme.Styles;
import dev.cruddur.admin.ui.common.Icons;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The last DynamoDB call (operation, items read, latency), the last write mode, and what the endpoint cannot do. */
public final class StatusBar extends HBox {
    public StatusBar(WindowSession vm) {
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        Label last = new Label();
        last.setId("status-last-call");
        last.setGraphic(Icons.of(Material2MZ.SWAP_VERT, 14));
        last.textProperty().bind(vm.lastCallProperty().map(s -> s.isEmpty() ? "No call yet" : s));
        Label mode = new Label();
        mode.setId("status-write-mode");
        mode.textProperty().bind(vm.lastWriteModeProperty().map(m -> m.isEmpty() ? "" : "last send: " + m));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label limits = new Label();
        limits.setId("status-limitations");
        limits.setGraphic(Icons.of(Material2AL.INFO, 14));
        limits.textProperty().bind(vm.limitationsProperty());
        limits.visibleProperty().bind(vm.limitationsProperty().isNotEmpty());
        limits.managedProperty().bind(limits.visibleProperty());
        limits.getStyleClass().add(Styles.WARNING);
        ProgressIndicator busy = new ProgressIndicator(-1);
        busy.setId("status-busy");
        busy.setPrefSize(14, 14);
        busy.setMaxSize(14, 14);
        busy.visibleProperty().bind(vm.tasks().runningProperty().greaterThan(0));
        getChildren().addAll(last, mode, spacer, limits, busy);
        getChildren().forEach(n -> n.getStyleClass().add(Styles.TEXT_SMALL));
    }
}
