package dev.cruddur.admin.ui.shell;

import javafx.collections.ListChangeListener;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * The keys every dialog of the window answers, whichever view opened it: Ctrl+W closes it (as its
 * title bar's close button would, so a dialog that may not close now refuses as it does there)
 * and Ctrl+Q quits the app. Dialogs are found as they open, so no dialog has to remember them.
 * In the window and its dialogs, Tab (Shift+Tab) in a text area moves the focus on (back) as it
 * does everywhere else, rather than typing a tab the fields never need: without it a message box
 * or a statement editor is a place the keyboard cannot leave.
 */
public final class DialogKeys {
    private static final KeyCombination CLOSE = new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination QUIT = new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN);

    private DialogKeys() {}

    /** Follows the windows opened while {@code main}'s window shows; stops when it is hidden. */
    public static void follow(Scene main, Runnable quit) {
        main.addEventFilter(KeyEvent.KEY_PRESSED, DialogKeys::tabLeavesTextAreas);
        ListChangeListener<Window> opened = change -> {
            while (change.next()) {
                for (Window w : change.getAddedSubList()) {
                    if (w instanceof Stage dialog && w != main.getWindow()) answer(dialog, quit);
                }
            }
        };
        main.windowProperty().addListener((o, was, window) -> {
            if (window == null) return;
            Window.getWindows().addListener(opened);
            window.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> Window.getWindows().removeListener(opened));
        });
    }

    private static void answer(Stage dialog, Runnable quit) {
        if (dialog.getProperties().containsKey(DialogKeys.class)) return;
        dialog.getProperties().put(DialogKeys.class, Boolean.TRUE);
        EventHandler<KeyEvent> keys = e -> {
            if (CLOSE.match(e)) {
                e.consume();
                close(dialog);
            } else if (QUIT.match(e)) {
                e.consume();
                quit.run();
            }
        };
        dialog.addEventFilter(KeyEvent.KEY_PRESSED, keys);
        dialog.addEventFilter(KeyEvent.KEY_PRESSED, DialogKeys::tabLeavesTextAreas);
    }

    private static final boolean MAC = System.getProperty("os.name", "").startsWith("Mac");

    /**
     * A plain Tab (or Shift+Tab) aimed at a text area comes back as the shortcut+Tab that a text
     * area reads as "move the focus on" (back, with Shift), so a tab is never typed into the text.
     */
    private static void tabLeavesTextAreas(KeyEvent e) {
        if (e.getCode() != KeyCode.TAB || e.isControlDown() || e.isAltDown() || e.isMetaDown() || e.isShortcutDown()) return;
        if (!(e.getTarget() instanceof javafx.scene.control.TextArea area)) return;
        e.consume();
        area.fireEvent(new KeyEvent(area, area, KeyEvent.KEY_PRESSED, e.getCharacter(), e.getText(), KeyCode.TAB,
                e.isShiftDown(), !MAC, false, MAC));
    }

    /** As the title bar's close button: a close request first, which a Dialog answers by closing (or refusing). */
    public static void close(Stage dialog) {
        WindowEvent request = new WindowEvent(dialog, WindowEvent.WINDOW_CLOSE_REQUEST);
        javafx.event.Event.fireEvent(dialog, request);
        if (!request.isConsumed() && dialog.isShowing() && dialog.getOnCloseRequest() == null) dialog.hide();
    }
}
