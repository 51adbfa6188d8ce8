package dev.cruddur.admin.engine.storage;

/** When the write-ahead log is forced to the disk, and so what a power cut can cost. */
public enum Durability {
    /** Each request is handed to the OS (one write) before its reply: survives a killed process; a power cut may lose what the OS had not yet flushed (usually up to ~30 s). */
    PROCESS,
    /** As PROCESS, and the log is forced to the disk in the background at most every interval (1 s by default): a power cut costs at most about that. */
    INTERVAL,
    /** The log is forced to the disk before every reply: nothing acknowledged is lost, at a cost of one fsync per write. */
    ALWAYS
}
