package dev.cruddur.admin.ui.connect;

import atlantafx.base.theme.Styles;
import dev.cruddur.admin.app.connect.ConnectionProfile;
import dev.cruddur.admin.ui.common.FormControls;
import dev.cruddur.admin.ui.common.Icons;
import dev.cruddur.admin.ui.common.Themes;
import java.util.List;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** Ctrl+L: the saved connections on the left, the chosen one's form on the right. */
public final class ConnectionsDialog {
    private final TextField nameField = field("profile-name", null);
    private final Dialog<ButtonType> dialog = new Dialog<>();

    public ConnectionsDialog(ConnectionsViewModel vm, Window owner) {
        dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle("Connections");
        dialog.setHeaderText("Connections (saved in " + vm.file() + ")");

        ListView<ConnectionProfile> list = new ListView<>(vm.profiles());
        list.setId("profiles");
        list.setPrefWidth(250);
        list.setMinWidth(250);
        list.setCellFactory(v -> new ListCell<>() {
            private final Label title = new Label();
            private final Label detail = new Label();
            private final Label mark = new Label();
            private final VBox box = new VBox(2, title, detail, mark);
            private final javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();
            {
                title.getStyleClass().add(Styles.TEXT_BOLD);
                detail.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
                // a line of its own: a long name, cut, would cut the mark with it
                mark.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.ACCENT);
                mark.managedProperty().bind(mark.visibleProperty());
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(ConnectionProfile p, boolean empty) {
                super.updateItem(p, empty);
                setText(null);
                if (empty || p == null) {
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                title.setText(p.name());
                // an embedded or AWS summary starts with its kind already
                detail.setText(p.kind() == ConnectionProfile.Kind.LOCAL ? kindName(p.kind()) + " · " + p.summary() : p.summary());
                // the one the window uses is marked, and said to be unsaved when it came from this run's options
                boolean inUse = p.equals(vm.inUseProperty().get());
                mark.setVisible(inUse);
                mark.setText(!inUse ? "" : vm.saved(p) ? "● in use" : "● in use, not saved (given for this run)");
                whole.setText(p.name() + "\n" + detail.getText() + (inUse ? "\n" + mark.getText().substring(2) : ""));
                setTooltip(whole);
                setGraphic(box);
            }
        });
        vm.inUseProperty().addListener((o, a, p) -> list.refresh());
        list.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> {
            if (p != null && p != vm.editingProperty().get()) vm.edit(p);
        });
        vm.editingProperty().addListener((o, a, p) -> {
            if (p != null) list.getSelectionModel().select(p);
        });
        Button add = new Button("New", Icons.of(Material2AL.ADD));
        add.setId("profile-new");
        add.setOnAction(e -> {
            list.getSelectionModel().clearSelection();
            vm.newProfile();
            nameField.requestFocus(); // a new connection starts with its name
        });
        Button delete = new Button("Delete", Icons.of(Material2AL.DELETE_OUTLINE));
        delete.setId("profile-delete");
        delete.setOnAction(e -> vm.delete());
        add.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        delete.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox left = new VBox(8, list, new HBox(8, add, delete));
        left.setMinWidth(250);
        VBox.setVgrow(list, Priority.ALWAYS);

        TextField name = nameField;
        name.textProperty().bindBidirectional(vm.nameProperty());
        name.setPromptText("Name this connection (e.g. Local dynalite)");
        ComboBox<ConnectionProfile.Kind> kind = new ComboBox<>();
        kind.setId("profile-kind");
        kind.getItems().setAll(ConnectionProfile.Kind.values());
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        kind.setConverter(FormControls.converter(k -> k == null ? "" : kindName(k)));
        TextField endpoint = field("profile-endpoint", vm.endpointProperty());
        endpoint.setPromptText(ConnectionProfile.DEFAULT_LOCAL_URL);
        ComboBox<String> awsProfile = new ComboBox<>(vm.awsProfileNames());
        awsProfile.setId("profile-aws");
        awsProfile.setEditable(true);
        awsProfile.setPromptText("default chain");
        awsProfile.valueProperty().bindBidirectional(vm.awsProfileProperty());
        TextField region = field("profile-region", vm.regionProperty());
        region.setPromptText("us-east-1");
        TextField table = field("profile-table", vm.tableProperty());
        TextField dataDir = field("profile-data-dir", vm.dataDirProperty());
        dataDir.setPromptText("default data directory");
        TextField postgres = field("profile-postgres", vm.postgresProperty());
        postgres.setPromptText("optional: CONNECTION_URL, postgresql://user@host:5432/cruddur or host=… port=… dbname=… user=…");

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setHalignment(HPos.RIGHT);
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints(260, 320, Double.MAX_VALUE);
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().addAll(labels, fields);
        Label endpointLabel = new Label("Endpoint URL");
        Label awsLabel = new Label("AWS profile");
        Label regionLabel = new Label("Region");
        Label dirLabel = new Label("Data directory");
        List<Node[]> rows = List.of(new Node[] {new Label("Name"), name}, new Node[] {new Label("Kind"), kind},
                new Node[] {endpointLabel, endpoint}, new Node[] {awsLabel, awsProfile}, new Node[] {regionLabel, region},
                new Node[] {dirLabel, dataDir}, new Node[] {new Label("Table"), table}, new Node[] {new Label("Postgres (users)"), postgres});
        for (int row = 0; row < rows.size(); row++) form.addRow(row, rows.get(row));
        Runnable showKind = () -> {
            ConnectionProfile.Kind k = vm.kindProperty().get();
            show(k == ConnectionProfile.Kind.LOCAL, endpointLabel, endpoint);
            show(k == ConnectionProfile.Kind.AWS, awsLabel, awsProfile, regionLabel, region);
            show(k == ConnectionProfile.Kind.EMBEDDED, dirLabel, dataDir);
            // the shown rows numbered without gaps: an empty row still takes the grid's gap
            int shown = 0;
            for (Node[] row : rows) {
                if (!row[0].isManaged()) continue;
                for (Node n : row) GridPane.setRowIndex(n, shown);
                shown++;
            }
        };
        vm.kindProperty().addListener((o, a, k) -> showKind.run());
        showKind.run();
        Label awsNote = new Label("AWS opens read-only; credentials come from the default chain or the named profile and are never stored.");
        awsNote.setWrapText(true);
        awsNote.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        awsNote.visibleProperty().bind(vm.kindProperty().isEqualTo(ConnectionProfile.Kind.AWS));
        awsNote.managedProperty().bind(awsNote.visibleProperty());

        Button test = new Button("Test connection", Icons.of(Material2AL.CHECK_CIRCLE_OUTLINE));
        test.setId("profile-test");
        test.disableProperty().bind(vm.testingProperty());
        test.setOnAction(e -> vm.test());
        Button save = new Button("Save", Icons.of(Material2MZ.SAVE));
        save.setId("profile-save");
        save.setOnAction(e -> vm.save());
        Button connect = new Button("Connect", Icons.of(Material2AL.LINK));
        connect.setId("profile-connect");
        connect.getStyleClass().add(Styles.ACCENT);
        connect.setOnAction(e -> {
            if (vm.connect()) dialog.close();
        });
        Label result = new Label();
        result.setId("profile-test-result");
        result.setWrapText(true);
        result.textProperty().bind(vm.testResultProperty());
        // one colour per outcome, the problem line's red included: green all there, amber something missing, red unusable
        vm.testOutcomeProperty().addListener((o, a, outcome) -> {
            result.getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING, Styles.DANGER);
            switch (outcome) {
                case OK -> result.getStyleClass().add(Styles.SUCCESS);
                case INCOMPLETE -> result.getStyleClass().add(Styles.WARNING);
                case FAILED -> result.getStyleClass().add(Styles.DANGER);
                default -> { }
            }
        });
        result.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label problem = new Label();
        problem.setId("profile-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(vm.problemProperty());

        Label postgresNote = new Label("Postgres (read only) lists every Cruddur user; its password comes from ~/.pgpass or PGPASSWORD, never this file.");
        postgresNote.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        postgresNote.setWrapText(true);
        postgresNote.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        VBox right = new VBox(10, form, awsNote, postgresNote, new HBox(8, test, save, connect), result, problem);
        right.setPadding(new Insets(0, 0, 0, 12));
        right.setPrefWidth(480);
        right.setMinWidth(480);
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox content = new HBox(left, right);
        content.setPrefHeight(440);
        content.setPrefWidth(760);
        content.getStylesheets().add(Themes.appStylesheet());
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.setOnShown(e -> {
            ConnectionProfile current = vm.editingProperty().get();
            if (current != null) list.getSelectionModel().select(current);
        });
    }

    private static TextField field(String id, javafx.beans.property.StringProperty p) {
        TextField f = new TextField();
        f.setId(id);
        if (p != null) f.textProperty().bindBidirectional(p);
        return f;
    }

    private static void show(boolean visible, javafx.scene.Node... nodes) {
        for (javafx.scene.Node n : nodes) {
            n.setVisible(visible);
            n.setManaged(visible);
        }
    }

    public void show() {
        dialog.show();
    }

    public Dialog<ButtonType> dialog() {
        return dialog;
    }

    /** A kind as a user names it (the README's words), not the enum's. */
    static String kindName(ConnectionProfile.Kind kind) {
        return switch (kind) {
            case EMBEDDED -> "Embedded";
            case LOCAL -> "Local endpoint";
            case AWS -> "AWS";
        };
    }
}
