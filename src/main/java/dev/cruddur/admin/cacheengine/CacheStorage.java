package dev.cruddur.admin.cacheengine;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The caches and their items, in memory, under one memory bound. Every call is one step under
 * the storage's lock, so callers see Momento's per-key atomicity, and the items form one list
 * from least to most recently used across all caches: once the values pass the bound, the
 * least recently used items go (never the one just written). An expired item is treated as
 * absent the moment its TTL runs out and removed by the next reader or sweep.
 *
 * <p>One lock rather than a concurrent map: every step is a short in-memory change, and the
 * eviction order needs a single list anyway (see the README for the measured cost).
 */
final class CacheStorage {

    enum TtlMode { OVERWRITE, INCREASE, DECREASE }

    enum TtlUpdate { SET, NOT_SET, MISSING }

    /** A collection write's TTL: the TTL a new collection gets, and whether an existing one's is reset to it. */
    record CollectionTtl(long ttlMillis, boolean refresh) {}

    private record Slot(String cache, ByteString key) {}

    private final TreeSet<String> caches = new TreeSet<>();
    private final LinkedHashMap<Slot, StoredItem> items = new LinkedHashMap<>(1024, 0.75f, true);
    private final LongSupplier nanoClock;
    private final long maxTtlMillis;
    private final long maxItemBytes;
    private final long maxValueBytes;
    private long heldBytes;
    private long evictions;

    CacheStorage(LongSupplier nanoClock, Duration maxTtl, long maxItemBytes) {
        this(nanoClock, maxTtl, maxItemBytes, Long.MAX_VALUE);
    }

    CacheStorage(LongSupplier nanoClock, Duration maxTtl, long maxItemBytes, long maxValueBytes) {
        this.nanoClock = nanoClock;
        this.maxTtlMillis = maxTtl.toMillis();
        this.maxItemBytes = maxItemBytes;
        this.maxValueBytes = maxValueBytes;
    }

    // ---- control plane

    synchronized void createCache(String name) {
        requireCacheName(name);
        if (!caches.add(name)) {
            throw EngineRefusal.cacheAlreadyExists(name);
        }
    }

    synchronized void deleteCache(String name) {
        requireCacheName(name);
        if (!caches.remove(name)) {
            throw EngineRefusal.cacheNotFound(name);
        }
        dropAll(name);
    }

    synchronized void flushCache(String name) {
        requireCache(name);
        dropAll(name);
    }

    synchronized List<String> cacheNames() {
        return new ArrayList<>(caches);
    }

    long maxTtlMillis() {
        return maxTtlMillis;
    }

    long maxItemBytes() {
        return maxItemBytes;
    }

    // ---- scalars

    synchronized Optional<ByteString> get(String cache, ByteString key) {
        requireCache(cache);
        return Optional.ofNullable(live(cache, key)).map(CacheStorage::scalarOf);
    }

    /** Each key's value, in the order given; the cache is checked even when there are no keys. */
    synchronized List<Optional<ByteString>> getAll(String cache, List<ByteString> keys) {
        requireCache(cache);
        List<Optional<ByteString>> values = new ArrayList<>(keys.size());
        for (ByteString key : keys) {
            values.add(Optional.ofNullable(live(cache, key)).map(CacheStorage::scalarOf));
        }
        return values;
    }

    synchronized void set(String cache, ByteString key, ByteString value, long ttlMillis) {
        requireCache(cache);
        requireSize(key, value.size());
        requireTtl(ttlMillis);
        put(new Slot(cache, key), new StoredItem(new ItemValue.Scalar(value), now() + ttlMillis * 1_000_000L));
    }

    /** Several items as one step: every item is checked before any is stored. */
    synchronized void setAll(String cache, List<ByteString> keys, List<ByteString> values, List<Long> ttls) {
        requireCache(cache);
        for (int i = 0; i < keys.size(); i++) {
            requireSize(keys.get(i), values.get(i).size());
            requireTtl(ttls.get(i));
        }
        for (int i = 0; i < keys.size(); i++) {
            put(new Slot(cache, keys.get(i)),
                    new StoredItem(new ItemValue.Scalar(values.get(i)), now() + ttls.get(i) * 1_000_000L));
        }
    }

    /** Stores the value only if the condition holds for the current value (empty when absent). */
    synchronized boolean setIf(String cache, ByteString key, ByteString value, long ttlMillis,
                               Predicate<Optional<ByteString>> condition) {
        requireCache(cache);
        requireSize(key, value.size());
        requireTtl(ttlMillis);
        Optional<ByteString> current = Optional.ofNullable(live(cache, key)).map(CacheStorage::scalarOf);
        if (!condition.test(current)) {
            return false;
        }
        put(new Slot(cache, key), new StoredItem(new ItemValue.Scalar(value), now() + ttlMillis * 1_000_000L));
        return true;
    }

    synchronized void delete(String cache, ByteString key) {
        requireCache(cache);
        remove(new Slot(cache, key));
    }

    /**
     * Adds to the base-10 integer stored at the key (created with the amount when absent);
     * the item gets the request's TTL either way.
     */
    synchronized long increment(String cache, ByteString key, long amount, long ttlMillis) {
        requireCache(cache);
        requireTtl(ttlMillis);
        StoredItem current = live(cache, key);
        long base = current == null ? 0 : parseCounter(scalarOf(current));
        long result;
        try {
            result = Math.addExact(base, amount);
        } catch (ArithmeticException overflow) {
            throw EngineRefusal.failedPrecondition("Incrementing the value would overflow a 64-bit integer");
        }
        put(new Slot(cache, key), new StoredItem(
                new ItemValue.Scalar(ByteString.copyFrom(Long.toString(result), StandardCharsets.US_ASCII)),
                now() + ttlMillis * 1_000_000L));
        return result;
    }

    // ---- any item

    synchronized OptionalLong remainingTtlMillis(String cache, ByteString key) {
        requireCache(cache);
        StoredItem item = live(cache, key);
        return item == null ? OptionalLong.empty() : OptionalLong.of(item.remainingMillis(now()));
    }

    synchronized TtlUpdate updateTtl(String cache, ByteString key, TtlMode mode, long ttlMillis) {
        requireCache(cache);
        requireTtl(ttlMillis);
        StoredItem item = live(cache, key);
        if (item == null) {
            return TtlUpdate.MISSING;
        }
        long now = now();
        long remaining = item.remainingMillis(now);
        boolean apply = switch (mode) {
            case OVERWRITE -> true;
            case INCREASE -> ttlMillis > remaining;
            case DECREASE -> ttlMillis < remaining;
        };
        if (apply) {
            item.ttlMillis(now, ttlMillis);
        }
        return apply ? TtlUpdate.SET : TtlUpdate.NOT_SET;
    }

    synchronized boolean exists(String cache, ByteString key) {
        requireCache(cache);
        return live(cache, key) != null;
    }

    /** What the key holds, if anything. */
    synchronized Optional<ItemValue> typeOf(String cache, ByteString key) {
        requireCache(cache);
        return Optional.ofNullable(live(cache, key)).map(item -> item.value);
    }

    // ---- collections

    /**
     * Reads the collection at the key: empty when there is none.
     *
     * @throws io.grpc.StatusRuntimeException FAILED_PRECONDITION when the key holds another type
     */
    synchronized <T extends ItemValue, R> Optional<R> readCollection(String cache, ByteString key, Class<T> type,
                                                                     Function<T, R> read) {
        requireCache(cache);
        StoredItem item = live(cache, key);
        return item == null ? Optional.empty() : Optional.of(read.apply(as(type, item)));
    }

    /**
     * Changes the collection at the key, creating it when absent (with the TTL), else refreshing
     * its TTL when asked. {@code addedAtMost} bounds the bytes the change can add, checked
     * against the item size limit before anything changes.
     */
    synchronized <T extends ItemValue, R> R writeCollection(String cache, ByteString key, Class<T> type,
                                                            Supplier<T> create, CollectionTtl ttl, long addedAtMost,
                                                            Function<T, R> change) {
        requireCache(cache);
        requireTtl(ttl.ttlMillis());
        Slot slot = new Slot(cache, key);
        StoredItem item = live(cache, key);
        long now = now();
        if (item == null) {
            requireSize(key, addedAtMost);
            item = new StoredItem(create.get(), now + ttl.ttlMillis() * 1_000_000L);
            R result = change.apply(type.cast(item.value));
            if (!ItemValue.isEmptyCollection(item.value)) {
                put(slot, item);
            }
            return result;
        }
        T value = as(type, item);
        requireSize(key, value.bytes() + addedAtMost);
        if (ttl.refresh()) {
            item.ttlMillis(now, ttl.ttlMillis());
        }
        R result = change.apply(value);
        recount(slot, item);
        return result;
    }

    /** Changes an existing collection without touching its TTL: empty when there is none ({@code change} returns non-null). */
    synchronized <T extends ItemValue, R> Optional<R> changeCollection(String cache, ByteString key, Class<T> type,
                                                                       Function<T, R> change) {
        requireCache(cache);
        StoredItem item = live(cache, key);
        if (item == null) {
            return Optional.empty();
        }
        R result = change.apply(as(type, item));
        recount(new Slot(cache, key), item);
        return Optional.of(result);
    }

    /** Changes an existing collection and resets its TTL when asked: empty when there is none. */
    synchronized <T extends ItemValue, R> Optional<R> changeCollection(String cache, ByteString key, Class<T> type,
                                                                       CollectionTtl ttl, Function<T, R> change) {
        requireCache(cache);
        // SDK 1.21's ListRetain sends no TTL (0): the list keeps its own
        boolean refresh = ttl.refresh() && ttl.ttlMillis() != 0;
        if (refresh) {
            requireTtl(ttl.ttlMillis());
        }
        StoredItem item = live(cache, key);
        if (item == null) {
            return Optional.empty();
        }
        T value = as(type, item);
        if (refresh) {
            item.ttlMillis(now(), ttl.ttlMillis());
        }
        R result = change.apply(value);
        recount(new Slot(cache, key), item);
        return Optional.of(result);
    }

    // ---- housekeeping

    /** Items held in all caches, expired ones not yet swept included. */
    synchronized long itemCount() {
        return items.size();
    }

    /** Key and value bytes held in all caches, counted against the memory bound. */
    synchronized long heldBytes() {
        return heldBytes;
    }

    /** Items removed because the memory bound was reached, since the start. */
    synchronized long evictions() {
        return evictions;
    }

    /** Drops every expired item; returns how many went. */
    synchronized int sweep() {
        long now = now();
        int removed = 0;
        for (Iterator<StoredItem> it = items.values().iterator(); it.hasNext(); ) {
            StoredItem item = it.next();
            if (item.expiredAt(now)) {
                heldBytes -= item.countedBytes;
                it.remove();
                removed++;
            }
        }
        return removed;
    }

    // ---- helpers (all called with the lock held)

    private long now() {
        return nanoClock.getAsLong();
    }

    private StoredItem live(String cache, ByteString key) {
        Slot slot = new Slot(cache, key);
        StoredItem item = items.get(slot);
        if (item != null && item.expiredAt(now())) {
            remove(slot);
            return null;
        }
        return item;
    }

    private void put(Slot slot, StoredItem item) {
        item.countedBytes = slot.key().size() + item.value.bytes();
        StoredItem old = items.put(slot, item);
        if (old != null) {
            heldBytes -= old.countedBytes;
        }
        heldBytes += item.countedBytes;
        evictBeyondBound(slot);
    }

    private void remove(Slot slot) {
        StoredItem old = items.remove(slot);
        if (old != null) {
            heldBytes -= old.countedBytes;
        }
    }

    /** After a collection changed in place: its new size, or its removal once empty. */
    private void recount(Slot slot, StoredItem item) {
        if (ItemValue.isEmptyCollection(item.value)) {
            remove(slot);
            return;
        }
        long now = slot.key().size() + item.value.bytes();
        heldBytes += now - item.countedBytes;
        item.countedBytes = now;
        evictBeyondBound(slot);
    }

    private void evictBeyondBound(Slot justWritten) {
        if (heldBytes <= maxValueBytes) {
            return;
        }
        // the map runs from least to most recently used; the item just written is the last
        for (Iterator<Map.Entry<Slot, StoredItem>> it = items.entrySet().iterator();
             it.hasNext() && heldBytes > maxValueBytes; ) {
            Map.Entry<Slot, StoredItem> eldest = it.next();
            if (eldest.getKey().equals(justWritten)) {
                continue;
            }
            heldBytes -= eldest.getValue().countedBytes;
            it.remove();
            evictions++;
        }
    }

    private void dropAll(String cache) {
        for (Iterator<Map.Entry<Slot, StoredItem>> it = items.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Slot, StoredItem> entry = it.next();
            if (entry.getKey().cache().equals(cache)) {
                heldBytes -= entry.getValue().countedBytes;
                it.remove();
            }
        }
    }

    private void requireCache(String cache) {
        if (cache == null || cache.isEmpty()) {
            throw EngineRefusal.invalidArgument("The request names no cache (metadata header 'cache')");
        }
        if (!caches.contains(cache)) {
            throw EngineRefusal.cacheNotFound(cache);
        }
    }

    private static ByteString scalarOf(StoredItem item) {
        if (item.value instanceof ItemValue.Scalar scalar) {
            return scalar.value();
        }
        throw EngineRefusal.wrongType("scalar", item.value.typeName());
    }

    private static <T extends ItemValue> T as(Class<T> type, StoredItem item) {
        if (type.isInstance(item.value)) {
            return type.cast(item.value);
        }
        throw EngineRefusal.wrongType(typeNameOf(type), item.value.typeName());
    }

    private static String typeNameOf(Class<? extends ItemValue> type) {
        if (type == ItemValue.Dictionary.class) return "dictionary";
        if (type == ItemValue.ListValue.class) return "list";
        if (type == ItemValue.SetValue.class) return "set";
        if (type == ItemValue.SortedSetValue.class) return "sorted set";
        return "scalar";
    }

    private static void requireCacheName(String name) {
        if (name == null || name.isBlank()) {
            throw EngineRefusal.invalidArgument("The cache name must not be empty");
        }
        if (name.length() > 255) {
            throw EngineRefusal.invalidArgument("The cache name must be at most 255 characters");
        }
    }

    private void requireSize(ByteString key, long valueBytes) {
        long size = key.size() + valueBytes;
        if (size > maxItemBytes) {
            throw EngineRefusal.itemTooLarge(size, maxItemBytes);
        }
    }

    void requireTtl(long ttlMillis) {
        // proto uint64 arrives as a signed long: a "negative" value is a huge unsigned one
        if (ttlMillis == 0) {
            throw EngineRefusal.invalidArgument("The TTL must be at least 1 ms");
        }
        if (ttlMillis < 0 || ttlMillis > maxTtlMillis) {
            throw EngineRefusal.invalidArgument("The TTL of " + readable(ttlMillis)
                    + " is over the limit of " + readable(maxTtlMillis));
        }
    }

    private static String readable(long millis) {
        if (millis < 0) {
            return Long.toUnsignedString(millis) + " ms";
        }
        if (millis % 3_600_000 == 0) {
            return millis / 3_600_000 + " h";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + " s";
        }
        return millis + " ms";
    }

    static long parseCounter(ByteString value) {
        String text = value.toString(StandardCharsets.UTF_8);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notANumber) {
            throw EngineRefusal.failedPrecondition("The stored value is not a base-10 64-bit integer");
        }
    }
}
