/**
 * A Momento-compatible cache server embedded in the application: Momento's control plane
 * (create, delete, list, flush caches) and the scalar part of its data plane (get, set,
 * delete, set-if-not-exists, set-if, increment, item TTL, update TTL, keys-exist, item type)
 * over gRPC on a loopback port, from the stubs in Momento's {@code client-protos}.
 *
 * <p>It keeps Momento's limits (TTL at most 24 h, items at most 5 MB) and answers with the
 * status codes Momento uses, so the SDK reports the same errors as against the service.
 * Depends on the JDK, gRPC and protobuf only; nothing else of the application.
 */
package dev.cruddur.admin.cacheengine;
