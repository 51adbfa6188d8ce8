package dev.cruddur.admin.ui.cache;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Asks for a cache's name typed before a destructive action; OK is enabled only when it matches. */
public final class TypedNameDialog extends Dialog<ButtonType> {
    private final TextField typed = new TextField();

    public TypedNameDialog(Window owner, String title, String explanation, String name, String action) {
        initOwner(owner);
        setTitle(title);
        setHeaderText(null);
        Label what = new Label(explanation);
        what.setWrapText(true);
        what.setMaxWidth(420);
        Label ask = new Label("Type the cache's name, " + name + ", to confirm:");
        typed.setId("typed-name");
        typed.setPromptText(name);
        VBox box = new VBox(10, what, ask, typed);
        box.setPadding(new Insets(16, 18, 6, 18));
        getDialogPane().setContent(box);
        ButtonType confirm = new ButtonType(action, ButtonType.OK.getButtonData());
        getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, confirm);
        Button ok = (Button) getDialogPane().lookupButton(confirm);
        ok.setId("typed-name-ok");
        ok.getStyleClass().add(Styles.DANGER);
        ok.disableProperty().bind(typed.textProperty().isNotEqualTo(name));
        setOnShown(e -> typed.requestFocus());
    }

    public TextField field() {
        return typed;
    }
}
