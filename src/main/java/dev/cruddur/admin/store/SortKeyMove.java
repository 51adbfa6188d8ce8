package dev.cruddur.admin.store;

import java.util.Map;

/**
 * One item to move to a new sort key: put {@code from} again under {@code toSortKey} with
 * {@code replaced} string attributes, then delete it. When {@code copyWritten} the put already
 * happened (an interrupted run left the copy) and only the delete is left.
 */
public record SortKeyMove(ScannedItem from, String toSortKey, Map<String, String> replaced, boolean copyWritten) {
    public SortKeyMove {
        replaced = Map.copyOf(replaced);
    }
}
