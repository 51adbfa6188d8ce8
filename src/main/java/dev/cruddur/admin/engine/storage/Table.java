package dev.cruddur.admin.engine.storage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.HashMap;
import java.util.Set;
import java.util.HashSet;

/** One table's data: items, index entries, streams and TTL expiry times. Guarded by the Database lock. */
public final class Table {
    private volatile TableDefinition definition;
    final OrderedItems items = new OrderedItems();
    final Map<String, OrderedItems> indexes = new LinkedHashMap<>();
    final List<StreamLog> streams = new ArrayList<>();
    /** epoch second → keys expiring then; only kept while TTL is enabled. */
    final TreeMap<Long, Set<ItemKey>> expiries = new TreeMap<>();
    final Map<ItemKey, Long> expiryOf = new HashMap<>();

    /**
     * Partition keys' places in scan order (an md5 each), kept for the partitions in use: requests that go round
     * a few conversations in turn each computed it again when only the last one was kept. Readers share the
     * read lock, hence a concurrent map.
     */
    private final java.util.concurrent.ConcurrentHashMap<dev.cruddur.admin.engine.model.AttributeValue, HashBucket> buckets =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int CACHED_BUCKETS = 4096;

    Table(TableDefinition definition) {
        this.definition = definition;
        for (IndexDefinition i : definition.indexes()) indexes.put(i.name(), new OrderedItems());
    }

    public TableDefinition definition() { return definition; }

    HashBucket bucket(dev.cruddur.admin.engine.model.AttributeValue hash) {
        HashBucket b = buckets.get(hash);
        if (b != null) return b;
        b = HashBucket.of(hash);
        if (buckets.size() >= CACHED_BUCKETS) buckets.clear(); // a bound, not an eviction policy: refilling costs one md5 each
        buckets.put(hash, b);
        return b;
    }

    /** What a replayed item must reveal without a full parse: keys, index keys, the TTL attribute. */
    private TableDefinition replayAttributesOf;
    private Set<String> replayAttributes;

    Set<String> replayAttributes() {
        TableDefinition d = definition;
        if (d == replayAttributesOf) return replayAttributes;
        Set<String> names = new HashSet<>();
        names.add(d.hash().name());
        if (d.range() != null) names.add(d.range().name());
        for (IndexDefinition i : d.indexes()) {
            names.add(i.hash().name());
            if (i.range() != null) names.add(i.range().name());
        }
        if (d.ttlAttribute() != null) names.add(d.ttlAttribute());
        replayAttributesOf = d;
        replayAttributes = names;
        return names;
    }
    void definition(TableDefinition d) { this.definition = d; }

    public OrderedItems items() { return items; }
    public OrderedItems index(String name) { return indexes.get(name); }
    public List<StreamLog> streams() { return streams; }

    public StreamLog currentStream() {
        for (int i = streams.size() - 1; i >= 0; i--) if (streams.get(i).enabled()) return streams.get(i);
        return null;
    }

    StreamLog stream(String label) {
        for (StreamLog s : streams) if (s.label().equals(label)) return s;
        return null;
    }

    void trackExpiry(ItemKey key, Long at) {
        Long old = at == null ? expiryOf.remove(key) : expiryOf.put(key, at);
        if (old != null) {
            Set<ItemKey> s = expiries.get(old);
            if (s != null && s.remove(key) && s.isEmpty()) expiries.remove(old);
        }
        if (at != null) expiries.computeIfAbsent(at, t -> new HashSet<>()).add(key);
    }
}
