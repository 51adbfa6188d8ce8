package dev.cruddur.admin.ui.common;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** An inline banner where the user was looking: the reason in plain words, Retry, and dismiss. */
public final class Banner extends HBox {
    private final Label text = new Label();
    private final Button retry = new Button("Retry", Icons.of(Material2MZ.REFRESH));
    private final Button dismiss = new Button(null, Icons.of(Material2AL.CLOSE));

    public Banner(String id) {
        setId(id);
        getStyleClass().add("banner");
        text.setId(id + "-text");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        retry.setId(id + "-retry");
        retry.getStyleClass().add(Styles.SMALL);
        // a long reason wraps; the buttons keep their whole label (else Retry shrank to "…")
        retry.setMinWidth(Region.USE_PREF_SIZE);
        dismiss.setMinWidth(Region.USE_PREF_SIZE);
        dismiss.setId(id + "-dismiss");
        dismiss.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        getChildren().addAll(Icons.of(Material2AL.ERROR_OUTLINE, 18), text, retry, dismiss);
        setVisible(false);
        managedProperty().bind(visibleProperty());
    }

    /** Shows while {@code message} is non-null. */
    public Banner bind(ObservableValue<String> message, ObservableValue<Boolean> canRetry, Runnable onRetry, Runnable onDismiss) {
        text.textProperty().bind(message);
        visibleProperty().bind(message.map(m -> m != null && !m.isBlank()).orElse(false));
        retry.visibleProperty().bind(canRetry);
        retry.managedProperty().bind(canRetry);
        retry.setOnAction(e -> onRetry.run());
        dismiss.setOnAction(e -> onDismiss.run());
        return this;
    }
}
