package dev.cruddur.admin.ui.time;

import dev.cruddur.admin.app.connect.ConnectionProfiles;
import dev.cruddur.admin.app.time.TimePanePreferences;
import dev.cruddur.admin.ui.shell.WindowSession;
import dev.cruddur.admin.ui.shell.PaneView;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/** Time pane: the conversion panel and the sort-key linter, one tab each. */
public final class TimePane implements PaneView {
    public static final String STYLESHEET = "/dev/cruddur/admin/ui/time/time.css";
    private final TabPane tabs = new TabPane();
    private final TimeConversionViewModel conversion;
    private final SortKeyLintViewModel lint;
    private final TimeConversionView conversionView;
    private final DatabaseAnswersViewModel database;
    private final SortKeyLintView lintView;

    /** The zones are remembered in the config directory ({@code $XDG_CONFIG_HOME/cruddur-admin}). */
    public TimePane(WindowSession main) {
        this(main, ConnectionProfiles.configDir(System.getenv(), System.getProperties()));
    }

    public TimePane(WindowSession main, Path configDir) {
        conversion = new TimeConversionViewModel(main.tasks(), main.clock(), new TimePanePreferences(configDir),
                main.selectedMessageProperty().map(m -> m.createdAt().raw()));
        lint = new SortKeyLintViewModel(main.tasks(), main::session, main.clock());
        main.profileProperty().addListener((o, a, b) -> lint.clear());
        conversionView = new TimeConversionView(conversion);
        database = new DatabaseAnswersViewModel(main.tasks(), main::session, conversion.parsedProperty(), conversion.displayZones());
        main.profileProperty().addListener((o, a, b) -> database.clear());
        main.stateProperty().addListener((o, a, b) -> database.clear());
        lintView = new SortKeyLintView(lint);
        DatabaseAnswersView databaseView = new DatabaseAnswersView(database);
        databaseView.setPadding(new javafx.geometry.Insets(0, 12, 10, 12));
        javafx.scene.layout.VBox convertBox = new javafx.scene.layout.VBox(conversionView, databaseView);
        javafx.scene.layout.VBox.setVgrow(conversionView, javafx.scene.layout.Priority.ALWAYS);
        convertBox.getStyleClass().add("time-conversion");
        Tab convert = new Tab("Convert", convertBox);
        convert.setId("time-tab-convert");
        Tab linter = new Tab("Sort-key lint", lintView);
        linter.setId("time-tab-lint");
        tabs.getTabs().addAll(convert, linter);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("time-pane");
        tabs.getStyleClass().add("time-pane");
        tabs.getStylesheets().add(TimePane.class.getResource(STYLESHEET).toExternalForm());
    }

    @Override
    public Node node() {
        return tabs;
    }

    /** Ctrl+F: the input. */
    @Override
    public void find() {
        tabs.getSelectionModel().select(0);
        conversionView.focusInput();
    }

    public void showLint() {
        tabs.getSelectionModel().select(1);
    }

    public void showConversion() {
        tabs.getSelectionModel().select(0);
    }

    public TimeConversionViewModel conversion() { return conversion; }
    public DatabaseAnswersViewModel database() { return database; }
    public SortKeyLintViewModel lint() { return lint; }
    public TimeConversionView conversionView() { return conversionView; }
    public SortKeyLintView lintView() { return lintView; }
}
