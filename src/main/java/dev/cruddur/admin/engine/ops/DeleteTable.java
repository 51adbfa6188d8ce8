package dev.cruddur.admin.engine.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cruddur.admin.engine.api.Json;
import dev.cruddur.admin.engine.storage.Table;

/** DeleteTable: gone at once; the response still describes it as DELETING, as DynamoDB does. */
public final class DeleteTable implements Operation {
    private final Engine engine;

    public DeleteTable(Engine engine) { this.engine = engine; }

    @Override public ObjectNode handle(JsonNode request) {
        String name = RequestSupport.tableName(request);
        return engine.db.write(() -> {
            Table t = engine.db.table(name);
            if (t == null) throw dev.cruddur.admin.engine.api.ApiException.resourceNotFound("Requested resource not found: Table: " + name + " not found");
            if (engine.creating(t.definition()))
                throw dev.cruddur.admin.engine.api.ApiException.resourceInUse("Attempt to change a resource which is still in use: Table is being created: " + name);
            ObjectNode r = Json.object();
            r.set("TableDescription", TableDescriptions.describe(t, "DELETING"));
            engine.db.deleteTable(name);
            return r;
        });
    }
}
