package dev.cruddur.admin.ui.common;

import static dev.cruddur.admin.ui.FxHarness.onFx;
import static dev.cruddur.admin.ui.FxHarness.runFx;
import static dev.cruddur.admin.ui.FxHarness.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.ui.FxHarness;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The column that takes a table's spare width, and a user's resize of it, which sticks. */
@Timeout(60)
class SpareWidthTest {
    private final FxRobot robot = new FxRobot();
    private Stage stage;
    private TableView<String[]> table;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void open() {
        stage = onFx(() -> {
            TableView<String[]> t = new TableView<>(FXCollections.observableArrayList(List.of(
                    new String[] {"MSG#1", "2023-04-15", "Hello"}, new String[] {"MSG#1", "2023-04-16", "Goodbye"})));
            String[] names = {"pk", "sk", "message"};
            for (int i = 0; i < names.length; i++) {
                int at = i;
                TableColumn<String[], String> c = new TableColumn<>(names[i]);
                c.setCellValueFactory(f -> new ReadOnlyStringWrapper(f.getValue()[at]));
                c.setPrefWidth(i == 2 ? 260 : 200);
                t.getColumns().add(c);
            }
            SpareWidth.giveTo(t, "message");
            table = t;
            Stage s = new Stage();
            s.setScene(new Scene(t, 1000, 300));
            s.setX(0);
            s.setY(0);
            s.show();
            return s;
        });
        FxHarness.settle();
    }

    @AfterEach
    void close() throws Exception {
        runFx(() -> List.copyOf(Window.getWindows()).forEach(Window::hide));
        FxToolkit.cleanupStages();
    }

    private double message() {
        return onFx(() -> table.getColumns().get(2).getWidth());
    }

    private double spare() {
        return onFx(() -> table.getWidth() - table.getColumns().stream().mapToDouble(TableColumn::getWidth).sum());
    }

    @Test
    void theMessageColumnTakesTheSpareWidthAndGivesItBackWhenTheWindowNarrows() {
        assertThat(message()).isGreaterThan(500);
        assertThat(spare()).as("the table's width left empty right of the last column").isBetween(0.0, 4.0);
        runFx(() -> stage.setWidth(600));
        waitFor("back to its own width", 10, () -> table.getColumns().get(2).getWidth() == 260);
    }

    @Test
    void aColumnDraggedNarrowerStaysAsTheUserLeftItWindowResizesIncluded() {
        double filled = message();
        // the message column's right edge, dragged 200 px to the left as a user does
        Bounds header = onFx(() -> table.lookupAll(".column-header").stream()
                .filter(n -> n instanceof javafx.scene.control.skin.TableColumnHeader h && h.getTableColumn() == table.getColumns().get(2))
                .findFirst().map(n -> n.localToScreen(n.getBoundsInLocal())).orElseThrow());
        double edgeX = header.getMaxX() - 1;
        double y = header.getMinY() + 8;
        robot.moveTo(new javafx.geometry.Point2D(edgeX, y)).press(MouseButton.PRIMARY)
                .moveTo(new javafx.geometry.Point2D(edgeX - 100, y)).moveTo(new javafx.geometry.Point2D(edgeX - 200, y))
                .release(MouseButton.PRIMARY);
        FxHarness.settle();
        assertThat(message()).as("the width the drag left").isCloseTo(filled - 200, org.assertj.core.data.Offset.offset(6.0));
        double dragged = message();
        runFx(table::requestLayout); // as a row loaded, a scroll or a selection later asks for one
        FxHarness.settle();
        assertThat(message()).as("no snap back after more layout passes").isEqualTo(dragged);

        // the window resized: the user's width holds (the spare width is left empty, as a spreadsheet would)
        runFx(() -> stage.setWidth(1400));
        FxHarness.settle();
        assertThat(message()).isEqualTo(dragged);
        assertThat(spare()).isGreaterThan(400);
        assertThat(onFx(() -> SpareWidth.sizedByUser(table.getColumns().get(2)))).isTrue();
    }

    @Test
    void anotherColumnSizedByTheUserIsAbsorbedByTheMessageColumn() {
        double filled = message();
        // the resize policy's call a drag makes, on the sk column: 120 px wider
        runFx(() -> table.resizeColumn(table.getColumns().get(1), 120));
        FxHarness.settle();
        assertThat(onFx(() -> table.getColumns().get(1).getWidth())).isEqualTo(320);
        assertThat(message()).as("the message column gives the width back").isCloseTo(filled - 120, org.assertj.core.data.Offset.offset(1.0));
        assertThat(spare()).isBetween(0.0, 4.0);
    }
}
