package dev.cruddur.admin.ui;

import static dev.cruddur.admin.ui.FxHarness.onFx;
import static dev.cruddur.admin.ui.FxHarness.runFx;
import static dev.cruddur.admin.ui.FxHarness.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.app.connect.ConnectionProfile;
import dev.cruddur.admin.app.connect.ConnectionProfiles;
import dev.cruddur.admin.engine.EmbeddedDynamo;
import dev.cruddur.admin.engine.EngineConfig;
import dev.cruddur.admin.store.DynamoTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The connection in use. In the Connections dialog of a window started on a connection that is
 * not among the saved ones (an endpoint given for this run): in the list, chosen, while it is
 * edited, and only written to the file when the user saves it. Its local endpoint killed: F5 shows
 * it unreachable, on the badge and in place of the panes, with a Retry.
 */
@Timeout(120)
class ConnectionsInUseTest {
    private static final String TABLE = "cruddur-messages";
    private static EmbeddedDynamo engine;

    @TempDir
    Path config;
    private final FxRobot robot = new FxRobot();
    private Stage stage;

    @BeforeAll
    static void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        engine = EmbeddedDynamo.start(EngineConfig.inMemory());
        try (DirectMessages dm = DirectMessages.open(DynamoTarget.endpoint(engine.endpoint(), TABLE))) {
            dm.schema().create();
        }
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @AfterEach
    void close() throws Exception {
        runFx(() -> List.copyOf(Window.getWindows()).forEach(Window::hide));
        FxToolkit.cleanupStages();
    }

    @Test
    void theConnectionInUseIsListedAndChosenWhileItIsEditedAndSavedOnlyWhenAsked() throws Exception {
        stage = onFx(Stage::new);
        DesktopApp.Assembled app = FxHarness.openWindow(stage, config, engine.endpoint(), TABLE); // "Embedded test", for this run
        robot.press(KeyCode.CONTROL).press(KeyCode.L).release(KeyCode.L).release(KeyCode.CONTROL);
        Scene dialog = FxHarness.awaitSceneWith("profiles");
        @SuppressWarnings("unchecked")
        ListView<ConnectionProfile> list = (ListView<ConnectionProfile>) onFx(() -> dialog.lookup("#profiles"));
        TextField name = (TextField) onFx(() -> dialog.lookup("#profile-name"));

        assertThat(onFx(() -> list.getItems().stream().map(ConnectionProfile::name).toList()))
                .as("the saved connection and the one in use").containsExactlyInAnyOrder("Embedded", "Embedded test");
        assertThat(onFx(() -> list.getSelectionModel().getSelectedItem().name())).isEqualTo("Embedded test");
        assertThat(onFx(() -> name.getText())).isEqualTo("Embedded test");
        assertThat(onFx(() -> cellText(list, "Embedded test"))).contains("in use").contains("not saved");

        // edited: still listed and chosen, under the name it has until it is saved
        robot.clickOn(name).type(KeyCode.END).write(" (edited)");
        assertThat(onFx(() -> name.getText())).isEqualTo("Embedded test (edited)");
        assertThat(onFx(() -> list.getItems().stream().map(ConnectionProfile::name).toList())).contains("Embedded test");
        assertThat(onFx(() -> list.getSelectionModel().getSelectedItem().name())).isEqualTo("Embedded test");

        // another connection clicked and saved: the file holds the saved ones only, the one in use stays listed
        robot.clickOn(onFx(() -> cell(list, "Embedded")));
        waitFor("the saved one in the form", 10, () -> name.getText().equals("Embedded"));
        robot.clickOn(onFx(() -> dialog.lookup("#profile-save")));
        Path file = config.resolve(ConnectionProfiles.FILE_NAME);
        waitFor("written", 10, () -> Files.exists(file));
        assertThat(new ConnectionProfiles(config, Clock.systemUTC()).load().profiles()).extracting(ConnectionProfile::name).containsExactly("Embedded");
        assertThat(onFx(() -> list.getItems().stream().map(ConnectionProfile::name).toList())).contains("Embedded test");

        // the one in use saved when asked
        robot.clickOn(onFx(() -> cell(list, "Embedded test")));
        waitFor("the one in use in the form", 10, () -> name.getText().equals("Embedded test"));
        robot.clickOn(onFx(() -> dialog.lookup("#profile-save")));
        waitFor("both saved", 10, () -> new ConnectionProfiles(config, Clock.systemUTC()).load().profiles().size() == 2);
        assertThat(onFx(() -> cellText(list, "Embedded test"))).contains("in use").doesNotContain("not saved");
        assertThat(onFx(() -> app.main().profileProperty().get().name())).isEqualTo("Embedded test");
    }

    @Test
    void aLocalEndpointKilledAfterItOpenedShowsUnreachableOnF5WithARetry() {
        EmbeddedDynamo doomed = EmbeddedDynamo.start(EngineConfig.inMemory());
        try (DirectMessages dm = DirectMessages.open(DynamoTarget.endpoint(doomed.endpoint(), TABLE))) {
            dm.schema().create();
        }
        stage = onFx(Stage::new);
        DesktopApp.Assembled app = FxHarness.openWindow(stage, config, doomed.endpoint(), TABLE);
        javafx.scene.control.Label badge = (javafx.scene.control.Label) onFx(() -> stage.getScene().lookup("#connection-badge"));
        assertThat(onFx(() -> badge.getText())).isEqualTo("● LOCAL");
        doomed.close();

        robot.type(KeyCode.F5);
        waitFor("unreachable", 60, () -> app.main().stateProperty().get() == dev.cruddur.admin.ui.shell.WindowSession.State.UNREACHABLE);
        assertThat(onFx(() -> badge.getText())).isEqualTo("○ UNREACHABLE");
        assertThat(onFx(() -> badge.getStyleClass())).contains("badge-unreachable").doesNotContain("badge-local");
        assertThat(onFx(() -> stage.getScene().lookup("#unreachable").isVisible())).isTrue();
        assertThat(onFx(() -> ((javafx.scene.control.Label) stage.getScene().lookup("#unreachable-reason")).getText())).isNotBlank();
        assertThat(onFx(() -> stage.getScene().lookup("#retry-connection").isVisible())).isTrue();
    }

    private static ListCell<?> cell(ListView<ConnectionProfile> list, String profile) {
        return list.lookupAll(".list-cell").stream().map(n -> (ListCell<?>) n)
                .filter(c -> c.getItem() instanceof ConnectionProfile p && p.name().equals(profile)).findFirst().orElseThrow();
    }

    /** Every label's text in the profile's cell. */
    private static String cellText(ListView<ConnectionProfile> list, String profile) {
        StringBuilder out = new StringBuilder();
        for (Node n : cell(list, profile).lookupAll(".label")) if (n instanceof javafx.scene.control.Label l) out.append(l.getText()).append(' ');
        return out.toString();
    }
}
