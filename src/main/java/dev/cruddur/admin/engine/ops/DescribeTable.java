package dev.cruddur.admin.engine.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cruddur.admin.engine.api.ApiException;
import dev.cruddur.admin.engine.api.Json;
import dev.cruddur.admin.engine.storage.Table;

/** DescribeTable: the table's definition and live counts. */
public final class DescribeTable implements Operation {
    private final Engine engine;

    public DescribeTable(Engine engine) { this.engine = engine; }

    @Override public ObjectNode handle(JsonNode request) {
        String name = RequestSupport.tableName(request);
        return engine.db.read(() -> {
            Table t = engine.db.table(name);
            if (t == null) throw ApiException.resourceNotFound("Requested resource not found: Table: " + name + " not found");
            ObjectNode r = Json.object();
            r.set("Table", TableDescriptions.describe(t, engine.status(t.definition())));
            return r;
        });
    }
}
