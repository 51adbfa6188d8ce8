package dev.cruddur.admin.ui.browser;

import java.util.List;

import atlantafx.base.theme.Styles;
import dev.cruddur.admin.store.ItemFileFormat;
import dev.cruddur.admin.store.ItemImporter;
import dev.cruddur.admin.ui.common.Banner;
import dev.cruddur.admin.ui.common.Icons;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The "Export / Import" tab: export the current request to a file, import a file, with progress and a report. */
public final class TransferView extends VBox {
    private final TransferViewModel vm;
    private FileAsk files = FileAsk.SYSTEM;

    public TransferView(TransferViewModel vm) {
        this.vm = vm;
        setId("browser-transfer");
        getStyleClass().add("browser-transfer");
        setSpacing(14);

        // export
        Label exportTitle = new Label("Export");
        exportTitle.getStyleClass().add(Styles.TITLE_4);
        Label what = new Label();
        what.setId("export-description");
        what.setWrapText(true);
        what.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // wrapped, a long query needs its second line
        what.getStyleClass().add("mono");
        what.textProperty().bind(vm.exportDescriptionProperty());
        Label whatHint = new Label("The request set up on the Items tab, every page of it.");
        whatHint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        ToggleGroup formats = new ToggleGroup();
        ToggleButton jsonl = new ToggleButton("JSON lines");
        jsonl.setId("export-jsonl");
        jsonl.getStyleClass().add(Styles.LEFT_PILL);
        ToggleButton csv = new ToggleButton("CSV");
        csv.setId("export-csv");
        csv.getStyleClass().add(Styles.RIGHT_PILL);
        jsonl.setToggleGroup(formats);
        csv.setToggleGroup(formats);
        Runnable showFormat = () -> formats.selectToggle(vm.formatProperty().get() == ItemFileFormat.CSV ? csv : jsonl);
        vm.formatProperty().addListener((o, a, b) -> showFormat.run());
        showFormat.run();
        jsonl.setOnAction(e -> {
            vm.formatProperty().set(ItemFileFormat.JSONL);
            showFormat.run();
        });
        csv.setOnAction(e -> {
            vm.formatProperty().set(ItemFileFormat.CSV);
            showFormat.run();
        });
        Button export = new Button("Export…", Icons.of(Material2MZ.SAVE_ALT));
        export.setId("export-run");
        export.getStyleClass().add(Styles.ACCENT);
        export.disableProperty().bind(vm.runningProperty());
        export.setOnAction(e -> {
            vm.describeExport();
            files.choose(true, vm.suggestedFileName(), getScene().getWindow()).ifPresent(vm::export);
        });
        HBox exportRow = new HBox(10, muted("Format"), new HBox(jsonl, csv), export);
        exportRow.setAlignment(Pos.CENTER_LEFT);
        VBox exportBox = new VBox(8, exportTitle, whatHint, what, exportRow);
        exportBox.getStyleClass().add("transfer-card");

        // import
        Label importTitle = new Label("Import");
        importTitle.getStyleClass().add(Styles.TITLE_4);
        Label into = new Label();
        into.setId("import-target");
        into.setWrapText(true);
        Button importButton = new Button("Import…", Icons.of(Material2AL.FILE_UPLOAD));
        importButton.setId("import-run");
        importButton.setOnAction(e -> files.choose(false, "", getScene().getWindow()).ifPresent(vm::importFile));
        var guarded = WriteGuard.guard(importButton, vm.writableProperty(), vm.runningProperty(),
                "Put every item of a JSON lines (DynamoDB JSON) or CSV file into the table");
        HBox importRow = new HBox(10, into, guarded);
        importRow.setAlignment(Pos.CENTER_LEFT);
        Label importHint = new Label("Lines that cannot be items (bad JSON, a missing or mistyped key, over 400 KB) are rejected and listed; the rest are written.");
        importHint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        importHint.setWrapText(true);
        VBox importBox = new VBox(8, importTitle, importHint, importRow);
        importBox.getStyleClass().add("transfer-card");

        // progress and outcome
        ProgressBar progress = new ProgressBar();
        progress.setId("transfer-progress");
        progress.setPrefWidth(240);
        progress.progressProperty().bind(vm.progressProperty());
        Label status = new Label();
        status.setId("transfer-status");
        status.textProperty().bind(vm.statusProperty());
        Button cancel = new Button("Cancel", Icons.of(Material2MZ.STOP));
        cancel.setId("transfer-cancel");
        cancel.setOnAction(e -> vm.cancel());
        HBox running = new HBox(10, progress, status, cancel);
        running.setAlignment(Pos.CENTER_LEFT);
        running.visibleProperty().bind(vm.runningProperty());
        running.managedProperty().bind(vm.runningProperty());

        Label result = new Label();
        result.setId("transfer-result");
        result.setWrapText(true);
        result.setGraphic(Icons.of(Material2AL.CHECK_CIRCLE, 16));
        result.getGraphic().getStyleClass().add("clean-icon");
        result.textProperty().bind(vm.resultProperty());
        result.visibleProperty().bind(vm.resultProperty().isNotEmpty());
        result.managedProperty().bind(result.visibleProperty());

        Banner error = new Banner("transfer-error").bind(vm.errorProperty(), new SimpleBooleanProperty(false), () -> {}, vm::dismissError);

        TableView<ItemImporter.Rejected> rejected = new TableView<>(vm.rejected());
        rejected.setId("transfer-rejected");
        rejected.getStyleClass().add(Styles.DENSE);
        TableColumn<ItemImporter.Rejected, Integer> line = new TableColumn<>("Line");
        line.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue().line()));
        line.setPrefWidth(80);
        line.setMaxWidth(120);
        line.setSortable(false);
        TableColumn<ItemImporter.Rejected, String> reason = new TableColumn<>("Reason");
        reason.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue().reason()));
        reason.setSortable(false);
        rejected.getColumns().add(line);
        rejected.getColumns().add(reason);
        rejected.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label none = new Label("No rejected lines.");
        none.setId("transfer-no-rejected");
        none.getStyleClass().add(Styles.TEXT_MUTED);
        rejected.setPlaceholder(none);
        Label rejectedTitle = new Label("Rejected lines of the last import");
        rejectedTitle.getStyleClass().add(Styles.TEXT_BOLD);
        // before any import there is no report: neither its title nor "No rejected lines"
        for (var n : List.of(rejectedTitle, rejected)) {
            n.visibleProperty().bind(vm.importedProperty());
            n.managedProperty().bind(vm.importedProperty());
        }
        VBox.setVgrow(rejected, Priority.ALWAYS);

        getChildren().addAll(error, exportBox, importBox, running, result, rejectedTitle, rejected);
        sceneProperty().addListener((o, a, s) -> refresh());
        into.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> "Into the connection's table "
                + vm.importTable() + ".", vm.runningProperty(), vm.exportDescriptionProperty()));
    }

    /** Describes the export again (the Items tab may have changed the request). */
    public void refresh() {
        vm.describeExport();
    }

    /** Replaces the file chooser (tests give a path). */
    public void setFileAsk(FileAsk ask) {
        this.files = ask;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }
}
