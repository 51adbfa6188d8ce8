/**
 * Cache-aside reads of Cruddur's direct messages, and what the cache inspector needs.
 *
 * <ul>
 *   <li>{@link dev.cruddur.admin.app.cache.CachedMessages}: patterns A and B with their first pages
 *       in the cache, sends that invalidate, answers that say where they came from ({@link dev.cruddur.admin.app.cache.Source});</li>
 *   <li>{@link dev.cruddur.admin.app.cache.CachedPageFormat}: the JSON of a cached page (format 1);</li>
 *   <li>{@link dev.cruddur.admin.app.cache.CacheKeys}: the key names, and every key the app can name;</li>
 *   <li>{@link dev.cruddur.admin.app.cache.KeyInspection} and {@link dev.cruddur.admin.app.cache.StaleCheck}:
 *       one key looked up, and a cached page compared with DynamoDB.</li>
 * </ul>
 *
 * The per-key generation counters that keep a page read before a send from being served after
 * it are explained in {@code Generations}.
 */
package dev.cruddur.admin.app.cache;
