package dev.cruddur.admin.ui.common;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import javafx.beans.property.BooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * A pane's read-source strip: the switch "Through the cache" (off: the table), the mark of a page
 * read through the cache (cached, its age and time left), and, when the cached page and the table
 * disagree, the differences with one action to drop the stale key.
 */
public final class ReadSourceBar extends VBox {
    /**
     * @param stacked the mark on its own line under the switch (a narrow pane), else beside it
     */
    public ReadSourceBar(String id, BooleanProperty throughCache, ObservableValue<String> mark,
                         ObservableValue<String> disagreement, Runnable dropStaleKey, boolean stacked) {
        setId(id);
        getStyleClass().add("read-source");
        ToggleSwitch toggle = new ToggleSwitch("Through the cache");
        toggle.setId(id + "-switch");
        toggle.selectedProperty().bindBidirectional(throughCache);
        toggle.setMinWidth(ToggleSwitch.USE_PREF_SIZE);
        toggle.setTooltip(new Tooltip("Off: the table, as it is. On: the first page as Cruddur's API reads it, "
                + "from the cache when it holds one."));
        Label markLabel = new Label();
        markLabel.setId(id + "-mark");
        markLabel.textProperty().bind(mark);
        markLabel.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        markLabel.graphicProperty().bind(mark.map(m -> m.startsWith("Cached") ? Icons.of(Material2AL.FLASH_ON) : null));
        markLabel.setMinWidth(0);
        markLabel.setWrapText(true);
        markLabel.visibleProperty().bind(mark.map(m -> !m.isBlank()).orElse(false));
        markLabel.managedProperty().bind(markLabel.visibleProperty());
        HBox.setHgrow(markLabel, Priority.ALWAYS);
        HBox row = stacked ? new HBox(toggle) : new HBox(10, toggle, markLabel);
        row.setAlignment(Pos.CENTER_LEFT);

        Label differs = new Label();
        differs.setId(id + "-disagreement");
        differs.textProperty().bind(disagreement);
        differs.setWrapText(true);
        differs.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(differs, Priority.ALWAYS);
        Button drop = new Button("Drop stale key", Icons.of(Material2MZ.REFRESH));
        drop.setId(id + "-drop");
        drop.getStyleClass().add(Styles.SMALL);
        drop.setMinWidth(Button.USE_PREF_SIZE);
        drop.setOnAction(e -> dropStaleKey.run());
        // a narrow pane puts the action under the words, so they keep the width
        javafx.scene.layout.Pane stale;
        if (stacked) {
            HBox words = new HBox(8, Icons.of(Material2AL.ERROR_OUTLINE, 18), differs);
            HBox action = new HBox(drop);
            action.setAlignment(Pos.CENTER_RIGHT);
            stale = new VBox(6, words, action);
        } else {
            HBox inline = new HBox(8, Icons.of(Material2AL.ERROR_OUTLINE, 18), differs, drop);
            inline.setAlignment(Pos.TOP_LEFT);
            stale = inline;
        }
        stale.getStyleClass().addAll("banner", "stale-page");
        stale.visibleProperty().bind(disagreement.map(d -> d != null && !d.isBlank()).orElse(false));
        stale.managedProperty().bind(stale.visibleProperty());
        setSpacing(6);
        getChildren().add(row);
        if (stacked) getChildren().add(markLabel);
        getChildren().add(stale);
    }
}
