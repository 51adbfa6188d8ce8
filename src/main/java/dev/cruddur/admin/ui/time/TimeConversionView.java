package dev.cruddur.admin.ui.time;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import dev.cruddur.admin.time.RenderedForm;
import dev.cruddur.admin.time.SeedAnswer;
import dev.cruddur.admin.ui.common.Icons;
import java.time.ZoneId;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The conversion panel: the input at the top (with Now, the selected message's sk, and the zone
 * naive values are read in), what was recognised, the grid of every form with a copy button per
 * row beside the display zones, and the questions of Cruddur's week-5 notes answered at the bottom.
 */
public final class TimeConversionView extends VBox {
    private final TimeConversionViewModel vm;
    private final CustomTextField input = new CustomTextField();
    private final TableView<RenderedForm> grid = new TableView<>();
    private final ZonePicker assumedZone = new ZonePicker("time-assumed-zone", "Zone for naive values");
    private final ZonePicker addZone = new ZonePicker("time-add-zone", "Add a zone…");
    private final ListView<ZoneId> zones = new ListView<>();
    private final Label copied = new Label();
    private final Button selectedSk = new Button("Selected message's sk", Icons.of(Material2AL.CHAT_BUBBLE_OUTLINE));

    public TimeConversionView(TimeConversionViewModel vm) {
        this.vm = vm;
        getStyleClass().add("time-conversion");
        setSpacing(10);
        setPadding(new Insets(12));

        // the input row
        input.setId("time-input");
        input.setPromptText("Paste a timestamp: psql, a log line's time, a DynamoDB sk, an HTTP date, epoch…");
        input.setLeft(Icons.of(Material2MZ.SCHEDULE));
        input.textProperty().bindBidirectional(vm.inputProperty());
        HBox.setHgrow(input, Priority.ALWAYS);
        Button now = new Button("Now", Icons.of(Material2AL.ACCESS_TIME));
        now.setId("time-now");
        now.setTooltip(new Tooltip("The current instant as a canonical sort key"));
        now.setOnAction(e -> vm.useNow());
        selectedSk.setId("time-selected-sk");
        selectedSk.setTooltip(new Tooltip("The sort key of the message selected in the Conversations pane"));
        selectedSk.setOnAction(e -> vm.useSelectedSortKey());
        selectedSk.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.selectedSortKey().getValue() == null,
                vm.selectedSortKey()));
        Label readIn = new Label("Naive values in");
        readIn.getStyleClass().add(Styles.TEXT_MUTED);
        readIn.setMinWidth(Region.USE_PREF_SIZE);
        assumedZone.setPrefWidth(210);
        assumedZone.show(vm.assumedZoneProperty().get());
        assumedZone.setOnPick(z -> vm.assumedZoneProperty().set(z));
        vm.assumedZoneProperty().addListener((o, a, z) -> assumedZone.show(z));
        for (Button b : new Button[] {now, selectedSk}) b.setMinWidth(Region.USE_PREF_SIZE);
        HBox inputRow = new HBox(8, input, now, selectedSk, readIn, assumedZone);
        inputRow.setAlignment(Pos.CENTER_LEFT);

        // what was recognised, or why not
        Label recognised = new Label();
        recognised.setId("time-recognised");
        recognised.getStyleClass().add(Styles.TEXT_BOLD);
        recognised.setWrapText(true);
        recognised.textProperty().bind(vm.recognisedProperty().map(s -> s.isEmpty() ? "" : "Recognised: " + s));
        showWhenText(recognised);
        Label guess = new Label();
        guess.setId("time-guess");
        guess.getStyleClass().add(Styles.TEXT_MUTED);
        guess.setWrapText(true);
        guess.textProperty().bind(vm.guessProperty().map(s -> s.isEmpty() ? "" : "Guess: " + s));
        showWhenText(guess);
        Label dst = new Label();
        dst.setId("time-dst");
        dst.getStyleClass().add("time-dst");
        dst.setGraphic(Icons.of(Material2AL.INFO, 16));
        dst.setWrapText(true);
        dst.textProperty().bind(vm.dstNoteProperty());
        showWhenText(dst);
        Label error = new Label();
        error.setId("time-error");
        error.getStyleClass().add(Styles.DANGER);
        error.setGraphic(Icons.of(Material2AL.ERROR_OUTLINE, 16));
        error.setWrapText(true);
        error.textProperty().bind(Bindings.createStringBinding(() -> vm.errorProperty().get().isEmpty() ? ""
                : vm.errorProperty().get() + (vm.staleProperty().get() ? "  (the grid still shows the last valid value)" : ""),
                vm.errorProperty(), vm.staleProperty()));
        showWhenText(error);
        Label notice = new Label();
        notice.setId("time-notice");
        notice.getStyleClass().add(Styles.TEXT_MUTED);
        notice.setWrapText(true);
        notice.textProperty().bind(vm.noticeProperty());
        showWhenText(notice);
        VBox about = new VBox(4, recognised, guess, dst, error, notice);

        // the grid
        grid.setId("time-grid");
        grid.getStyleClass().addAll(Styles.DENSE, "time-grid");
        grid.setItems(vm.forms());
        grid.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        TableColumn<RenderedForm, String> label = new TableColumn<>("Form");
        label.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().label()));
        label.setPrefWidth(310);
        label.setSortable(false);
        TableColumn<RenderedForm, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().value()));
        value.setCellFactory(c -> new TableCell<>() {
            private final Tooltip whole = new Tooltip();
            private final Label shownValue = new Label();
            private final Label note = new Label();
            private final VBox both = new VBox(1, shownValue, note);

            {
                note.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED, "time-form-note");
                note.setStyle("-fx-font-family: \"System\";"); // words, not a value: not the value column's monospace
                note.setMinWidth(0); // one line; the whole note is in the row's tooltip
            }

            @Override
            protected void updateItem(String v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty ? null : v);
                // a value that would surprise gets its one-line why under it
                RenderedForm form = empty || getIndex() < 0 || getIndex() >= getTableView().getItems().size() ? null
                        : getTableView().getItems().get(getIndex());
                boolean explained = form != null && !form.note().isEmpty();
                note.setText(explained ? form.note() : "");
                shownValue.setText(explained ? v : null);
                if (explained) setText(null);
                setGraphic(explained ? both : null);
                whole.setText(explained ? v + "\n" + form.note() : v);
                setTooltip(empty || v == null || (v.length() < 40 && !explained) ? null : whole); // long values may be cut
                if (!getStyleClass().contains("time-value")) getStyleClass().add("time-value");
            }
        });
        // the value takes what the label and the copy button leave (less the scroll bar)
        value.prefWidthProperty().bind(grid.widthProperty().subtract(310 + 48 + 18));
        value.setSortable(false);
        TableColumn<RenderedForm, RenderedForm> copy = new TableColumn<>("");
        copy.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        copy.setCellFactory(c -> new CopyCell());
        copy.setPrefWidth(48);
        copy.setMinWidth(48);
        copy.setMaxWidth(48);
        copy.setSortable(false);
        // a blank header reads as a broken column: the icon says what the column's buttons do
        Label copyHeader = new Label(null, Icons.of(Material2AL.CONTENT_COPY));
        copyHeader.setTooltip(new Tooltip("Copy a form's value"));
        copy.setGraphic(copyHeader);
        grid.getColumns().setAll(java.util.List.of(label, value, copy));
        Label empty = new Label("Type or paste a timestamp above, or press Now.");
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        grid.setPlaceholder(empty);
        vm.staleProperty().addListener((o, a, s) -> {
            if (s) grid.getStyleClass().add("stale");
            else grid.getStyleClass().remove("stale");
        });
        HBox.setHgrow(grid, Priority.ALWAYS);

        // the display zones
        Label zonesTitle = new Label("Display zones");
        zonesTitle.getStyleClass().add(Styles.TEXT_BOLD);
        addZone.setClearAfterPick(true);
        addZone.setMaxWidth(Double.MAX_VALUE);
        addZone.setOnPick(vm::addDisplayZone);
        addZone.show(null);
        zones.setId("time-zones");
        zones.getStyleClass().add(Styles.DENSE);
        zones.setItems(vm.displayZones());
        zones.setCellFactory(v -> new ZoneCell());
        Label noZones = new Label("Only UTC is shown.");
        noZones.getStyleClass().add(Styles.TEXT_MUTED);
        zones.setPlaceholder(noZones);
        VBox.setVgrow(zones, Priority.ALWAYS);
        copied.setId("time-copied");
        copied.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        copied.setWrapText(true);
        VBox zoneBox = new VBox(6, zonesTitle, addZone, zones, copied);
        zoneBox.setPrefWidth(240);
        zoneBox.setMinWidth(200);
        grid.setMinHeight(200); // six forms stay in view at 1024x700
        HBox middle = new HBox(10, grid, zoneBox);
        VBox.setVgrow(middle, Priority.ALWAYS);

        // the Timezones questions of Cruddur's week-5 notes
        Label answersTitle = new Label("Questions from Cruddur's week-5 notes, answered for this value");
        answersTitle.setId("time-answers-title");
        answersTitle.getStyleClass().add(Styles.TEXT_BOLD);
        VBox answers = new VBox(6);
        answers.setId("time-answers");
        answers.getStyleClass().add("time-answers");
        Runnable fill = () -> {
            answers.getChildren().clear();
            for (SeedAnswer a : vm.answers()) {
                Label q = new Label(a.question());
                q.getStyleClass().addAll(Styles.TEXT_SMALL, "time-question");
                q.setWrapText(true);
                Label ans = new Label(withoutBackticks(a.answer()));
                ans.getStyleClass().add("time-answer");
                ans.setWrapText(true);
                answers.getChildren().add(new VBox(1, q, ans));
            }
            if (vm.answers().isEmpty()) {
                Label none = new Label("Answers appear for a valid value.");
                none.getStyleClass().add(Styles.TEXT_MUTED);
                answers.getChildren().add(none);
            }
        };
        vm.answers().addListener((ListChangeListener<SeedAnswer>) c -> fill.run());
        fill.run();
        ScrollPane answersScroll = new ScrollPane(answers);
        answersScroll.setFitToWidth(true);
        answersScroll.setPrefViewportHeight(190);
        // in a short window the forms come first: the notes and the database's answers scroll in less
        answersScroll.setMinHeight(72);
        answersScroll.getStyleClass().add("time-answers-scroll");
        VBox bottom = new VBox(6, answersTitle, answersScroll);

        getChildren().addAll(inputRow, about, middle, bottom);
    }

    /** The answers mark code with backticks (the CLI prints them as Markdown); the pane shows the code plainly. */
    static String withoutBackticks(String text) {
        return text.replaceAll("`([^`]*)`", "$1");
    }

    private static void showWhenText(Label l) {
        l.setMinHeight(Region.USE_PREF_SIZE); // wrap rather than be cut to one line when the pane is short
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
    }

    /** Puts {@code form}'s value on the clipboard and says so, beside {@code clicked} (the row's copy button) and under the zones. */
    void copy(RenderedForm form, javafx.scene.Node clicked) {
        dev.cruddur.admin.ui.common.Copied.copy(form.value(), "Copied " + form.label(), clicked);
        copied.setText("Copied " + form.label() + ": " + form.value());
    }

    public void focusInput() {
        input.requestFocus();
        input.selectAll();
    }

    public CustomTextField input() { return input; }
    public TableView<RenderedForm> grid() { return grid; }
    ZonePicker assumedZonePicker() { return assumedZone; }
    ZonePicker addZonePicker() { return addZone; }
    public ListView<ZoneId> zones() { return zones; }
    public Label copiedLabel() { return copied; }

    private final class CopyCell extends TableCell<RenderedForm, RenderedForm> {
        private final Button button = new Button(null, Icons.of(Material2AL.CONTENT_COPY, 14));

        CopyCell() {
            button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL, "copy-button");
            button.setTooltip(new Tooltip("Copy this value"));
            button.setOnAction(e -> {
                if (getItem() != null) copy(getItem(), button);
            });
            setAlignment(Pos.CENTER);
        }

        @Override
        protected void updateItem(RenderedForm form, boolean empty) {
            super.updateItem(form, empty);
            setText(null);
            setGraphic(empty || form == null ? null : button);
            button.setUserData(form == null ? null : form.label());
        }
    }

    private final class ZoneCell extends ListCell<ZoneId> {
        private final Label name = new Label();
        private final Button remove = new Button(null, Icons.of(Material2AL.CLOSE, 14));
        private final HBox row;

        ZoneCell() {
            remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL, "remove-zone");
            remove.setTooltip(new Tooltip("Stop showing this zone"));
            remove.setOnAction(e -> {
                if (getItem() != null) vm.removeDisplayZone(getItem());
            });
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            row = new HBox(6, name, spacer, remove);
            row.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(ZoneId zone, boolean empty) {
            super.updateItem(zone, empty);
            setText(null);
            if (empty || zone == null) {
                setGraphic(null);
                return;
            }
            name.setText(zone.getId());
            remove.setUserData(zone.getId());
            setGraphic(row);
        }
    }
}
