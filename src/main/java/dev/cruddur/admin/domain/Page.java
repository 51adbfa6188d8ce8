package dev.cruddur.admin.domain;

import java.util.List;
import java.util.Optional;

/** A page of results and the opaque cursor of the next one (empty on the last page). */
public record Page<T>(List<T> items, Optional<String> nextCursor) {
    public Page {
        items = List.copyOf(items);
    }

    public boolean hasMore() {
        return nextCursor.isPresent();
    }
}
