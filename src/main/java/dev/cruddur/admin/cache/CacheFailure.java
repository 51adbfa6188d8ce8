package dev.cruddur.admin.cache;

/**
 * Why a cache call failed.
 *
 * @param kind    what went wrong, for code that reacts differently (e.g. offer to create a missing cache)
 * @param message one plain English sentence for the user
 * @param detail  the technical cause (SDK error code, gRPC status) for a log or a tooltip; never the key
 */
public record CacheFailure(Kind kind, String message, String detail) {

    public enum Kind {
        CACHE_NOT_FOUND,
        CACHE_ALREADY_EXISTS,
        AUTHENTICATION,
        PERMISSION,
        INVALID_ARGUMENT,
        BAD_REQUEST,
        LIMIT_EXCEEDED,
        TIMEOUT,
        UNAVAILABLE,
        CONNECTION,
        INTERNAL,
        CANCELLED,
        TOO_MANY_REQUESTS,
        UNKNOWN
    }
}
