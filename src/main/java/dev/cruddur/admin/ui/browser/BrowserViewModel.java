package dev.cruddur.admin.ui.browser;

import dev.cruddur.admin.ui.shell.WindowSession;

/**
 * The Browser pane's state: the item browser, the consistency check and export/import, all
 * following the window's connection (opened when it is ready, closed when it goes).
 */
public final class BrowserViewModel {
    private final ItemBrowserViewModel items;
    private final ConsistencyViewModel check;
    private final TransferViewModel transfer;

    public BrowserViewModel(WindowSession main) {
        items = new ItemBrowserViewModel(main.tasks(), main.writableProperty(), main.zone());
        check = new ConsistencyViewModel(main.tasks(), main.writableProperty());
        transfer = new TransferViewModel(main.tasks(), items);
        main.stateProperty().addListener((o, a, state) -> follow(main));
        follow(main);
    }

    private void follow(WindowSession main) {
        if (main.stateProperty().get() == WindowSession.State.READY && main.session() != null) {
            if (items.connection() == main.session().connection()) return;
            items.open(main.session().connection());
            check.open(main.session().connection());
        } else if (items.connection() != null) {
            items.close();
            check.close();
        }
    }

    public ItemBrowserViewModel items() { return items; }
    public ConsistencyViewModel check() { return check; }
    public TransferViewModel transfer() { return transfer; }
}
