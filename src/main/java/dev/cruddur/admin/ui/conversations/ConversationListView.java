package dev.cruddur.admin.ui.conversations;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import dev.cruddur.admin.domain.Conversation;
import dev.cruddur.admin.ui.common.Banner;
import dev.cruddur.admin.ui.common.Icons;
import dev.cruddur.admin.ui.common.ReadSourceBar;
import java.time.Clock;
import java.time.ZoneId;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The conversation list: filter, virtualised cells, paging at the end, empty state, New. */
public final class ConversationListView extends VBox {
    private final CustomTextField filter = new CustomTextField();
    private final ListView<Conversation> list = new ListView<>();
    private final Button newButton = new Button("New conversation", Icons.of(Material2AL.ADD));
    private final Button loadDemo = new Button("Load demo data", Icons.of(Material2AL.CLOUD_DOWNLOAD));

    public ConversationListView(ConversationListViewModel vm, Clock clock, ZoneId zone) {
        getStyleClass().add("conversation-list-pane");
        filter.setId("conversation-filter");
        filter.setPromptText("Filter conversations (Ctrl+F)");
        filter.setLeft(Icons.of(Material2MZ.SEARCH));
        filter.textProperty().bindBidirectional(vm.filterProperty());
        VBox.setMargin(filter, new javafx.geometry.Insets(10, 10, 6, 10));

        list.setId("conversation-list");
        list.getStyleClass().addAll(Styles.DENSE, "conversation-list");
        list.setItems(vm.shown());
        list.setCellFactory(v -> new ConversationCell(clock, zone) {
            @Override
            protected void updateItem(Conversation c, boolean empty) {
                super.updateItem(c, empty);
                // the last row drawn asks for the next page: paging follows what is on screen
                if (!empty && getIndex() >= vm.shown().size() - 1 && vm.filterProperty().get().isBlank()) vm.loadMore();
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, c) -> {
            if (c != null && c != vm.selectedProperty().get()) vm.selectedProperty().set(c);
        });
        vm.selectedProperty().addListener((o, a, c) -> {
            if (c == null) list.getSelectionModel().clearSelection();
            else if (list.getSelectionModel().getSelectedItem() != c) list.getSelectionModel().select(c);
        });
        list.setFixedCellSize(62);
        VBox.setVgrow(list, Priority.ALWAYS);

        Label empty = new Label();
        empty.setId("conversation-empty");
        empty.textProperty().bind(vm.emptyTextProperty());
        empty.setWrapText(true);
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        loadDemo.setId("empty-load-demo");
        loadDemo.getStyleClass().add(Styles.SMALL);
        loadDemo.visibleProperty().bind(Bindings.createBooleanBinding(
                // also with no viewer: an empty table names no user until the demo (or Cruddur's data) is in
                () -> vm.loaded().isEmpty() && !vm.loadingProperty().get()
                        && (vm.viewerProperty().get() != null || !vm.emptyTextProperty().get().isEmpty()),
                vm.loaded(), vm.loadingProperty(), vm.viewerProperty(), vm.emptyTextProperty()));
        loadDemo.managedProperty().bind(loadDemo.visibleProperty());
        VBox placeholder = new VBox(10, Icons.of(Material2AL.CHAT_BUBBLE_OUTLINE, 32), empty, loadDemo);
        placeholder.setAlignment(Pos.CENTER);
        placeholder.getStyleClass().add("empty-state");
        list.setPlaceholder(placeholder);

        ProgressBar paging = new ProgressBar(-1);
        paging.setMaxWidth(Double.MAX_VALUE);
        paging.getStyleClass().add(Styles.SMALL);
        paging.visibleProperty().bind(vm.loadingProperty());
        paging.managedProperty().bind(paging.visibleProperty());

        Banner banner = new Banner("conversations-error")
                .bind(vm.errorProperty(), new javafx.beans.property.SimpleBooleanProperty(true), vm::retry, vm::dismissError);

        newButton.setId("new-conversation");
        newButton.getStyleClass().add(Styles.ACCENT);
        newButton.setMaxWidth(Double.MAX_VALUE);
        HBox bottom = new HBox(newButton);
        HBox.setHgrow(newButton, Priority.ALWAYS);
        bottom.getStyleClass().add("list-footer");

        ReadSourceBar source = new ReadSourceBar("conversations-source", vm.throughCacheProperty(), vm.cacheMarkProperty(),
                vm.disagreementProperty(), vm::dropStaleKey, true);
        VBox.setMargin(source, new javafx.geometry.Insets(0, 10, 6, 10));

        getChildren().addAll(filter, source, banner, list, paging, bottom);

        // relative times ("3m") age while the window is open: redraw the visible cells twice a minute
        javafx.animation.Timeline ageing = new javafx.animation.Timeline(
                new javafx.animation.KeyFrame(javafx.util.Duration.seconds(30), e -> list.refresh()));
        ageing.setCycleCount(javafx.animation.Animation.INDEFINITE);
        sceneProperty().addListener((o, a, scene) -> {
            if (scene == null) ageing.stop();
            else ageing.play();
        });
    }

    public void focusFilter() {
        filter.requestFocus();
        filter.selectAll();
    }

    public ListView<Conversation> list() { return list; }
    public Button newButton() { return newButton; }
    public Button loadDemoButton() { return loadDemo; }
}
