package dev.cruddur.admin.app.cache;

import dev.cruddur.admin.cache.CacheOutcome;
import dev.cruddur.admin.cache.CacheSettings;
import dev.cruddur.admin.cache.CacheStore;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A counter per cached page key, kept in the cache itself under {@code generation/{key}}, that
 * only ever grows: every invalidation adds one. It is what makes a cached page safe to serve.
 *
 * <p><b>The race it closes.</b> Reader R misses, reads DynamoDB (old), then stores the page;
 * meanwhile send S wrote DynamoDB and deleted the key. If R stores after S deleted, the old
 * page would stay for a whole TTL. Momento's SDK 1.21 has no compare-and-set on a value (only
 * set-if-not-exists, which does not help: the key is absent after S's delete), so the check is
 * made on the way out instead of on the way in: R reads the counter <em>before</em> it reads
 * DynamoDB and stores it inside the page; every reader reads the counter alongside the page and
 * serves the page only if the two are equal. S bumps the counter after its DynamoDB write and
 * before it returns. So a page served after S returned carries a counter value read after S's
 * bump, which means its DynamoDB read began after S's write: it contains S's message. This holds
 * across any number of app instances sharing the cache.
 *
 * <p><b>Reads.</b> A reader gets the page and the counter in one {@code getBatch} call (the two
 * keys are read separately, in no promised order, just as two concurrent gets would be; the
 * argument above needs no more); a get of the counter sees the decimal text that
 * {@code increment} stores, and only the page counts as a hit or miss in the statistics
 * ({@link CacheStore#getTextBatch}). A hit is served on that one call when the counter is
 * {@link #usable} and equals the page's. Everything else goes through {@link #current}, i.e.
 * {@code increment(key, 0)}: atomic, creates the counter if absent, refreshes its TTL. That is
 * the fallback when the batch finds no usable counter (first use, evicted, expired), and it is
 * also how a reader about to read DynamoDB and store a page reads the counter it stores, before
 * that read. So every stored page carries a value read by {@link #current}.
 *
 * <p><b>Lifetime.</b> The counter lives 24 h from its last {@code increment} (an invalidation, or
 * a {@link #current} read before each page store); a page's TTL is at most 24 h, and the page is
 * stored after that read, so the counter outlives it except when the page's TTL is the full 24 h,
 * by at most the DynamoDB read. Plain batch gets do not refresh the TTL. A counter that vanished
 * (evicted or expired) would restart at 0 and could match an old page's value; so values below
 * {@link #FLOOR} are never used: whoever sees one adds a random amount in [2^20, 2^28) first,
 * making a repeat of an old value a 1 in 2^28 chance. (SDK 1.21 reports counters as an int;
 * this stays well below 2^31.)
 */
final class Generations {
    static final long FLOOR = 1L << 20;
    private static final long SPREAD = (1L << 28) - FLOOR;
    static final Duration COUNTER_TTL = CacheSettings.MAX_TTL;

    private final CacheStore cache;

    Generations(CacheStore cache) {
        this.cache = cache;
    }

    /**
     * The counter as a batch get found it, if it can be compared with a page's as it is: the
     * decimal text {@code increment} stores, at or above {@link #FLOOR}. Otherwise (absent, not
     * a number, below the floor) empty, and the caller asks {@link #current}.
     */
    static OptionalLong usable(Optional<String> stored) {
        if (stored.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            long value = Long.parseLong(stored.get());
            return value >= FLOOR ? OptionalLong.of(value) : OptionalLong.empty();
        } catch (NumberFormatException notACounter) {
            return OptionalLong.empty();
        }
    }

    /** The key's counter now; creates it if absent and refreshes its TTL. */
    CacheOutcome<Long> current(String pageKey) {
        return settle(CacheKeys.generationOf(pageKey), cache.increment(CacheKeys.generationOf(pageKey), 0, COUNTER_TTL));
    }

    /** Adds one to the key's counter: every page read before now stops being served. */
    CacheOutcome<Long> advance(String pageKey) {
        return settle(CacheKeys.generationOf(pageKey), cache.increment(CacheKeys.generationOf(pageKey), 1, COUNTER_TTL));
    }

    private CacheOutcome<Long> settle(String counterKey, CacheOutcome<Long> seen) {
        if (seen instanceof CacheOutcome.Ok<Long> ok && ok.value() < FLOOR) {
            long jump = FLOOR + ThreadLocalRandom.current().nextLong(SPREAD);
            CacheOutcome<Long> jumped = cache.increment(counterKey, jump, COUNTER_TTL);
            return jumped instanceof CacheOutcome.Ok<Long> j
                    ? new CacheOutcome.Ok<>(j.value(), seen.took().plus(j.took())) : jumped;
        }
        return seen;
    }
}
