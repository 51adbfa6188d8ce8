package dev.cruddur.admin.engine.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cruddur.admin.engine.api.ApiException;
import dev.cruddur.admin.engine.api.Json;
import dev.cruddur.admin.engine.storage.Table;
import dev.cruddur.admin.engine.storage.TableDefinition;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * TagResource, UntagResource and ListTagsOfResource: tags are part of the table's definition, so they are
 * logged and replayed with it and go when the table goes. Checks and messages as DynamoDB words them.
 */
final class TableTags {
    private TableTags() {}

    private static final Pattern ANY_ARN = Pattern.compile("^.+:.+:.+:.+:.+:.+/.+$");
    private static final Pattern TABLE_ARN = Pattern.compile("^arn:aws:dynamodb:.+:\\d+:table/[^/]{2}[^/]+$");

    static Map<String, String> fromRequest(JsonNode tags) {
        Map<String, String> out = new LinkedHashMap<>();
        if (tags == null || !tags.isArray()) return out;
        for (JsonNode t : tags) out.put(t.path("Key").asText(), t.path("Value").asText());
        return out;
    }

    static Operation tag(Engine engine) {
        return request -> {
            String arn = checkArn(request, "TagResource");
            JsonNode tags = request.get("Tags");
            if (tags == null || tags.isNull())
                throw ApiException.validation("1 validation error detected: Value null at 'tags' failed to satisfy constraint: Member must not be null");
            checkTableArn(arn);
            if (tags.isEmpty()) throw ApiException.validation("Atleast one Tag needs to be provided as Input.");
            return engine.db.write(() -> {
                Table t = table(engine, arn);
                Map<String, String> next = new LinkedHashMap<>(t.definition().tags());
                next.putAll(fromRequest(tags));
                engine.db.updateDefinition(t, t.definition().withTags(next));
                return Json.object();
            });
        };
    }

    static Operation untag(Engine engine) {
        return request -> {
            String arn = checkArn(request, "UntagResource");
            JsonNode keys = request.get("TagKeys");
            if (keys == null || keys.isNull())
                throw ApiException.validation("1 validation error detected: Value null at 'tagKeys' failed to satisfy constraint: Member must not be null");
            checkTableArn(arn);
            if (keys.isEmpty()) throw ApiException.validation("Atleast one Tag Key needs to be provided as Input.");
            return engine.db.write(() -> {
                Table t = table(engine, arn, false);
                Map<String, String> next = new LinkedHashMap<>(t.definition().tags());
                for (JsonNode k : keys) next.remove(k.asText());
                if (!next.equals(t.definition().tags())) engine.db.updateDefinition(t, t.definition().withTags(next));
                return Json.object();
            });
        };
    }

    static Operation list(Engine engine) {
        return request -> {
            String arn = checkArn(request, "ListTagsOfResource");
            checkTableArn(arn);
            return engine.db.read(() -> {
                TableDefinition d = table(engine, arn).definition();
                ObjectNode r = Json.object();
                ArrayNode out = r.putArray("Tags");
                d.tags().forEach((k, v) -> out.addObject().put("Key", k).put("Value", v));
                return r;
            });
        };
    }

    private static String checkArn(JsonNode request, String action) {
        String arn = Json.string(request, "ResourceArn");
        if (arn == null) throw ApiException.validation("Invalid TableArn");
        if (!ANY_ARN.matcher(arn).matches())
            throw new ApiException("com.amazon.coral.service#AccessDeniedException", "User: arn:aws:iam::000000000000:root is not authorized to perform: dynamodb:"
                    + action + " on resource: " + arn);
        return arn;
    }

    private static void checkTableArn(String arn) {
        if (!TABLE_ARN.matcher(arn).matches()) throw ApiException.validation("Invalid TableArn: Invalid ResourceArn provided as input " + arn);
    }

    private static Table table(Engine engine, String arn) { return table(engine, arn, true); }

    /** DynamoDB names the ARN (with its "ResourcArn" typo) when tagging or listing, not when untagging. */
    private static Table table(Engine engine, String arn, boolean namesArn) {
        Table t = engine.db.table(arn.substring(arn.lastIndexOf('/') + 1));
        if (t == null || !t.definition().arn().equals(arn))
            throw ApiException.resourceNotFound(namesArn ? "Requested resource not found: ResourcArn: " + arn + " not found" : "Requested resource not found");
        return t;
    }
}
