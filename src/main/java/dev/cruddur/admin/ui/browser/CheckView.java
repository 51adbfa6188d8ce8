package dev.cruddur.admin.ui.browser;

import atlantafx.base.theme.Styles;
import dev.cruddur.admin.app.consistency.Finding;
import dev.cruddur.admin.ui.common.Banner;
import dev.cruddur.admin.ui.common.Icons;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The "Check" tab: run the consistency check of the connection's table, the findings counted by
 * kind and listed for the chosen kind, the repair plan, and Repair behind the typed table name.
 */
public final class CheckView extends VBox {
    private final ConsistencyViewModel vm;

    public CheckView(ConsistencyViewModel vm) {
        this.vm = vm;
        setId("browser-check");
        getStyleClass().add("browser-check");
        setSpacing(10);

        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE_4);
        title.textProperty().bind(vm.tableNameProperty().map(t -> t.isEmpty() ? "Consistency check" : "Consistency of " + t));
        Button run = new Button("Run check", Icons.of(Material2MZ.PLAY_ARROW));
        run.setId("check-run");
        run.getStyleClass().add(Styles.ACCENT);
        run.disableProperty().bind(vm.checkingProperty().or(vm.repairingProperty()).or(vm.connectedProperty().not()));
        run.setOnAction(e -> vm.check());
        Button cancel = new Button("Cancel", Icons.of(Material2MZ.STOP));
        cancel.setId("check-cancel");
        cancel.disableProperty().bind(vm.checkingProperty().or(vm.repairingProperty()).not());
        cancel.setOnAction(e -> vm.cancel());
        ProgressBar progress = new ProgressBar();
        progress.setId("check-progress");
        progress.progressProperty().bind(vm.progressProperty());
        progress.setPrefWidth(200);
        var busy = vm.checkingProperty().or(vm.repairingProperty());
        progress.visibleProperty().bind(busy);
        progress.managedProperty().bind(busy); // hidden, it must not take the width the title needs
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label explain = new Label("Group rows against messages, as Cruddur writes them");
        explain.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        // the title and the buttons keep their text; the explanation gives way, whole on hover
        title.setMinWidth(Region.USE_PREF_SIZE);
        run.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        explain.setMinWidth(0);
        explain.setTooltip(new javafx.scene.control.Tooltip(explain.getText()));
        HBox head = new HBox(10, title, explain, spacer, progress, cancel, run);
        head.setAlignment(Pos.CENTER_LEFT);

        Label status = new Label();
        status.setId("check-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        status.graphicProperty().bind(Bindings.createObjectBinding(() -> {
            var r = vm.reportProperty().get();
            if (r == null) return null;
            var icon = Icons.of(r.clean() ? Material2AL.CHECK_CIRCLE : Material2AL.ERROR_OUTLINE, 18);
            icon.getStyleClass().add(r.clean() ? "clean-icon" : "finding-icon");
            return icon;
        }, vm.reportProperty()));

        Banner error = new Banner("check-error").bind(vm.errorProperty(), new SimpleBooleanProperty(false), () -> {}, vm::dismissError);

        ListView<ConsistencyViewModel.KindCount> kinds = new ListView<>(vm.counts());
        kinds.setId("check-kinds");
        kinds.getStyleClass().add("check-kinds");
        kinds.setPlaceholder(afterACheck("check-kinds-empty", "No findings to list."));
        kinds.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ConsistencyViewModel.KindCount item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Label count = new Label(String.valueOf(item.count()));
                count.getStyleClass().add("count-badge");
                count.setMinWidth(Region.USE_PREF_SIZE);
                Label name = new Label(item.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
                name.getStyleClass().add(Styles.TEXT_BOLD);
                Label label = new Label(item.kind().label() + (item.kind().repairable() ? "" : " (not repaired)"));
                label.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
                label.setWrapText(true);
                label.setTooltip(new javafx.scene.control.Tooltip(label.getText())); // a narrow list cuts it to one line
                VBox text = new VBox(2, name, label);
                text.setMinWidth(0);
                text.prefWidthProperty().bind(getListView().widthProperty().subtract(90));
                HBox box = new HBox(10, count, text);
                box.setAlignment(Pos.CENTER_LEFT);
                setGraphic(box);
                setText(null);
            }
        });
        kinds.getSelectionModel().selectedItemProperty().addListener((o, a, k) -> {
            if (k != null) vm.selectedKindProperty().set(k.kind());
        });
        vm.selectedKindProperty().addListener((o, a, k) -> vm.counts().stream().filter(c -> c.kind() == k).findFirst()
                .ifPresent(c -> kinds.getSelectionModel().select(c)));

        ListView<Finding> findings = new ListView<>(vm.findings());
        findings.setId("check-findings");
        Label noFindings = placeholder("");
        noFindings.setId("check-no-findings");
        noFindings.textProperty().bind(vm.findingsPlaceholderProperty());
        findings.setPlaceholder(noFindings);
        findings.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Finding item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    setText(null);
                    setTooltip(null);
                    return;
                }
                // handles, not uuids: the uuids are one hover away
                Label detail = new Label(item.readableDetail());
                detail.setWrapText(true);
                Label group = new Label(item.conversation() + " · " + item.items().size() + (item.items().size() == 1 ? " item" : " items"));
                group.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
                setTooltip(item.uuids().isEmpty() ? null : new Tooltip(item.uuids()));
                VBox box = new VBox(2, detail, group);
                box.setMinWidth(0);
                box.prefWidthProperty().bind(getListView().widthProperty().subtract(40));
                setGraphic(box);
                setText(null);
            }
        });

        SplitPane lists = new SplitPane(titled("Findings by kind", kinds), titled("Findings", findings));
        lists.setDividerPositions(0.38);
        lists.getStyleClass().add("check-lists");

        ListView<String> plan = new ListView<>(vm.planLines());
        plan.setId("check-plan");
        plan.getStyleClass().add("plan-lines");
        plan.setPlaceholder(afterACheck("check-plan-empty", "Nothing to repair."));
        plan.setFixedCellSize(26);
        Button repair = new Button("Repair…", Icons.of(Material2AL.BUILD));
        repair.setId("check-repair");
        repair.getStyleClass().add(Styles.DANGER);
        var nothingToDo = Bindings.createBooleanBinding(() -> {
            var p = vm.planProperty().get();
            var r = vm.reportProperty().get();
            return p == null || p.empty() || r == null || r.cancelled() || vm.checkingProperty().get() || vm.repairingProperty().get();
        }, vm.planProperty(), vm.reportProperty(), vm.checkingProperty(), vm.repairingProperty());
        var guarded = WriteGuard.guard(repair, vm.writableProperty(), nothingToDo, "Apply the plan (you will type the table's name first)");
        repair.setOnAction(e -> confirmRepair());
        Label planTitle = new Label("Repair plan: shown before anything is written");
        planTitle.getStyleClass().add(Styles.TEXT_BOLD);
        Region planSpacer = new Region();
        HBox.setHgrow(planSpacer, Priority.ALWAYS);
        HBox planHead = new HBox(10, planTitle, planSpacer, guarded);
        planHead.setAlignment(Pos.CENTER_LEFT);
        VBox planBox = new VBox(6, planHead, plan);
        VBox.setVgrow(plan, Priority.ALWAYS);

        SplitPane body = new SplitPane(lists, planBox);
        body.setOrientation(javafx.geometry.Orientation.VERTICAL);
        body.setDividerPositions(0.55);
        VBox.setVgrow(body, Priority.ALWAYS);
        getChildren().addAll(head, error, status, body);
    }

    private void confirmRepair() {
        var p = vm.planProperty().get();
        if (p == null || p.empty()) return;
        String name = vm.tableNameProperty().get();
        new TypeToConfirmDialog(getScene().getWindow(), "Repair " + name,
                "The repair writes " + p.puts() + " put(s) and " + p.deletes() + " delete(s) in " + p.byConversation().size()
                        + " conversation(s), each as one unit (a transaction where the endpoint has them). The check runs again afterwards.",
                name, "Repair", vm::repair).show();
    }

    private static VBox titled(String title, javafx.scene.Node body) {
        Label l = new Label(title);
        l.getStyleClass().add(Styles.TEXT_BOLD);
        VBox box = new VBox(6, l, body);
        VBox.setVgrow(body, Priority.ALWAYS);
        box.getStyleClass().add("titled-box");
        return box;
    }

    /** An empty list's words once a check ran; before that it says nothing (nothing was looked at yet). */
    private Label afterACheck(String id, String text) {
        Label label = placeholder("");
        label.setId(id);
        label.textProperty().bind(vm.reportProperty().map(r -> text).orElse(""));
        return label;
    }

    private static Label placeholder(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }
}
