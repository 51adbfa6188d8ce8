package dev.cruddur.admin.app.cache;

import dev.cruddur.admin.app.PublishedCache;
import dev.cruddur.admin.cache.ApiKey;
import dev.cruddur.admin.cache.CacheConnection;
import dev.cruddur.admin.cache.CacheSettings;
import dev.cruddur.admin.cache.CacheSettingsException;
import java.util.Map;
import java.util.Optional;

/**
 * Which cache a process that did not start one must keep honest: the one the environment names
 * (a Momento key, or a Momento-compatible server), else the cache of the process that owns the
 * embedded data (the window or {@code serve}, as it published it), else none.
 */
public sealed interface CacheChoice {
    /** Open these settings. */
    record Use(CacheSettings settings, String describe) implements CacheChoice {}

    /** No cache to reach; {@code why} in words for a one-line note. */
    record None(String why) implements CacheChoice {}

    static CacheChoice of(Map<String, String> env, Optional<PublishedCache> owner) throws CacheSettingsException {
        CacheSettings settings = CacheSettings.fromEnvironment(env);
        if (!(settings.connection() instanceof CacheConnection.Embedded)) {
            return new Use(settings, settings.connection().describe());
        }
        if (owner.isPresent()) {
            PublishedCache published = owner.get();
            Optional<ApiKey> token = Optional.empty();
            if (published.token().isPresent()) token = Optional.of(ApiKey.of(published.token().get()));
            return new Use(settings.withConnection(new CacheConnection.Local(published.host(), published.port(), token)),
                    "the cache of the Cruddur Admin that owns the data, at " + published.address());
        }
        return new None("no MOMENTO_API_KEY or MOMENTO_LOCAL_ENDPOINT is set, and no window or serve owns the embedded data");
    }
}
