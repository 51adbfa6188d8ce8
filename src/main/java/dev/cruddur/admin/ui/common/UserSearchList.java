package dev.cruddur.admin.ui.common;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import dev.cruddur.admin.domain.User;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * A search field over the users (handle or display name; with Postgres also email) and the matching
 * users, a page at a time ("More users" fetches the next); Enter or a click picks.
 */
public final class UserSearchList extends VBox {
    private final CustomTextField query = new CustomTextField();
    private final ListView<User> list = new ListView<>();
    private final Button more = new Button("More users");
    private final Label none = new Label("No user matches.");
    private final UserSearch search;
    private Consumer<User> onPick = u -> {};
    private Optional<String> next = Optional.empty();
    private long asked;

    public UserSearchList(String id, UserSearch search) {
        this.search = search;
        setSpacing(6);
        getStyleClass().add("user-search");
        query.setId(id + "-query");
        query.setPromptText("Search by name or @handle");
        query.setLeft(Icons.of(Material2MZ.SEARCH));
        list.setId(id + "-list");
        list.setPrefHeight(220);
        list.setCellFactory(v -> new ListCell<>() {
            private final Avatar avatar = new Avatar(24);
            private final Label name = new Label();
            private final Label handle = new Label();
            private final HBox row = new HBox(8, avatar, name, handle);
            {
                row.setAlignment(Pos.CENTER_LEFT);
                handle.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            }

            @Override
            protected void updateItem(User u, boolean empty) {
                super.updateItem(u, empty);
                setText(null);
                if (empty || u == null) {
                    setGraphic(null);
                    return;
                }
                avatar.show(u);
                name.setText(u.displayName());
                handle.setText("@" + u.handle());
                setGraphic(row);
            }
        });
        none.getStyleClass().add(Styles.TEXT_MUTED);
        none.setWrapText(true);
        list.setPlaceholder(none);
        query.textProperty().addListener((o, a, q) -> refresh());
        query.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN && !list.getItems().isEmpty()) {
                list.requestFocus();
                if (list.getSelectionModel().isEmpty()) list.getSelectionModel().selectFirst();
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER) {
                User u = list.getSelectionModel().getSelectedItem() != null ? list.getSelectionModel().getSelectedItem()
                        : list.getItems().isEmpty() ? null : list.getItems().get(0);
                if (u != null) onPick.accept(u);
                e.consume();
            }
        });
        list.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && list.getSelectionModel().getSelectedItem() != null) {
                onPick.accept(list.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && list.getSelectionModel().getSelectedItem() != null) {
                onPick.accept(list.getSelectionModel().getSelectedItem());
            }
        });
        more.setId(id + "-more");
        more.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        more.setVisible(false);
        more.managedProperty().bind(more.visibleProperty());
        more.setOnAction(e -> fetch(next, true));
        getChildren().addAll(query, list, more);
    }

    public void setOnPick(Consumer<User> onPick) {
        this.onPick = onPick;
    }

    /** Searches again for the current query, from the first page. */
    public void refresh() {
        fetch(Optional.empty(), false);
    }

    /** Asks for a page; an answer to an older question (the query changed since) is dropped. */
    private void fetch(Optional<String> cursor, boolean append) {
        long question = ++asked;
        String q = query.getText();
        search.search(q, cursor, result -> {
            if (question != asked) return;
            none.setText(result.error() != null ? result.error() : "No user matches.");
            if (result.error() != null) {
                if (!append) list.getItems().clear();
                next = Optional.empty();
            } else {
                if (append) list.getItems().addAll(result.page().items());
                else list.getItems().setAll(result.page().items());
                next = result.page().nextCursor();
            }
            more.setVisible(next.isPresent());
        });
    }

    public void focusQuery() {
        query.requestFocus();
        query.selectAll();
    }

    public CustomTextField query() { return query; }
    public ListView<User> list() { return list; }
}
