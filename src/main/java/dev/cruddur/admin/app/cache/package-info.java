/**
 * Where the window's pages are read from, cache-aside reads of Cruddur's direct messages, what
 * every write must invalidate, and what the cache inspector needs.
 *
 * <ul>
 *   <li>{@link dev.cruddur.admin.app.cache.PageReads}: what the conversation panes are shown, from
 *       the table or through the cache, marked and compared with the table;</li>
 *   <li>{@link dev.cruddur.admin.app.cache.WriteInvalidation} and {@link dev.cruddur.admin.app.cache.StaleKeys}:
 *       every write on a connection makes exactly the page keys of the items it wrote stale (a bulk
 *       operation all of its keys once, when it ends);</li>
 *   <li>{@link dev.cruddur.admin.app.cache.CacheChoice}: which cache a process keeps honest (the
 *       environment's, else the data owner's, else none);</li>
 *   <li>{@link dev.cruddur.admin.app.cache.CachedMessages}: patterns A and B with their first pages
 *       in the cache, answers that say where they came from ({@link dev.cruddur.admin.app.cache.Source});</li>
 *   <li>{@link dev.cruddur.admin.app.cache.CachedPageFormat}: the JSON of a cached page (format 1);</li>
 *   <li>{@link dev.cruddur.admin.app.cache.CacheKeys}: the key names, and every key the app can name;</li>
 *   <li>{@link dev.cruddur.admin.app.cache.KeyInspection} and {@link dev.cruddur.admin.app.cache.StaleCheck}:
 *       one key looked up, and a cached page compared with DynamoDB.</li>
 * </ul>
 *
 * The per-key generation counters that keep a page read before a write from being served after
 * it are explained in {@code Generations}.
 */
package dev.cruddur.admin.app.cache;
