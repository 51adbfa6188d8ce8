package dev.cruddur.admin.ui;

import dev.cruddur.admin.ui.browser.BrowserPane;
import dev.cruddur.admin.ui.cache.CachePane;
import dev.cruddur.admin.ui.conversations.ConversationsPane;
import dev.cruddur.admin.ui.shell.AppPane;
import dev.cruddur.admin.ui.time.TimePane;
import java.util.List;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The panes of the rail, in order (ui-sketch.md). A pane is one line here: the window assembles
 * each pane from its own session and view models, so no pane imports the window.
 */
public final class AppPanes {
    private AppPanes() {}

    public static List<AppPane> all(MainViewModel m) {
        return List.of(
                new AppPane("conversations", "Conversations", Material2AL.CHAT,
                        () -> new ConversationsPane(m, m.conversations(), m.transcript(), m.streamMode(), m.cache().reads())),
                new AppPane("cache", "Cache", Material2AL.FLASH_ON, () -> new CachePane(m, m.cache())),
                new AppPane("time", "Time", Material2AL.ACCESS_TIME, () -> new TimePane(m)),
                new AppPane("browser", "Browser", Material2AL.GRID_ON, () -> new BrowserPane(m)));
    }
}
