package dev.cruddur.admin.app.browse;

import java.util.Objects;

/** One row of the filter builder: attribute, operator, value(s) and how the value is typed. */
public record FilterRow(String attribute, FilterOperator operator, String value, String value2, ValueType type) {
    public FilterRow {
        Objects.requireNonNull(attribute);
        Objects.requireNonNull(operator);
        value = value == null ? "" : value;
        value2 = value2 == null ? "" : value2;
        type = type == null ? ValueType.S : type;
    }

    public static FilterRow of(String attribute, FilterOperator operator, String value) {
        return new FilterRow(attribute, operator, value, "", ValueType.S);
    }

    public static FilterRow of(String attribute, FilterOperator operator, String value, ValueType type) {
        return new FilterRow(attribute, operator, value, "", type);
    }
}
