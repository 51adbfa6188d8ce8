package dev.cruddur.admin.app.browse;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A filter typed as a DynamoDB expression, e.g. {@code #m = :m}, with its names and values
 * (values as DynamoDB JSON: {@code {":m":{"S":"hi"}}}). Placeholders must not start with
 * {@code #k}/{@code :k}/{@code #f}/{@code :f}/{@code #p}, which the query builder uses.
 */
public record TypedFilter(String expression, Map<String, String> names, Map<String, String> values) {
    public TypedFilter {
        names = new LinkedHashMap<>(names);
        values = new LinkedHashMap<>(values);
    }

    public static TypedFilter of(String expression) {
        return new TypedFilter(expression, Map.of(), Map.of());
    }
}
