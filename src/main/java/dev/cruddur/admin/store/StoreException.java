package dev.cruddur.admin.store;

/**
 * A DynamoDB call that failed, said in plain words. {@link Kind} lets callers decide whether a
 * retry can help without knowing the SDK's exception types.
 */
public final class StoreException extends RuntimeException {
    public enum Kind {
        /** The endpoint could not be reached or did not answer: retrying later may help. */
        UNREACHABLE(true),
        /** The table (or its index) does not exist. */
        TABLE_MISSING(false),
        /** Credentials missing, wrong or not allowed. */
        ACCESS_DENIED(false),
        /** The endpoint asked us to slow down. */
        THROTTLED(true),
        /** The request was refused as invalid. */
        INVALID(false),
        /** A write lost a race with another writer. */
        CONFLICT(true),
        /** Writes are locked for this connection (remote, not unlocked). */
        READ_ONLY(false),
        OTHER(true);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    private final Kind kind;

    public StoreException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public StoreException(Kind kind, String message) {
        this(kind, message, null);
    }

    public Kind kind() {
        return kind;
    }
}
