package dev.cruddur.admin.ui.common;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

/** Small pieces forms share: wrapping toolbars, captions (the Items tab's rows), converters for combo boxes (the Items tab, Connections). */
public final class FormControls {
    private FormControls() {}

    /** A toolbar that wraps: every control keeps its preferred width, a line that does not fit goes below. */
    public static FlowPane toolbar(javafx.scene.Node... controls) {
        FlowPane flow = new FlowPane(12, 6, controls);
        flow.setAlignment(Pos.CENTER_LEFT);
        for (javafx.scene.Node n : controls) {
            if (n instanceof Region r) r.setMinWidth(Region.USE_PREF_SIZE);
        }
        return flow;
    }

    /** A caption and its controls, kept together on one line of a toolbar. */
    public static HBox labelled(String caption, javafx.scene.Node... controls) {
        HBox group = new HBox(6, muted(caption));
        group.getChildren().addAll(controls);
        group.setAlignment(Pos.CENTER_LEFT);
        group.setMinWidth(Region.USE_PREF_SIZE);
        return group;
    }

    public static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    public static <T> StringConverter<T> converter(java.util.function.Function<T, String> show) {
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
