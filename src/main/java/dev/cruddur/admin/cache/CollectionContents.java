package dev.cruddur.admin.cache;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What a collection holds, as rows a table can show: a dictionary's fields and values, a
 * list's values by position, a set's elements, a sorted set's elements by rank with their score.
 */
public record CollectionContents(ItemType type, List<Row> rows) {

    /**
     * @param position the list index or sorted-set rank (0-based); for a dictionary or set, the row's place in the answer
     * @param field    the dictionary field, else ""
     * @param value    the value or element, as UTF-8 text
     * @param score    the sorted-set score, else empty
     */
    public record Row(int position, String field, String value, OptionalDouble score) {
        public Row {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(score, "score");
        }
    }

    public CollectionContents {
        Objects.requireNonNull(type, "type");
        rows = List.copyOf(rows);
    }
}
