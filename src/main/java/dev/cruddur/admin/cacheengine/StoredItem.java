package dev.cruddur.admin.cacheengine;

import com.google.protobuf.ByteString;

/** A scalar value and the moment (on the engine's nanosecond clock) it stops existing. */
record StoredItem(ByteString value, long expiresAtNanos) {

    boolean expiredAt(long nowNanos) {
        return nowNanos - expiresAtNanos >= 0;
    }

    long remainingMillis(long nowNanos) {
        return Math.max(0, (expiresAtNanos - nowNanos) / 1_000_000L);
    }

    StoredItem withTtlMillis(long nowNanos, long ttlMillis) {
        return new StoredItem(value, nowNanos + ttlMillis * 1_000_000L);
    }
}
