package dev.cruddur.admin.cache;

import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.Optional;
import momento.sdk.exceptions.CacheServiceExceptionMapper;
import momento.sdk.exceptions.SdkException;

/** Turns whatever the SDK reports into a {@link CacheFailure} a person can read. */
final class FailureMessages {
    private final String where;
    private final Duration timeout;
    private final Optional<ApiKey> key;

    /** @param where the cache's location for messages, e.g. "Momento" or "127.0.0.1:8080" */
    FailureMessages(String where, Duration timeout, Optional<ApiKey> key) {
        this.where = where;
        this.timeout = timeout;
        this.key = key;
    }

    CacheFailure timedOut() {
        return new CacheFailure(CacheFailure.Kind.TIMEOUT, timeoutMessage(), "no answer within " + timeout);
    }

    CacheFailure interrupted() {
        return new CacheFailure(CacheFailure.Kind.CANCELLED, "The cache request was interrupted", "interrupted");
    }

    /** @param cacheName the cache the call was about, for messages such as "does not exist" */
    CacheFailure of(Throwable problem, String cacheName) {
        SdkException sdk = CacheServiceExceptionMapper.convert(problem);
        Optional<Status> status = statusOf(sdk);
        String serverSays = status.map(Status::getDescription).map(this::redact).orElse("");
        String detail = redact(sdk.getErrorCode() + ": " + sdk.getMessage()
                + status.map(s -> " [gRPC " + s.getCode() + (s.getDescription() == null ? "" : ": " + s.getDescription()) + "]")
                        .orElse(""));
        return switch (sdk.getErrorCode()) {
            case NOT_FOUND_ERROR -> failure(CacheFailure.Kind.CACHE_NOT_FOUND,
                    "The cache '" + cacheName + "' does not exist", detail);
            case ALREADY_EXISTS_ERROR -> failure(CacheFailure.Kind.CACHE_ALREADY_EXISTS,
                    "The cache '" + cacheName + "' already exists", detail);
            case AUTHENTICATION_ERROR -> failure(CacheFailure.Kind.AUTHENTICATION,
                    "The Momento API key was refused", detail);
            case PERMISSION_ERROR -> failure(CacheFailure.Kind.PERMISSION,
                    "The Momento API key is not allowed to do this in cache '" + cacheName + "'", detail);
            case INVALID_ARGUMENT_ERROR -> failure(CacheFailure.Kind.INVALID_ARGUMENT,
                    "The request was not valid: " + sentence(withoutSdkPrefix(redact(sdk.getMessage()))), detail);
            case BAD_REQUEST_ERROR -> failure(CacheFailure.Kind.BAD_REQUEST,
                    serverSays.isEmpty() ? "The cache refused the request as invalid"
                            : "The cache refused the request: " + sentence(serverSays), detail);
            case LIMIT_EXCEEDED_ERROR -> failure(CacheFailure.Kind.LIMIT_EXCEEDED, limitMessage(sdk, serverSays), detail);
            case TIMEOUT_ERROR -> failure(CacheFailure.Kind.TIMEOUT, timeoutMessage(), detail);
            case SERVER_UNAVAILABLE -> failure(CacheFailure.Kind.UNAVAILABLE,
                    "The cache at " + where + " is unavailable", detail);
            case CONNECTION -> failure(CacheFailure.Kind.CONNECTION,
                    "Could not connect to the cache at " + where, detail);
            case INTERNAL_SERVER_ERROR -> failure(CacheFailure.Kind.INTERNAL,
                    "The cache at " + where + " failed internally", detail);
            case CANCELLED_ERROR -> failure(CacheFailure.Kind.CANCELLED, "The cache request was cancelled", detail);
            case CLIENT_RESOURCE_EXHAUSTED -> failure(CacheFailure.Kind.TOO_MANY_REQUESTS,
                    "Too many cache requests are waiting; try again shortly", detail);
            case UNKNOWN_SERVICE_ERROR, UNKNOWN -> failure(CacheFailure.Kind.UNKNOWN,
                    "The cache at " + where + " failed in an unexpected way", detail);
        };
    }

    private String timeoutMessage() {
        return "The cache did not answer within " + human(timeout);
    }

    private static String limitMessage(SdkException sdk, String serverSays) {
        String text = (sdk.getMessage() + " " + serverSays).toLowerCase();
        if (text.contains("item size")) {
            return "The item is too large for the cache (Momento's limit is 5 MB)";
        }
        if (text.contains("request rate") || text.contains("bandwidth")) {
            return "The cache is receiving more requests than the account allows; try again shortly";
        }
        return "The cache refused the request because a Momento limit was reached";
    }

    private static CacheFailure failure(CacheFailure.Kind kind, String message, String detail) {
        return new CacheFailure(kind, message, detail);
    }

    private String redact(String text) {
        return key.map(k -> k.redact(text)).orElse(text);
    }

    private static Optional<Status> statusOf(Throwable problem) {
        for (Throwable t = problem; t != null; t = t.getCause()) {
            if (t instanceof StatusRuntimeException sre) {
                return Optional.of(sre.getStatus());
            }
            if (t instanceof StatusException se) {
                return Optional.of(se.getStatus());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    private static String withoutSdkPrefix(String message) {
        String prefix = "Invalid argument passed to Momento client: ";
        return message != null && message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private static String sentence(String text) {
        String trimmed = text == null ? "" : text.strip();
        return trimmed.endsWith(".") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    static String human(Duration duration) {
        if (duration.toMillis() % 1000 == 0) {
            return duration.toSeconds() + " s";
        }
        return duration.toMillis() + " ms";
    }
}
