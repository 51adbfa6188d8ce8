package dev.cruddur.admin.app.cache;

/** Where a page came from, so a view can say so (a quiet banner after a cache error). */
public sealed interface Source {

    /** Served from the cache, without touching DynamoDB. */
    record Cache() implements Source {}

    /** Read from DynamoDB, for the reason given; no cache trouble. */
    record DynamoDb(Reason reason) implements Source {}

    /**
     * Read from DynamoDB because the cache failed or timed out (while reading, or while
     * storing the page afterwards). The page is right; only the cache is unwell.
     */
    record DynamoDbAfterCacheError(String message) implements Source {}

    enum Reason {
        /** nothing cached under the key */
        MISS,
        /** a cached page older than the key's last invalidation (a send happened since it was read) */
        OUTDATED,
        /** a cached value that is not a page in the current format: it was deleted */
        UNREADABLE,
        /** a later page, or a page size other than the cached first page's: never cached */
        NOT_CACHED
    }

    Source CACHE = new Cache();

    default boolean fromCache() {
        return this instanceof Cache;
    }

    /** The message for a quiet banner, when the cache misbehaved. */
    default java.util.Optional<String> cacheProblem() {
        return this instanceof DynamoDbAfterCacheError error ? java.util.Optional.of(error.message()) : java.util.Optional.empty();
    }
}
