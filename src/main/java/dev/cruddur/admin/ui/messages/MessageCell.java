package dev.cruddur.admin.ui.messages;

import atlantafx.base.theme.Styles;
import dev.cruddur.admin.domain.Message;
import dev.cruddur.admin.ui.common.Icons;
import dev.cruddur.admin.ui.common.RelativeTimeText;
import java.time.ZoneId;
import javafx.beans.binding.DoubleBinding;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/** A transcript row: a day separator, or a bubble (the viewer's own on the right) with its clock time. */
final class MessageCell extends ListCell<TranscriptEntry> {
    private final Label dayLabel = new Label();
    private final HBox dayRow;
    private final Label bubbleText = new Label();
    private final StackPane bubble = new StackPane(bubbleText);
    private final Label time = new Label();
    private final FontIcon warning = Icons.of(Material2MZ.WARNING, 14);
    private final Tooltip timeTip = new Tooltip();
    private final Tooltip warningTip = new Tooltip();
    private final HBox messageRow = new HBox(8);
    private final Region spacer = new Region();
    private final ZoneId zone;

    MessageCell(ZoneId zone, DoubleBinding bubbleWidth) {
        this.zone = zone;
        getStyleClass().add("message-cell");
        dayLabel.getStyleClass().addAll("day-separator", Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        Region left = new Region();
        Region right = new Region();
        left.getStyleClass().add("day-rule");
        right.getStyleClass().add("day-rule");
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        dayRow = new HBox(10, left, dayLabel, right);
        dayRow.setAlignment(Pos.CENTER);
        dayRow.getStyleClass().add("day-row");

        bubbleText.setWrapText(true);
        bubbleText.getStyleClass().add("bubble-text");
        bubbleText.maxWidthProperty().bind(bubbleWidth);
        bubble.getStyleClass().add("bubble");
        bubble.setMaxWidth(Region.USE_PREF_SIZE);
        time.getStyleClass().addAll("bubble-time", Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        time.setMinWidth(Region.USE_PREF_SIZE);
        time.setTooltip(timeTip);
        Tooltip.install(bubble, timeTip);
        warning.getStyleClass().add("problem-marker");
        Tooltip.install(warning, warningTip);
        HBox.setHgrow(spacer, Priority.ALWAYS);
        messageRow.setAlignment(Pos.BOTTOM_LEFT);
        messageRow.getStyleClass().add("message-row");
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(TranscriptEntry entry, boolean empty) {
        super.updateItem(entry, empty);
        setText(null);
        getStyleClass().remove("day-cell");
        if (empty || entry == null) {
            setGraphic(null);
            return;
        }
        if (entry instanceof TranscriptEntry.Day day) {
            // a separator is never shown selected: only messages are
            getStyleClass().add("day-cell");
            dayLabel.setText(day.label());
            setGraphic(dayRow);
            return;
        }
        TranscriptEntry.Bubble b = (TranscriptEntry.Bubble) entry;
        Message m = b.message();
        bubbleText.setText(m.text());
        time.setText(RelativeTimeText.clock(m.createdAt(), zone));
        timeTip.setText(m.sender().displayName() + " (@" + m.sender().handle() + ")\n"
                + RelativeTimeText.tooltip(m.createdAt(), zone));
        boolean flagged = m.flagged();
        warning.setVisible(flagged);
        warning.setManaged(flagged);
        warningTip.setText(String.join("\n", m.problems()));
        bubble.getStyleClass().removeAll("mine", "theirs");
        bubble.getStyleClass().add(b.mine() ? "mine" : "theirs");
        if (b.mine()) messageRow.getChildren().setAll(spacer, warning, time, bubble);
        else messageRow.getChildren().setAll(bubble, time, warning, spacer);
        setGraphic(messageRow);
    }
}
