package dev.cruddur.admin.ui.shell;

import javafx.scene.Node;

/** What the window asks of a pane: its node, and its answers to the window-wide shortcuts. */
public interface PaneView {
    Node node();

    /** Ctrl+F. */
    default void find() {}

    /** Ctrl+N. */
    default void createNew() {}
}
