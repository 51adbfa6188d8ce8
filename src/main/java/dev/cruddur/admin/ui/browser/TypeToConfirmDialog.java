package dev.cruddur.admin.ui.browser;

import atlantafx.base.theme.Styles;
import dev.cruddur.admin.ui.common.Themes;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Asks for a name to be typed before a destructive step: OK is enabled only when it matches exactly. */
public final class TypeToConfirmDialog {
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final TextField typed = new TextField();

    public TypeToConfirmDialog(Window owner, String title, String what, String name, String okText, Consumer<String> onConfirmed) {
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        Label explain = new Label(what);
        explain.setWrapText(true);
        explain.setMaxWidth(480);
        Label ask = new Label("Type the table's name, " + name + ", to confirm:");
        ask.getStyleClass().add(Styles.TEXT_BOLD);
        typed.setId("confirm-name");
        typed.setPromptText(name);
        VBox content = new VBox(10, explain, ask, typed);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setId("type-to-confirm");
        dialog.getDialogPane().getStylesheets().addAll(Themes.appStylesheet(), BrowserPane.stylesheet());
        ButtonType ok = new ButtonType(okText, javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, ok);
        Button okButton = (Button) dialog.getDialogPane().lookupButton(ok);
        okButton.setId("confirm-ok");
        okButton.getStyleClass().add(Styles.DANGER);
        okButton.disableProperty().bind(typed.textProperty().isNotEqualTo(name));
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == ok) onConfirmed.accept(typed.getText());
        });
        dialog.setOnShown(e -> typed.requestFocus());
    }

    public void show() {
        dialog.show();
    }
}
