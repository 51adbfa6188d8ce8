package dev.cruddur.admin.ui.browser;

import dev.cruddur.admin.ui.shell.WindowSession;
import dev.cruddur.admin.app.browse.StatementHistory;
import dev.cruddur.admin.app.connect.ConnectionProfiles;
import java.nio.file.Path;

/**
 * The Browser pane's state: the item browser, PartiQL, the consistency check and export/import, all
 * following the window's connection (opened when it is ready, closed when it goes).
 */
public final class BrowserViewModel {
    private final ItemBrowserViewModel items;
    private final ConsistencyViewModel check;
    private final TransferViewModel transfer;
    private final PartiqlViewModel partiql;

    /** The PartiQL history is kept in the config directory ({@code $XDG_CONFIG_HOME/cruddur-admin}). */
    public BrowserViewModel(WindowSession main) {
        this(main, ConnectionProfiles.configDir(System.getenv(), System.getProperties()));
    }

    public BrowserViewModel(WindowSession main, Path configDir) {
        items = new ItemBrowserViewModel(main.tasks(), main.writableProperty(), main.zone());
        partiql = new PartiqlViewModel(main.tasks(), main.writableProperty(), items.tables(), new StatementHistory(configDir),
                main.zone());
        check = new ConsistencyViewModel(main.tasks(), main.writableProperty());
        transfer = new TransferViewModel(main.tasks(), items);
        main.stateProperty().addListener((o, a, state) -> follow(main));
        follow(main);
    }

    private void follow(WindowSession main) {
        if (main.stateProperty().get() == WindowSession.State.READY && main.session() != null) {
            if (items.connection() == main.session().connection()) return;
            items.open(main.session().connection());
            partiql.open(main.session().connection());
            check.open(main.session().connection());
        } else if (items.connection() != null) {
            items.close();
            partiql.close();
            check.close();
        }
    }

    public ItemBrowserViewModel items() { return items; }
    public PartiqlViewModel partiql() { return partiql; }
    public ConsistencyViewModel check() { return check; }
    public TransferViewModel transfer() { return transfer; }
}
