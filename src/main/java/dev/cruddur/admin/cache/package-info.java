/**
 * The application's cache client, the only package that uses the Momento SDK.
 *
 * <p>{@link dev.cruddur.admin.cache.CacheSettings} says where the cache is
 * ({@link dev.cruddur.admin.cache.CacheConnection}: Momento, Local or Embedded), which cache,
 * the default TTL and the call timeout; {@link dev.cruddur.admin.cache.CacheStore} makes
 * blocking calls that return outcomes ({@link dev.cruddur.admin.cache.CacheRead},
 * {@link dev.cruddur.admin.cache.CacheOutcome}) with plain failure messages, and feeds
 * {@link dev.cruddur.admin.cache.CacheStatistics}. An {@link dev.cruddur.admin.cache.ApiKey}
 * only ever shows itself masked.
 */
package dev.cruddur.admin.cache;
