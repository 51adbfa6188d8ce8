package dev.cruddur.admin.ui.common;

import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.util.Duration;

/**
 * Every copy of the window: the text on the clipboard, and a brief "Copied" beside what was
 * clicked, so a copy never looks like nothing happened. The last copy is kept as a property for
 * tests and the status line.
 */
public final class Copied {
    private static final ReadOnlyStringWrapper LAST = new ReadOnlyStringWrapper(Copied.class, "last", "");
    private static final Duration SHOWN = Duration.millis(1200);

    private Copied() {}

    /** Copies {@code text} and says "Copied" (or {@code what} copied) beside {@code anchor}, when it shows. */
    public static void copy(String text, String what, Node anchor) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
        LAST.set(what);
        if (anchor == null || anchor.getScene() == null || anchor.getScene().getWindow() == null
                || !anchor.getScene().getWindow().isShowing()) return;
        Tooltip note = new Tooltip(what);
        note.getStyleClass().add("copied-note");
        Bounds b = anchor.localToScreen(anchor.getBoundsInLocal());
        if (b == null) return;
        note.show(anchor, b.getMinX(), b.getMaxY() + 4);
        PauseTransition hide = new PauseTransition(SHOWN);
        hide.setOnFinished(e -> note.hide());
        hide.play();
    }

    /** What the last copy said ("Copied text", …). */
    public static ReadOnlyStringProperty lastProperty() {
        return LAST.getReadOnlyProperty();
    }
}
