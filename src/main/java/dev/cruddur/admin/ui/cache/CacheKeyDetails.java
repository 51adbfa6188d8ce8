package dev.cruddur.admin.ui.cache;

import atlantafx.base.theme.Styles;
import dev.cruddur.admin.cache.CacheStore;
import dev.cruddur.admin.ui.common.Banner;
import dev.cruddur.admin.ui.common.Icons;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;

/** The Cache pane's right side: the looked-up key's value, type, size, live TTL, its actions and the stale check. */
final class CacheKeyDetails extends VBox {
    private final CacheInspectorViewModel vm;

    CacheKeyDetails(CacheInspectorViewModel vm) {
        this.vm = vm;
        build();
    }

    private void build() {
        Label key = new Label();
        key.setId("cache-inspected-key");
        key.getStyleClass().addAll("cache-mono", "inspected-key");
        key.textProperty().bind(vm.inspectedKeyProperty().map(k -> k.isEmpty() ? "Choose a key, or type one" : k));
        key.setMinWidth(0);
        Label status = new Label();
        status.setId("cache-status");
        status.getStyleClass().add("cache-status");
        status.textProperty().bind(vm.statusProperty().map(s -> switch (s) {
            case NONE -> "";
            case LOADING -> "…";
            case HIT -> "HIT";
            case MISS -> "MISS";
            case ERROR -> "ERROR";
        }));
        vm.statusProperty().addListener((o, a, s) -> {
            status.getStyleClass().removeAll("hit", "miss", "error");
            if (s == CacheInspectorViewModel.Status.HIT) status.getStyleClass().add("hit");
            if (s == CacheInspectorViewModel.Status.MISS) status.getStyleClass().add("miss");
            if (s == CacheInspectorViewModel.Status.ERROR) status.getStyleClass().add("error");
        });
        status.visibleProperty().bind(vm.statusProperty().isNotEqualTo(CacheInspectorViewModel.Status.NONE));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox title = new HBox(10, key, grow, status);
        title.setAlignment(Pos.CENTER_LEFT);

        Label type = fact("cache-type", vm.typeProperty(), "Type");
        Label size = fact("cache-size", vm.sizeProperty(), "Size");
        Label ttl = new Label();
        ttl.setId("cache-ttl");
        ttl.getStyleClass().add("cache-ttl");
        ttl.textProperty().bind(vm.ttlTextProperty().map(t -> t.isEmpty() ? "" : "TTL " + t));
        ttl.setGraphic(Icons.of(Material2AL.ACCESS_TIME));
        ttl.visibleProperty().bind(vm.ttlTextProperty().isNotEmpty());
        HBox facts = new HBox(18, type, size, ttl);
        facts.setAlignment(Pos.CENTER_LEFT);

        TextArea value = new TextArea();
        value.setId("cache-value");
        value.setEditable(false);
        value.setWrapText(false);
        value.getStyleClass().add("cache-mono");
        value.textProperty().bind(vm.valueProperty());
        value.setPromptText("No value");
        VBox.setVgrow(value, Priority.ALWAYS);
        // a collection shows its members as a table, in the value's place
        var holdsCollection = Bindings.createBooleanBinding(() -> isCollection(vm.itemTypeProperty().get()), vm.itemTypeProperty());
        value.visibleProperty().bind(holdsCollection.not());
        value.managedProperty().bind(value.visibleProperty());
        CollectionTable collection = new CollectionTable(vm);
        collection.visibleProperty().bind(holdsCollection);
        collection.managedProperty().bind(holdsCollection);
        VBox.setVgrow(collection, Priority.ALWAYS);

        Label notes = new Label();
        notes.setId("cache-notes");
        notes.setWrapText(true);
        notes.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        notes.textProperty().bind(vm.notesProperty());
        notes.setMinHeight(Region.USE_PREF_SIZE);

        Banner error = new Banner("cache-error").bind(vm.errorProperty(), new SimpleBooleanProperty(false), () -> {}, vm::dismissError);
        Label message = new Label();
        message.setId("cache-message");
        message.getStyleClass().addAll(Styles.TEXT_SMALL, "cache-message");
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotNull());
        message.managedProperty().bind(message.visibleProperty());

        setSpacing(8);
        getChildren().setAll(title, facts, value, collection, notes, actions(holdsCollection), error, message, staleBox());
        getStyleClass().add("cache-details");
    }

    private static boolean isCollection(dev.cruddur.admin.cache.ItemType type) {
        return type != dev.cruddur.admin.cache.ItemType.SCALAR && type != dev.cruddur.admin.cache.ItemType.MISSING;
    }

    private static Label fact(String id, javafx.beans.value.ObservableValue<String> text, String name) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(text.map(t -> t.isEmpty() ? "" : name + " " + t));
        return l;
    }

    private Node actions(javafx.beans.binding.BooleanBinding collection) {
        var noKey = vm.inspectedKeyProperty().isEmpty().or(vm.busyProperty()).or(vm.session().storeProperty().isNull());
        Button delete = new Button("Delete", Icons.of(Material2AL.DELETE_OUTLINE));
        delete.setId("cache-delete");
        delete.getStyleClass().addAll(Styles.DANGER, Styles.SMALL);
        delete.setOnAction(e -> vm.delete());
        delete.disableProperty().bind(noKey);

        Button set = new Button("Set value…", Icons.of(Material2AL.EDIT));
        set.setId("cache-set");
        set.getStyleClass().add(Styles.SMALL);
        set.setOnAction(e -> {
            CacheStore store = vm.session().storeProperty().get();
            long ttl = store == null ? 600 : store.settings().defaultTtl().toSeconds();
            new SetValueDialog(getScene().getWindow(), vm.inspectedKeyProperty().get(), vm.rawValueProperty().get(), ttl)
                    .showAndWait().ifPresent(entry -> vm.set(entry.value(), entry.ttlSeconds()));
        });
        // the scalar edits would replace a collection (Set) or fail on it (Increment): its own edits are in its table
        set.disableProperty().bind(noKey.or(collection));

        HBox incrementGroup = numberAction("cache-increment-amount", "1", 44, new Button("Increment", Icons.of(Material2AL.ADD)),
                "cache-increment", vm::increment, noKey.or(collection));
        // the TTL's field reads in seconds: its unit sits between the field and the button
        HBox ttlGroup = numberAction("cache-ttl-seconds", "600", 60, new Button("Set TTL", Icons.of(Material2AL.ACCESS_TIME)),
                "cache-change-ttl", vm::changeTtl, noKey.or(vm.statusProperty().isNotEqualTo(CacheInspectorViewModel.Status.HIT)));
        ttlGroup.getChildren().add(1, new Label("s"));

        Button stale = new Button("Stale check", Icons.of(Material2AL.COMPARE_ARROWS));
        stale.setId("cache-stale-check");
        stale.getStyleClass().add(Styles.SMALL);
        stale.setOnAction(e -> vm.staleCheck());
        stale.disableProperty().bind(noKey.or(vm.staleCheckableProperty().not()));
        // a disabled button gets no mouse events: the tooltip saying why sits on a holder around it
        StackPane staleHolder = new StackPane(stale);
        staleHolder.setId("cache-stale-check-holder");
        Tooltip staleWhy = new Tooltip();
        staleWhy.textProperty().bind(vm.staleCheckTipProperty());
        Tooltip.install(staleHolder, staleWhy);

        FlowPane row = new FlowPane(14, 6, delete, set, incrementGroup, ttlGroup, staleHolder);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("cache-actions");
        return row;
    }

    /**
     * A whole-number field and the button that applies it: a value that is not one marks the field
     * (until it is edited) instead of reaching the view model.
     */
    private static HBox numberAction(String fieldId, String initial, double width, Button apply, String buttonId,
            java.util.function.LongConsumer action, javafx.beans.value.ObservableBooleanValue disabled) {
        TextField field = new TextField(initial);
        field.setId(fieldId);
        field.setPrefWidth(width);
        field.getStyleClass().add(Styles.SMALL);
        apply.setId(buttonId);
        apply.getStyleClass().add(Styles.SMALL);
        apply.setOnAction(e -> parseLong(field.getText()).ifPresentOrElse(action::accept,
                () -> field.pseudoClassStateChanged(Styles.STATE_DANGER, true)));
        field.textProperty().addListener((o, a, b) -> field.pseudoClassStateChanged(Styles.STATE_DANGER, false));
        apply.disableProperty().bind(disabled);
        HBox group = new HBox(4, field, apply);
        group.setAlignment(Pos.CENTER_LEFT);
        return group;
    }

    private static java.util.Optional<Long> parseLong(String text) {
        try {
            return java.util.Optional.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private Node staleBox() {
        Label verdict = new Label();
        verdict.setId("stale-verdict");
        verdict.setWrapText(true);
        verdict.setMinHeight(Region.USE_PREF_SIZE);
        verdict.getStyleClass().add("stale-verdict");
        verdict.textProperty().bind(vm.staleVerdictProperty());
        vm.staleReportProperty().addListener((o, a, r) -> {
            verdict.getStyleClass().removeAll("differs", "current");
            if (r != null) verdict.getStyleClass().add(r.stale() ? "differs" : "current");
        });
        ListView<String> lines = new ListView<>(vm.staleLines());
        lines.setId("stale-lines");
        lines.getStyleClass().addAll(Styles.DENSE, "cache-mono", "stale-lines");
        lines.setPrefHeight(96);
        lines.setMinHeight(60);
        lines.visibleProperty().bind(Bindings.isNotEmpty(vm.staleLines()));
        lines.managedProperty().bind(lines.visibleProperty());
        VBox box = new VBox(6, verdict, lines);
        box.visibleProperty().bind(vm.staleVerdictProperty().isNotEmpty());
        box.managedProperty().bind(box.visibleProperty());
        box.getStyleClass().add("stale-box");
        return box;
    }
}
