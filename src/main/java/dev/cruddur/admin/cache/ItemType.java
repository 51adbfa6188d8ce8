package dev.cruddur.admin.cache;

/** The kind of item stored at a key (Momento's collection types included), or {@link #MISSING}. */
public enum ItemType {
    SCALAR,
    DICTIONARY,
    SET,
    LIST,
    SORTED_SET,
    MISSING
}
