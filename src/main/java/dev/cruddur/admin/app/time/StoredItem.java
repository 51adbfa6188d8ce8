package dev.cruddur.admin.app.time;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.store.MessageTableReader;
import dev.cruddur.admin.store.PlainValues;
import java.util.Map;
import java.util.Optional;

/** One item of the table by its keys, as plain values (keys first): what a lint finding opens. */
public final class StoredItem {
    private StoredItem() {}

    /** A consistent read of the item; empty when it is not (or no longer) there. Call off the FX thread. */
    public static Optional<Map<String, Object>> find(DirectMessages on, String pk, String sk) {
        return new MessageTableReader(on.connection()).item(pk, sk).map(PlainValues::item);
    }
}
