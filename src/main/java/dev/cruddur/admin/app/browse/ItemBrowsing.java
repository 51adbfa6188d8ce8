package dev.cruddur.admin.app.browse;

import dev.cruddur.admin.store.DynamoConnection;
import dev.cruddur.admin.store.ItemBrowser;
import dev.cruddur.admin.store.ItemRequest;
import dev.cruddur.admin.store.TableShape;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the item browser pane calls: pages of an {@link ItemQuery}, the shape of any table (read
 * once per table and kept), and the "copy as" texts of the current query.
 */
public final class ItemBrowsing {
    private final DynamoConnection connection;
    private final ItemBrowser browser;
    private final Map<String, TableShape> shapes = new ConcurrentHashMap<>();

    public ItemBrowsing(DynamoConnection connection) {
        this.connection = connection;
        this.browser = new ItemBrowser(connection);
    }

    public List<String> tables() {
        return browser.listTables();
    }

    public TableShape shape(String table) {
        return shapes.computeIfAbsent(table, browser::describeTable);
    }

    /** Forgets the kept shape of a table (after it was recreated, say). */
    public void forgetShape(String table) {
        shapes.remove(table);
    }

    public ItemRequest request(ItemQuery query) {
        return query.toRequest(shape(query.table()));
    }

    /** One page; pass the previous page's cursor for the next. */
    public ItemBrowser.BrowsePage page(ItemQuery query, Optional<String> cursor) {
        return browser.page(request(query), cursor);
    }

    public String copyAsAwsCli(ItemQuery query) {
        return CopyAs.awsCli(request(query), connection.target());
    }

    public String copyAsJava(ItemQuery query) {
        return CopyAs.javaSdk(request(query), connection.target());
    }
}
