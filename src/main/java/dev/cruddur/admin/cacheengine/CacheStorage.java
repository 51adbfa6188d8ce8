package dev.cruddur.admin.cacheengine;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * The caches and their items, in memory. Every change to one key is one atomic
 * {@code compute}, so concurrent callers see Momento's per-key atomicity. An expired item is
 * treated as absent the moment its TTL runs out and removed by the next reader or sweep.
 */
final class CacheStorage {

    enum TtlMode { OVERWRITE, INCREASE, DECREASE }

    enum TtlUpdate { SET, NOT_SET, MISSING }

    private final ConcurrentMap<String, ConcurrentMap<ByteString, StoredItem>> caches = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;
    private final long maxTtlMillis;
    private final long maxItemBytes;

    CacheStorage(LongSupplier nanoClock, Duration maxTtl, long maxItemBytes) {
        this.nanoClock = nanoClock;
        this.maxTtlMillis = maxTtl.toMillis();
        this.maxItemBytes = maxItemBytes;
    }

    // ---- control plane

    void createCache(String name) {
        requireCacheName(name);
        if (caches.putIfAbsent(name, new ConcurrentHashMap<>()) != null) {
            throw EngineRefusal.cacheAlreadyExists(name);
        }
    }

    void deleteCache(String name) {
        requireCacheName(name);
        if (caches.remove(name) == null) {
            throw EngineRefusal.cacheNotFound(name);
        }
    }

    void flushCache(String name) {
        space(name).clear();
    }

    List<String> cacheNames() {
        List<String> names = new ArrayList<>(caches.keySet());
        names.sort(null);
        return names;
    }

    long maxTtlMillis() {
        return maxTtlMillis;
    }

    long maxItemBytes() {
        return maxItemBytes;
    }

    // ---- data plane

    Optional<ByteString> get(String cache, ByteString key) {
        return Optional.ofNullable(live(space(cache), key)).map(StoredItem::value);
    }

    /** Each key's value, in the order given; the cache is checked even when there are no keys. */
    List<Optional<ByteString>> getAll(String cache, List<ByteString> keys) {
        var space = space(cache);
        List<Optional<ByteString>> values = new ArrayList<>(keys.size());
        for (ByteString key : keys) {
            values.add(Optional.ofNullable(live(space, key)).map(StoredItem::value));
        }
        return values;
    }

    void set(String cache, ByteString key, ByteString value, long ttlMillis) {
        var space = space(cache);
        requireKey(key);
        requireSize(key, value);
        requireTtl(ttlMillis);
        space.put(key, new StoredItem(value, nanoClock.getAsLong() + ttlMillis * 1_000_000L));
    }

    /** Stores the value only if the condition holds for the current value (empty when absent). */
    boolean setIf(String cache, ByteString key, ByteString value, long ttlMillis,
                  Predicate<Optional<ByteString>> condition) {
        var space = space(cache);
        requireKey(key);
        requireSize(key, value);
        requireTtl(ttlMillis);
        boolean[] stored = {false};
        space.compute(key, (k, current) -> {
            long now = nanoClock.getAsLong();
            StoredItem alive = current == null || current.expiredAt(now) ? null : current;
            if (condition.test(Optional.ofNullable(alive).map(StoredItem::value))) {
                stored[0] = true;
                return new StoredItem(value, now + ttlMillis * 1_000_000L);
            }
            return alive;
        });
        return stored[0];
    }

    void delete(String cache, ByteString key) {
        var space = space(cache);
        requireKey(key);
        space.remove(key);
    }

    /**
     * Adds to the base-10 integer stored at the key (created with the amount when absent);
     * the item gets the request's TTL either way.
     */
    long increment(String cache, ByteString key, long amount, long ttlMillis) {
        var space = space(cache);
        requireKey(key);
        requireTtl(ttlMillis);
        long[] result = {0};
        space.compute(key, (k, current) -> {
            long now = nanoClock.getAsLong();
            long base = 0;
            if (current != null && !current.expiredAt(now)) {
                base = parseCounter(current.value());
            }
            try {
                result[0] = Math.addExact(base, amount);
            } catch (ArithmeticException overflow) {
                throw EngineRefusal.failedPrecondition("Incrementing the value would overflow a 64-bit integer");
            }
            return new StoredItem(ByteString.copyFrom(Long.toString(result[0]), StandardCharsets.US_ASCII),
                    now + ttlMillis * 1_000_000L);
        });
        return result[0];
    }

    OptionalLong remainingTtlMillis(String cache, ByteString key) {
        StoredItem item = live(space(cache), key);
        return item == null ? OptionalLong.empty() : OptionalLong.of(item.remainingMillis(nanoClock.getAsLong()));
    }

    TtlUpdate updateTtl(String cache, ByteString key, TtlMode mode, long ttlMillis) {
        var space = space(cache);
        requireKey(key);
        requireTtl(ttlMillis);
        TtlUpdate[] outcome = {TtlUpdate.MISSING};
        space.computeIfPresent(key, (k, current) -> {
            long now = nanoClock.getAsLong();
            if (current.expiredAt(now)) {
                outcome[0] = TtlUpdate.MISSING;
                return null;
            }
            long remaining = current.remainingMillis(now);
            boolean apply = switch (mode) {
                case OVERWRITE -> true;
                case INCREASE -> ttlMillis > remaining;
                case DECREASE -> ttlMillis < remaining;
            };
            outcome[0] = apply ? TtlUpdate.SET : TtlUpdate.NOT_SET;
            return apply ? current.withTtlMillis(now, ttlMillis) : current;
        });
        return outcome[0];
    }

    boolean exists(String cache, ByteString key) {
        return live(space(cache), key) != null;
    }

    /** Items held in all caches, expired ones not yet swept included. */
    long itemCount() {
        return caches.values().stream().mapToLong(Map::size).sum();
    }

    /** Drops every expired item; returns how many went. */
    int sweep() {
        long now = nanoClock.getAsLong();
        int removed = 0;
        for (var space : caches.values()) {
            for (Map.Entry<ByteString, StoredItem> entry : space.entrySet()) {
                if (entry.getValue().expiredAt(now) && space.remove(entry.getKey(), entry.getValue())) {
                    removed++;
                }
            }
        }
        return removed;
    }

    // ---- helpers

    private ConcurrentMap<ByteString, StoredItem> space(String cache) {
        if (cache == null || cache.isEmpty()) {
            throw EngineRefusal.invalidArgument("The request names no cache (metadata header 'cache')");
        }
        var space = caches.get(cache);
        if (space == null) {
            throw EngineRefusal.cacheNotFound(cache);
        }
        return space;
    }

    private StoredItem live(ConcurrentMap<ByteString, StoredItem> space, ByteString key) {
        requireKey(key);
        StoredItem item = space.get(key);
        if (item != null && item.expiredAt(nanoClock.getAsLong())) {
            space.remove(key, item);
            return null;
        }
        return item;
    }

    private static void requireCacheName(String name) {
        if (name == null || name.isBlank()) {
            throw EngineRefusal.invalidArgument("The cache name must not be empty");
        }
        if (name.length() > 255) {
            throw EngineRefusal.invalidArgument("The cache name must be at most 255 characters");
        }
    }

    private static void requireKey(ByteString key) {
        if (key.isEmpty()) {
            throw EngineRefusal.invalidArgument("The key must not be empty");
        }
    }

    private void requireSize(ByteString key, ByteString value) {
        long size = (long) key.size() + value.size();
        if (size > maxItemBytes) {
            throw EngineRefusal.itemTooLarge(size, maxItemBytes);
        }
    }

    private void requireTtl(long ttlMillis) {
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

    private static long parseCounter(ByteString value) {
        String text = value.toString(StandardCharsets.UTF_8);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notANumber) {
            throw EngineRefusal.failedPrecondition("The stored value is not a base-10 64-bit integer");
        }
    }
}
