/**
 * A Momento-compatible cache server embedded in the application: Momento's control plane
 * (create, delete, list, flush caches) and its data plane (scalars, batches, dictionaries,
 * lists, sets, sorted sets) over gRPC on a loopback port, from the stubs in Momento's
 * {@code client-protos}; optionally behind a token ({@link dev.cruddur.admin.cacheengine.CacheToken}),
 * within a memory bound (least recently used items evicted).
 *
 * <p>It keeps Momento's limits (TTL at most 24 h, items at most 5,000,000 bytes, collection
 * elements at most 128 KiB) and answers with the status codes Momento uses, so the SDK reports
 * the same errors as against the service.
 * Depends on the JDK, gRPC and protobuf only; nothing else of the application.
 */
package dev.cruddur.admin.cacheengine;
