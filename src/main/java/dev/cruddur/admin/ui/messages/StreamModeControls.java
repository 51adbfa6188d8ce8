package dev.cruddur.admin.ui.messages;

import atlantafx.base.theme.Styles;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cruddur.admin.domain.SendMode;
import dev.cruddur.admin.store.StreamUpdater;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The send-mode menu of the transcript header, its status line, and the dry-run dialog. */
public final class StreamModeControls {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HBox node;

    public StreamModeControls(StreamModeViewModel vm, TranscriptViewModel transcript, Supplier<Window> owner) {
        ToggleGroup modes = new ToggleGroup();
        RadioMenuItem direct = new RadioMenuItem("Direct: the message and its group rows together");
        RadioMenuItem stream = new RadioMenuItem("Stream: the message only; the stream updater moves the group rows");
        direct.setToggleGroup(modes);
        stream.setToggleGroup(modes);
        direct.setOnAction(e -> vm.setMode(SendMode.DIRECT));
        stream.setOnAction(e -> vm.setMode(SendMode.STREAM));
        MenuItem dryRun = new MenuItem("Dry run of this message…");
        dryRun.setId("stream-dry-run");
        dryRun.setOnAction(e -> vm.dryRun(transcript.conversationProperty().get(), transcript.viewerProperty().get(),
                transcript.textProperty().get()));
        MenuButton menu = new MenuButton();
        menu.setId("send-mode");
        menu.getItems().addAll(direct, stream, new SeparatorMenuItem(), dryRun);
        menu.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        menu.setTooltip(new Tooltip("How a send updates the conversation's group rows (pattern D)"));
        Runnable showMode = () -> {
            SendMode m = vm.modeProperty().get();
            menu.setText("Send: " + m.label());
            (m == SendMode.STREAM ? stream : direct).setSelected(true);
        };
        vm.modeProperty().addListener((o, a, b) -> showMode.run());
        showMode.run();

        Label status = new Label();
        status.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        status.textProperty().bind(vm.followerStatusProperty());
        status.visibleProperty().bind(vm.followerStatusProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());
        status.setMaxWidth(260);
        status.setTooltip(new Tooltip());
        status.getTooltip().textProperty().bind(vm.followerStatusProperty());

        vm.previewProperty().addListener((o, a, preview) -> {
            if (preview != null) showPreview(preview, owner.get());
        });
        node = new HBox(8, status, menu);
        node.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
    }

    public Node node() {
        return node;
    }

    private static void showPreview(StreamUpdater.Preview preview, Window owner) {
        TextArea record = new TextArea(pretty(preview.streamRecordJson()));
        record.setEditable(false);
        record.setPrefRowCount(12);
        record.getStyleClass().add("monospace");
        StringBuilder writes = new StringBuilder();
        if (preview.changesNothing()) writes.append("Nothing: the group rows are already at this message or newer.");
        for (StreamUpdater.PlannedWrite w : preview.writes()) {
            writes.append(w.action()).append("  ").append(w.pk()).append("  sk=").append(w.sk()).append('\n');
            if (w.action().equals("PUT")) writes.append("     ").append(w.itemJson()).append('\n');
        }
        TextArea changes = new TextArea(writes.toString());
        changes.setEditable(false);
        changes.setPrefRowCount(8);
        changes.getStyleClass().add("monospace");
        changes.setId("stream-dry-run-writes");
        Label recordTitle = new Label("The stream record this message's write produces");
        Label writesTitle = new Label("What the stream updater would then write (in one transaction where the endpoint has them)");
        recordTitle.getStyleClass().add(Styles.TEXT_BOLD);
        writesTitle.getStyleClass().add(Styles.TEXT_BOLD);
        writesTitle.setWrapText(true); // a cut title here would hide the "where the endpoint has them" that matters
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Stream dry run");
        dialog.setHeaderText("Nothing has been written.");
        dialog.getDialogPane().setContent(new VBox(8, recordTitle, record, writesTitle, changes));
        dialog.getDialogPane().setPrefWidth(760);
        // AtlantaFX caps dialog panes at 600 px, and its sheet wins over setMaxWidth: only an inline style lifts it
        dialog.getDialogPane().setStyle("-fx-max-width: 100000px;");
        // a dialog is a scene of its own: without the app's sheet its JSON is set in a proportional font
        dialog.getDialogPane().getStylesheets().add(dev.cruddur.admin.ui.common.Themes.appStylesheet());
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.show();
    }

    private static String pretty(String json) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(json));
        } catch (java.io.IOException e) {
            return json;
        }
    }
}
