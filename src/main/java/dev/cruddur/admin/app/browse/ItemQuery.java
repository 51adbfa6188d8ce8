package dev.cruddur.admin.app.browse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cruddur.admin.store.ItemRequest;
import dev.cruddur.admin.store.StoreException;
import dev.cruddur.admin.store.TableShape;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the item browser asks for, as a person sets it up: a table (or one of its indexes), Scan
 * or Query, the partition key's value and a sort key condition, the order, a filter built from
 * rows and/or typed as an expression, a projection, and a page size.
 *
 * <p>Key values are typed as text and read in the key's type from the table's shape (S as is, N
 * as a number, B as base64). {@link #toRequest(TableShape)} writes the expressions, always with
 * placeholders ({@code #k0}, {@code :k0}, {@code #f0}, ...) so reserved words such as
 * {@code name} or {@code status} need no care.
 *
 * @param pageSize items a page asks for; 0 lets DynamoDB fill 1 MB pages
 */
public record ItemQuery(String table, Optional<String> index, boolean query, String partitionValue,
                        Optional<SortKeyOperator> sortOperator, String sortValue, String sortValue2, boolean ascending,
                        List<FilterRow> filterRows, Optional<TypedFilter> typedFilter, List<String> projection, int pageSize) {
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final int DEFAULT_PAGE_SIZE = 50;

    public ItemQuery {
        Objects.requireNonNull(table);
        index = index.filter(s -> !s.isBlank());
        partitionValue = partitionValue == null ? "" : partitionValue;
        sortValue = sortValue == null ? "" : sortValue;
        sortValue2 = sortValue2 == null ? "" : sortValue2;
        filterRows = List.copyOf(filterRows);
        projection = List.copyOf(projection);
    }

    public static ItemQuery scan(String table) {
        return new ItemQuery(table, Optional.empty(), false, "", Optional.empty(), "", "", true, List.of(), Optional.empty(),
                List.of(), DEFAULT_PAGE_SIZE);
    }

    public static ItemQuery query(String table, String partitionValue) {
        return new ItemQuery(table, Optional.empty(), true, partitionValue, Optional.empty(), "", "", true, List.of(),
                Optional.empty(), List.of(), DEFAULT_PAGE_SIZE);
    }

    public ItemQuery onIndex(String name) {
        return new ItemQuery(table, Optional.ofNullable(name), query, partitionValue, sortOperator, sortValue, sortValue2,
                ascending, filterRows, typedFilter, projection, pageSize);
    }

    public ItemQuery sortKey(SortKeyOperator op, String value) {
        return sortKey(op, value, "");
    }

    public ItemQuery sortKey(SortKeyOperator op, String value, String value2) {
        return new ItemQuery(table, index, query, partitionValue, Optional.ofNullable(op), value, value2, ascending,
                filterRows, typedFilter, projection, pageSize);
    }

    public ItemQuery descending() {
        return new ItemQuery(table, index, query, partitionValue, sortOperator, sortValue, sortValue2, false,
                filterRows, typedFilter, projection, pageSize);
    }

    public ItemQuery filter(FilterRow... rows) {
        List<FilterRow> all = new ArrayList<>(filterRows);
        all.addAll(List.of(rows));
        return new ItemQuery(table, index, query, partitionValue, sortOperator, sortValue, sortValue2, ascending,
                all, typedFilter, projection, pageSize);
    }

    public ItemQuery filter(TypedFilter typed) {
        return new ItemQuery(table, index, query, partitionValue, sortOperator, sortValue, sortValue2, ascending,
                filterRows, Optional.ofNullable(typed), projection, pageSize);
    }

    public ItemQuery project(String... attributes) {
        return new ItemQuery(table, index, query, partitionValue, sortOperator, sortValue, sortValue2, ascending,
                filterRows, typedFilter, List.of(attributes), pageSize);
    }

    public ItemQuery pageSize(int size) {
        return new ItemQuery(table, index, query, partitionValue, sortOperator, sortValue, sortValue2, ascending,
                filterRows, typedFilter, projection, size);
    }

    /** The request DynamoDB runs; bad input (a key value not of the key's type, an unknown index) is INVALID. */
    public ItemRequest toRequest(TableShape shape) {
        if (index.isPresent() && shape.index(index.get()).isEmpty()) {
            throw invalid("The table " + table + " has no index '" + index.get() + "'.");
        }
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, String> values = new LinkedHashMap<>();
        Optional<String> keyCondition = Optional.empty();
        if (query) {
            TableShape.Key pk = shape.partitionKeyOf(index);
            if (partitionValue.isEmpty()) throw invalid("A query needs the value of the partition key '" + pk.name() + "'.");
            names.put("#k0", pk.name());
            values.put(":k0", keyValue(pk, partitionValue));
            String condition = "#k0 = :k0";
            if (sortOperator.isPresent()) {
                TableShape.Key sk = shape.sortKeyOf(index)
                        .orElseThrow(() -> invalid("The " + (index.isPresent() ? "index" : "table") + " has no sort key to compare."));
                names.put("#k1", sk.name());
                values.put(":k1", keyValue(sk, sortValue));
                SortKeyOperator op = sortOperator.get();
                condition += switch (op) {
                    case BETWEEN -> {
                        values.put(":k2", keyValue(sk, sortValue2));
                        yield " AND #k1 BETWEEN :k1 AND :k2";
                    }
                    case BEGINS_WITH -> {
                        if (sk.type().equals("N")) throw invalid("begins_with does not apply to a number sort key.");
                        yield " AND begins_with(#k1, :k1)";
                    }
                    default -> " AND #k1 " + op.symbol() + " :k1";
                };
            }
            keyCondition = Optional.of(condition);
        } else if (sortOperator.isPresent() || !partitionValue.isEmpty()) {
            throw invalid("Key conditions belong to a query; a scan takes filters.");
        }
        List<String> clauses = new ArrayList<>();
        for (int i = 0; i < filterRows.size(); i++) clauses.add(clause(filterRows.get(i), i, names, values));
        typedFilter.ifPresent(t -> {
            if (t.expression().isBlank()) return;
            for (String n : t.names().keySet()) if (names.containsKey(n)) throw invalid("The placeholder " + n + " is the builder's own.");
            for (String v : t.values().keySet()) if (values.containsKey(v)) throw invalid("The placeholder " + v + " is the builder's own.");
            names.putAll(t.names());
            values.putAll(t.values());
            clauses.add(filterRows.isEmpty() ? t.expression() : "(" + t.expression() + ")");
        });
        Optional<String> projectionExpression = Optional.empty();
        if (!projection.isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < projection.size(); i++) {
                names.put("#p" + i, projection.get(i).strip());
                parts.add("#p" + i);
            }
            projectionExpression = Optional.of(String.join(", ", parts));
        }
        return new ItemRequest(table, index, query, keyCondition,
                clauses.isEmpty() ? Optional.empty() : Optional.of(String.join(" AND ", clauses)),
                projectionExpression, names, values, ascending, pageSize);
    }

    private static String clause(FilterRow row, int i, Map<String, String> names, Map<String, String> values) {
        if (row.attribute().isBlank()) throw invalid("Filter row " + (i + 1) + " names no attribute.");
        String name = "#f" + i;
        String value = ":f" + i;
        names.put(name, row.attribute().strip());
        if (row.operator().operands() >= 1) values.put(value, typed(row.value(), row.type(), "filter row " + (i + 1)));
        if (row.operator().operands() == 2) values.put(value + "b", typed(row.value2(), row.type(), "filter row " + (i + 1)));
        return switch (row.operator()) {
            case EQ, NE, LT, LE, GT, GE -> name + " " + row.operator().label() + " " + value;
            case BETWEEN -> name + " BETWEEN " + value + " AND " + value + "b";
            case BEGINS_WITH -> "begins_with(" + name + ", " + value + ")";
            case CONTAINS -> "contains(" + name + ", " + value + ")";
            case NOT_CONTAINS -> "NOT contains(" + name + ", " + value + ")";
            case EXISTS -> "attribute_exists(" + name + ")";
            case NOT_EXISTS -> "attribute_not_exists(" + name + ")";
        };
    }

    /** A typed value as DynamoDB JSON. */
    static String typed(String text, ValueType type, String where) {
        return switch (type) {
            case S -> json(Map.of("S", text));
            case N -> json(Map.of("N", number(text, where)));
            case BOOL -> {
                String t = text.strip().toLowerCase(java.util.Locale.ROOT);
                if (!t.equals("true") && !t.equals("false")) throw invalid("The value of " + where + " must be true or false.");
                yield json(Map.of("BOOL", Boolean.parseBoolean(t)));
            }
            case NULL -> json(Map.of("NULL", true));
            case DYNAMODB_JSON -> {
                try {
                    var node = JSON.readTree(text);
                    if (node == null || !node.isObject() || node.size() != 1) throw invalid("The value of " + where
                            + " must be one DynamoDB JSON value such as {\"N\":\"1\"}.");
                    yield JSON.writeValueAsString(node);
                } catch (JsonProcessingException e) {
                    throw invalid("The value of " + where + " is not JSON: " + e.getOriginalMessage());
                }
            }
        };
    }

    private static String keyValue(TableShape.Key key, String text) {
        return switch (key.type()) {
            case "N" -> json(Map.of("N", number(text, "key " + key.name())));
            case "B" -> {
                try {
                    Base64.getDecoder().decode(text.strip());
                } catch (IllegalArgumentException e) {
                    throw invalid("The key " + key.name() + " is binary: give its value in base64.");
                }
                yield json(Map.of("B", text.strip()));
            }
            default -> json(Map.of("S", text));
        };
    }

    private static String number(String text, String where) {
        try {
            return new BigDecimal(text.strip()).toString().equals(text.strip()) ? text.strip() : text.strip();
        } catch (NumberFormatException e) {
            throw invalid("The value of " + where + " must be a number, not '" + text + "'.");
        }
    }

    private static String json(Map<String, Object> value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static StoreException invalid(String message) {
        return new StoreException(StoreException.Kind.INVALID, message);
    }
}
