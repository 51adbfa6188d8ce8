package dev.cruddur.admin.ui.browser;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;

/**
 * A write button that is off while the connection is read-only, with a tooltip saying why. A
 * disabled control gets no mouse events, so the tooltip sits on a holder around the button.
 */
final class WriteGuard {
    static final String READ_ONLY = "Read-only: this AWS or remote connection needs writes unlocked (top bar) first.";

    private WriteGuard() {}

    /** {@code otherwiseOff}: other reasons the button is off (nothing selected, busy). */
    static StackPane guard(ButtonBase button, ObservableBooleanValue writable, ObservableBooleanValue otherwiseOff, String tip) {
        button.disableProperty().bind(Bindings.createBooleanBinding(() -> !writable.get() || otherwiseOff.get(), writable, otherwiseOff));
        StackPane holder = new StackPane(button);
        holder.getStyleClass().add("write-guard");
        Tooltip tooltip = new Tooltip();
        tooltip.textProperty().bind(Bindings.createStringBinding(() -> writable.get() ? tip : READ_ONLY, writable));
        Tooltip.install(holder, tooltip);
        holder.setUserData(tooltip);
        return holder;
    }

    static Tooltip tooltipOf(StackPane holder) {
        return (Tooltip) holder.getUserData();
    }
}
