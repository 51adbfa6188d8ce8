package dev.cruddur.admin.engine.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cruddur.admin.engine.api.ApiException;
import dev.cruddur.admin.engine.api.Json;
import dev.cruddur.admin.engine.api.Values;
import dev.cruddur.admin.engine.model.AttributeValue;
import dev.cruddur.admin.engine.model.ItemSize;
import dev.cruddur.admin.engine.storage.Database;
import dev.cruddur.admin.engine.storage.ItemKey;
import dev.cruddur.admin.engine.storage.StoredItem;
import dev.cruddur.admin.engine.storage.Table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** BatchWriteItem: up to 25 puts and deletes, no conditions; validated completely before anything is written. */
public final class BatchWriteItem implements Operation {
    private final Engine engine;

    public BatchWriteItem(Engine engine) { this.engine = engine; }

    private record Write(String table, Map<String, AttributeValue> item, Map<String, AttributeValue> key) {}

    @Override public ObjectNode handle(JsonNode request) {
        JsonNode items = RequestSupport.requestItems(request);
        List<Write> writes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : Json.fields(items)) {
            JsonNode list = e.getValue();
            if (!list.isArray()) throw ApiException.serialization("Unexpected field type");
            if (list.isEmpty() || list.size() > 25)
                throw ApiException.validation("1 validation error detected: Value at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: "
                        + "[Member must have length less than or equal to 25, Member must have length greater than or equal to 1]");
            for (JsonNode w : list) {
                if (w.isEmpty())
                    throw ApiException.validation("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
                if (w.hasNonNull("PutRequest")) {
                    Map<String, AttributeValue> item = Values.itemOrFail(w.get("PutRequest").path("Item"));
                    if (ItemSize.of(item) > ItemSize.MAX_ITEM_SIZE) throw ApiException.validation("Item size has exceeded the maximum allowed size");
                    writes.add(new Write(e.getKey(), item, null));
                } else if (w.hasNonNull("DeleteRequest")) {
                    writes.add(new Write(e.getKey(), null, Values.itemOrFail(w.get("DeleteRequest").path("Key"))));
                }
            }
        }
        if (writes.size() > 25) throw ApiException.validation("Too many items requested for the BatchWriteItem call");
        return engine.db.write(() -> {
            Map<String, Set<ItemKey>> seen = new LinkedHashMap<>();
            List<Table> tables = new ArrayList<>();
            List<ItemKey> keys = new ArrayList<>();
            for (Write w : writes) {
                Table table = RequestSupport.activeTable(engine, w.table());
                ItemKey key;
                if (w.item() != null) {
                    try {
                        RequestSupport.checkItem(table.definition(), w.item());
                    } catch (ApiException ex) {
                        if (ex.getMessage().contains("Missing the key") || ex.getMessage().contains("Type mismatch for key"))
                            throw ApiException.validation("The provided key element does not match the schema");
                        throw ex;
                    }
                    key = Database.keyOf(table.definition(), w.item());
                } else {
                    key = RequestSupport.key(table.definition(), w.key());
                }
                if (!seen.computeIfAbsent(w.table(), t -> new HashSet<>()).add(key))
                    throw ApiException.validation("Provided list of item keys contains duplicates");
                tables.add(table);
                keys.add(key);
            }
            // each write is counted as the single-item write would be: by the larger of the old and the new item
            Map<String, Double> units = new LinkedHashMap<>();
            Map<String, Map<AttributeValue, ObjectNode>> collections = new LinkedHashMap<>();
            for (int i = 0; i < writes.size(); i++) {
                Write w = writes.get(i);
                Table table = tables.get(i);
                StoredItem old = w.item() != null ? engine.db.put(table, w.item()) : engine.db.delete(table, keys.get(i), false);
                int newSize = w.item() == null ? 0 : ItemSize.of(w.item());
                units.merge(w.table(), RequestSupport.writeUnits(newSize, old == null ? 0 : old.size()), Double::sum);
                // one entry per item collection written to, as the single writes give it
                if (RequestSupport.collectionMetricsWanted(request, table.definition())) {
                    AttributeValue hash = keys.get(i).hash();
                    collections.computeIfAbsent(w.table(), t -> new LinkedHashMap<>())
                            .computeIfAbsent(hash, h -> RequestSupport.collectionMetrics(table.definition(), h));
                }
            }
            ObjectNode r = Json.object();
            r.putObject("UnprocessedItems");
            if (!collections.isEmpty()) {
                ObjectNode m = r.putObject("ItemCollectionMetrics");
                collections.forEach((t, byKey) -> m.putArray(t).addAll(byKey.values()));
            }
            String mode = Json.string(request, "ReturnConsumedCapacity");
            if ("TOTAL".equals(mode) || "INDEXES".equals(mode)) {
                ArrayNode c = r.putArray("ConsumedCapacity");
                units.forEach((t, u) -> {
                    ObjectNode n = c.addObject().put("TableName", t).put("CapacityUnits", u);
                    if ("INDEXES".equals(mode)) n.putObject("Table").put("CapacityUnits", u);
                });
            }
            return r;
        });
    }
}
