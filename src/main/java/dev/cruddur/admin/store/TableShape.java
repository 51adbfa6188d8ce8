package dev.cruddur.admin.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** The key schema and indexes of any table, as the browser and import need them. */
public record TableShape(String table, Key partitionKey, Optional<Key> sortKey, List<Index> indexes, long itemCount) {
    /** A key attribute: its name and type, "S", "N" or "B". */
    public record Key(String name, String type) {}

    /** A secondary index; {@code global} false for a local one. */
    public record Index(String name, boolean global, Key partitionKey, Optional<Key> sortKey, String projection) {}

    public TableShape {
        indexes = List.copyOf(indexes);
    }

    /** The table's key attribute names, partition first. */
    public List<String> keyNames() {
        List<String> out = new ArrayList<>();
        out.add(partitionKey.name());
        sortKey.ifPresent(k -> out.add(k.name()));
        return out;
    }

    public List<Key> keys() {
        List<Key> out = new ArrayList<>();
        out.add(partitionKey);
        sortKey.ifPresent(out::add);
        return out;
    }

    public Optional<Index> index(String name) {
        return indexes.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    /** The partition and sort key of a query: the table's, or the named index's. */
    public Key partitionKeyOf(Optional<String> index) {
        return index.flatMap(this::index).map(Index::partitionKey).orElse(partitionKey);
    }

    public Optional<Key> sortKeyOf(Optional<String> index) {
        return index.isPresent() ? index.flatMap(this::index).flatMap(Index::sortKey) : sortKey;
    }

    /** Reads a table's shape with DescribeTable. */
    public static TableShape describe(DynamoConnection connection, String table) {
        return from(table, connection.call(() -> connection.client().describeTable(r -> r.tableName(table))).table());
    }

    /** The shape in a DescribeTable answer already at hand. */
    static TableShape from(String table, TableDescription t) {
        java.util.Map<String, String> types = new java.util.HashMap<>();
        for (AttributeDefinition d : t.attributeDefinitions()) types.put(d.attributeName(), d.attributeTypeAsString());
        List<Index> indexes = new ArrayList<>();
        t.globalSecondaryIndexes().forEach(g -> indexes.add(new Index(g.indexName(), true, hash(g.keySchema(), types),
                range(g.keySchema(), types), g.projection() == null ? "ALL" : g.projection().projectionTypeAsString())));
        t.localSecondaryIndexes().forEach(l -> indexes.add(new Index(l.indexName(), false, hash(l.keySchema(), types),
                range(l.keySchema(), types), l.projection() == null ? "ALL" : l.projection().projectionTypeAsString())));
        return new TableShape(table, hash(t.keySchema(), types), range(t.keySchema(), types), indexes,
                t.itemCount() == null ? 0 : t.itemCount());
    }

    private static Key hash(List<KeySchemaElement> schema, java.util.Map<String, String> types) {
        KeySchemaElement e = schema.stream().filter(k -> k.keyType() == KeyType.HASH).findFirst().orElseThrow();
        return new Key(e.attributeName(), types.getOrDefault(e.attributeName(), "S"));
    }

    private static Optional<Key> range(List<KeySchemaElement> schema, java.util.Map<String, String> types) {
        return schema.stream().filter(k -> k.keyType() == KeyType.RANGE).findFirst()
                .map(e -> new Key(e.attributeName(), types.getOrDefault(e.attributeName(), "S")));
    }
}
