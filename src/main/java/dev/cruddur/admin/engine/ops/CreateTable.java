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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** CreateTable: the table is ACTIVE at once (there is nothing to provision). */
public final class CreateTable implements Operation {
    private final Engine engine;

    public CreateTable(Engine engine) { this.engine = engine; }

    @Override public ObjectNode handle(JsonNode request) {
        String name = RequestSupport.tableName(request);
        List<KeyAttribute> defsList = TableSchemaParser.attributeDefinitions(request);
        Map<String, KeyAttribute> defs = new LinkedHashMap<>();
        defsList.forEach(d -> defs.put(d.name(), d));
        KeyAttribute[] key = TableSchemaParser.keySchema(request.get("KeySchema"), "keySchema", defs, name);
        String billing = RequestSupport.enumValue(request, "BillingMode", "billingMode", Set.of("PROVISIONED", "PAY_PER_REQUEST"));
        if (billing == null) billing = "PROVISIONED";
        boolean provisioned = billing.equals("PROVISIONED");
        JsonNode pt = request.get("ProvisionedThroughput");
        long read = 0, write = 0;
        if (provisioned) {
            if (pt == null || pt.isNull()) throw ApiException.validation("One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
            read = pt.path("ReadCapacityUnits").asLong();
            write = pt.path("WriteCapacityUnits").asLong();
            if (read < 1 || write < 1)
                throw ApiException.validation("One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        } else if (pt != null && !pt.isNull()) {
            throw ApiException.validation("One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
        }
        String arn = "arn:aws:dynamodb:" + engine.region + ":" + engine.account + ":table/" + name;
        List<IndexDefinition> indexes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> used = new HashSet<>();
        used.add(key[0].name());
        if (key[1] != null) used.add(key[1].name());
        for (String kind : List.of("GlobalSecondaryIndexes", "LocalSecondaryIndexes")) {
            JsonNode list = Json.arrayField(request, kind);
            if (list == null) continue;
            boolean global = kind.startsWith("Global");
            if (list.isEmpty()) throw ApiException.validation("One or more parameter values were invalid: List of " + kind + " is empty");
            if (!global && key[1] == null)
                throw ApiException.validation("One or more parameter values were invalid: Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex");
            for (JsonNode i : list) {
                IndexDefinition idx = TableSchemaParser.index(i, global, defs, arn, key[0], read, write, provisioned);
                if (!names.add(idx.name())) throw ApiException.validation("One or more parameter values were invalid: Duplicate index name: " + idx.name());
                used.add(idx.hash().name());
                if (idx.range() != null) used.add(idx.range().name());
                indexes.add(idx);
            }
        }
        if (used.size() != defs.size())
            throw ApiException.validation("One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
        StreamSettings stream = null;
        JsonNode ss = request.get("StreamSpecification");
        if (ss != null && ss.isObject() && Json.bool(ss, "StreamEnabled")) {
            String view = Json.string(ss, "StreamViewType");
            if (view == null) throw ApiException.validation("One or more parameter values were invalid: Stream view type must be specified when stream is enabled");
            stream = new StreamSettings(true, view, StreamOps.newLabel(engine));
        }
        TableDefinition d = new TableDefinition(name, arn, UUID.randomUUID().toString(), engine.clock.millis(), defsList, key[0], key[1],
                indexes, billing, read, write, stream, null, false, List.of(), TableTags.fromRequest(request.get("Tags")));
        return engine.db.write(() -> {
            if (engine.db.table(name) != null) throw ApiException.resourceInUse("Table already exists: " + name);
            Table t = engine.db.createTable(d);
            ObjectNode r = Json.object();
            r.set("TableDescription", TableDescriptions.describe(t, "CREATING"));
            return r;
        });
    }
}
