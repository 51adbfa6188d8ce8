package dev.cruddur.admin.app.cache;

import dev.cruddur.admin.domain.SendResult;

/** A send's result from DynamoDB, and what it then did to the cache (nothing unless {@link SendResult.Sent}). */
public record CachedSend(SendResult result, Invalidation invalidation) {}
