package dev.cruddur.admin.ui.shell;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.app.connect.ConnectionProfile;
import dev.cruddur.admin.domain.Message;
import dev.cruddur.admin.domain.User;
import dev.cruddur.admin.ui.common.BackgroundTasks;
import dev.cruddur.admin.ui.common.UserSearch;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;

/**
 * What the panes and the window's frame know of the window: the connection and its state, whose
 * inbox, the status line, the theme, and the few commands they may give. The window's view model
 * implements it; the feature packages depend on this, never on the window itself, so no arrow
 * points back up from a pane to the window that assembles the panes.
 */
public interface WindowSession {
    enum State { IDLE, CONNECTING, READY, NO_TABLE, UNREACHABLE }

    /** The badge: green LOCAL (loopback), amber REMOTE (an endpoint elsewhere), red AWS. */
    enum Badge { LOCAL, REMOTE, AWS }

    // Properties
    ReadOnlyObjectProperty<ConnectionProfile> profileProperty();
    ReadOnlyObjectProperty<State> stateProperty();
    ReadOnlyObjectProperty<Badge> badgeProperty();
    ReadOnlyStringProperty whereProperty();
    ReadOnlyBooleanProperty writableProperty();
    ObservableList<User> users();
    ReadOnlyObjectProperty<User> viewerProperty();
    ReadOnlyStringProperty lastCallProperty();
    ReadOnlyStringProperty limitationsProperty();
    /** How the window's last send was written (direct or stream), for the status bar. */
    ReadOnlyStringProperty lastWriteModeProperty();
    /** The message selected in the open transcript, if any (the Time pane reads its sk). */
    ObservableValue<Message> selectedMessageProperty();
    ReadOnlyBooleanProperty setupBusyProperty();
    ReadOnlyDoubleProperty setupProgressProperty();
    ReadOnlyStringProperty setupMessageProperty();
    BooleanProperty darkProperty();
    BackgroundTasks tasks();
    Clock clock();
    /** The zone times are shown in. */
    ZoneId zone();
    /** The open connection's services (null while not connected). */
    DirectMessages session();

    // Commands
    void showNotice(String text);
    void connect(ConnectionProfile next);
    void selectViewer(User who);
    List<User> searchUsers(String query);
    /** A page of the users matching {@code query} (Cruddur's Postgres users too, when connected), delivered on the FX thread. */
    void searchUsers(String query, Optional<String> cursor, Consumer<UserSearch.Result> show);
    void refresh();
    void unlockWrites();
    void lockWrites();
    void toggleTheme();
    void createTable();
    void loadDemoData();
}
