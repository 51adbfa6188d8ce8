package dev.cruddur.admin.ui.shell;

import dev.cruddur.admin.ui.conversations.ConversationsPane;
import java.util.List;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The panes of the rail, in order. A pane is one line here; Cache, Time and Browser are added
 * when their packages exist (they are left out rather than shown disabled).
 */
public final class AppPanes {
    private AppPanes() {}

    public static List<AppPane> all() {
        return List.of(
                new AppPane("conversations", "Conversations", Material2AL.CHAT, ConversationsPane::new),
                new AppPane("browser", "Browser", Material2AL.GRID_ON, dev.cruddur.admin.ui.browser.BrowserPane::new));
    }
}
