package dev.cruddur.admin.ui.time;

import dev.cruddur.admin.ui.shell.WindowSession;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.app.connect.ConnectionProfile;
import dev.cruddur.admin.app.lint.SortKeyClass;
import dev.cruddur.admin.app.time.TimePanePreferences;
import dev.cruddur.admin.store.DynamoConnection;
import dev.cruddur.admin.store.DynamoTarget;
import dev.cruddur.admin.testsupport.DynaliteServer;
import dev.cruddur.admin.time.RenderedForm;
import dev.cruddur.admin.ui.DesktopApp;
import dev.cruddur.admin.ui.FxHarness;
import dev.cruddur.admin.ui.MainViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Time pane in the real window, headless (Monocle), on dynalite: the conversion panel and the linter. */
class TimePaneFlowsTest {
    private static final Clock NOVEMBER_2026 = Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC);
    private static final String TABLE = "time-flows";
    private static DynaliteServer dynalite;
    private static Path config;
    private static Stage stage;
    private static DesktopApp.Assembled app;
    private static TimePane pane;

    @BeforeAll
    static void openWindow() throws Exception {
        FxHarness.startHeadless();
        dynalite = DynaliteServer.start();
        try (DirectMessages dm = new DirectMessages(DynamoConnection.open(DynamoTarget.endpoint(dynalite.endpoint(), TABLE)), NOVEMBER_2026)) {
            dm.schema().create();
            MixedSortKeys.put(dm);
        }
        config = Files.createTempDirectory("cruddur-time-flows");
        System.setProperty("cruddur.config.home", config.toString());
        stage = FxHarness.onFx(Stage::new);
        app = FxHarness.onFx(() -> DesktopApp.assemble(stage, new DesktopApp.Settings(config,
                Optional.of(ConnectionProfile.local("Local dynalite", dynalite.endpoint().toString(), TABLE)),
                Optional.of("alice"), NOVEMBER_2026, ZoneId.of("Europe/London"), false, 1200, 760)));
        FxHarness.waitFor("connected", 20, () -> app.main().stateProperty().get() == WindowSession.State.READY);
        FxHarness.runFx(() -> ((ButtonBase) app.window().scene().lookup("#nav-time")).fire());
        pane = (TimePane) FxHarness.onFx(() -> app.window().pane("time"));
        FxHarness.settle();
    }

    @AfterAll
    static void close() {
        FxHarness.closeAllWindows();
        if (dynalite != null) dynalite.close();
        System.clearProperty("cruddur.config.home");
    }

    private static Node lookup(String selector) {
        return FxHarness.onFx(() -> app.window().scene().lookup(selector));
    }

    private static String text(String selector) {
        return FxHarness.onFx(() -> ((Label) app.window().scene().lookup(selector)).getText());
    }

    private static String row(String label) {
        return FxHarness.onFx(() -> pane.conversionView().grid().getItems().stream().filter(f -> f.label().equals(label))
                .map(RenderedForm::value).findFirst().orElse(null));
    }

    private static Button copyButton(String label) {
        return FxHarness.onFx(() -> app.window().scene().getRoot().lookupAll(".copy-button").stream()
                .filter(n -> label.equals(n.getUserData())).map(n -> (Button) n).findFirst().orElseThrow());
    }

    @Test
    void conversionPanelParsesConvertsCopiesAndRemembers() throws Exception {
        FxHarness.runFx(() -> pane.showConversion());
        FxHarness.runFx(() -> pane.conversionView().input().setText("2023-04-15 13:15:19.922515+00"));
        FxHarness.settle();
        assertThat(text("#time-recognised")).isEqualTo("Recognised: Postgres timestamptz");
        assertThat(row("Canonical sort key")).isEqualTo("2023-04-15T13:15:19.922515+00:00");
        assertThat(lookup("#time-error").isVisible()).isFalse();
        assertThat(FxHarness.onFx(() -> ((javafx.scene.layout.VBox) lookup("#time-answers")).getChildren().size()))
                .isGreaterThanOrEqualTo(9);
        // in a user's words: attributed questions, no backticks, nothing about "the seed" or data-model.md anywhere in the pane
        assertThat(text("#time-answers-title")).isEqualTo("Questions from Cruddur's week-5 notes, answered for this value");
        java.util.List<String> shown = FxHarness.onFx(() -> pane.node().lookupAll(".label").stream()
                .map(n -> ((Label) n).getText()).filter(java.util.Objects::nonNull).toList());
        assertThat(shown).contains("In what format does Postgres store datetimes?")
                .noneMatch(t -> t.contains("`") || t.toLowerCase().contains("the seed") || t.contains("data-model"));
        // the surprising values explain themselves under the value
        FxHarness.runFx(() -> pane.conversionView().grid().scrollTo(pane.conversionView().grid().getItems().stream()
                .filter(f -> f.label().equals("Cruddur time_ago")).findFirst().orElseThrow()));
        FxHarness.settle();
        String cruddurNote = FxHarness.onFx(() -> pane.conversionView().grid().lookupAll(".time-form-note").stream()
                .map(n -> ((Label) n).getText()).filter(t -> !t.isEmpty()).collect(java.util.stream.Collectors.joining(" | ")));
        assertThat(cruddurNote).contains("Counts the minutes from now up to the value").contains("the month twice");
        FxHarness.runFx(() -> pane.conversionView().grid().scrollTo(0));
        FxHarness.settle();

        // add a display zone through the searchable picker: a part of its name is enough
        FxHarness.runFx(() -> pane.conversionView().addZonePicker().pick("kathm"));
        FxHarness.settle();
        assertThat(row("In Asia/Kathmandu")).isEqualTo("2023-04-15T19:00:19.922515+05:45");
        assertThat(FxHarness.onFx(() -> pane.conversionView().zones().getItems())).contains(ZoneId.of("Asia/Kathmandu"));
        FxHarness.waitFor("zones saved", 10, () -> {
            try {
                return Files.readString(config.resolve(TimePanePreferences.FILE_NAME)).contains("Asia/Kathmandu");
            } catch (java.io.IOException e) {
                return false;
            }
        });

        // one click copies a row's value
        FxHarness.runFx(() -> copyButton("In Asia/Kathmandu").fire());
        assertThat(FxHarness.onFx(() -> Clipboard.getSystemClipboard().getString())).isEqualTo("2023-04-15T19:00:19.922515+05:45");
        FxHarness.runFx(() -> copyButton("Canonical sort key").fire());
        assertThat(FxHarness.onFx(() -> Clipboard.getSystemClipboard().getString())).isEqualTo("2023-04-15T13:15:19.922515+00:00");
        assertThat(text("#time-copied")).contains("Canonical sort key");

        // a naive value follows the assumed zone
        FxHarness.runFx(() -> pane.conversionView().input().setText("2023-04-15 13:15:19.922515"));
        FxHarness.runFx(() -> pane.conversionView().assumedZonePicker().pick("America/New_York"));
        FxHarness.settle();
        assertThat(text("#time-recognised")).contains("no offset, read in America/New_York");
        assertThat(row("Canonical sort key")).isEqualTo("2023-04-15T17:15:19.922515+00:00");
        // a half-typed name committed as focus leaves does not change the zone
        FxHarness.runFx(() -> pane.conversionView().assumedZonePicker().setValue("Asia/Kat"));
        assertThat(FxHarness.onFx(() -> pane.conversion().assumedZoneProperty().get())).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(FxHarness.onFx(() -> pane.conversionView().assumedZonePicker().getValue())).isEqualTo("America/New_York");
        FxHarness.runFx(() -> pane.conversionView().assumedZonePicker().pick("UTC"));

        // invalid input: the parser's message; the grid stays, marked stale
        FxHarness.runFx(() -> pane.conversionView().input().setText("2023-04-15 25:99"));
        FxHarness.settle();
        assertThat(lookup("#time-error").isVisible()).isTrue();
        assertThat(text("#time-error")).startsWith("Not a timestamp");
        assertThat(FxHarness.onFx(() -> pane.conversionView().grid().getStyleClass())).contains("stale");
        assertThat(row("Canonical sort key")).isEqualTo("2023-04-15T13:15:19.922515+00:00");

        // Now, one click
        FxHarness.runFx(() -> ((Button) lookup("#time-now")).fire());
        assertThat(row("Canonical sort key")).isEqualTo("2026-11-25T09:00:00.000000+00:00");
        assertThat(lookup("#time-error").isVisible()).isFalse();
    }

    @Test
    void linterCountsPlansAppliesBehindTheTableNameAndRelintsClean() {
        FxHarness.runFx(() -> pane.showLint());
        SortKeyLintView view = pane.lintView();
        FxHarness.runFx(() -> view.runButton().fire());
        FxHarness.waitFor("lint report", 20, () -> pane.lint().reportProperty().get() != null && !pane.lint().runningProperty().get());
        FxHarness.settle();
        assertThat(FxHarness.onFx(() -> view.chart().getData().get(0).getData().stream()
                .filter(d -> d.getYValue().equals(SortKeyClass.CANONICAL.label())).findFirst().orElseThrow().getXValue()))
                .isEqualTo(MixedSortKeys.CANONICAL);
        assertThat(text("#lint-count-naive")).isEqualTo(Long.toString(MixedSortKeys.NAIVE));
        assertThat(text("#lint-count-items")).isEqualTo(Long.toString(MixedSortKeys.ITEMS));
        assertThat(text("#lint-disagreements")).startsWith("2 neighbouring pairs");
        assertThat(text("#lint-year-prefix")).contains("hides 1 conversation");

        // a finding opens its item
        FxHarness.runFx(() -> view.findingsTable().getSelectionModel().select(0));
        FxHarness.waitFor("item read", 10, () -> pane.lint().itemTextProperty().get().startsWith("pk = "));

        // the dry run, then Apply asks for the table's name
        assertThat(FxHarness.onFx(() -> view.changesTable().getItems().size())).isEqualTo((int) MixedSortKeys.MOVES);
        FxHarness.runFx(() -> view.tabs().getSelectionModel().select(1));
        assertThat(FxHarness.onFx(() -> view.applyButton().isDisabled())).isFalse();
        FxHarness.runFx(() -> view.applyButton().fire());
        FxHarness.settle();
        Window dialog = FxHarness.onFx(() -> Window.getWindows().stream().filter(w -> w != stage && w.isShowing()
                && w.getScene() != null && w.getScene().lookup("#confirm-table-name") != null).findFirst().orElseThrow());
        Node ok = FxHarness.onFx(() -> dialog.getScene().lookup("#confirm-migrate"));
        javafx.scene.control.TextField typed = FxHarness.onFx(() -> (javafx.scene.control.TextField) dialog.getScene().lookup("#confirm-table-name"));
        assertThat(FxHarness.onFx(ok::isDisabled)).isTrue();
        FxHarness.runFx(() -> typed.setText("cruddur-messages"));
        assertThat(FxHarness.onFx(ok::isDisabled)).isTrue();
        FxHarness.runFx(() -> typed.setText(TABLE));
        assertThat(FxHarness.onFx(ok::isDisabled)).isFalse();
        FxHarness.runFx(() -> ((Button) ok).fire());

        FxHarness.waitFor("migrated and linted again", 30, () -> pane.lint().statusProperty().get().startsWith("Moved")
                && !pane.lint().runningProperty().get() && pane.lint().statusProperty().get().contains("nothing to do"));
        assertThat(FxHarness.onFx(() -> view.changesTable().getItems())).isEmpty();
        assertThat(pane.lint().reportProperty().get().count(SortKeyClass.CANONICAL)).isEqualTo(MixedSortKeys.ITEMS);
        assertThat(FxHarness.onFx(() -> view.applyButton().isDisabled())).isTrue();
    }

    @Test
    void theSelectedMessagesSortKeyIsOneClickAway() {
        MainViewModel main = app.main();
        FxHarness.waitFor("alice's conversations", 20, () -> !main.conversations().shown().isEmpty());
        FxHarness.runFx(() -> ((ButtonBase) app.window().scene().lookup("#nav-conversations")).fire());
        FxHarness.runFx(() -> main.conversations().selectedProperty().set(main.conversations().shown().stream()
                .filter(c -> c.groupUuid().equals(MixedSortKeys.G1)).findFirst().orElseThrow()));
        FxHarness.waitFor("messages", 20, () -> main.transcript().entries().size() >= 2 && !main.transcript().loadingProperty().get());
        var transcript = ((dev.cruddur.admin.ui.conversations.ConversationsPane) FxHarness.onFx(() -> app.window().pane("conversations")))
                .transcriptView().list();
        int bubble = FxHarness.onFx(() -> {
            for (int i = 0; i < transcript.getItems().size(); i++) {
                if (transcript.getItems().get(i) instanceof dev.cruddur.admin.ui.messages.TranscriptEntry.Bubble) return i;
            }
            return -1;
        });
        FxHarness.runFx(() -> transcript.getSelectionModel().select(bubble));
        String sk = FxHarness.onFx(() -> ((dev.cruddur.admin.ui.messages.TranscriptEntry.Bubble) transcript.getItems().get(bubble))
                .message().createdAt().raw());

        FxHarness.runFx(() -> ((ButtonBase) app.window().scene().lookup("#nav-time")).fire());
        FxHarness.runFx(() -> pane.showConversion());
        Button selected = (Button) lookup("#time-selected-sk");
        assertThat(FxHarness.onFx(selected::isDisabled)).isFalse();
        FxHarness.runFx(selected::fire);
        assertThat(FxHarness.onFx(() -> pane.conversionView().input().getText())).isEqualTo(sk);
        assertThat(text("#time-recognised")).startsWith("Recognised: ");
        assertThat(lookup("#time-error").isVisible()).isFalse();
    }
}
