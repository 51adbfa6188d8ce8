package dev.cruddur.admin.engine.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cruddur.admin.engine.api.ApiException;
import dev.cruddur.admin.engine.api.Json;
import dev.cruddur.admin.engine.model.AttributeValue;
import dev.cruddur.admin.engine.model.ItemSize;
import dev.cruddur.admin.engine.storage.StoredItem;

import java.util.Map;

/** The common run of PutItem, UpdateItem and DeleteItem: check, write and answer under one lock. */
final class SingleItemWrite {
    private SingleItemWrite() {}

    static ObjectNode run(Engine engine, ItemWrite write, JsonNode request) {
        return engine.db.write(() -> {
            if (engine.db.table(write.definition.name()) != write.table) throw ApiException.tableNotFound();
            StoredItem stored = engine.db.get(write.table, write.key);
            Map<String, AttributeValue> current = stored == null ? null
                    : (write.condition != null || write.kind == ItemWrite.Kind.UPDATE || write.returnValues != null ? stored.parse() : null);
            if (!write.conditionHolds(current)) throw write.conditionFailed(current);
            Map<String, AttributeValue> next = write.newItem(current);
            write.store(engine.db, next);
            ObjectNode response = Json.object();
            RequestSupport.putItem(response, "Attributes", write.returned(current, next));
            int newSize = next == null ? 0 : ItemSize.of(next);
            RequestSupport.consumedCapacity(response, request, write.definition.name(),
                    RequestSupport.writeUnits(newSize, stored == null ? 0 : stored.size()), Map.of());
            if (RequestSupport.collectionMetricsWanted(request, write.definition))
                response.set("ItemCollectionMetrics", RequestSupport.collectionMetrics(write.definition, write.key.hash()));
            return response;
        });
    }
}
