package dev.cruddur.admin.ui.shell;

import dev.cruddur.admin.ui.browser.BrowserPane;
import dev.cruddur.admin.ui.cache.CachePane;
import dev.cruddur.admin.ui.conversations.ConversationsPane;
import dev.cruddur.admin.ui.time.TimePane;
import java.util.List;
import org.kordamp.ikonli.material2.Material2AL;

/** The panes of the rail, in order (ui-sketch.md). A pane is one line here. */
public final class AppPanes {
    private AppPanes() {}

    public static List<AppPane> all() {
        return List.of(
                new AppPane("conversations", "Conversations", Material2AL.CHAT, ConversationsPane::new),
                new AppPane("cache", "Cache", Material2AL.FLASH_ON, CachePane::new),
                new AppPane("time", "Time", Material2AL.ACCESS_TIME, TimePane::new),
                new AppPane("browser", "Browser", Material2AL.GRID_ON, BrowserPane::new));
    }
}
