package dev.cruddur.admin.app.cache;

import java.util.List;

/**
 * What a send did to the cache after DynamoDB accepted it.
 *
 * @param keys     the page keys made stale (both users' {@code groups/}, the conversation's {@code messages/})
 * @param failures one plain line per key the cache could not invalidate; such a key may show
 *                 the page without the new message until its TTL ends
 */
public record Invalidation(List<String> keys, List<String> failures) {
    public Invalidation {
        keys = List.copyOf(keys);
        failures = List.copyOf(failures);
    }

    public static Invalidation none() {
        return new Invalidation(List.of(), List.of());
    }

    public boolean complete() {
        return failures.isEmpty();
    }
}
