package dev.cruddur.admin.engine.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cruddur.admin.engine.api.ApiException;
import dev.cruddur.admin.engine.api.Json;
import dev.cruddur.admin.engine.api.Values;
import dev.cruddur.admin.engine.expr.ExpressionContext;
import dev.cruddur.admin.engine.expr.Path;
import dev.cruddur.admin.engine.expr.Projector;
import dev.cruddur.admin.engine.model.AttributeValue;
import dev.cruddur.admin.engine.storage.ItemKey;
import dev.cruddur.admin.engine.storage.StoredItem;
import dev.cruddur.admin.engine.storage.Table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** BatchGetItem: up to 100 keys over several tables; nothing is ever left unprocessed here. */
public final class BatchGetItem implements Operation {
    private final Engine engine;

    public BatchGetItem(Engine engine) { this.engine = engine; }

    private record TableRequest(String table, List<Map<String, AttributeValue>> keys, List<Path> projection, boolean consistent) {}

    @Override public ObjectNode handle(JsonNode request) {
        JsonNode items = RequestSupport.requestItems(request);
        List<TableRequest> requests = new ArrayList<>();
        int total = 0;
        for (Map.Entry<String, JsonNode> e : Json.fields(items)) {
            JsonNode t = e.getValue();
            JsonNode keys = Json.arrayField(t, "Keys");
            if (keys == null || keys.isEmpty() || keys.size() > 100)
                throw ApiException.validation("1 validation error detected: Value at 'requestItems." + e.getKey()
                        + ".member.keys' failed to satisfy constraint: Member must have length " + (keys == null || keys.isEmpty() ? "greater than or equal to 1" : "less than or equal to 100"));
            RequestSupport.checkExpressionParameters(t, List.of("ProjectionExpression"), List.of("AttributesToGet"));
            ExpressionContext context = RequestSupport.expressionContext(t);
            List<Path> projection = RequestSupport.projection(t, context);
            if (projection == null) projection = LegacyParameters.attributesToGet(t);
            RequestSupport.checkUnused(context);
            List<Map<String, AttributeValue>> parsed = new ArrayList<>();
            Set<Map<String, AttributeValue>> seen = new HashSet<>();
            for (JsonNode k : keys) {
                Map<String, AttributeValue> key = Values.itemOrFail(k);
                if (!seen.add(key)) throw ApiException.validation("Provided list of item keys contains duplicates");
                parsed.add(key);
                if (++total > 100) throw ApiException.validation("Too many items requested for the BatchGetItem call");
            }
            requests.add(new TableRequest(e.getKey(), parsed, projection, Json.bool(t, "ConsistentRead")));
        }
        return engine.db.read(() -> {
            ObjectNode r = Json.object();
            ObjectNode responses = r.putObject("Responses");
            ArrayNode capacity = Json.array();
            for (TableRequest tr : requests) {
                Table table = RequestSupport.activeTable(engine, tr.table());
                ArrayNode out = responses.putArray(tr.table());
                // each key is a read of its own, rounded up on its own, as DynamoDB counts it (a missing item costs one read too)
                double units = 0;
                for (Map<String, AttributeValue> k : tr.keys()) {
                    ItemKey key = RequestSupport.key(table.definition(), k);
                    StoredItem s = engine.db.get(table, key);
                    units += RequestSupport.readUnits(s == null ? 0 : s.size(), tr.consistent());
                    if (s == null) continue;
                    if (tr.projection() == null) out.addRawValue(RequestSupport.raw(s.json()));
                    else out.add(Values.itemToJson(Projector.project(s.parse(), tr.projection())));
                }
                ObjectNode c = Json.object();
                RequestSupport.consumedCapacity(c, request, tr.table(), units, Map.of());
                if (c.has("ConsumedCapacity")) capacity.add(c.get("ConsumedCapacity"));
            }
            r.putObject("UnprocessedKeys");
            if (!capacity.isEmpty()) r.set("ConsumedCapacity", capacity);
            return r;
        });
    }
}
