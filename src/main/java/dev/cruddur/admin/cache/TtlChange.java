package dev.cruddur.admin.cache;

/** What {@link CacheStore#updateTtl} did. */
public enum TtlChange {
    SET,
    /** the condition of {@link TtlMode#INCREASE} or {@link TtlMode#DECREASE} did not hold */
    NOT_SET,
    /** no such item */
    MISSING
}
