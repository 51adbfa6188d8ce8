package dev.cruddur.admin.ui.messages;

import atlantafx.base.theme.Styles;
import dev.cruddur.admin.domain.Conversation;
import dev.cruddur.admin.ui.common.Avatar;
import dev.cruddur.admin.ui.common.Banner;
import dev.cruddur.admin.ui.common.Copied;
import dev.cruddur.admin.ui.common.Icons;
import dev.cruddur.admin.ui.common.ReadSourceBar;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The open conversation: header, transcript (older pages on scrolling up), banners, compose box. */
public final class TranscriptView extends StackPane {
    private final ListView<TranscriptEntry> list = new ListView<>();
    private final TextArea compose = new TextArea();
    private final Button send = new Button("Send", Icons.of(Material2MZ.SEND));
    private final TranscriptViewModel vm;
    private boolean armed;
    private boolean endWanted;
    private VirtualFlow<?> flow;

    private final HBox header;

    public TranscriptView(TranscriptViewModel vm) {
        this.vm = vm;
        getStyleClass().add("transcript-pane");

        // header
        Avatar avatar = new Avatar(32);
        Label name = new Label();
        name.setId("transcript-title");
        name.getStyleClass().add(Styles.TITLE_4);
        Label handle = new Label();
        handle.getStyleClass().add(Styles.TEXT_MUTED);
        Label group = new Label();
        group.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED, "group-uuid");
        vm.conversationProperty().addListener((o, a, c) -> {
            if (c == null) return;
            avatar.show(c.other());
            name.setText(c.other().displayName());
            handle.setText("@" + c.other().handle());
            group.setText("MSG#" + c.groupUuid());
        });
        // who the conversation is with never gives way; the group key does, its whole text one hover away
        name.setMinWidth(Region.USE_PREF_SIZE);
        handle.setMinWidth(Region.USE_PREF_SIZE);
        group.setMinWidth(0);
        javafx.scene.control.Tooltip groupTip = new javafx.scene.control.Tooltip();
        groupTip.textProperty().bind(group.textProperty());
        group.setTooltip(groupTip);
        Region headerSpacer = new Region();
        HBox.setHgrow(headerSpacer, Priority.ALWAYS);
        header = new HBox(10, avatar, name, handle, headerSpacer, group);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("transcript-header");

        // transcript
        list.setId("transcript");
        list.getStyleClass().add("transcript");
        list.setItems(vm.entries());
        DoubleBinding bubbleWidth = Bindings.createDoubleBinding(() -> Math.max(160, list.getWidth() * 0.62), list.widthProperty());
        list.setCellFactory(v -> new MessageCell(vm.zone(), bubbleWidth));
        list.setFocusTraversable(true);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, e) ->
                vm.selectMessage(e instanceof TranscriptEntry.Bubble b ? b.message() : null));
        list.setContextMenu(messageMenu());
        list.addEventFilter(KeyEvent.KEY_PRESSED, this::arrowToMessage);
        VBox.setVgrow(list, Priority.ALWAYS);
        Label loadingFirst = new Label("Loading messages…");
        loadingFirst.getStyleClass().add(Styles.TEXT_MUTED);
        list.setPlaceholder(loadingFirst);
        vm.setOnFirstPage(() -> {
            armed = false;
            scrollToEnd();
        });
        vm.setOnOlderPrepended(added -> {
            if (keptPlace == null) list.scrollTo(added);
        });
        vm.setOnReplaced(this::notePlace, () -> {
            if (keptPlace != null && keptPlace.atEnd()) {
                keptPlace = null;
                scrollToEnd();
            } else if (keptPlace != null) {
                list.requestLayout();
            }
        });
        list.skinProperty().addListener((o, a, skin) -> watchScrolling());
        // after the scene's layout pass (the rows measured): the newest row, if asked for
        Runnable afterLayout = () -> {
            if (keptPlace != null && list.getScene() != null) putBackPlace();
            if (!endWanted || list.getScene() == null) return;
            endWanted = false;
            scrollToEndNow();
        };
        list.sceneProperty().addListener((o, before, scene) -> {
            if (before != null) before.removePostLayoutPulseListener(afterLayout);
            if (scene != null) scene.addPostLayoutPulseListener(afterLayout);
        });
        vm.entries().addListener((javafx.collections.ListChangeListener<TranscriptEntry>) c -> {
            // a message just sent (appended at the end) is brought into view
            while (c.next()) {
                if (c.wasAdded() && c.getFrom() > 0 && c.getTo() == vm.entries().size() && !vm.loadingProperty().get()
                        && c.getAddedSize() <= 2) {
                    scrollToEnd();
                }
            }
        });

        ProgressBar older = new ProgressBar(-1);
        older.setMaxWidth(Double.MAX_VALUE);
        older.getStyleClass().add(Styles.SMALL);
        older.visibleProperty().bind(vm.loadingOlderProperty());
        older.managedProperty().bind(older.visibleProperty());

        Banner loadBanner = new Banner("transcript-error")
                .bind(vm.loadErrorProperty(), new javafx.beans.property.SimpleBooleanProperty(true), vm::retryLoad, vm::dismissLoadError);
        Banner sendBanner = new Banner("send-error")
                .bind(vm.sendErrorProperty(), vm.canRetrySendProperty(), vm::retrySend, vm::dismissSendError);

        // compose
        compose.setId("compose");
        compose.setPromptText("Write a message…  (Ctrl+Enter sends)");
        compose.setWrapText(true);
        compose.setPrefRowCount(3);
        compose.textProperty().bindBidirectional(vm.textProperty());
        compose.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                vm.send();
                e.consume();
            }
        });
        HBox.setHgrow(compose, Priority.ALWAYS);
        Label counter = new Label();
        counter.setId("compose-counter");
        counter.textProperty().bind(vm.counterProperty());
        counter.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        vm.overLimitProperty().addListener((o, a, over) -> {
            if (over) counter.getStyleClass().add(Styles.DANGER);
            else counter.getStyleClass().remove(Styles.DANGER);
        });
        send.setId("send");
        send.getStyleClass().add(Styles.ACCENT);
        send.setDefaultButton(false);
        send.disableProperty().bind(vm.sendDisabled());
        send.setOnAction(e -> vm.send());
        ProgressIndicator busy = new ProgressIndicator(-1);
        busy.setPrefSize(16, 16);
        vm.sendingProperty().addListener((o, a, s) -> {
            send.setGraphic(s ? busy : Icons.of(Material2MZ.SEND));
            send.setText(s ? "Sending…" : "Send");
        });
        send.setMinWidth(Region.USE_PREF_SIZE);
        VBox side = new VBox(6, counter, send);
        side.setAlignment(Pos.BOTTOM_RIGHT);
        side.setMinWidth(96);
        HBox composeRow = new HBox(10, compose, side);
        composeRow.setAlignment(Pos.BOTTOM_LEFT);
        Label refusal = new Label();
        refusal.setId("compose-refusal");
        refusal.setWrapText(true);
        refusal.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        refusal.textProperty().bind(vm.refusalProperty());
        refusal.visibleProperty().bind(vm.refusalProperty().isNotNull().and(vm.refusalProperty().isNotEmpty()));
        refusal.managedProperty().bind(refusal.visibleProperty());
        VBox composeBox = new VBox(6, sendBanner, refusal, composeRow);
        composeBox.getStyleClass().add("compose-box");

        ReadSourceBar source = new ReadSourceBar("transcript-source", vm.throughCacheProperty(), vm.cacheMarkProperty(),
                vm.disagreementProperty(), vm::dropStaleKey, false);
        source.getStyleClass().add("transcript-source");

        VBox content = new VBox(header, source, loadBanner, older, list, composeBox);
        content.visibleProperty().bind(vm.conversationProperty().isNotNull());

        VBox nothing = new VBox(10, Icons.of(Material2AL.FORUM, 40), new Label("Choose a conversation to read it."));
        nothing.setId("transcript-nothing");
        nothing.setAlignment(Pos.CENTER);
        nothing.getStyleClass().addAll("empty-state", Styles.TEXT_MUTED);
        nothing.visibleProperty().bind(vm.conversationProperty().isNull());
        getChildren().addAll(nothing, content);
    }

    /** Right-click on a message: copy it three ways (each copy says "Copied"), or follow it to another pane. */
    private javafx.scene.control.ContextMenu messageMenu() {
        javafx.scene.control.MenuItem text = new javafx.scene.control.MenuItem("Copy text", Icons.of(Material2AL.CONTENT_COPY));
        text.setId("message-copy-text");
        text.setOnAction(e -> selected().ifPresent(m -> Copied.copy(m.text(), "Copied the text", list)));
        javafx.scene.control.MenuItem sk = new javafx.scene.control.MenuItem("Copy sk");
        sk.setId("message-copy-sk");
        sk.setOnAction(e -> selected().ifPresent(m -> Copied.copy(MessageCopies.sk(m), "Copied the sk", list)));
        javafx.scene.control.MenuItem json = new javafx.scene.control.MenuItem("Copy item as JSON");
        json.setId("message-copy-json");
        json.setOnAction(e -> selected().ifPresent(m -> Copied.copy(MessageCopies.itemJson(m), "Copied the item as JSON", list)));
        javafx.scene.control.MenuItem browser = new javafx.scene.control.MenuItem("Open in Browser", Icons.of(Material2AL.GRID_ON));
        browser.setId("message-open-browser");
        browser.setOnAction(e -> selected().ifPresent(m -> onOpenInBrowser.accept(m)));
        javafx.scene.control.MenuItem time = new javafx.scene.control.MenuItem("Open the timestamp in the Time pane", Icons.of(Material2AL.ACCESS_TIME));
        time.setId("message-open-time");
        time.setOnAction(e -> selected().ifPresent(m -> onOpenTimestamp.accept(MessageCopies.sk(m))));
        javafx.scene.control.Menu getItem = dev.cruddur.admin.ui.common.CopyAsMenu.of("GetItem as", "message-copy-get",
                language -> selected().flatMap(m -> vm.copyAsGetItem(m, language)), () -> list);
        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu(text, sk, json, getItem,
                new javafx.scene.control.SeparatorMenuItem(), browser, time);
        menu.setId("message-menu");
        // on a day separator or empty space there is no message to act on
        menu.setOnShowing(e -> menu.getItems().forEach(i -> i.setDisable(selected().isEmpty())));
        return menu;
    }

    private java.util.Optional<dev.cruddur.admin.domain.Message> selected() {
        return list.getSelectionModel().getSelectedItem() instanceof TranscriptEntry.Bubble b
                ? java.util.Optional.of(b.message()) : java.util.Optional.empty();
    }

    private java.util.function.Consumer<dev.cruddur.admin.domain.Message> onOpenInBrowser = m -> {};
    private java.util.function.Consumer<String> onOpenTimestamp = v -> {};

    /** What "Open in Browser" does with a message (the window decides: its panes are not this view's). */
    public void setOnOpenInBrowser(java.util.function.Consumer<dev.cruddur.admin.domain.Message> action) {
        onOpenInBrowser = action;
    }

    /** What "Open the timestamp in the Time pane" does with a sort key. */
    public void setOnOpenTimestamp(java.util.function.Consumer<String> action) {
        onOpenTimestamp = action;
    }

    /**
     * Up and Down move the selection from message to message, over the day separators (a separator
     * selected says nothing and copies nothing), and bring the message whole into view.
     */
    private void arrowToMessage(KeyEvent e) {
        if ((e.getCode() != KeyCode.UP && e.getCode() != KeyCode.DOWN) || e.isShiftDown() || e.isShortcutDown()) return;
        int step = e.getCode() == KeyCode.UP ? -1 : 1;
        int size = list.getItems().size();
        int from = list.getSelectionModel().getSelectedIndex();
        if (from < 0) from = step < 0 ? size : -1;
        e.consume();
        for (int i = from + step; i >= 0 && i < size; i += step) {
            if (list.getItems().get(i) instanceof TranscriptEntry.Bubble) {
                list.getSelectionModel().clearAndSelect(i);
                list.getFocusModel().focus(i);
                if (flow != null) flow.scrollTo(i);
                else list.scrollTo(i);
                return;
            }
        }
    }

    /** Older pages load when the transcript is scrolled to its top (once it has been at the bottom). */
    private void watchScrolling() {
        if (!(list.lookup(".virtual-flow") instanceof VirtualFlow<?> f)) return;
        flow = f;
        flow.positionProperty().addListener((o, a, p) -> {
            double pos = p.doubleValue();
            if (pos >= 0.999) armed = true;
            if (armed && keptPlace == null && pos <= 0.0001 && vm.hasOlderProperty().get()) vm.loadOlder();
        });
    }

    /** Which row was at the top of the transcript, and how far above or below its top edge; or the end. */
    private record Place(String key, double offset, boolean atEnd) {}

    private Place keptPlace;

    private static String keyOf(TranscriptEntry e) {
        return e instanceof TranscriptEntry.Bubble b ? "m:" + b.message().messageUuid() : "d:" + ((TranscriptEntry.Day) e).date();
    }

    /** Before the rows are replaced in place: the row at the top and its offset, or that the newest row showed. */
    private void notePlace() {
        keptPlace = null;
        if (flow == null || list.getItems().isEmpty()) return;
        var top = flow.getFirstVisibleCell();
        var bottom = flow.getLastVisibleCell();
        if (top == null || bottom == null) return;
        boolean atEnd = bottom.getIndex() >= list.getItems().size() - 1
                && bottom.getLayoutY() + bottom.getHeight() <= flow.getHeight() + 1;
        int i = top.getIndex();
        if (i < 0 || i >= list.getItems().size()) return;
        keptPlace = new Place(keyOf(list.getItems().get(i)), top.getLayoutY(), atEnd);
    }

    /** After the replaced rows are laid out: the same row at the same height (a row no longer there: left as is). */
    private void putBackPlace() {
        Place place = keptPlace;
        keptPlace = null;
        int index = -1;
        for (int i = 0; i < list.getItems().size() && index < 0; i++) if (keyOf(list.getItems().get(i)).equals(place.key())) index = i;
        if (index < 0 || flow == null) return;
        list.layout();
        flow.scrollToTop(index);
        list.layout();
        flow.scrollPixels(-place.offset());
    }

    /**
     * Asks for the newest row, whole, after the next layout pass. Done at once, it missed: while a
     * change of the entries is being told, the list's flow does not know the added row yet (the view's
     * listener runs before the skin's), so a sent message stayed below the fold; and row heights are
     * estimates until laid out.
     */
    private void scrollToEnd() {
        endWanted = true;
        list.requestLayout();
    }

    /** Scroll, lay out, then make the newest row fully visible: its real height is known only then. */
    private void scrollToEndNow() {
        int last = vm.entries().size() - 1;
        if (last < 0) return;
        list.scrollTo(last);
        if (flow != null) {
            list.layout();
            flow.scrollTo(last);
        }
    }

    public void focusCompose() {
        compose.requestFocus();
    }

    public ListView<TranscriptEntry> list() { return list; }
    public TextArea compose() { return compose; }
    public Button sendButton() { return send; }

    static String titleOf(Conversation c) {
        return c == null ? "" : c.other().displayName();
    }

    /** Adds a control at the header's right end (the send-mode menu). */
    public void addToHeader(Node control) {
        if (control instanceof Region r) r.setMinWidth(Region.USE_PREF_SIZE);
        header.getChildren().add(control);
    }
}
