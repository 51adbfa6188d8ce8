package dev.cruddur.admin.ui.time;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/** Asks for the table's name before a migration; OK is enabled only when it is typed exactly. */
public final class ConfirmTableNameDialog extends Dialog<String> {
    public static final ButtonType APPLY = new ButtonType("Migrate", ButtonBar.ButtonData.OK_DONE);
    private final TextField typed = new TextField();

    public ConfirmTableNameDialog(Window owner, String table, int moves, String stylesheet) {
        if (owner != null) initOwner(owner);
        initModality(Modality.WINDOW_MODAL);
        setTitle("Migrate sort keys");
        setHeaderText("Move " + moves + " item" + (moves == 1 ? "" : "s") + " of '" + table + "' to canonical sort keys");
        Label explain = new Label("Each move puts the item under its canonical key, then deletes the old one. "
                + "It can be stopped and resumed. Type the table's name to go on:");
        explain.setWrapText(true);
        explain.setMaxWidth(440);
        Label name = new Label(table);
        name.getStyleClass().addAll(Styles.TEXT_BOLD, "time-value");
        typed.setId("confirm-table-name");
        typed.setPromptText(table);
        VBox content = new VBox(8, explain, name, typed);
        content.setPadding(new Insets(14, 16, 4, 16)); // the dialog pane gives this content no inset of its own
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().setAll(APPLY, ButtonType.CANCEL);
        if (stylesheet != null) getDialogPane().getStylesheets().add(stylesheet);
        Node ok = getDialogPane().lookupButton(APPLY);
        ok.setId("confirm-migrate");
        ok.getStyleClass().add(Styles.DANGER);
        ok.disableProperty().bind(typed.textProperty().isNotEqualTo(table));
        setResultConverter(button -> button == APPLY && table.equals(typed.getText()) ? typed.getText() : null);
        setOnShown(e -> typed.requestFocus());
    }

    public TextField typed() {
        return typed;
    }
}
