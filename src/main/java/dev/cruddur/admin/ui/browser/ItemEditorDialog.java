package dev.cruddur.admin.ui.browser;

import atlantafx.base.theme.Styles;
import dev.cruddur.admin.store.ItemEditor.TextShape;
import dev.cruddur.admin.ui.common.Icons;
import dev.cruddur.admin.ui.common.Themes;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The item editor: the item as DynamoDB JSON or plain JSON (a toggle), the problem shown under the
 * text as it is typed (Save is off while there is one), a refused save in plain words with Reload.
 */
public final class ItemEditorDialog {
    public static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
    public static final ButtonType DELETE = new ButtonType("Delete", ButtonBar.ButtonData.LEFT);

    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final ItemEditorViewModel vm;

    public ItemEditorDialog(ItemEditorViewModel vm, Window owner) {
        this.vm = vm;
        dialog.initOwner(owner);
        dialog.initModality(Modality.NONE);
        dialog.setResizable(true);
        dialog.titleProperty().bind(Bindings.createStringBinding(() -> (vm.kindProperty().get() == ItemEditorViewModel.Kind.CREATE
                ? "New item in " : "Edit item of ") + vm.table(), vm.kindProperty()));

        ToggleGroup notation = new ToggleGroup();
        ToggleButton dynamo = new ToggleButton("DynamoDB JSON");
        dynamo.setId("editor-dynamodb-json");
        dynamo.getStyleClass().add(Styles.LEFT_PILL);
        ToggleButton plain = new ToggleButton("Plain JSON");
        plain.setId("editor-plain-json");
        plain.getStyleClass().add(Styles.RIGHT_PILL);
        dynamo.setToggleGroup(notation);
        plain.setToggleGroup(notation);
        Runnable showShape = () -> notation.selectToggle(vm.shapeProperty().get() == TextShape.DYNAMODB_JSON ? dynamo : plain);
        vm.shapeProperty().addListener((o, a, b) -> showShape.run());
        showShape.run();
        dynamo.setOnAction(e -> {
            vm.switchTo(TextShape.DYNAMODB_JSON);
            showShape.run();
        });
        plain.setOnAction(e -> {
            vm.switchTo(TextShape.PLAIN_JSON);
            showShape.run();
        });
        Label hint = new Label();
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        hint.textProperty().bind(Bindings.createStringBinding(() -> vm.kindProperty().get() == ItemEditorViewModel.Kind.EDIT
                ? "Saved only if nobody changed the item since it was read." : "Saved only if no item has this key yet.", vm.kindProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        javafx.scene.control.MenuButton copy = new javafx.scene.control.MenuButton("Copy as", Icons.of(Material2AL.CONTENT_PASTE),
                dev.cruddur.admin.ui.common.CopyAsMenu.of("GetItem as", "editor-copy-get",
                        language -> vm.copyAs(dev.cruddur.admin.app.browse.ItemCopyAs.Operation.GET_ITEM, language), () -> hint),
                dev.cruddur.admin.ui.common.CopyAsMenu.of("PutItem as", "editor-copy-put",
                        language -> vm.copyAs(dev.cruddur.admin.app.browse.ItemCopyAs.Operation.PUT_ITEM, language), () -> hint));
        copy.setId("editor-copy-as");
        copy.getStyleClass().add(Styles.SMALL);
        copy.setTooltip(new Tooltip("The item as it is in the editor now, as code: GetItem of its key, or PutItem of all of it"));
        copy.setMinWidth(Region.USE_PREF_SIZE);
        // the notation switch keeps its words; the hint wraps beside it
        dynamo.setMinWidth(Region.USE_PREF_SIZE);
        plain.setMinWidth(Region.USE_PREF_SIZE);
        hint.setWrapText(true);
        hint.setMinWidth(0);
        HBox head = new HBox(8, new HBox(dynamo, plain), copy, spacer, hint);
        head.setAlignment(Pos.CENTER_LEFT);

        TextArea text = new TextArea();
        text.setId("editor-text");
        text.getStyleClass().add("editor-text");
        text.textProperty().bindBidirectional(vm.textProperty());
        text.setPrefColumnCount(64);
        text.setPrefRowCount(18);
        VBox.setVgrow(text, Priority.ALWAYS);

        Label problem = new Label();
        problem.setId("editor-problem");
        problem.getStyleClass().add("problem-text");
        problem.setGraphic(Icons.of(Material2AL.ERROR_OUTLINE));
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problem.textProperty().bind(vm.problemProperty());
        problem.visibleProperty().bind(vm.problemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());

        Label refusal = new Label();
        refusal.setId("editor-refusal");
        refusal.setWrapText(true);
        refusal.setMaxWidth(Double.MAX_VALUE);
        refusal.setMinHeight(Region.USE_PREF_SIZE);
        refusal.setMinWidth(0);
        HBox.setHgrow(refusal, Priority.ALWAYS);
        refusal.textProperty().bind(vm.refusalProperty());
        Button reload = new Button("Reload", Icons.of(Material2MZ.REFRESH));
        reload.setId("editor-reload");
        reload.getStyleClass().add(Styles.SMALL);
        reload.setTooltip(new Tooltip("Read the item as it is stored now (your text is replaced)"));
        reload.visibleProperty().bind(vm.canReloadProperty());
        reload.managedProperty().bind(reload.visibleProperty());
        reload.setOnAction(e -> vm.reload());
        reload.setMinWidth(Region.USE_PREF_SIZE);
        HBox refused = new HBox(10, Icons.of(Material2AL.BLOCK, 18), refusal, reload);
        refused.setId("editor-refused");
        refused.getStyleClass().add("refusal-box");
        refused.setAlignment(Pos.CENTER_LEFT);
        refused.visibleProperty().bind(vm.refusalProperty().isNotNull());
        refused.managedProperty().bind(refused.visibleProperty());

        Label status = new Label();
        status.setId("editor-status");
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.textProperty().bind(vm.statusProperty());
        status.visibleProperty().bind(vm.statusProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());

        Label readOnly = new Label(WriteGuard.READ_ONLY);
        readOnly.setId("editor-read-only");
        readOnly.getStyleClass().add(Styles.WARNING);
        readOnly.setWrapText(true);
        readOnly.setGraphic(Icons.of(Material2AL.LOCK));
        readOnly.visibleProperty().bind(vm.writableProperty().not());
        readOnly.managedProperty().bind(readOnly.visibleProperty());

        VBox content = new VBox(8, head, text, problem, refused, status, readOnly);
        content.getStyleClass().add("editor-content");
        content.setPadding(new javafx.geometry.Insets(12, 14, 4, 14)); // the dialog pane gives this content no inset of its own
        content.setPrefWidth(760);
        dialog.getDialogPane().setPrefWidth(800);
        // AtlantaFX caps dialog panes at 600 px, and its sheet wins over setMaxWidth: only an inline style lifts it
        dialog.getDialogPane().setStyle("-fx-max-width: 100000px;");
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setId("item-editor");
        dialog.getDialogPane().getStylesheets().addAll(Themes.appStylesheet(), BrowserPane.stylesheet());
        dialog.getDialogPane().getButtonTypes().addAll(DELETE, ButtonType.CLOSE, SAVE);

        Button save = (Button) dialog.getDialogPane().lookupButton(SAVE);
        save.setId("editor-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(vm.validProperty().not().or(vm.busyProperty()).or(vm.writableProperty().not()));
        save.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // the dialog stays open until the save is in (or refused)
            vm.save();
        });
        vm.savedProperty().addListener((o, a, done) -> {
            if (done) dialog.close();
        });

        Button delete = (Button) dialog.getDialogPane().lookupButton(DELETE);
        delete.setId("editor-delete");
        delete.getStyleClass().add(Styles.DANGER);
        var isNew = vm.kindProperty().isEqualTo(ItemEditorViewModel.Kind.CREATE);
        delete.visibleProperty().bind(isNew.not());
        delete.managedProperty().bind(delete.visibleProperty());
        delete.disableProperty().bind(vm.busyProperty().or(vm.writableProperty().not()));
        delete.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            javafx.scene.control.Alert ask = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                    "This cannot be undone.", ButtonType.CANCEL, ButtonType.OK);
            ask.initOwner(dialog.getDialogPane().getScene().getWindow());
            ask.setHeaderText("Delete this item from " + vm.table() + "?");
            ask.getDialogPane().setId("editor-delete-confirmation");
            // the same words and red as the Items tab's delete: "OK" does not say what it does
            Button confirmDelete = (Button) ask.getDialogPane().lookupButton(ButtonType.OK);
            confirmDelete.setText("Delete");
            confirmDelete.getStyleClass().add(Styles.DANGER);
            ask.setOnHidden(h -> {
                if (ask.getResult() == ButtonType.OK) vm.delete(dialog::close);
            });
            ask.show();
        });
    }

    public void show() {
        dialog.show();
    }

    public Dialog<ButtonType> dialog() {
        return dialog;
    }
}
