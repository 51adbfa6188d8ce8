package dev.cruddur.admin.ui.conversations;

import atlantafx.base.theme.Styles;
import dev.cruddur.admin.domain.User;
import dev.cruddur.admin.ui.common.Themes;
import dev.cruddur.admin.ui.common.UserSearchList;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/** The new-conversation dialog; it stays open on failure so the text is never lost. */
public final class NewConversationDialog {
    private final Dialog<ButtonType> dialog = new Dialog<>();

    public NewConversationDialog(NewConversationViewModel vm, Window owner) {
        dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle("New conversation");
        dialog.setHeaderText("New conversation as " + vm.from().displayName() + " (@" + vm.from().handle() + ")");
        UserSearchList who = new UserSearchList("new-to", vm::search);
        who.list().setPrefHeight(160);
        Label chosen = new Label("To: nobody yet");
        chosen.setId("new-to-chosen");
        chosen.getStyleClass().add(Styles.TEXT_BOLD);
        who.setOnPick(u -> vm.toProperty().set(u));
        who.list().getSelectionModel().selectedItemProperty().addListener((o, a, u) -> {
            if (u != null) vm.toProperty().set(u);
        });
        vm.toProperty().addListener((o, a, u) -> chosen.setText(u == null ? "To: nobody yet" : "To: " + u.displayName() + " (@" + u.handle() + ")"));
        TextArea text = new TextArea();
        text.setId("new-text");
        text.setPromptText("The first message…  (Ctrl+Enter starts)");
        text.setWrapText(true);
        text.setPrefRowCount(3);
        text.textProperty().bindBidirectional(vm.textProperty());
        text.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                vm.start();
                e.consume();
            }
        });
        Label counter = new Label();
        counter.textProperty().bind(vm.counterProperty());
        counter.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        Label problem = new Label();
        problem.setId("new-problem");
        problem.setWrapText(true);
        problem.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        problem.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.refusalProperty().get() != null ? vm.refusalProperty().get()
                        : vm.errorProperty().get() != null ? vm.errorProperty().get() : "",
                vm.refusalProperty(), vm.errorProperty()));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        VBox content = new VBox(8, who, chosen, text, new HBox(grow, counter), problem);
        content.setPrefWidth(460);
        content.getStylesheets().add(Themes.appStylesheet());
        dialog.getDialogPane().setContent(content);
        ButtonType startType = new ButtonType("Start", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(startType, ButtonType.CANCEL);
        Button start = (Button) dialog.getDialogPane().lookupButton(startType);
        start.setId("new-start");
        start.getStyleClass().add(Styles.ACCENT);
        start.disableProperty().bind(vm.sendingProperty());
        start.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // the dialog closes when the conversation is started, not before
            vm.start();
        });
        vm.startedProperty().addListener((o, a, c) -> {
            if (c != null) {
                dialog.setResult(ButtonType.OK);
                dialog.close();
            }
        });
        dialog.setOnShown(e -> {
            who.refresh();
            who.focusQuery();
        });
    }

    public void show() {
        dialog.show();
    }

    static String label(User u) {
        return u.displayName() + " (@" + u.handle() + ")";
    }
}
