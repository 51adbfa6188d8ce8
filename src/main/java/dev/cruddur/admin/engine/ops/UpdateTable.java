package dev.cruddur.admin.engine.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cruddur.admin.engine.api.ApiException;
import dev.cruddur.admin.engine.api.Json;
import dev.cruddur.admin.engine.storage.IndexDefinition;
import dev.cruddur.admin.engine.storage.KeyAttribute;
import dev.cruddur.admin.engine.storage.StreamSettings;
import dev.cruddur.admin.engine.storage.Table;
import dev.cruddur.admin.engine.storage.TableDefinition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** UpdateTable: streams on/off, GSIs created (built at once) or deleted, billing mode and throughput. */
public final class UpdateTable implements Operation {
    private final Engine engine;

    public UpdateTable(Engine engine) { this.engine = engine; }

    @Override public ObjectNode handle(JsonNode request) {
        String name = RequestSupport.tableName(request);
        return engine.db.write(() -> {
            Table table = RequestSupport.table(engine.db, name);
            TableDefinition d = table.definition();
            TableDefinition next = d;
            boolean changed = false;

            List<KeyAttribute> defsList = new ArrayList<>(d.attributeDefinitions());
            if (request.hasNonNull("AttributeDefinitions")) {
                for (KeyAttribute a : TableSchemaParser.attributeDefinitions(request)) {
                    defsList.removeIf(x -> x.name().equals(a.name()));
                    defsList.add(a);
                }
            }
            Map<String, KeyAttribute> defs = new LinkedHashMap<>();
            defsList.forEach(a -> defs.put(a.name(), a));

            JsonNode updates = Json.arrayField(request, "GlobalSecondaryIndexUpdates");
            if (updates != null) {
                List<IndexDefinition> indexes = new ArrayList<>(d.indexes());
                for (JsonNode u : updates) {
                    if (u.hasNonNull("Create")) {
                        IndexDefinition idx = TableSchemaParser.index(u.get("Create"), true, defs, d.arn(), d.hash(), 0, 0,
                                "PROVISIONED".equals(d.billingMode()));
                        if (d.index(idx.name()) != null)
                            throw ApiException.validation("One or more parameter values were invalid: Index with name " + idx.name() + " already exists");
                        indexes.add(idx);
                    } else if (u.hasNonNull("Delete")) {
                        String indexName = Json.string(u.get("Delete"), "IndexName");
                        if (!indexes.removeIf(i -> i.global() && i.name().equals(indexName)))
                            throw ApiException.resourceNotFound("Requested resource not found: Index: " + indexName + " not found");
                    } else if (u.hasNonNull("Update")) {
                        String indexName = Json.string(u.get("Update"), "IndexName");
                        if (d.index(indexName) == null)
                            throw ApiException.resourceNotFound("Requested resource not found: Index: " + indexName + " not found");
                    }
                }
                List<KeyAttribute> usedDefs = new ArrayList<>();
                for (KeyAttribute a : defsList) {
                    boolean used = d.isKeyAttribute(a.name()) || indexes.stream().anyMatch(i -> i.hash().name().equals(a.name())
                            || (i.range() != null && i.range().name().equals(a.name())));
                    if (used) usedDefs.add(a);
                }
                next = next.withIndexes(indexes, usedDefs);
                changed = true;
            }

            JsonNode ss = request.get("StreamSpecification");
            if (ss != null && ss.isObject()) {
                boolean enable = Json.bool(ss, "StreamEnabled");
                boolean enabled = d.stream() != null && d.stream().enabled();
                if (enable && enabled)
                    throw ApiException.validation("Table already has an enabled stream: " + d.streamArn(d.stream().label()));
                if (!enable && !enabled) throw ApiException.validation("Table does not have an enabled stream");
                List<String> previous = new ArrayList<>(d.previousStreamLabels());
                if (enable) {
                    String view = Json.string(ss, "StreamViewType");
                    if (view == null) throw ApiException.validation("One or more parameter values were invalid: Stream view type must be specified when stream is enabled");
                    if (d.stream() != null) previous.add(d.stream().label());
                    next = next.withStream(new StreamSettings(true, view, StreamOps.newLabel(engine)), previous);
                } else {
                    next = next.withStream(new StreamSettings(false, d.stream().viewType(), d.stream().label()), previous);
                }
                changed = true;
            }

            String billing = Json.string(request, "BillingMode");
            JsonNode pt = request.get("ProvisionedThroughput");
            if (billing != null || (pt != null && pt.isObject())) {
                String mode = billing != null ? billing : next.billingMode();
                long read = pt != null && pt.isObject() ? pt.path("ReadCapacityUnits").asLong() : (mode.equals("PAY_PER_REQUEST") ? 0 : Math.max(1, next.readCapacity()));
                long write = pt != null && pt.isObject() ? pt.path("WriteCapacityUnits").asLong() : (mode.equals("PAY_PER_REQUEST") ? 0 : Math.max(1, next.writeCapacity()));
                next = next.withBilling(mode, read, write);
                changed = true;
            }
            if (!changed)
                throw ApiException.validation("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required");
            engine.db.updateDefinition(table, next);
            ObjectNode r = Json.object();
            r.set("TableDescription", TableDescriptions.describe(table, "ACTIVE"));
            return r;
        });
    }
}
