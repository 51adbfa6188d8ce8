package dev.cruddur.admin.engine.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cruddur.admin.engine.api.ApiException;
import dev.cruddur.admin.engine.api.Json;
import dev.cruddur.admin.engine.expr.ConditionPaths;
import dev.cruddur.admin.engine.expr.Path;
import dev.cruddur.admin.engine.model.AttributeValue;
import dev.cruddur.admin.engine.storage.HashBucket;
import dev.cruddur.admin.engine.storage.KeyAttribute;
import dev.cruddur.admin.engine.storage.RowKey;
import dev.cruddur.admin.engine.storage.ScanOrder;
import dev.cruddur.admin.engine.storage.StoredItem;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/** Query: the items of one partition (of the table or an index), in range key order, paged. */
public final class Query implements Operation {
    private final Engine engine;

    public Query(Engine engine) { this.engine = engine; }

    @Override public ObjectNode handle(JsonNode request) {
        ReadRequest read = new ReadRequest(request, true);
        Map<String, KeyCondition> conditions = KeyCondition.convert(read.keyCondition);
        if (conditions.size() != 1 && conditions.size() != 2) throw ApiException.validation("Conditions can be of length 1 or 2 only");
        boolean forward = !request.hasNonNull("ScanIndexForward") || Json.bool(request, "ScanIndexForward");
        return engine.db.read(() -> {
            ReadRequest.Source source = read.source(engine);
            KeyAttribute hash = source.hash(), range = source.range();
            if (range == null && conditions.size() > 1) throw ApiException.validation("Query key condition not supported");
            KeyCondition hashCondition = conditions.get(hash.name());
            if (hashCondition == null) throw ApiException.validation("Query condition missed key schema element: " + hash.name());
            KeyCondition rangeCondition = range == null ? null : conditions.get(range.name());
            if (range != null && rangeCondition == null && conditions.size() > 1)
                throw ApiException.validation("Query condition missed key schema element: " + range.name());
            for (Map.Entry<String, KeyCondition> e : conditions.entrySet()) {
                String type = e.getKey().equals(hash.name()) ? hash.type() : range.type();
                for (AttributeValue v : e.getValue().values())
                    if (!v.type().equals(type))
                        throw ApiException.validation("One or more parameter values were invalid: Condition parameter type does not match schema type");
            }
            if (!hashCondition.operator().equals("EQ")) throw ApiException.validation("Query key condition not supported");
            AttributeValue hashValue = hashCondition.values().get(0);

            RowKey start = null;
            if (read.exclusiveStartKey != null) start = startRow(read, source, hash, range, hashValue, rangeCondition);

            RequestSupport.checkKeyPaths(source.definition(), read.projection);
            if (read.filter != null) {
                for (Path p : ConditionPaths.of(read.filter)) {
                    if (p.head().equals(hash.name()) || (range != null && p.head().equals(range.name())))
                        throw ApiException.validation("Filter Expression can only contain non-primary key attributes: Primary key attribute: " + p.head());
                }
                RequestSupport.checkKeyPaths(source.definition(), ConditionPaths.of(read.filter));
            }

            PageCollector page = new PageCollector(read.limit, read.filter, read.projection, read.countOnly(), source.startKeyNames(), source.fetch());
            readPartition(source.items().partition(HashBucket.of(hashValue)), rangeCondition, start, forward, page);
            ObjectNode response = page.response();
            double units = RequestSupport.readUnits(page.readBytes(), read.consistent);
            RequestSupport.consumedCapacity(response, request, read.tableName, source.index() == null ? units : 0,
                    source.index() == null ? Map.of() : Map.of(source.index().name(), units));
            return response;
        });
    }

    /**
     * Offers one partition's rows to the page, in sort key order or backwards, narrowed by the sort key condition
     * and resumed after {@code start} (null: from the first row), until the page is full. Query and PartiQL's
     * SELECT both read a partition this way.
     */
    static void readPartition(NavigableMap<RowKey, StoredItem> partition, KeyCondition rangeCondition, RowKey start, boolean forward,
                              PageCollector page) {
        NavigableMap<RowKey, StoredItem> rows = bounded(partition, rangeCondition);
        if (start != null) rows = forward ? rows.tailMap(start, false) : rows.headMap(start, false);
        if (!forward) rows = rows.descendingMap();
        boolean prefixScan = rangeCondition != null && rangeCondition.operator().equals("BEGINS_WITH");
        for (Map.Entry<RowKey, StoredItem> e : rows.entrySet()) {
            // the rows a prefix bounds run from the prefix on: forwards, the first row past the prefix ends the read;
            // backwards, the rows past it come first and are passed over
            if (prefixScan && !KeyCondition.beginsWith(e.getKey().range(), rangeCondition.values().get(0))) {
                if (forward) break;
                continue;
            }
            if (!page.offer(e.getValue())) break;
        }
    }

    private static NavigableMap<RowKey, StoredItem> bounded(NavigableMap<RowKey, StoredItem> rows, KeyCondition c) {
        if (c == null) return rows;
        AttributeValue v = c.values().get(0);
        return switch (c.operator()) {
            case "EQ" -> rows.subMap(RowKey.before(v), false, RowKey.after(v), false);
            case "LT" -> rows.headMap(RowKey.before(v), false);
            case "LE" -> rows.headMap(RowKey.after(v), false);
            case "GT" -> rows.tailMap(RowKey.after(v), false);
            case "GE", "BEGINS_WITH" -> rows.tailMap(RowKey.before(v), false);
            // BETWEEN: bounds in the wrong order were refused when the expression was parsed
            default -> rows.subMap(RowKey.before(v), false, RowKey.after(c.values().get(1)), false);
        };
    }

    private static RowKey startRow(ReadRequest read, ReadRequest.Source source, KeyAttribute hash, KeyAttribute range,
                                   AttributeValue hashValue, KeyCondition rangeCondition) {
        Map<String, AttributeValue> esk = read.exclusiveStartKey;
        if (esk.size() != source.startKeyNames().size()) throw ApiException.validation("The provided starting key is invalid");
        for (KeyAttribute k : range == null ? List.of(hash) : List.of(hash, range)) {
            AttributeValue v = esk.get(k.name());
            if (v == null) throw ApiException.validation("The provided starting key is invalid");
            if (!v.type().equals(k.type())) throw ApiException.validation("The provided key element does not match the schema");
        }
        dev.cruddur.admin.engine.storage.ItemKey tableKey;
        try {
            tableKey = RequestSupport.key(source.definition(), tableKeyOf(source, esk));
        } catch (ApiException e) {
            throw ApiException.validation("The provided starting key is invalid: " + e.getMessage());
        }
        AttributeValue eskHash = esk.get(hash.name());
        if (rangeCondition == null) {
            if (!eskHash.equals(hashValue)) throw ApiException.validation("The provided starting key is outside query boundaries based on provided conditions");
        } else {
            if (!rangeCondition.matches(esk.get(range.name()))) throw ApiException.validation("The provided starting key does not match the range key predicate");
            if (!eskHash.equals(hashValue)) throw ApiException.validation("The query can return at most one row and cannot be restarted");
        }
        AttributeValue eskRange = range == null ? null : esk.get(range.name());
        if (source.index() == null) return RowKey.of(eskRange);
        return new RowKey(eskRange, ScanOrder.prefix(tableKey.hash(), tableKey.range()), tableKey.hash(), tableKey.range(), 0);
    }

    static Map<String, AttributeValue> tableKeyOf(ReadRequest.Source source, Map<String, AttributeValue> esk) {
        Map<String, AttributeValue> k = new java.util.LinkedHashMap<>();
        var d = source.definition();
        if (esk.containsKey(d.hash().name())) k.put(d.hash().name(), esk.get(d.hash().name()));
        if (d.range() != null && esk.containsKey(d.range().name())) k.put(d.range().name(), esk.get(d.range().name()));
        return k;
    }
}
