package dev.cruddur.admin.engine.storage;

import dev.cruddur.admin.engine.model.AttributeValue;
import dev.cruddur.admin.engine.model.ValueOrder;

import java.util.Comparator;

/**
 * The position of an item inside a partition: its range key, then (in indexes, where range keys repeat)
 * the table key it belongs to. {@code bound} -1/+1 makes a search key that sorts before/after every row
 * with the same range value.
 */
public record RowKey(AttributeValue range, String tiePrefix, AttributeValue tieHash, AttributeValue tieRange, int bound) {
    public static RowKey of(AttributeValue range) { return new RowKey(range, null, null, null, 0); }
    public static RowKey before(AttributeValue range) { return new RowKey(range, null, null, null, -1); }
    public static RowKey after(AttributeValue range) { return new RowKey(range, null, null, null, 1); }

    public static final Comparator<RowKey> ORDER = (a, b) -> {
        int c = compareNullable(a.range, b.range);
        if (c != 0) return c;
        if (a.bound != 0 || b.bound != 0) return Integer.compare(a.bound, b.bound);
        if (a.tiePrefix != null || b.tiePrefix != null) {
            if (a.tiePrefix == null || b.tiePrefix == null) return a.tiePrefix == null ? -1 : 1;
            c = a.tiePrefix.compareTo(b.tiePrefix);
            if (c != 0) return c;
        }
        c = compareNullable(a.tieHash, b.tieHash);
        if (c != 0) return c;
        return compareNullable(a.tieRange, b.tieRange);
    };

    private static int compareNullable(AttributeValue a, AttributeValue b) {
        if (a == null || b == null) return a == null ? (b == null ? 0 : -1) : 1;
        return ValueOrder.compareSameType(a, b);
    }
}
