package dev.cruddur.admin.ui.conversations;

import atlantafx.base.theme.Styles;
import dev.cruddur.admin.domain.Conversation;
import dev.cruddur.admin.ui.common.Avatar;
import dev.cruddur.admin.ui.common.Icons;
import dev.cruddur.admin.ui.common.RelativeTimeText;
import java.time.Clock;
import java.time.ZoneId;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/** One conversation: avatar, name, @handle, relative time, and the last message on one line. Nodes are made once per cell. */
class ConversationCell extends ListCell<Conversation> {
    private final Avatar avatar = new Avatar(36);
    private final Label name = new Label();
    private final Label handle = new Label();
    private final Label time = new Label();
    private final Label last = new Label();
    private final FontIcon warning = Icons.of(Material2MZ.WARNING, 14);
    private final Tooltip timeTip = new Tooltip();
    private final Tooltip warningTip = new Tooltip();
    private final HBox root;
    private final Clock clock;
    private final ZoneId zone;

    ConversationCell(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
        getStyleClass().add("conversation-cell");
        name.getStyleClass().addAll("conversation-name", Styles.TEXT_BOLD);
        name.setMinWidth(Region.USE_PREF_SIZE);
        handle.getStyleClass().addAll("conversation-handle", Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        handle.setMinWidth(0);
        time.getStyleClass().addAll("conversation-time", Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        time.setMinWidth(Region.USE_PREF_SIZE);
        time.setTooltip(timeTip);
        last.getStyleClass().addAll("conversation-last", Styles.TEXT_MUTED);
        last.setMaxWidth(Double.MAX_VALUE);
        warning.getStyleClass().add("problem-marker");
        Tooltip.install(warning, warningTip);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(6, name, handle, spacer, warning, time);
        top.setAlignment(Pos.BASELINE_LEFT);
        VBox text = new VBox(2, top, last);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        root = new HBox(10, avatar, text);
        root.setAlignment(Pos.CENTER_LEFT);
        root.setMinWidth(0);
        root.setPrefWidth(0);
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(Conversation c, boolean empty) {
        super.updateItem(c, empty);
        if (empty || c == null) {
            setGraphic(null);
            setText(null);
            return;
        }
        avatar.show(c.other());
        name.setText(c.other().displayName());
        handle.setText("@" + c.other().handle());
        time.setText(RelativeTimeText.of(c.lastMessageAt(), clock.instant(), zone));
        timeTip.setText(RelativeTimeText.tooltip(c.lastMessageAt(), zone));
        last.setText(c.lastMessage().replace('\n', ' '));
        warning.setVisible(c.flagged());
        warning.setManaged(c.flagged());
        warningTip.setText(String.join("\n", c.problems()));
        setText(null);
        setGraphic(root);
    }
}
