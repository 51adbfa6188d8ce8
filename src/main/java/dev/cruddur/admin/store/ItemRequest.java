package dev.cruddur.admin.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Scan or Query as DynamoDB takes it, with every expression already written: what the item
 * browser, export and "copy as" run. Values are DynamoDB JSON texts ({@code {"S":"x"}}), so layers
 * above the store can build one without SDK types.
 *
 * @param pageSize items a page asks for ({@code Limit}); 0 lets DynamoDB fill its 1 MB pages
 */
public record ItemRequest(String table, Optional<String> index, boolean query, Optional<String> keyCondition,
                          Optional<String> filter, Optional<String> projection, Map<String, String> names,
                          Map<String, String> values, boolean ascending, int pageSize) {
    public ItemRequest {
        Objects.requireNonNull(table);
        index = index.filter(s -> !s.isBlank());
        keyCondition = keyCondition.filter(s -> !s.isBlank());
        filter = filter.filter(s -> !s.isBlank());
        projection = projection.filter(s -> !s.isBlank());
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        names = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(names));
        if (query && keyCondition.isEmpty()) {
            throw new StoreException(StoreException.Kind.INVALID, "A query needs a key condition (the partition key's value).");
        }
        if (pageSize < 0) throw new StoreException(StoreException.Kind.INVALID, "A page size cannot be negative.");
    }

    /** Every item of a table, in DynamoDB's pages. */
    public static ItemRequest scanAll(String table) {
        return new ItemRequest(table, Optional.empty(), false, Optional.empty(), Optional.empty(), Optional.empty(),
                Map.of(), Map.of(), true, 0);
    }

    public String operation() {
        return query ? "Query" : "Scan";
    }
}
