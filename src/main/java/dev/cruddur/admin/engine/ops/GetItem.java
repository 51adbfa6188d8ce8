package dev.cruddur.admin.engine.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cruddur.admin.engine.api.Json;
import dev.cruddur.admin.engine.api.Values;
import dev.cruddur.admin.engine.expr.ExpressionContext;
import dev.cruddur.admin.engine.expr.Path;
import dev.cruddur.admin.engine.expr.Projector;
import dev.cruddur.admin.engine.storage.ItemKey;
import dev.cruddur.admin.engine.storage.StoredItem;
import dev.cruddur.admin.engine.storage.Table;

import java.util.List;
import java.util.Map;

/** GetItem: one item by key, optionally projected. Reads are always consistent here. */
public final class GetItem implements Operation {
    private final Engine engine;

    public GetItem(Engine engine) { this.engine = engine; }

    @Override public ObjectNode handle(JsonNode request) {
        String tableName = RequestSupport.tableName(request);
        Map<String, dev.cruddur.admin.engine.model.AttributeValue> keyItem = RequestSupport.requiredItem(request, "Key", "key");
        RequestSupport.checkExpressionParameters(request, List.of("ProjectionExpression"), List.of("AttributesToGet"));
        ExpressionContext context = RequestSupport.expressionContext(request);
        List<Path> expressed = RequestSupport.projection(request, context);
        List<Path> projection = expressed != null ? expressed : LegacyParameters.attributesToGet(request);
        RequestSupport.checkUnused(context);
        boolean consistent = Json.bool(request, "ConsistentRead");
        return engine.db.read(() -> {
            Table table = RequestSupport.activeTable(engine, tableName);
            ItemKey key = RequestSupport.key(table.definition(), keyItem);
            RequestSupport.checkKeyPaths(table.definition(), projection);
            StoredItem stored = engine.db.get(table, key);
            ObjectNode response = Json.object();
            if (stored != null) {
                if (projection == null) response.putRawValue("Item", RequestSupport.raw(stored.json()));
                else {
                    response.set("Item", Values.itemToJson(Projector.project(stored.parse(), projection)));
                }
            }
            RequestSupport.consumedCapacity(response, request, tableName,
                    RequestSupport.readUnits(stored == null ? 0 : stored.size(), consistent), Map.of());
            return response;
        });
    }
}
