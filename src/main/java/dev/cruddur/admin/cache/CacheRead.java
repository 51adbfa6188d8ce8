package dev.cruddur.admin.cache;

import java.time.Duration;
import java.util.Optional;

/** What a read from the cache found. Every outcome says how long the call took. */
public sealed interface CacheRead<T> {

    Duration took();

    /** @param ttlRemaining present when the read asked for it ({@link CacheStore#getTextWithTtl}) */
    record Hit<T>(T value, Optional<Duration> ttlRemaining, Duration took) implements CacheRead<T> {}

    record Miss<T>(Duration took) implements CacheRead<T> {}

    record Failed<T>(CacheFailure failure, Duration took) implements CacheRead<T> {
        public String message() {
            return failure.message();
        }
    }
}
