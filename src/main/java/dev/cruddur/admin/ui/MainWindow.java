package dev.cruddur.admin.ui;

import dev.cruddur.admin.ui.shell.WindowSession;
import atlantafx.base.theme.Styles;
import dev.cruddur.admin.ui.common.Banner;
import dev.cruddur.admin.ui.common.Icons;
import dev.cruddur.admin.ui.common.Themes;
import dev.cruddur.admin.ui.connect.ConnectionsDialog;
import dev.cruddur.admin.ui.connect.ConnectionsViewModel;
import dev.cruddur.admin.ui.setup.TableSetupView;
import dev.cruddur.admin.ui.shell.AppPane;
import dev.cruddur.admin.ui.shell.DialogKeys;
import dev.cruddur.admin.ui.shell.NavigationRail;
import dev.cruddur.admin.ui.shell.PaneView;
import dev.cruddur.admin.ui.shell.StatusBar;
import dev.cruddur.admin.ui.shell.TopBar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The window: top bar, rail, the selected pane (or the connection's state), status bar, shortcuts. */
public final class MainWindow {
    private final MainViewModel vm;
    private final ConnectionsViewModel connections;
    private final BorderPane root = new BorderPane();
    private final BorderPane paneHolder = new BorderPane();
    private final Map<String, PaneView> built = new LinkedHashMap<>();
    private final List<AppPane> panes;
    private final TopBar topBar;
    private final NavigationRail rail;
    private final Scene scene;
    private PaneView current;

    public MainWindow(MainViewModel vm, ConnectionsViewModel connections, double width, double height) {
        this.vm = vm;
        this.panes = AppPanes.all(vm);
        this.connections = connections;
        root.getStyleClass().add("main-window");
        topBar = new TopBar(vm, this::openConnections);
        root.setTop(topBar);
        rail = new NavigationRail(panes, this::select);
        root.setLeft(rail);
        root.setBottom(new StatusBar(vm));

        Banner notice = new Banner("notice").bind(vm.noticeProperty(), new SimpleBooleanProperty(false), () -> {}, vm::dismissNotice);
        var errorShown = Bindings.createStringBinding(
                () -> vm.stateProperty().get() == WindowSession.State.UNREACHABLE ? null : vm.connectionErrorProperty().get(),
                vm.stateProperty(), vm.connectionErrorProperty());
        Banner error = new Banner("connection-error").bind(errorShown, new SimpleBooleanProperty(true), vm::refresh, vm::dismissConnectionError);
        VBox banners = new VBox(notice, error);
        banners.getStyleClass().add("window-banners");

        StackPane center = new StackPane(paneHolder, new TableSetupView(vm), connecting(), unreachable());
        center.getChildren().get(0).visibleProperty().bind(vm.stateProperty().isEqualTo(WindowSession.State.READY));
        center.getChildren().get(1).visibleProperty().bind(vm.stateProperty().isEqualTo(WindowSession.State.NO_TABLE));
        center.getChildren().get(2).visibleProperty().bind(vm.stateProperty().isEqualTo(WindowSession.State.CONNECTING)
                .or(vm.stateProperty().isEqualTo(WindowSession.State.IDLE)));
        center.getChildren().get(3).visibleProperty().bind(vm.stateProperty().isEqualTo(WindowSession.State.UNREACHABLE));
        root.setCenter(new BorderPane(center, banners, null, null, null));
        if (!panes.isEmpty()) select(panes.get(0));

        scene = new Scene(root, width, height);
        scene.getStylesheets().add(Themes.appStylesheet());
        var a = scene.getAccelerators();
        a.put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> current().find());
        a.put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), () -> current().createNew());
        a.put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), this::openConnections);
        a.put(new KeyCodeCombination(KeyCode.F5), vm::refresh);
        a.put(new KeyCodeCombination(KeyCode.U, KeyCombination.SHORTCUT_DOWN), topBar::showViewerPicker);
        a.put(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), this::quit);
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5, KeyCode.DIGIT6};
        for (int i = 0; i < Math.min(digits.length, panes.size()); i++) {
            int index = i;
            a.put(new KeyCodeCombination(digits[i], KeyCombination.SHORTCUT_DOWN), () -> rail.select(index));
        }
        DialogKeys.follow(scene, this::quit);
    }

    /**
     * Ctrl+Q: closes every window of the app, the main one last. Its hiding shuts the session
     * down, and with the last window gone JavaFX's implicit exit ends the app (a test, which turns
     * implicit exit off, sees the closed window and keeps its JVM).
     */
    public void quit() {
        javafx.stage.Window main = scene.getWindow();
        for (javafx.stage.Window w : List.copyOf(javafx.stage.Window.getWindows())) {
            if (w != main) w.hide();
        }
        if (main != null) main.hide();
    }

    private PaneView current() {
        return current == null ? () -> paneHolder : current;
    }

    private void select(AppPane pane) {
        current = built.computeIfAbsent(pane.id(), id -> linked(pane.view().get()));
        paneHolder.setCenter(current.node());
    }

    /** Links between panes, made here because no pane knows another: a message opened in the Browser or the Time pane. */
    private PaneView linked(PaneView view) {
        if (view instanceof dev.cruddur.admin.ui.conversations.ConversationsPane conversations) {
            conversations.transcriptView().setOnOpenInBrowser(m -> {
                dev.cruddur.admin.ui.browser.BrowserPane browser = (dev.cruddur.admin.ui.browser.BrowserPane) show("browser");
                browser.tabs().getSelectionModel().select(0);
                browser.itemsView().openItem(dev.cruddur.admin.domain.TableKeys.MESSAGE_PREFIX + m.groupUuid(), m.createdAt().raw());
            });
            conversations.transcriptView().setOnOpenTimestamp(value -> {
                dev.cruddur.admin.ui.time.TimePane time = (dev.cruddur.admin.ui.time.TimePane) show("time");
                time.showConversion();
                time.conversion().inputProperty().set(value);
            });
        }
        return view;
    }

    /** Selects a pane by id, as its rail button would, and returns it. */
    private PaneView show(String id) {
        for (int i = 0; i < panes.size(); i++) {
            if (panes.get(i).id().equals(id)) rail.select(i);
        }
        return built.get(id);
    }

    private VBox connecting() {
        ProgressIndicator spinner = new ProgressIndicator(-1);
        spinner.setPrefSize(36, 36);
        Label text = new Label();
        text.getStyleClass().add(Styles.TEXT_MUTED);
        text.textProperty().bind(vm.whereProperty().map(w -> "Connecting to " + w + "…"));
        VBox box = new VBox(12, spinner, text);
        box.setId("connecting");
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private VBox unreachable() {
        Label title = new Label("Cannot open this connection");
        title.getStyleClass().add(Styles.TITLE_3);
        Label reason = new Label();
        reason.setId("unreachable-reason");
        reason.setWrapText(true);
        reason.setMaxWidth(520);
        reason.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        reason.textProperty().bind(vm.connectionErrorProperty());
        Button retry = new Button("Retry", Icons.of(Material2MZ.REFRESH));
        retry.setId("retry-connection");
        retry.getStyleClass().add(Styles.ACCENT);
        retry.setOnAction(e -> vm.retryConnection());
        Button other = new Button("Connections…", Icons.of(Material2MZ.SETTINGS_ETHERNET));
        other.setOnAction(e -> openConnections());
        HBox buttons = new HBox(10, retry, other);
        buttons.setAlignment(Pos.CENTER);
        VBox box = new VBox(12, Icons.of(Material2AL.CLOUD_OFF, 48), title, reason, buttons);
        box.setId("unreachable");
        box.getStyleClass().add("empty-state");
        box.setAlignment(Pos.CENTER);
        return box;
    }

    public void openConnections() {
        new ConnectionsDialog(connections, scene.getWindow()).show();
    }

    public Scene scene() {
        return scene;
    }

    public TopBar topBar() {
        return topBar;
    }

    /** A built pane by id (built on first selection). */
    public PaneView pane(String id) {
        return built.get(id);
    }
}
