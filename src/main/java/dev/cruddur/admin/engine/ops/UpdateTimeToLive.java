package dev.cruddur.admin.engine.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cruddur.admin.engine.api.ApiException;
import dev.cruddur.admin.engine.api.Json;
import dev.cruddur.admin.engine.storage.Table;
import dev.cruddur.admin.engine.storage.TableDefinition;

/** UpdateTimeToLive: names the attribute (N, epoch seconds) after which the sweeper deletes an item. */
public final class UpdateTimeToLive implements Operation {
    private final Engine engine;

    public UpdateTimeToLive(Engine engine) { this.engine = engine; }

    @Override public ObjectNode handle(JsonNode request) {
        String name = RequestSupport.tableName(request);
        JsonNode spec = request.get("TimeToLiveSpecification");
        if (spec == null || !spec.isObject())
            throw ApiException.validation("1 validation error detected: Value null at 'timeToLiveSpecification' failed to satisfy constraint: Member must not be null");
        String attribute = Json.string(spec, "AttributeName");
        if (attribute == null || attribute.isEmpty())
            throw ApiException.validation("1 validation error detected: Value null at 'timeToLiveSpecification.attributeName' failed to satisfy constraint: Member must not be null");
        if (!spec.hasNonNull("Enabled"))
            throw ApiException.validation("1 validation error detected: Value null at 'timeToLiveSpecification.enabled' failed to satisfy constraint: Member must not be null");
        boolean enable = Json.bool(spec, "Enabled");
        return engine.db.write(() -> {
            Table table = RequestSupport.table(engine.db, name);
            TableDefinition d = table.definition();
            if (enable && d.ttlEnabled()) throw ApiException.validation("TimeToLive is already enabled");
            if (!enable && !d.ttlEnabled()) throw ApiException.validation("TimeToLive is already disabled");
            if (!enable && !attribute.equals(d.ttlAttribute()))
                throw ApiException.validation("TimeToLive is active on a different AttributeName: current AttributeName is " + d.ttlAttribute());
            engine.db.updateDefinition(table, d.withTtl(attribute, enable));
            ObjectNode r = Json.object();
            r.putObject("TimeToLiveSpecification").put("AttributeName", attribute).put("Enabled", enable);
            return r;
        });
    }
}
