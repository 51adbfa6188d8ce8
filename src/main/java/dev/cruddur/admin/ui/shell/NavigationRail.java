package dev.cruddur.admin.ui.shell;

import atlantafx.base.theme.Styles;
import dev.cruddur.admin.ui.common.Icons;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Tooltip;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;

/** The left rail: one toggle per registered pane. */
public final class NavigationRail extends VBox {
    private final ToggleGroup group = new ToggleGroup();

    public NavigationRail(List<AppPane> panes, Consumer<AppPane> onSelect) {
        getStyleClass().add("nav-rail");
        setSpacing(6);
        for (AppPane pane : panes) {
            ToggleButton b = new ToggleButton(null, Icons.of(pane.icon(), 20));
            b.setId("nav-" + pane.id());
            b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, "nav-button");
            b.setTooltip(new Tooltip(pane.title()));
            b.setToggleGroup(group);
            b.setUserData(pane);
            b.setOnAction(e -> {
                if (!b.isSelected()) b.setSelected(true); // a rail always has one pane selected
                onSelect.accept(pane);
            });
            getChildren().add(b);
        }
        if (!group.getToggles().isEmpty()) group.getToggles().get(0).setSelected(true);
    }

    /** Selects the pane at {@code index} (0-based) as a click would; an index past the rail does nothing. */
    public void select(int index) {
        if (index < 0 || index >= group.getToggles().size()) return;
        ToggleButton b = (ToggleButton) group.getToggles().get(index);
        b.fire();
        b.requestFocus(); // the pane chosen from the keyboard shows where focus is
    }
}
