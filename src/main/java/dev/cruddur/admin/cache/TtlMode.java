package dev.cruddur.admin.cache;

/** How {@link CacheStore#updateTtl} treats the item's current TTL. */
public enum TtlMode {
    /** always set the new TTL */
    OVERWRITE,
    /** set it only if it is longer than what remains */
    INCREASE,
    /** set it only if it is shorter than what remains */
    DECREASE
}
