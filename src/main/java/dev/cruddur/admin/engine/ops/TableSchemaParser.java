package dev.cruddur.admin.engine.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cruddur.admin.engine.api.ApiException;
import dev.cruddur.admin.engine.api.Json;
import dev.cruddur.admin.engine.storage.IndexDefinition;
import dev.cruddur.admin.engine.storage.KeyAttribute;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads KeySchema, AttributeDefinitions and index definitions of CreateTable/UpdateTable. */
final class TableSchemaParser {
    private TableSchemaParser() {}

    static List<KeyAttribute> attributeDefinitions(JsonNode request) {
        JsonNode defs = Json.arrayField(request, "AttributeDefinitions");
        if (defs == null)
            throw ApiException.validation("1 validation error detected: Value null at 'attributeDefinitions' failed to satisfy constraint: Member must not be null");
        List<KeyAttribute> out = new ArrayList<>();
        for (JsonNode d : defs) {
            String name = Json.string(d, "AttributeName"), type = Json.string(d, "AttributeType");
            if (name == null || type == null || !Set.of("S", "N", "B").contains(type))
                throw ApiException.validation("1 validation error detected: Value '" + type
                        + "' at 'attributeDefinitions.1.member.attributeType' failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]");
            for (KeyAttribute k : out)
                if (k.name().equals(name)) throw ApiException.validation("Cannot have two attributes with the same name");
            out.add(new KeyAttribute(name, type));
        }
        return out;
    }

    /** [hash, range-or-null] resolved against the attribute definitions. */
    static KeyAttribute[] keySchema(JsonNode node, String member, Map<String, KeyAttribute> defs, String owner) {
        if (node == null || !node.isArray())
            throw ApiException.validation("1 validation error detected: Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
        if (node.size() < 1 || node.size() > 2)
            throw ApiException.validation("1 validation error detected: Value '" + node + "' at '" + member
                    + "' failed to satisfy constraint: Member must have length less than or equal to 2");
        KeyAttribute[] out = new KeyAttribute[2];
        for (int i = 0; i < node.size(); i++) {
            JsonNode k = node.get(i);
            String name = Json.string(k, "AttributeName"), type = Json.string(k, "KeyType");
            KeyAttribute def = defs.get(name);
            if (def == null)
                throw ApiException.validation("One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: ["
                        + name + "], AttributeDefinitions: " + defs.keySet().toString().replace(" ", " "));
            if (i == 0 && !"HASH".equals(type))
                throw ApiException.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
            if (i == 1 && !"RANGE".equals(type))
                throw ApiException.validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
            if (i == 1 && name.equals(out[0].name()))
                throw ApiException.validation("Both the Hash Key and the Range Key element in the KeySchema have the same name");
            out[i] = def;
        }
        return out;
    }

    static IndexDefinition index(JsonNode node, boolean global, Map<String, KeyAttribute> defs, String tableArn, KeyAttribute tableHash,
                                 long defaultRead, long defaultWrite, boolean provisioned) {
        String name = Json.string(node, "IndexName");
        if (name == null)
            throw ApiException.validation("1 validation error detected: Value null at 'indexName' failed to satisfy constraint: Member must not be null");
        KeyAttribute[] keys = keySchema(node.get("KeySchema"), "keySchema", defs, name);
        if (!global) {
            if (keys[1] == null) throw ApiException.validation("One or more parameter values were invalid: Index KeySchema must have a range key");
            if (!keys[0].name().equals(tableHash.name()))
                throw ApiException.validation("One or more parameter values were invalid: Index KeySchema does not have the same leading hash key as table KeySchema for index: "
                        + name + ". index hash key: " + keys[0].name() + ", table hash key: " + tableHash.name());
        }
        JsonNode projection = node.get("Projection");
        if (projection == null || projection.isNull())
            throw ApiException.validation("1 validation error detected: Value null at 'projection' failed to satisfy constraint: Member must not be null");
        String type = Json.string(projection, "ProjectionType");
        if (type == null) type = "ALL";
        List<String> nonKey = null;
        JsonNode nk = projection.get("NonKeyAttributes");
        if (nk != null && nk.isArray()) {
            nonKey = new ArrayList<>();
            for (JsonNode n : nk) nonKey.add(n.asText());
        }
        if (!"INCLUDE".equals(type) && nonKey != null)
            throw ApiException.validation("One or more parameter values were invalid: ProjectionType is " + type + ", but NonKeyAttributes is specified");
        if ("INCLUDE".equals(type) && (nonKey == null || nonKey.isEmpty()))
            throw ApiException.validation("One or more parameter values were invalid: NonKeyAttributes must not be empty when ProjectionType is INCLUDE");
        long read = 0, write = 0;
        JsonNode pt = node.get("ProvisionedThroughput");
        if (global && pt != null && pt.isObject()) {
            read = pt.path("ReadCapacityUnits").asLong();
            write = pt.path("WriteCapacityUnits").asLong();
        } else if (global && provisioned) {
            throw ApiException.validation("One or more parameter values were invalid: ProvisionedThroughput should not be null for index: " + name);
        }
        return new IndexDefinition(name, global, keys[0], keys[1], type, nonKey, read, write, tableArn + "/index/" + name);
    }
}
