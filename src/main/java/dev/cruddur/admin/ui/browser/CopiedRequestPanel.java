package dev.cruddur.admin.ui.browser;

import atlantafx.base.theme.Styles;
import dev.cruddur.admin.ui.common.Copied;
import dev.cruddur.admin.ui.common.Icons;
import javafx.scene.layout.VBox;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.material2.Material2AL;

/** The request last copied as a command or code, shown under the results until closed. */
final class CopiedRequestPanel extends VBox {
    private final ItemBrowserViewModel vm;

    CopiedRequestPanel(ItemBrowserViewModel vm) {
        this.vm = vm;
        build();
    }

    private void build() {
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
        setSpacing(4);
        getChildren().setAll(head, text);
        setId("browser-request");
        getStyleClass().add("request-panel");
        SimpleBooleanProperty dismissed = new SimpleBooleanProperty(false);
        vm.requestTextProperty().addListener((o, a, b) -> dismissed.set(false));
        close.setOnAction(e -> dismissed.set(true));
        var shown = vm.requestTextProperty().isNotEmpty().and(dismissed.not());
        visibleProperty().bind(shown);
        managedProperty().bind(shown);
    }
}
