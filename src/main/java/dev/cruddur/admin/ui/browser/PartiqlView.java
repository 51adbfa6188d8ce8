package dev.cruddur.admin.ui.browser;

import atlantafx.base.theme.Styles;
import dev.cruddur.admin.app.browse.PartiqlStatements;
import dev.cruddur.admin.ui.common.Copied;
import dev.cruddur.admin.ui.common.Icons;
import dev.cruddur.admin.ui.common.SpareWidth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The PartiQL tab: the statement in a plain TextArea with a coloured preview under it (a TextFlow built
 * from the engine's own tokens, so no rich-text library is needed), parameters, history, Run (Ctrl+Enter),
 * completions (Ctrl+Space), "copy as", and the results in the item grid's cells, paged as the grid pages.
 */
public final class PartiqlView extends VBox {
    static final KeyCombination RUN = KeyCombination.keyCombination("Shortcut+Enter");
    static final KeyCombination COMPLETE = KeyCombination.keyCombination("Shortcut+Space");

    private final PartiqlViewModel vm;
    private final TextArea editor = new TextArea();
    private final TextFlow preview = new TextFlow();
    private final TableView<ItemBrowserViewModel.Row> table = new TableView<>();
    private final ContextMenu completions = new ContextMenu();

    PartiqlView(PartiqlViewModel vm) {
        this.vm = vm;
        getStyleClass().add("partiql-tab");
        setId("partiql-tab");
        buildTable();
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(statementPanel(), actionBar(), table);
    }

    private VBox statementPanel() {
        editor.setId("partiql-statement");
        editor.getStyleClass().add("partiql-editor");
        editor.setPrefRowCount(4);
        editor.setMinHeight(86); // four lines even when the window is short: the grid gives way, not the statement
        editor.setWrapText(true);
        editor.setPromptText("SELECT * FROM \"cruddur-messages\" WHERE pk = ? AND begins_with(sk, '2023')");
        editor.textProperty().bindBidirectional(vm.statementProperty());
        editor.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (RUN.match(e)) {
                vm.run();
                e.consume();
            } else if (COMPLETE.match(e)) {
                showCompletions();
                e.consume();
            }
        });
        preview.setId("partiql-preview");
        preview.getStyleClass().add("partiql-preview");
        vm.statementProperty().addListener((o, a, text) -> colour(text));
        colour(vm.statementProperty().get());

        TextArea params = new TextArea();
        params.setId("partiql-parameters");
        params.getStyleClass().add("partiql-parameters");
        params.setPrefRowCount(2);
        params.setMinHeight(48);
        params.setPromptText("Parameters for ?, one a line: \"text\", 5, true, or DynamoDB JSON {\"S\":\"text\"}");
        params.textProperty().bindBidirectional(vm.parametersProperty());

        Label error = new Label();
        error.setId("partiql-error");
        error.getStyleClass().addAll(Styles.DANGER, "partiql-error");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        Label hint = new Label("Ctrl+Enter runs · Ctrl+Space completes table and attribute names");
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        VBox panel = new VBox(6, editor, preview, error, params, hint);
        panel.getStyleClass().add("query-form");
        return panel;
    }

    /** The preview: one Text a token, its style class naming its kind; the gaps between tokens kept as they are. */
    private void colour(String text) {
        List<Text> parts = new ArrayList<>();
        int at = 0;
        String s = text == null ? "" : text;
        for (PartiqlStatements.StatementToken t : PartiqlStatements.tokens(s)) {
            if (t.start() > at) parts.add(new Text(s.substring(at, t.start())));
            Text token = new Text(s.substring(t.start(), t.end()));
            token.getStyleClass().addAll("partiql-token", "partiql-" + t.kind().name().toLowerCase(java.util.Locale.ROOT));
            parts.add(token);
            at = t.end();
        }
        if (at < s.length()) parts.add(new Text(s.substring(at)));
        for (Text part : parts) if (part.getStyleClass().isEmpty() || !part.getStyleClass().contains("partiql-token")) part.getStyleClass().add("partiql-plain");
        preview.getChildren().setAll(parts);
    }

    /** Names seen that start with the word before the caret, in a menu under the editor. */
    void showCompletions() {
        int caret = editor.getCaretPosition();
        String text = editor.getText();
        int start = caret;
        while (start > 0 && (Character.isLetterOrDigit(text.charAt(start - 1)) || "_-.".indexOf(text.charAt(start - 1)) >= 0)) start--;
        int from = start;
        List<MenuItem> items = new ArrayList<>();
        for (String name : vm.completions(text.substring(start, caret))) {
            MenuItem item = new MenuItem(name);
            item.getStyleClass().add("partiql-completion");
            item.setOnAction(e -> {
                boolean quote = !name.matches("[A-Za-z_][A-Za-z0-9_]*");
                editor.replaceText(from, caret, quote ? "\"" + name + "\"" : name);
            });
            items.add(item);
        }
        completions.getItems().setAll(items);
        completions.setId("partiql-completions");
        if (!items.isEmpty()) completions.show(editor, Side.BOTTOM, 12, -editor.getHeight() / 2);
    }

    ContextMenu completionsMenu() { return completions; }

    private HBox actionBar() {
        Button run = new Button("Run", Icons.of(Material2MZ.PLAY_ARROW));
        run.setId("partiql-run");
        run.getStyleClass().add(Styles.ACCENT);
        run.setTooltip(new javafx.scene.control.Tooltip("Run the statement (Ctrl+Enter)"));
        run.disableProperty().bind(vm.connectedProperty().not().or(vm.loadingProperty()));
        run.setOnAction(e -> vm.run());
        Button more = new Button("Load more", Icons.of(Material2AL.EXPAND_MORE));
        more.setId("partiql-load-more");
        more.disableProperty().bind(vm.hasMoreProperty().not().or(vm.loadingProperty()));
        more.setOnAction(e -> vm.loadMore());
        Label summary = new Label();
        summary.setId("partiql-summary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(vm.summaryProperty());
        summary.setMinWidth(0);

        MenuButton history = new MenuButton("History", Icons.of(Material2AL.HISTORY));
        history.setId("partiql-history");
        Runnable listHistory = () -> history.getItems().setAll(vm.history().stream().map(past -> {
            MenuItem item = new MenuItem(past.replaceAll("\\s+", " "));
            item.getStyleClass().add("partiql-history-item");
            item.setMnemonicParsing(false);
            item.setOnAction(e -> vm.recall(past));
            return item;
        }).toList());
        vm.history().addListener((ListChangeListener<String>) c -> listHistory.run());
        listHistory.run();
        history.disableProperty().bind(Bindings.isEmpty(vm.history()));

        Map<PartiqlViewModel.CopyKind, String> labels = new java.util.LinkedHashMap<>();
        labels.put(PartiqlViewModel.CopyKind.AWS_CLI, "AWS CLI command");
        labels.put(PartiqlViewModel.CopyKind.JAVA, "Java SDK v2 code");
        labels.put(PartiqlViewModel.CopyKind.BOTO3, "Python boto3 script");
        labels.put(PartiqlViewModel.CopyKind.JAVASCRIPT, "JavaScript (AWS SDK v3)");
        MenuButton copy = new MenuButton("Copy as", Icons.of(Material2AL.CONTENT_PASTE));
        copy.setId("partiql-copy-as");
        labels.forEach((kind, label) -> {
            MenuItem item = new MenuItem(label, Icons.of(Material2AL.CODE));
            item.setId("partiql-copy-" + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            item.setOnAction(e -> {
                vm.copyAs(kind);
                if (vm.copiedProperty().get() != null) Copied.copy(vm.copiedProperty().get(), "Copied as " + label, copy);
            });
            copy.getItems().add(item);
        });
        copy.disableProperty().bind(vm.connectedProperty().not());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, run, summary, more, spacer, history, copy);
        bar.getStyleClass().add("browser-actions");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private void buildTable() {
        table.setId("partiql-results");
        table.setItems(vm.rows());
        table.getStyleClass().addAll(Styles.DENSE, "browser-results");
        // unconstrained widths that scroll sideways; a wide window shows more of the message, not an empty strip
        SpareWidth.giveTo(table, "message");
        Label empty = new Label();
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        empty.textProperty().bind(Bindings.createStringBinding(() -> vm.loadingProperty().get() ? "Running…"
                : !vm.connectedProperty().get() ? "Not connected." : "No items: run a statement.", vm.loadingProperty(), vm.connectedProperty()));
        table.setPlaceholder(empty);
        vm.columns().addListener((ListChangeListener<String>) c -> showColumns());
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ItemBrowserViewModel.Row item, boolean isEmpty) {
                super.updateItem(item, isEmpty);
                // scrolling to the last row asks for the next page, as in the Items tab
                if (!isEmpty && getIndex() == vm.rows().size() - 1 && vm.hasMoreProperty().get() && !vm.loadingProperty().get()) vm.loadMore();
            }
        });
    }

    private void showColumns() {
        ResultColumns.show(table, vm.columns(), name -> ResultColumns.column("partiql-column-" + name, name,
                name.equals("sk") ? 300 : name.equals("pk") ? 240 : name.equals("message") ? 260 : 160, () -> vm.zoneProperty().get()));
    }

    TableView<ItemBrowserViewModel.Row> resultsTable() { return table; }
    TextArea editor() { return editor; }
    TextFlow preview() { return preview; }

    void focusEditor() {
        editor.requestFocus();
    }

}
