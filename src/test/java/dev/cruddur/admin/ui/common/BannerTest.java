package dev.cruddur.admin.ui.common;

import static dev.cruddur.admin.ui.FxHarness.onFx;
import static dev.cruddur.admin.ui.FxHarness.runFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.ui.FxHarness;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxToolkit;

/** A banner with a long reason (a full disk's, with its path) keeps its Retry button readable. */
@Timeout(60)
class BannerTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        runFx(() -> List.copyOf(Window.getWindows()).forEach(Window::hide));
        FxToolkit.cleanupStages();
    }

    @Test
    void aLongReasonWrapsAndRetryKeepsItsWholeLabel() {
        Banner banner = onFx(() -> {
            Banner b = new Banner("send-error").bind(new SimpleStringProperty("Not sent: InternalServerError: The data directory is full: "
                    + "/tmp/probe2-full/data/cruddur-admin/dynamodb (No space left on device). The request was not applied."),
                    new SimpleBooleanProperty(true), () -> {}, () -> {});
            Stage s = new Stage();
            s.setScene(new Scene(new VBox(b), 740, 200));
            s.show();
            return b;
        });
        FxHarness.settle();
        Button retry = (Button) banner.lookup("#send-error-retry");
        assertThat(onFx(retry::isVisible)).isTrue();
        assertThat(onFx(retry::getWidth)).as("Retry is as wide as its label and icon").isGreaterThanOrEqualTo(onFx(() -> retry.prefWidth(-1)) - 0.5);
    }
}
