package dev.cruddur.admin.engine.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cruddur.admin.engine.api.ApiException;
import dev.cruddur.admin.engine.api.Json;

import java.util.List;

/** ListTables: names in order, at most Limit (default and maximum 100) per page. */
public final class ListTables implements Operation {
    private final Engine engine;

    public ListTables(Engine engine) { this.engine = engine; }

    @Override public ObjectNode handle(JsonNode request) {
        Integer limit = Json.integer(request, "Limit");
        if (limit != null && limit < 1)
            throw ApiException.validation("1 validation error detected: Value '" + limit + "' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
        if (limit != null && limit > 100)
            throw ApiException.validation("1 validation error detected: Value '" + limit + "' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100");
        String start = Json.string(request, "ExclusiveStartTableName");
        if (start != null) RequestSupport.tableName(request, "ExclusiveStartTableName", "exclusiveStartTableName");
        int max = limit == null ? 100 : limit;
        java.util.Collection<String> names = engine.db.read(() -> engine.db.tableNames());
        ObjectNode r = Json.object();
        ArrayNode out = r.putArray("TableNames");
        int taken = 0;
        String last = null;
        for (String n : names) {
            if (start != null && n.compareTo(start) <= 0) continue;
            if (taken == max) {
                r.put("LastEvaluatedTableName", last);
                break;
            }
            out.add(n);
            last = n;
            taken++;
        }
        return r;
    }
}
