package dev.cruddur.admin.engine.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cruddur.admin.engine.api.ApiException;
import dev.cruddur.admin.engine.api.Json;
import dev.cruddur.admin.engine.api.Values;
import dev.cruddur.admin.engine.model.AttributeValue;
import dev.cruddur.admin.engine.model.ItemSize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * All tables of one engine. One writer at a time (a write lock held for a whole request or transaction)
 * makes every request atomic and isolated; readers share the read lock. A request's changes are made in
 * memory while an undo list and the request's log record are filled; the record is then appended to the
 * write-ahead log, and only if that succeeds is the request answered. If it fails (a full disk, say), or the
 * request throws, the undo list is played back in reverse, so memory is exactly as before.
 */
public final class Database implements AutoCloseable {
    private static final long FIVE_YEARS_SECONDS = 5L * 365 * 24 * 3600;
    /** DynamoDB honours a ClientRequestToken for 10 minutes. */
    public static final long TOKEN_LIFETIME_MILLIS = 10 * 60 * 1000;
    private static final int SNAPSHOT_RECORD_BYTES = 1 << 20;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final TreeMap<String, Table> tables = new TreeMap<>();
    private final WriteLog log;
    private final Clock clock;
    private final StringBuilder pendingLog = new StringBuilder();
    /** What takes back each change of the current request (or replayed record), in the order they were made. */
    private final List<Runnable> undo = new ArrayList<>();
    /** ClientRequestToken → hash of the request and when it succeeded; logged with its transaction. */
    private final Map<String, Token> tokens = new HashMap<>();
    private final List<String> openWarnings = new ArrayList<>();
    private byte[] encoded = new byte[1 << 12];
    private long sequence;
    private boolean replaying;
    private boolean undoing;
    private long replayTime;
    private int replayedLines;
    /** Old-format lines have no checksum: their items are parsed in full as they are read (once; then the log is rewritten). */
    private boolean replayingOldFormat;

    /** A transaction's token: the hash of its request, and when it was applied. */
    public record Token(String requestHash, long appliedMillis) {}

    private Database(WriteLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    public static Database open(Optional<Path> directory) {
        return open(directory, Durability.INTERVAL, 1000, Clock.systemUTC());
    }

    /**
     * Opens the data in {@code directory} (or none, in memory), replaying and verifying its log. What was found
     * and done about damage is in {@link #openWarnings()}; a log that cannot be opened safely throws with a
     * message naming the file and what to do.
     */
    public static Database open(Optional<Path> directory, Durability durability, long syncIntervalMillis, Clock clock) {
        if (directory.isEmpty()) return new Database(null, clock);
        WriteLog log = null;
        try {
            log = new WriteLog(directory.get(), durability, syncIntervalMillis);
            Database db = new Database(log, clock);
            db.replay();
            return db;
        } catch (IOException e) {
            closeQuietly(log);
            throw new UncheckedIOException(e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(log);
            throw e;
        }
    }

    private static void closeQuietly(WriteLog log) {
        if (log == null) return;
        try {
            log.close();
        } catch (IOException ignored) {
            // opening failed already; that is the error to report
        }
    }

    /** What opening the data found and did (a torn tail cut off, damage set aside, a migration), for the user. */
    public List<String> openWarnings() { return List.copyOf(openWarnings); }

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
        long sequenceBefore = sequence;
        try {
            T result;
            try {
                result = work.get();
            } catch (RuntimeException | Error e) {
                rollBack(sequenceBefore); // operations check before they change anything; this is for the unforeseen
                throw e;
            }
            flushLog(sequenceBefore);
            return result;
        } finally {
            pendingLog.setLength(0);
            undo.clear();
            lock.writeLock().unlock();
        }
    }

    private void flushLog(long sequenceBefore) {
        if (log == null || pendingLog.length() == 0) return;
        int n = encode(pendingLog);
        try {
            log.append(encoded, n);
        } catch (IOException e) {
            rollBack(sequenceBefore);
            throw storageFailure(e);
        }
    }

    /** The request's lines as bytes (they are ASCII: item text escapes everything else). */
    private int encode(CharSequence text) {
        int n = text.length();
        if (encoded.length > (16 << 20) && n < (1 << 20)) encoded = new byte[1 << 12]; // do not hold on to a huge buffer
        if (encoded.length < n) encoded = new byte[Math.max(n, encoded.length * 2)];
        for (int i = 0; i < n; i++) encoded[i] = (byte) text.charAt(i);
        return n;
    }

    private ApiException storageFailure(IOException e) {
        String reason = String.valueOf(e.getMessage());
        if (reason.contains("No space left") || reason.contains("Disk quota"))
            return ApiException.internal("The data directory is full: " + log.file().getParent() + " (" + reason + "). The request was not applied.");
        return ApiException.internal("The data directory cannot be written: " + log.file() + " (" + reason + "). The request was not applied.");
    }

    private void rollBack(long sequenceBefore) {
        undoing = true;
        try {
            for (int i = undo.size() - 1; i >= 0; i--) undo.get(i).run();
        } finally {
            undoing = false;
            undo.clear();
            pendingLog.setLength(0);
            sequence = sequenceBefore;
        }
    }

    private void onUndo(Runnable r) {
        if (!undoing) undo.add(r);
    }

    private void logLine(String... fields) {
        if (log == null || replaying || undoing) return;
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) pendingLog.append('\t');
            pendingLog.append(fields[i]);
        }
        pendingLog.append('\n');
    }

    private long now() { return replaying ? replayTime : clock.millis(); }

    // ---- tables

    public Table table(String name) { return tables.get(name); }

    public Collection<String> tableNames() { return new ArrayList<>(tables.keySet()); }

    public Collection<Table> tables() { return new ArrayList<>(tables.values()); }

    public Table createTable(TableDefinition definition) {
        Table t = new Table(definition);
        Table previous = tables.put(definition.name(), t);
        onUndo(() -> {
            if (previous == null) tables.remove(definition.name()); else tables.put(definition.name(), previous);
        });
        if (definition.stream() != null && definition.stream().enabled()) openStream(t, definition.stream());
        logLine("T", definitionText(definition));
        return t;
    }

    public void deleteTable(String name) {
        Table removed = tables.remove(name);
        if (removed != null) onUndo(() -> tables.put(name, removed));
        logLine("X", name);
    }

    /** Applies a changed definition: builds new indexes, drops removed ones, opens or closes the stream, starts TTL tracking. */
    public void updateDefinition(Table table, TableDefinition next) {
        TableDefinition before = table.definition();
        rememberForUndo(table);
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

    /** The parts of a table a definition change touches, put back as they were on undo. */
    private void rememberForUndo(Table table) {
        if (undoing) return;
        TableDefinition definition = table.definition();
        Map<String, OrderedItems> indexes = new LinkedHashMap<>(table.indexes);
        List<StreamLog> streams = new ArrayList<>(table.streams);
        List<Boolean> enabled = new ArrayList<>();
        for (StreamLog s : streams) enabled.add(s.enabled());
        TreeMap<Long, Set<ItemKey>> expiries = new TreeMap<>();
        table.expiries.forEach((at, keys) -> expiries.put(at, new HashSet<>(keys)));
        Map<ItemKey, Long> expiryOf = new HashMap<>(table.expiryOf);
        undo.add(() -> {
            table.definition(definition);
            table.indexes.clear();
            table.indexes.putAll(indexes);
            table.streams.clear();
            table.streams.addAll(streams);
            for (int i = 0; i < streams.size(); i++) streams.get(i).enabled(enabled.get(i));
            table.expiries.clear();
            table.expiries.putAll(expiries);
            table.expiryOf.clear();
            table.expiryOf.putAll(expiryOf);
        });
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
        onUndo(() -> {
            if (old == null) delete(table, key, false); else restore(table, old);
        });
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
            // DynamoDB writes no stream record for a write that leaves the item as it was
            if (old == null || !sameItem(old, json, size, whole)) record(table, old == null ? "INSERT" : "MODIFY", key, json, old == null ? null : old.json(), size, false);
            logLine("P", d.name(), Long.toString(now()), Integer.toString(size), Integer.toString(pageSize), json);
        } else {
            logLine("S", d.name(), Integer.toString(size), Integer.toString(pageSize), json);
        }
        return old;
    }

    private static boolean sameItem(StoredItem old, String json, int size, Supplier<Map<String, AttributeValue>> whole) {
        return old.json().equals(json) || (old.size() == size && old.parse().equals(whole.get()));
    }

    /** Removes the item with this key, if any, and returns it. */
    public StoredItem delete(Table table, ItemKey key, boolean byTimeToLive) {
        TableDefinition d = table.definition();
        StoredItem old = table.items.remove(table.bucket(key.hash()), rowOf(key));
        if (old == null) return null;
        onUndo(() -> restore(table, old));
        if (!d.indexes().isEmpty()) {
            Map<String, AttributeValue> oldItem = old.parse();
            for (IndexDefinition i : d.indexes()) indexRemove(d, i, table.indexes.get(i.name()), oldItem, key);
        }
        table.trackExpiry(key, null);
        record(table, "REMOVE", key, null, old.json(), old.size(), byTimeToLive);
        logLine("D", d.name(), Long.toString(now()), byTimeToLive ? "ttl" : "-", keyText(d, key));
        return old;
    }

    /** Puts an item back as it was (while undoing: no stream record, no log line). */
    private void restore(Table table, StoredItem item) {
        Map<String, AttributeValue> whole = item.parse();
        put(table, whole::get, () -> whole, item.json(), item.size(), item.pageSize(), false);
    }

    private static String keyText(TableDefinition d, ItemKey key) {
        Map<String, AttributeValue> k = new LinkedHashMap<>();
        k.put(d.hash().name(), key.hash());
        if (d.range() != null) k.put(d.range().name(), key.range());
        return Values.itemToText(k);
    }

    private void record(Table table, String event, ItemKey key, String newJson, String oldJson, int size, boolean ttl) {
        if (undoing) return;
        StreamLog stream = table.currentStream();
        if (stream == null) return;
        stream.add(new StreamRecord(++sequence, event, keyText(table.definition(), key), newJson, oldJson, now(), size, ttl));
        undo.add(stream::removeLast);
    }

    // ---- idempotency tokens

    /** The live token of this name (applied less than 10 minutes ago), if any. Call inside {@link #write}. */
    public Optional<Token> token(String name) {
        long now = clock.millis();
        tokens.values().removeIf(t -> now - t.appliedMillis() > TOKEN_LIFETIME_MILLIS);
        return Optional.ofNullable(tokens.get(name));
    }

    /** Remembers a transaction's token; it is logged in the same record as the transaction. */
    public void rememberToken(String name, String requestHash) {
        Token token = new Token(requestHash, clock.millis());
        Token previous = tokens.put(name, token);
        onUndo(() -> {
            if (previous == null) tokens.remove(name); else tokens.put(name, previous);
        });
        logLine("K", Long.toString(token.appliedMillis()), requestHash, "ok", quoted(name));
    }

    private static String quoted(String text) {
        try {
            return Json.ASCII.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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
        WriteLog.ReadResult read;
        replaying = true;
        try {
            read = log.read(this::replayRecord);
        } finally {
            replaying = false;
            undo.clear();
        }
        openWarnings.addAll(read.warnings());
        int live = tables.values().stream().mapToInt(t -> t.items.count() + 1).sum();
        if (read.oldFormat() || replayedLines > 2 * live + 1000) {
            try {
                compact();
                if (read.oldFormat()) openWarnings.add(log.file() + " was in the previous release's format; it was rewritten in the checked format.");
            } catch (IOException e) {
                openWarnings.add("Could not rewrite " + log.file() + " in compact form (" + e.getMessage()
                        + "); it is kept as it is, and the rewrite is tried again at the next start.");
            }
        }
        log.startAppending();
    }

    /**
     * Applies one record of the log (or one line of an old-format log) entirely or not at all: a line that
     * does not parse, or an item that is not valid JSON, undoes what the record had applied and reports it.
     */
    private void replayRecord(byte[] bytes, int from, int to, boolean oldFormat) throws WriteLog.Unreadable {
        long sequenceBefore = sequence;
        String[] fields = new String[6];
        int start = from, line = 0;
        try {
            if (oldFormat) {
                replayingOldFormat = true;
                replayLine(split(bytes, from, to, fields));
                line++;
            } else {
                if (to == from || bytes[to - 1] != '\n') throw new IllegalArgumentException("the record does not end a line");
                for (int i = from; i < to; i++) {
                    if (bytes[i] != '\n') continue;
                    replayLine(split(bytes, start, i, fields));
                    line++;
                    start = i + 1;
                }
            }
            replayedLines += line;
        } catch (RuntimeException e) {
            rollBack(sequenceBefore);
            throw new WriteLog.Unreadable("line " + (line + 1) + " of the record: " + e, e);
        } finally {
            replayingOldFormat = false;
            undo.clear();
        }
    }

    /** Cuts a line into at most 6 tab-separated fields (the last keeps any further tabs), one copy each. */
    private static String[] split(byte[] bytes, int from, int to, String[] fields) {
        int n = 0, f = from, max = fields.length;
        for (int j = from; j < to && n < max - 1; j++) {
            if (bytes[j] == '\t') {
                fields[n++] = WriteLog.text(bytes, f, j);
                f = j + 1;
            }
        }
        fields[n++] = WriteLog.text(bytes, f, to);
        for (int k = n; k < max; k++) fields[k] = null;
        return fields;
    }

    private void replayLine(String[] f) {
        switch (f[0]) {
            case "C" -> sequence = Long.parseLong(f[1]);
            case "T" -> {
                TableDefinition d = readDefinition(f[1]);
                Table t = tables.get(d.name());
                if (t == null) createTable(d); else updateDefinition(t, d);
            }
            case "X" -> deleteTable(required(f[1]));
            case "P" -> {
                replayTime = Long.parseLong(f[2]);
                Table t = tables.get(f[1]);
                int size = Integer.parseInt(f[3]), pageSize = Integer.parseInt(f[4]);
                if (t != null) replayPut(t, checkedItem(f[5]), size, pageSize, true);
            }
            case "S" -> {
                Table t = tables.get(f[1]);
                int size = Integer.parseInt(f[2]), pageSize = Integer.parseInt(f[3]);
                if (t != null) replayPut(t, checkedItem(f[4]), size, pageSize, false);
            }
            case "D" -> {
                replayTime = Long.parseLong(f[2]);
                Table t = tables.get(f[1]);
                boolean byTtl = switch (required(f[3])) {
                    case "ttl" -> true;
                    case "-" -> false;
                    default -> throw new IllegalArgumentException("bad delete kind " + f[3]);
                };
                Map<String, AttributeValue> key = Values.itemFromText(required(f[4]));
                if (t != null) delete(t, presentKey(t.definition(), key), byTtl);
            }
            case "K" -> { // a transaction's token: applied at, request hash, outcome, token (JSON string)
                long applied = Long.parseLong(f[1]);
                String hash = required(f[2]);
                String name = readString(f[4]);
                if (clock.millis() - applied <= TOKEN_LIFETIME_MILLIS) tokens.put(name, new Token(hash, applied));
            }
            case "L" -> { // a stream in a snapshot: table, label, view type, created, enabled|disabled
                Table t = tables.get(f[1]);
                long created = Long.parseLong(f[4]);
                if (t != null && t.stream(f[2]) == null) {
                    StreamLog stream = new StreamLog(t.definition().streamArn(f[2]), f[2], required(f[3]), created);
                    if (f[5].equals("disabled")) stream.disable();
                    t.streams.add(stream);
                }
            }
            case "R" -> { // a stream record in a snapshot: table, label, sequence, event, then created..old image
                Table t = tables.get(f[1]);
                StreamLog stream = t == null ? null : t.stream(f[2]);
                long seq = Long.parseLong(f[3]);
                String[] g = f[5].split("\t");
                StreamRecord r = new StreamRecord(seq, required(f[4]), checkedItem(g[3]), g[4].equals("-") ? null : checkedItem(g[4]),
                        g[5].equals("-") ? null : checkedItem(g[5]), Long.parseLong(g[0]), Integer.parseInt(g[1]), g[2].equals("ttl"));
                if (stream != null) stream.add(r);
            }
            default -> throw new IllegalArgumentException("unknown line kind '" + f[0] + "'");
        }
    }

    private static String required(String field) {
        if (field == null || field.isEmpty()) throw new IllegalArgumentException("a missing field");
        return field;
    }

    /** An item's text, if it is one JSON object; anything else is damage and must never be served. */
    private String checkedItem(String json) {
        if (!ItemScanner.isJsonObject(json)) throw new IllegalArgumentException("an item that is not valid JSON");
        if (replayingOldFormat) Values.itemFromText(json); // throws for anything that is not a valid item
        return json;
    }

    private static ItemKey presentKey(TableDefinition d, Map<String, AttributeValue> item) {
        ItemKey key = keyOf(d, item);
        if (key.hash() == null || (d.range() != null && key.range() == null)) throw new IllegalArgumentException("an item without its key");
        return key;
    }

    private static String readString(String json) {
        try {
            return Json.MAPPER.readValue(required(json), String.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("an unreadable token", e);
        }
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
        TableDefinition d = t.definition();
        if (wanted.get(d.hash().name()) == null || (d.range() != null && wanted.get(d.range().name()) == null))
            throw new IllegalArgumentException("an item without its key");
        put(t, wanted::get, () -> Values.itemFromText(json), json, size, pageSize, streamed);
    }

    /**
     * Rewrites the log as the current state: definitions, items, live tokens and the last 24 hours of every
     * stream, in records of about a megabyte. Written aside and renamed over; on failure the old log stays.
     */
    private void compact() throws IOException {
        List<byte[]> records = new ArrayList<>();
        StringBuilder sb = new StringBuilder(SNAPSHOT_RECORD_BYTES + (1 << 16));
        Consumer<String> line = l -> {
            sb.append(l).append('\n');
            if (sb.length() >= SNAPSHOT_RECORD_BYTES) {
                records.add(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
                sb.setLength(0);
            }
        };
        line.accept("C\t" + sequence);
        long now = clock.millis();
        tokens.forEach((name, t) -> {
            if (now - t.appliedMillis() <= TOKEN_LIFETIME_MILLIS)
                line.accept(String.join("\t", "K", Long.toString(t.appliedMillis()), t.requestHash(), "ok", quoted(name)));
        });
        long cutoff = now - 24L * 3600 * 1000;
        for (Table t : tables.values()) {
            line.accept("T\t" + definitionText(t.definition()));
            String name = t.definition().name();
            for (StreamLog stream : t.streams) {
                line.accept(String.join("\t", "L", name, stream.label(), stream.viewType(), Long.toString(stream.createdMillis()),
                        stream.enabled() ? "enabled" : "disabled"));
                for (StreamRecord r : stream.since(cutoff)) {
                    line.accept(String.join("\t", "R", name, stream.label(), Long.toString(r.sequence()), r.eventName(), Long.toString(r.createdMillis()),
                            Integer.toString(r.sizeBytes()), r.byTimeToLive() ? "ttl" : "-", r.keysJson(),
                            r.newImageJson() == null ? "-" : r.newImageJson(), r.oldImageJson() == null ? "-" : r.oldImageJson()));
                }
            }
            t.items.scan(null, null, e -> {
                StoredItem it = e.getValue();
                line.accept("S\t" + name + "\t" + it.size() + "\t" + it.pageSize() + "\t" + it.json());
                return true;
            });
        }
        if (sb.length() > 0) records.add(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
        log.replaceWith(records);
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
