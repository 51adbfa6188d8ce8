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
import dev.cruddur.admin.engine.storage.StoredItem;
import dev.cruddur.admin.engine.storage.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** TransactGetItems: up to 100 reads seen at one instant (under the read lock no write interleaves). */
public final class TransactGetItems implements Operation {
    private final Engine engine;

    public TransactGetItems(Engine engine) { this.engine = engine; }

    private record Get(String table, Map<String, AttributeValue> key, List<Path> projection) {}

    @Override public ObjectNode handle(JsonNode request) {
        JsonNode items = RequestSupport.transactionActions(request, "TransactItems", "transactItems");
        List<Get> gets = new ArrayList<>();
        for (JsonNode i : items) {
            JsonNode g = i.get("Get");
            if (g == null || !g.isObject())
                throw ApiException.validation("1 validation error detected: Value null at 'transactItems.1.member.get' failed to satisfy constraint: Member must not be null");
            String table = RequestSupport.tableName(g);
            ExpressionContext context = RequestSupport.expressionContext(g);
            List<Path> projection = RequestSupport.projection(g, context);
            RequestSupport.checkUnused(context);
            gets.add(new Get(table, RequestSupport.requiredItem(g, "Key", "key"), projection));
        }
        return engine.db.read(() -> {
            ObjectNode r = Json.object();
            ArrayNode out = r.putArray("Responses");
            for (Get g : gets) {
                Table t = RequestSupport.activeTable(engine, g.table());
                StoredItem s = engine.db.get(t, RequestSupport.key(t.definition(), g.key()));
                ObjectNode resp = out.addObject();
                if (s == null) continue;
                if (g.projection() == null) resp.putRawValue("Item", RequestSupport.raw(s.json()));
                else resp.set("Item", Values.itemToJson(Projector.project(s.parse(), g.projection())));
            }
            return r;
        });
    }
}
