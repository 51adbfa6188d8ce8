package dev.cruddur.admin.engine.storage;

import dev.cruddur.admin.engine.model.AttributeValue;
import dev.cruddur.admin.engine.model.ValueOrder;

import java.util.Comparator;

/** One partition key value, placed in scan order by its hash prefix. A null hash is a search bound before all. */
public record HashBucket(String prefix, AttributeValue hash) {
    public static HashBucket of(AttributeValue hash) { return new HashBucket(ScanOrder.prefix(hash, null), hash); }

    public static final Comparator<HashBucket> ORDER = (a, b) -> {
        int c = a.prefix.compareTo(b.prefix);
        if (c != 0) return c;
        if (a.hash == null || b.hash == null) return a.hash == null ? (b.hash == null ? 0 : -1) : 1;
        return ValueOrder.compareSameType(a.hash, b.hash);
    };

    /** The segment (of 4096) a parallel scan assigns this bucket to, by its first three hex digits. */
    public int segmentSlot() { return Integer.parseInt(prefix.substring(0, 3), 16); }
}
