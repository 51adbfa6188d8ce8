package dev.cruddur.admin.engine.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cruddur.admin.engine.api.Json;
import dev.cruddur.admin.engine.storage.TableDefinition;

/** DescribeTimeToLive: ENABLED with the attribute, or DISABLED. */
public final class DescribeTimeToLive implements Operation {
    private final Engine engine;

    public DescribeTimeToLive(Engine engine) { this.engine = engine; }

    @Override public ObjectNode handle(JsonNode request) {
        String name = RequestSupport.tableName(request);
        return engine.db.read(() -> {
            TableDefinition d = RequestSupport.table(engine.db, name).definition();
            ObjectNode r = Json.object();
            ObjectNode desc = r.putObject("TimeToLiveDescription");
            desc.put("TimeToLiveStatus", d.ttlEnabled() ? "ENABLED" : "DISABLED");
            if (d.ttlEnabled()) desc.put("AttributeName", d.ttlAttribute());
            return r;
        });
    }
}
