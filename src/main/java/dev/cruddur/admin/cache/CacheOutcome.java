package dev.cruddur.admin.cache;

import java.time.Duration;

/** The result of a cache call other than a read: a value (or {@code null} for {@code Void}), or a failure. */
public sealed interface CacheOutcome<T> {

    Duration took();

    record Ok<T>(T value, Duration took) implements CacheOutcome<T> {}

    record Failed<T>(CacheFailure failure, Duration took) implements CacheOutcome<T> {
        public String message() {
            return failure.message();
        }
    }

    default boolean ok() {
        return this instanceof Ok;
    }
}
