package dev.cruddur.admin.cacheengine;

/**
 * What one key holds and the moment (on the engine's nanosecond clock) it stops existing.
 * Mutable, and only ever touched under the storage's lock: a collection changes in place.
 */
final class StoredItem {
    final ItemValue value;
    long expiresAtNanos;
    /** Key plus value bytes as last counted against the memory bound. */
    long countedBytes;

    StoredItem(ItemValue value, long expiresAtNanos) {
        this.value = value;
        this.expiresAtNanos = expiresAtNanos;
    }

    boolean expiredAt(long nowNanos) {
        return nowNanos - expiresAtNanos >= 0;
    }

    long remainingMillis(long nowNanos) {
        return Math.max(0, (expiresAtNanos - nowNanos) / 1_000_000L);
    }

    void ttlMillis(long nowNanos, long ttlMillis) {
        expiresAtNanos = nowNanos + ttlMillis * 1_000_000L;
    }
}
