package dev.cruddur.admin.engine.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cruddur.admin.engine.api.Json;
import dev.cruddur.admin.engine.api.Values;
import dev.cruddur.admin.engine.model.AttributeValue;
import dev.cruddur.admin.engine.model.ItemSize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * All tables of one engine. One writer at a time (a write lock held for a whole request or transaction)
 * makes every request atomic and isolated; readers share the read lock. Changes go to the write log, if
 * any, in the same order and before the lock is released.
 */
public final class Database implements AutoCloseable {
    private static final long FIVE_YEARS_SECONDS = 5L * 365 * 24 * 3600;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final TreeMap<String, Table> tables = new TreeMap<>();
    private final WriteLog log;
    private final StringBuilder pendingLog = new StringBuilder();
    private long sequence;
    private boolean replaying;
    private long replayTime;

    private Database(WriteLog log) { this.log = log; }

    public static Database open(Optional<Path> directory) {
        try {
            if (directory.isEmpty()) return new Database(null);
            Database db = new Database(new WriteLog(directory.get()));
            db.replay();
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- locking

    public <T> T read(Supplier<T> work) {
        lock.readLock().lock();
        try {
            return work.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    public <T> T write(Supplier<T> work) {
        lock.writeLock().lock();
        try {
            T result = work.get();
            flushLog();
            return result;
        } finally {
            pendingLog.setLength(0);
            lock.writeLock().unlock();
        }
    }

    private void flushLog() {
        if (log == null || pendingLog.length() == 0) return;
        try {
            log.append(pendingLog);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void logLine(String... fields) {
        if (log == null || replaying) return;
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) pendingLog.append('\t');
            pendingLog.append(fields[i]);
        }
        pendingLog.append('\n');
    }

    private long now() { return replaying ? replayTime : System.currentTimeMillis(); }

    // ---- tables

    public Table table(String name) { return tables.get(name); }

    public Collection<String> tableNames() { return new ArrayList<>(tables.keySet()); }

    public Collection<Table> tables() { return new ArrayList<>(tables.values()); }

    public Table createTable(TableDefinition definition) {
        Table t = new Table(definition);
        tables.put(definition.name(), t);
        if (definition.stream() != null && definition.stream().enabled()) openStream(t, definition.stream());
        logLine("T", definitionText(definition));
        return t;
    }

    public void deleteTable(String name) {
        tables.remove(name);
        logLine("X", name);
    }

    /** Applies a changed definition: builds new indexes, drops removed ones, opens or closes the stream, starts TTL tracking. */
    public void updateDefinition(Table table, TableDefinition next) {
        TableDefinition before = table.definition();
        table.definition(next);
        for (IndexDefinition i : next.indexes()) {
            if (before.index(i.name()) == null) {
                OrderedItems built = new OrderedItems();
                table.indexes.put(i.name(), built);
                table.items.scan(null, null, e -> {
                    StoredItem s = e.getValue();
                    indexPut(next, i, built, s.parse(), s);
                    return true;
                });
            }
        }
        table.indexes.keySet().removeIf(name -> next.index(name) == null);
        StreamSettings s = next.stream();
        StreamLog current = table.currentStream();
        if (current != null && (s == null || !s.enabled() || !s.label().equals(current.label()))) current.disable();
        if (s != null && s.enabled() && (current == null || !current.label().equals(s.label()))) openStream(table, s);
        if (next.ttlEnabled() && !(before.ttlEnabled() && next.ttlAttribute().equals(before.ttlAttribute()))) {
            table.expiries.clear();
            table.expiryOf.clear();
            table.items.scan(null, null, e -> {
                table.trackExpiry(e.getValue().key(), expiryTime(next, e.getValue().parse()));
                return true;
            });
        } else if (!next.ttlEnabled()) {
            table.expiries.clear();
            table.expiryOf.clear();
        }
        logLine("T", definitionText(next));
    }

    private void openStream(Table table, StreamSettings s) {
        TableDefinition d = table.definition();
        table.streams.add(new StreamLog(d.streamArn(s.label()), s.label(), s.viewType(), now()));
    }

    private static String definitionText(TableDefinition d) {
        try {
            return Json.ASCII.writeValueAsString(d);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- items

    public static ItemKey keyOf(TableDefinition d, Map<String, AttributeValue> item) {
        return new ItemKey(item.get(d.hash().name()), d.range() == null ? null : item.get(d.range().name()));
    }

    public static RowKey rowOf(ItemKey key) { return RowKey.of(key.range()); }

    public StoredItem get(Table table, ItemKey key) {
        return table.items.get(table.bucket(key.hash()), rowOf(key));
    }

    /** Stores an item (replacing any with the same key) and returns what it replaced. */
    public StoredItem put(Table table, Map<String, AttributeValue> item) {
        TableDefinition d = table.definition();
        return put(table, item::get, () -> item, Values.itemToText(item), ItemSize.of(item),
                ItemSize.pageSize(item, d.range() == null ? null : d.range().name()), true);
    }

    /**
     * The one write path. {@code attribute} answers for keys, index keys and the TTL attribute; the whole item
     * is only asked for when an index needs it, so a replayed line costs a scan of its text, not a parse.
     */
    private StoredItem put(Table table, java.util.function.Function<String, AttributeValue> attribute, Supplier<Map<String, AttributeValue>> whole,
                           String json, int size, int pageSize, boolean streamed) {
        TableDefinition d = table.definition();
        ItemKey key = new ItemKey(attribute.apply(d.hash().name()), d.range() == null ? null : attribute.apply(d.range().name()));
        HashBucket bucket = table.bucket(key.hash());
        StoredItem stored = new StoredItem(key, json, size, pageSize);
        StoredItem old = table.items.put(bucket, rowOf(key), stored);
        Map<String, AttributeValue> oldItem = old != null && !d.indexes().isEmpty() ? old.parse() : null;
        Map<String, AttributeValue> item = null;
        for (IndexDefinition i : d.indexes()) {
            OrderedItems index = table.indexes.get(i.name());
            if (oldItem != null) indexRemove(d, i, index, oldItem, key);
            AttributeValue h = attribute.apply(i.hash().name());
            if (h == null || (i.range() != null && attribute.apply(i.range().name()) == null)) continue;
            if (item == null) item = whole.get();
            indexPut(d, i, index, item, stored);
        }
        if (d.ttlEnabled()) table.trackExpiry(key, expiryTime(d, attribute.apply(d.ttlAttribute())));
        if (streamed) {
            record(table, old == null ? "INSERT" : "MODIFY", key, json, old == null ? null : old.json(), size, false);
            logLine("P", d.name(), Long.toString(now()), Integer.toString(size), Integer.toString(pageSize), json);
        } else {
            logLine("S", d.name(), Integer.toString(size), Integer.toString(pageSize), json);
        }
        return old;
    }

    /** Removes the item with this key, if any, and returns it. */
    public StoredItem delete(Table table, ItemKey key, boolean byTimeToLive) {
        TableDefinition d = table.definition();
        StoredItem old = table.items.remove(table.bucket(key.hash()), rowOf(key));
        if (old == null) return null;
        if (!d.indexes().isEmpty()) {
            Map<String, AttributeValue> oldItem = old.parse();
            for (IndexDefinition i : d.indexes()) indexRemove(d, i, table.indexes.get(i.name()), oldItem, key);
        }
        table.trackExpiry(key, null);
        record(table, "REMOVE", key, null, old.json(), old.size(), byTimeToLive);
        logLine("D", d.name(), Long.toString(now()), byTimeToLive ? "ttl" : "-", keyText(d, key));
        return old;
    }

    private static String keyText(TableDefinition d, ItemKey key) {
        Map<String, AttributeValue> k = new LinkedHashMap<>();
        k.put(d.hash().name(), key.hash());
        if (d.range() != null) k.put(d.range().name(), key.range());
        return Values.itemToText(k);
    }

    private void record(Table table, String event, ItemKey key, String newJson, String oldJson, int size, boolean ttl) {
        StreamLog stream = table.currentStream();
        if (stream == null) return;
        stream.add(new StreamRecord(++sequence, event, keyText(table.definition(), key), newJson, oldJson, now(), size, ttl));
    }

    // ---- indexes

    /** Where an item sits in an index, or null when it lacks (or mistypes) an index key and so is not in it. */
    public static IndexPosition indexPosition(TableDefinition d, IndexDefinition i, Map<String, AttributeValue> item, ItemKey tableKey) {
        AttributeValue h = item.get(i.hash().name());
        if (h == null || !h.type().equals(i.hash().type())) return null;
        AttributeValue r = null;
        if (i.range() != null) {
            r = item.get(i.range().name());
            if (r == null || !r.type().equals(i.range().type())) return null;
        }
        return new IndexPosition(HashBucket.of(h),
                new RowKey(r, ScanOrder.prefix(tableKey.hash(), tableKey.range()), tableKey.hash(), tableKey.range(), 0));
    }

    public record IndexPosition(HashBucket bucket, RowKey row) {}

    private static void indexPut(TableDefinition d, IndexDefinition i, OrderedItems index, Map<String, AttributeValue> item, StoredItem stored) {
        IndexPosition p = indexPosition(d, i, item, stored.key());
        if (p == null) return;
        String rangeName = i.range() == null ? null : i.range().name();
        StoredItem entry = new StoredItem(stored.key(), stored.json(), stored.size(), ItemSize.pageSize(item, rangeName));
        if (!"ALL".equals(i.projectionType())) {
            Map<String, AttributeValue> projected = new LinkedHashMap<>();
            for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
                String n = e.getKey();
                if (d.isKeyAttribute(n) || n.equals(i.hash().name()) || (i.range() != null && n.equals(i.range().name()))
                        || (i.nonKeyAttributes() != null && i.nonKeyAttributes().contains(n)))
                    projected.put(n, e.getValue());
            }
            entry = new StoredItem(stored.key(), Values.itemToText(projected), ItemSize.of(projected), ItemSize.pageSize(projected, rangeName));
        }
        index.put(p.bucket(), p.row(), entry);
    }

    private static void indexRemove(TableDefinition d, IndexDefinition i, OrderedItems index, Map<String, AttributeValue> item, ItemKey key) {
        IndexPosition p = indexPosition(d, i, item, key);
        if (p != null) index.remove(p.bucket(), p.row());
    }

    // ---- time to live

    private static Long expiryTime(TableDefinition d, Map<String, AttributeValue> item) {
        if (!d.ttlEnabled() || d.ttlAttribute() == null) return null;
        return expiryTime(d, item.get(d.ttlAttribute()));
    }

    private static Long expiryTime(TableDefinition d, AttributeValue v) {
        if (!d.ttlEnabled() || d.ttlAttribute() == null) return null;
        if (!(v instanceof AttributeValue.N n)) return null;
        BigDecimal seconds = n.value();
        if (seconds.signum() < 0 || seconds.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 2)) > 0) return null;
        return seconds.longValue();
    }

    /** Deletes items whose TTL has passed (but not those more than five years past, which DynamoDB ignores). */
    public int sweepExpired(long nowSeconds) {
        return write(() -> {
            int removed = 0;
            for (Table t : tables.values()) {
                if (!t.definition().ttlEnabled()) continue;
                List<ItemKey> due = new ArrayList<>();
                for (Map.Entry<Long, Set<ItemKey>> e : t.expiries.headMap(nowSeconds, false).entrySet()) {
                    if (e.getKey() >= nowSeconds - FIVE_YEARS_SECONDS) due.addAll(e.getValue());
                }
                for (ItemKey k : due) {
                    delete(t, k, true);
                    removed++;
                }
            }
            return removed;
        });
    }

    // ---- persistence

    private void replay() throws IOException {
        int[] lines = {0};
        replaying = true;
        try {
            lines[0] = log.readLines(6, f -> {
                switch (f[0]) {
                    case "C" -> sequence = Long.parseLong(f[1]);
                    case "T" -> {
                        TableDefinition d = readDefinition(f[1]);
                        Table t = tables.get(d.name());
                        if (t == null) createTable(d); else updateDefinition(t, d);
                    }
                    case "X" -> tables.remove(f[1]);
                    case "P" -> {
                        replayTime = Long.parseLong(f[2]);
                        Table t = tables.get(f[1]);
                        if (t != null) replayPut(t, f[5], Integer.parseInt(f[3]), Integer.parseInt(f[4]), true);
                    }
                    case "S" -> {
                        Table t = tables.get(f[1]);
                        if (t != null) replayPut(t, f[4], Integer.parseInt(f[2]), Integer.parseInt(f[3]), false);
                    }
                    case "D" -> {
                        replayTime = Long.parseLong(f[2]);
                        Table t = tables.get(f[1]);
                        if (t != null) delete(t, keyOf(t.definition(), Values.itemFromText(f[4])), f[3].equals("ttl"));
                    }
                    case "L" -> { // a stream in a snapshot: table, label, view type, created, enabled|disabled
                        Table t = tables.get(f[1]);
                        if (t != null && t.stream(f[2]) == null) {
                            StreamLog stream = new StreamLog(t.definition().streamArn(f[2]), f[2], f[3], Long.parseLong(f[4]));
                            if (f[5].equals("disabled")) stream.disable();
                            t.streams.add(stream);
                        }
                    }
                    case "R" -> { // a stream record in a snapshot: table, label, sequence, event, then created..old image
                        Table t = tables.get(f[1]);
                        StreamLog stream = t == null ? null : t.stream(f[2]);
                        if (stream != null) {
                            String[] g = f[5].split("\t");
                            stream.add(new StreamRecord(Long.parseLong(f[3]), f[4], g[3], g[4].equals("-") ? null : g[4], g[5].equals("-") ? null : g[5],
                                    Long.parseLong(g[0]), Integer.parseInt(g[1]), g[2].equals("ttl")));
                        }
                    }
                    default -> { }
                }
            });
        } finally {
            replaying = false;
        }
        int live = tables.values().stream().mapToInt(t -> t.items.count() + 1).sum();
        if (lines[0] > 2 * live + 1000) compact();
    }

    private static TableDefinition readDefinition(String text) {
        try {
            return Json.MAPPER.readValue(text, TableDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable table definition in the log: " + text, e);
        }
    }

    private void replayPut(Table t, String json, int size, int pageSize, boolean streamed) {
        Map<String, AttributeValue> wanted = ItemScanner.attributes(json, t.replayAttributes());
        put(t, wanted::get, () -> Values.itemFromText(json), json, size, pageSize, streamed);
    }

    /** Rewrites the log as the current state: definitions, items, and the last 24 hours of every stream. */
    private void compact() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("C\t" + sequence);
        long cutoff = System.currentTimeMillis() - 24L * 3600 * 1000;
        for (Table t : tables.values()) {
            lines.add("T\t" + definitionText(t.definition()));
            String name = t.definition().name();
            for (StreamLog stream : t.streams) {
                lines.add(String.join("\t", "L", name, stream.label(), stream.viewType(), Long.toString(stream.createdMillis()),
                        stream.enabled() ? "enabled" : "disabled"));
                for (StreamRecord r : stream.since(cutoff)) {
                    lines.add(String.join("\t", "R", name, stream.label(), Long.toString(r.sequence()), r.eventName(), Long.toString(r.createdMillis()),
                            Integer.toString(r.sizeBytes()), r.byTimeToLive() ? "ttl" : "-", r.keysJson(),
                            r.newImageJson() == null ? "-" : r.newImageJson(), r.oldImageJson() == null ? "-" : r.oldImageJson()));
                }
            }
            t.items.scan(null, null, e -> {
                StoredItem it = e.getValue();
                lines.add("S\t" + name + "\t" + it.size() + "\t" + it.pageSize() + "\t" + it.json());
                return true;
            });
        }
        log.replaceWith(lines);
    }

    @Override public void close() {
        lock.writeLock().lock();
        try {
            if (log != null) log.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.writeLock().unlock();
        }
    }
}
