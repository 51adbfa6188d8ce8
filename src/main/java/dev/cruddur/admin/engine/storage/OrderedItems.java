package dev.cruddur.admin.engine.storage;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/** Items of a table or an index: partitions in scan order, rows within a partition in range key order. */
public final class OrderedItems {
    private final TreeMap<HashBucket, TreeMap<RowKey, StoredItem>> partitions = new TreeMap<>(HashBucket.ORDER);
    private int count;
    private long bytes;

    public int count() { return count; }
    public long bytes() { return bytes; }

    public StoredItem get(HashBucket bucket, RowKey row) {
        TreeMap<RowKey, StoredItem> p = partitions.get(bucket);
        return p == null ? null : p.get(row);
    }

    public StoredItem put(HashBucket bucket, RowKey row, StoredItem item) {
        StoredItem old = partitions.computeIfAbsent(bucket, b -> new TreeMap<>(RowKey.ORDER)).put(row, item);
        if (old == null) count++; else bytes -= old.size();
        bytes += item.size();
        return old;
    }

    public StoredItem remove(HashBucket bucket, RowKey row) {
        TreeMap<RowKey, StoredItem> p = partitions.get(bucket);
        if (p == null) return null;
        StoredItem old = p.remove(row);
        if (old != null) {
            count--;
            bytes -= old.size();
            if (p.isEmpty()) partitions.remove(bucket);
        }
        return old;
    }

    /** The rows of one partition, or an empty map. */
    public NavigableMap<RowKey, StoredItem> partition(HashBucket bucket) {
        TreeMap<RowKey, StoredItem> p = partitions.get(bucket);
        return p == null ? new TreeMap<>(RowKey.ORDER) : p;
    }

    /**
     * Visits rows in scan order, starting after (bucket, row) when given, until the visitor returns false.
     */
    public void scan(HashBucket startBucket, RowKey startRow, Predicate<Map.Entry<HashBucket, StoredItem>> visitor) {
        NavigableMap<HashBucket, TreeMap<RowKey, StoredItem>> from = startBucket == null ? partitions : partitions.tailMap(startBucket, true);
        for (Map.Entry<HashBucket, TreeMap<RowKey, StoredItem>> p : from.entrySet()) {
            NavigableMap<RowKey, StoredItem> rows = p.getValue();
            if (startBucket != null && HashBucket.ORDER.compare(p.getKey(), startBucket) == 0 && startRow != null) rows = rows.tailMap(startRow, false);
            for (StoredItem item : rows.values()) {
                if (!visitor.test(Map.entry(p.getKey(), item))) return;
            }
        }
    }

    public void clear() {
        partitions.clear();
        count = 0;
        bytes = 0;
    }
}
