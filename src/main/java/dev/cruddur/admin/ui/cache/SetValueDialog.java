package dev.cruddur.admin.ui.cache;

import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The value and TTL to store under a key. */
public final class SetValueDialog extends Dialog<SetValueDialog.Entry> {
    public record Entry(String value, long ttlSeconds) {}

    public SetValueDialog(Window owner, String key, String current, long defaultTtlSeconds) {
        initOwner(owner);
        setTitle("Set " + key);
        setHeaderText(null);
        setResizable(true);
        TextArea text = new TextArea(current);
        text.setId("set-value-text");
        text.getStyleClass().add("cache-mono");
        text.setPrefSize(560, 300);
        text.setWrapText(true); // a cached page is one line of JSON: wrapped, all of it is in view
        VBox.setVgrow(text, Priority.ALWAYS);
        TextField ttl = new TextField(String.valueOf(defaultTtlSeconds));
        ttl.setId("set-value-ttl");
        ttl.setPrefColumnCount(7);
        Label error = new Label();
        error.getStyleClass().add("danger");
        HBox ttlRow = new HBox(8, new Label("TTL"), ttl, new Label("seconds (1 to 86400)"), error);
        ttlRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label what = new Label("Value stored under " + key + " (as text):");
        what.setWrapText(true);
        what.setMaxWidth(560);
        VBox box = new VBox(10, what, text, ttlRow);
        box.setPadding(new Insets(16, 18, 6, 18));
        getDialogPane().setContent(box);
        getDialogPane().getStylesheets().add(CachePane.stylesheet());
        getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, ButtonType.OK);
        getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> parse(ttl.getText()).isEmpty(), ttl.textProperty()));
        setResultConverter(b -> b == ButtonType.OK ? new Entry(text.getText(), parse(ttl.getText()).orElse(defaultTtlSeconds)) : null);
    }

    static Optional<Long> parse(String seconds) {
        try {
            long n = Long.parseLong(seconds.strip());
            return n >= 1 && n <= 86_400 ? Optional.of(n) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
