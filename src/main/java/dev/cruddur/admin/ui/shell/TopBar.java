package dev.cruddur.admin.ui.shell;

import atlantafx.base.theme.Styles;
import dev.cruddur.admin.domain.User;
import dev.cruddur.admin.ui.common.Avatar;
import dev.cruddur.admin.ui.common.Icons;
import dev.cruddur.admin.ui.common.Themes;
import dev.cruddur.admin.ui.common.UserSearchList;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The connection with its badge, the "viewing as" picker, refresh, theme and connections. */
public final class TopBar extends HBox {
    private final Button viewerButton = new Button();
    private final Popup viewerPopup = new Popup();
    private final UserSearchList viewerSearch;

    public TopBar(WindowSession vm, Runnable openConnections) {
        getStyleClass().add("top-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(10);

        Label badge = new Label();
        badge.setId("connection-badge");
        badge.getStyleClass().add("badge");
        badge.setMinWidth(Region.USE_PREF_SIZE); // a kind cut to "L…" says nothing: the names and the URL give way first
        // an endpoint that cannot be reached is not a green LOCAL: the badge says UNREACHABLE, grey,
        // with the kind it would be in the tooltip
        Tooltip badgeTip = new Tooltip();
        badge.setTooltip(badgeTip);
        Runnable paintBadge = () -> {
            WindowSession.Badge b = vm.badgeProperty().get();
            boolean unreachable = vm.stateProperty().get() == WindowSession.State.UNREACHABLE;
            badge.getStyleClass().removeAll("badge-local", "badge-remote", "badge-aws", "badge-unreachable");
            badge.getStyleClass().add(unreachable ? "badge-unreachable" : "badge-" + b.name().toLowerCase());
            badge.setText(unreachable ? "○ UNREACHABLE" : "● " + b.name());
            badgeTip.setText(unreachable ? "This " + b.name() + " connection's endpoint cannot be reached" : b.name() + " connection");
        };
        vm.badgeProperty().addListener((o, a, b) -> paintBadge.run());
        vm.stateProperty().addListener((o, a, b) -> paintBadge.run());
        paintBadge.run();

        Label name = new Label();
        name.setId("connection-name");
        name.getStyleClass().add(Styles.TEXT_BOLD);
        name.textProperty().bind(vm.profileProperty().map(p -> p.name()).orElse(""));
        name.setMinWidth(80);
        name.setTooltip(new Tooltip());
        name.getTooltip().textProperty().bind(name.textProperty());
        Label where = new Label();
        where.setId("connection-where");
        where.getStyleClass().add(Styles.TEXT_MUTED);
        where.textProperty().bind(vm.whereProperty());
        where.setMinWidth(0);
        where.setTooltip(new Tooltip());
        where.getTooltip().textProperty().bind(where.textProperty());

        Label readOnly = new Label("read-only");
        readOnly.setId("read-only");
        readOnly.getStyleClass().addAll("badge", "badge-readonly");
        Button unlock = new Button("Unlock writes", Icons.of(Material2AL.LOCK_OPEN));
        unlock.setId("unlock-writes");
        unlock.getStyleClass().addAll(Styles.SMALL, Styles.DANGER, Styles.BUTTON_OUTLINED);
        unlock.setTooltip(new Tooltip("Allow writes to this table for this session"));
        unlock.setOnAction(e -> vm.unlockWrites());
        var locked = vm.writableProperty().not();
        readOnly.visibleProperty().bind(locked);
        readOnly.managedProperty().bind(locked);
        var canUnlock = locked.and(vm.stateProperty().isEqualTo(WindowSession.State.READY)
                .or(vm.stateProperty().isEqualTo(WindowSession.State.NO_TABLE)));
        unlock.visibleProperty().bind(canUnlock);
        unlock.managedProperty().bind(canUnlock);
        Label unlocked = new Label("writes unlocked");
        unlocked.setId("writes-unlocked");
        unlocked.getStyleClass().addAll("badge", "badge-unlocked");
        var showUnlocked = vm.writableProperty().and(vm.badgeProperty().isNotEqualTo(WindowSession.Badge.LOCAL));
        unlocked.visibleProperty().bind(showUnlocked);
        unlocked.managedProperty().bind(showUnlocked);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Label viewing = new Label("Viewing as");
        viewing.getStyleClass().add(Styles.TEXT_MUTED);
        viewing.setMinWidth(Region.USE_PREF_SIZE);
        Avatar avatar = new Avatar(22);
        viewerButton.setId("viewer-picker");
        viewerButton.setGraphic(avatar);
        viewerButton.setContentDisplay(javafx.scene.control.ContentDisplay.LEFT);
        viewerButton.getStyleClass().add("viewer-button");
        viewerButton.setMinWidth(Region.USE_PREF_SIZE);
        viewerButton.textProperty().bind(Bindings.createStringBinding(() -> {
            User u = vm.viewerProperty().get();
            return u == null ? "nobody" : u.displayName() + "  ▾";
        }, vm.viewerProperty()));
        vm.viewerProperty().addListener((o, a, u) -> avatar.show(u));
        avatar.show(vm.viewerProperty().get());
        viewerButton.disableProperty().bind(vm.stateProperty().isNotEqualTo(WindowSession.State.READY));
        viewerButton.setTooltip(new Tooltip("Whose inbox to look at (searchable by name or @handle)"));

        viewerSearch = new UserSearchList("viewer", vm::searchUsers);
        viewerSearch.setOnPick(u -> {
            viewerPopup.hide();
            vm.selectViewer(u);
        });
        VBox popupBox = new VBox(viewerSearch);
        popupBox.getStyleClass().add("popup-box");
        popupBox.setPrefWidth(300);
        popupBox.getStylesheets().add(Themes.appStylesheet());
        viewerPopup.getContent().add(popupBox);
        viewerPopup.setAutoHide(true);
        viewerButton.setOnAction(e -> showViewerPicker());

        Button refresh = new Button(null, Icons.of(Material2MZ.REFRESH, 18));
        refresh.setId("refresh");
        refresh.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        refresh.setTooltip(new Tooltip("Refresh (F5)"));
        refresh.setOnAction(e -> vm.refresh());
        Button theme = new Button();
        theme.setId("theme-switch");
        theme.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        theme.graphicProperty().bind(vm.darkProperty().map(d -> Icons.of(d ? Material2MZ.WB_SUNNY : Material2MZ.NIGHTS_STAY, 18)));
        theme.setTooltip(new Tooltip("Light or dark theme"));
        theme.setOnAction(e -> vm.toggleTheme());
        Button connections = new Button(null, Icons.of(Material2MZ.SETTINGS_ETHERNET, 18));
        connections.setId("open-connections");
        connections.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        connections.setTooltip(new Tooltip("Connections (Ctrl+L)"));
        connections.setOnAction(e -> openConnections.run());

        getChildren().addAll(badge, name, where, readOnly, unlock, unlocked, spacer, viewing, viewerButton, refresh, theme, connections);
    }

    public void showViewerPicker() {
        if (viewerButton.isDisabled() || viewerButton.getScene() == null) return;
        viewerSearch.query().clear();
        viewerSearch.refresh();
        var b = viewerButton.localToScreen(viewerButton.getBoundsInLocal());
        viewerPopup.show(viewerButton, b.getMaxX() - 300, b.getMaxY() + 4);
        viewerSearch.focusQuery();
    }

    public UserSearchList viewerSearch() {
        return viewerSearch;
    }

    static Side side() {
        return Side.BOTTOM;
    }
}
