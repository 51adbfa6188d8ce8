package dev.cruddur.admin.ui;

import static dev.cruddur.admin.ui.FxHarness.onFx;
import static dev.cruddur.admin.ui.FxHarness.runFx;
import static dev.cruddur.admin.ui.FxHarness.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.app.connect.ConnectionProfile;
import dev.cruddur.admin.engine.EmbeddedDynamo;
import dev.cruddur.admin.engine.EngineConfig;
import dev.cruddur.admin.store.DynamoTarget;
import dev.cruddur.admin.store.Seeder;
import dev.cruddur.admin.ui.shell.WindowSession;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Cell;
import javafx.scene.control.Labeled;
import javafx.scene.control.TitledPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window from its smallest supported size, 1024x700, to 2560x1440: no button, toggle or menu button of any
 * pane shows less than its text (JavaFX's labeled skin puts the ellipsized string in its Text
 * node, so a clipped control is one whose Text differs from getText()).
 */
@Timeout(120)
class WindowAtEverySizeTest {
    private static final String TABLE = "cruddur-messages";
    private static EmbeddedDynamo engine;

    @TempDir
    Path config;
    private Stage stage;

    @BeforeAll
    static void start() {
        // Monocle's headless screen is 1280x800 unless told: the largest window checked must fit on it
        if (System.getProperty("headless.geometry") == null) System.setProperty("headless.geometry", "2560x1440-32");
        FxHarness.startHeadless();
        engine = EmbeddedDynamo.start(EngineConfig.inMemory());
        try (DirectMessages dm = DirectMessages.open(DynamoTarget.endpoint(engine.endpoint(), TABLE))) {
            dm.schema().create();
            dm.seeder().seedFixture(Clock.systemUTC().instant(), Seeder.Progress.NONE);
        }
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @AfterEach
    void close() {
        if (stage != null) runFx(stage::close);
        FxHarness.closeAllWindows();
    }

    private DesktopApp.Assembled open(double width, double height, boolean dark) {
        FxHarness.closeAllWindows();
        stage = onFx(Stage::new);
        DesktopApp.Assembled app = onFx(() -> DesktopApp.assemble(stage, new DesktopApp.Settings(config,
                Optional.of(ConnectionProfile.local("Embedded test", engine.endpoint().toString(), TABLE)),
                Optional.of("andrewbrown"), Clock.systemUTC(), ZoneOffset.UTC, dark, width, height)));
        waitFor("ready", 30, () -> app.main().stateProperty().get() == WindowSession.State.READY);
        return app;
    }

    @Test
    void noToolbarControlIsNarrowerThanItsTextAt1024x700() {
        for (boolean dark : new boolean[] {false, true}) {
            DesktopApp.Assembled app = open(1024, 700, dark);
            List<String> clipped = new ArrayList<>();
            for (String pane : List.of("conversations", "cache", "time", "browser")) {
                runFx(() -> ((ButtonBase) stage.getScene().lookup("#nav-" + pane)).fire());
                if (pane.equals("conversations")) {
                    var conversations = app.main().conversations();
                    waitFor("listed", 20, () -> !conversations.shown().isEmpty());
                    runFx(() -> conversations.selectedProperty().set(conversations.shown().get(0)));
                    waitFor("a conversation open", 20, () -> !app.main().transcript().entries().isEmpty());
                }
                FxHarness.settle();
                clipped.addAll(onFx(() -> clippedControls(stage.getScene().getRoot()).stream().map(s -> pane + ": " + s).toList()));
            }
            assertThat(clipped).as("controls showing less than their text (%s)", dark ? "dark" : "light").isEmpty();
            runFx(stage::close);
        }
    }

    /**
     * Every pane in each state a user meets it in and every dialog filled in (the screenshot
     * matrix's tour), light and dark, at the smallest and the largest size the layouts hold at:
     * no control shows less than its text, no dialog is larger than the window.
     */
    @Test
    @Timeout(900)
    void noPaneStateOrDialogShowsLessThanItsTextFrom1024x700To2560x1440() throws Exception {
        List<String> clipped = new ArrayList<>();
        try (WindowTour tour = WindowTour.open()) {
            int[][] sizes = {{1024, 700}, {2560, 1440}};
            for (int walk = 0; walk < 2 * sizes.length; walk++) {
                int[] size = sizes[walk / 2];
                boolean dark = walk % 2 == 1;
                String theme = size[0] + "x" + size[1] + " " + (dark ? "dark" : "light");
                tour.walk(size[0], size[1], dark, new WindowTour.Sight() {
                    @Override
                    public void pane(String what, Scene window) {
                        clipped.addAll(onFx(() -> clippedControls(window.getRoot())).stream().map(s -> theme + " " + what + ": " + s).toList());
                    }

                    @Override
                    public void dialog(String what, Scene window, Scene dialog) {
                        pane(what, dialog);
                        if (dialog.getWidth() > window.getWidth() || dialog.getHeight() > window.getHeight()) {
                            clipped.add(theme + " " + what + ": the dialog (" + dialog.getWidth() + "x" + dialog.getHeight() + ") is larger than the window");
                        }
                    }
                });
            }
        }
        assertThat(clipped).as("controls showing less than their text, dialogs larger than the window").isEmpty();
    }

    /** Labels shown whole even though they carry a tooltip: the Items tab's status line (items, scanned, pages, capacity). */
    private static final java.util.Set<String> SHOWN_WHOLE = java.util.Set.of("browser-summary");

    /** Visible buttons, toggles, menu buttons and labels without a tooltip (not cells: they ellipsize on purpose) whose text is cut. */
    static List<String> clippedControls(Node root) {
        List<String> out = new ArrayList<>();
        root.applyCss();
        if (root instanceof Parent p) p.layout(); // a text set since the last pulse is measured as laid out
        walk(root, out);
        return out;
    }

    private static void walk(Node node, List<String> out) {
        // cells and column headers are the user's to resize; they ellipsize on purpose
        if (!node.isVisible() || node instanceof Cell<?> || node instanceof javafx.scene.control.skin.TableColumnHeader) return;
        // a button is never cut; any other label may be, when its whole text is one hover away,
        // except the status lines whose figures a user reads at a glance
        if (node instanceof Labeled b && (node instanceof ButtonBase || b.getTooltip() == null || (b.getId() != null && SHOWN_WHOLE.contains(b.getId())))) {
            String full = b.getText();
            // the skin's own Text is a direct child (a graphic may hold Text nodes of its own)
            Node shown = b.getChildrenUnmodifiable().stream().filter(c -> c instanceof Text && c.getStyleClass().contains("text"))
                    .findFirst().orElse(null);
            if (full != null && !full.isEmpty() && shown instanceof Text t && !full.equals(t.getText())) {
                out.add((b.getId() == null ? b.getClass().getSimpleName() : "#" + b.getId()) + " \"" + full + "\" shown as \"" + t.getText() + "\"");
            }
        }
        if (node instanceof TitledPane tp && !tp.isExpanded()) return;
        if (node instanceof Parent p) for (Node child : p.getChildrenUnmodifiable()) walk(child, out);
    }
}
