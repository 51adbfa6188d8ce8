package dev.cruddur.admin.engine.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.cruddur.admin.engine.api.ApiException;
import dev.cruddur.admin.engine.api.Json;
import dev.cruddur.admin.engine.api.Values;
import dev.cruddur.admin.engine.expr.Condition;
import dev.cruddur.admin.engine.expr.ConditionParser;
import dev.cruddur.admin.engine.expr.ExpressionContext;
import dev.cruddur.admin.engine.expr.ExpressionException;
import dev.cruddur.admin.engine.expr.Path;
import dev.cruddur.admin.engine.expr.ProjectionParser;
import dev.cruddur.admin.engine.expr.UpdateAction;
import dev.cruddur.admin.engine.expr.UpdateParser;
import dev.cruddur.admin.engine.model.AttributeValue;
import dev.cruddur.admin.engine.model.ItemSize;
import dev.cruddur.admin.engine.storage.Database;
import dev.cruddur.admin.engine.storage.IndexDefinition;
import dev.cruddur.admin.engine.storage.ItemKey;
import dev.cruddur.admin.engine.storage.KeyAttribute;
import dev.cruddur.admin.engine.storage.Table;
import dev.cruddur.admin.engine.storage.TableDefinition;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Validation and conversion steps that several operations share, worded as DynamoDB words them. */
final class RequestSupport {
    private RequestSupport() {}

    private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]+");
    private static final Pattern NAME_KEY = Pattern.compile("^#[0-9a-zA-Z_]+$");
    private static final Pattern VALUE_KEY = Pattern.compile("^:[0-9a-zA-Z_]+$");

    static String tableName(JsonNode request) { return tableName(request, "TableName", "tableName"); }

    static String tableName(JsonNode request, String field, String member) {
        String name = Json.string(request, field);
        List<String> errors = new ArrayList<>();
        if (name == null) {
            errors.add("Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
        } else {
            if (!TABLE_NAME.matcher(name).matches())
                errors.add("Value '" + name + "' at '" + member + "' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
            if (name.length() < 3)
                errors.add("Value '" + name + "' at '" + member + "' failed to satisfy constraint: Member must have length greater than or equal to 3");
            if (name.length() > 255)
                errors.add("Value '" + name + "' at '" + member + "' failed to satisfy constraint: Member must have length less than or equal to 255");
        }
        throwConstraintErrors(errors);
        return name;
    }

    static void throwConstraintErrors(List<String> errors) {
        if (errors.isEmpty()) return;
        throw ApiException.validation(errors.size() + " validation error" + (errors.size() > 1 ? "s" : "") + " detected: " + String.join("; ", errors));
    }

    static Table table(Database db, String name) {
        Table t = db.table(name);
        if (t == null) throw ApiException.tableNotFound();
        return t;
    }

    /**
     * The table an item read or write runs on: DynamoDB (and dynalite) answer a table that is still CREATING
     * as one that does not exist, with the same ResourceNotFoundException.
     */
    static Table activeTable(Engine engine, String name) {
        Table t = engine.db.table(name);
        if (t == null || engine.creating(t.definition())) throw ApiException.tableNotFound();
        return t;
    }

    /** BatchGetItem's and BatchWriteItem's RequestItems: present, and naming at least one table. */
    static JsonNode requestItems(JsonNode request) {
        JsonNode items = Json.objectField(request, "RequestItems");
        if (items == null)
            throw ApiException.validation("1 validation error detected: Value null at 'requestItems' failed to satisfy constraint: Member must not be null");
        if (items.isEmpty())
            throw ApiException.validation("1 validation error detected: Value '{}' at 'requestItems' failed to satisfy constraint: Member must have length greater than or equal to 1");
        return items;
    }

    /** A transaction's actions (TransactItems, TransactStatements): present, 1 to 100 of them. */
    static JsonNode transactionActions(JsonNode request, String field, String member) {
        JsonNode actions = Json.arrayField(request, field);
        if (actions == null)
            throw ApiException.validation("1 validation error detected: Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
        if (actions.isEmpty() || actions.size() > 100)
            throw ApiException.validation("1 validation error detected: Value at '" + member + "' failed to satisfy constraint: Member must have length "
                    + (actions.isEmpty() ? "greater than or equal to 1" : "less than or equal to 100"));
        return actions;
    }

    static Map<String, AttributeValue> requiredItem(JsonNode request, String field, String member) {
        JsonNode n = request.get(field);
        if (n == null || n.isNull())
            throw ApiException.validation("1 validation error detected: Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
        return Values.itemOrFail(n);
    }

    /** A Key parameter checked against the table's key schema. */
    static ItemKey key(TableDefinition d, Map<String, AttributeValue> key) {
        int expected = d.range() == null ? 1 : 2;
        if (key.size() != expected) throw ApiException.validation("The provided key element does not match the schema");
        AttributeValue h = keyPiece(key, d.hash(), true);
        AttributeValue r = d.range() == null ? null : keyPiece(key, d.range(), false);
        return new ItemKey(h, r);
    }

    private static AttributeValue keyPiece(Map<String, AttributeValue> key, KeyAttribute attribute, boolean isHash) {
        AttributeValue v = key.get(attribute.name());
        if (v == null || !v.type().equals(attribute.type())) throw ApiException.validation("The provided key element does not match the schema");
        checkKeyValue(v, attribute.name(), isHash);
        return v;
    }

    private static void checkKeyValue(AttributeValue v, String name, boolean isHash) {
        int length;
        if (v instanceof AttributeValue.S s) length = s.value().getBytes(StandardCharsets.UTF_8).length;
        else if (v instanceof AttributeValue.B b) length = b.value().length;
        else return;
        if (length == 0)
            throw ApiException.validation("One or more parameter values were invalid: The AttributeValue for a key attribute cannot contain an empty "
                    + (v instanceof AttributeValue.S ? "string" : "binary") + " value. Key: " + name);
        if (isHash && length > 2048)
            throw ApiException.validation("One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes");
        if (!isHash && length > 1024)
            throw ApiException.validation("One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes");
    }

    /** A whole item for PutItem: key attributes present and typed right, index keys typed right, size within 400 KB. */
    static void checkItem(TableDefinition d, Map<String, AttributeValue> item) {
        for (KeyAttribute k : d.range() == null ? List.of(d.hash()) : List.of(d.hash(), d.range())) {
            AttributeValue v = item.get(k.name());
            if (v == null) throw ApiException.validation("One or more parameter values were invalid: Missing the key " + k.name() + " in the item");
            if (!v.type().equals(k.type()))
                throw ApiException.validation("One or more parameter values were invalid: Type mismatch for key " + k.name() + " expected: " + k.type() + " actual: " + v.type());
            // a whole item's empty key is worded differently from a Key parameter's, as DynamoDB does
            if ((v instanceof AttributeValue.S s && s.value().isEmpty()) || (v instanceof AttributeValue.B b && b.value().length == 0))
                throw ApiException.validation("One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty "
                        + (v instanceof AttributeValue.S ? "string" : "binary") + " value. Key: " + k.name());
            checkKeyValue(v, k.name(), k == d.hash());
        }
        checkIndexKeys(d, item);
        if (ItemSize.of(item) > ItemSize.MAX_ITEM_SIZE) throw ApiException.validation("Item size has exceeded the maximum allowed size");
    }

    static void checkIndexKeys(TableDefinition d, Map<String, AttributeValue> item) {
        for (IndexDefinition i : d.indexes()) {
            for (KeyAttribute k : i.range() == null ? List.of(i.hash()) : List.of(i.hash(), i.range())) {
                AttributeValue v = item.get(k.name());
                if (v != null && !v.type().equals(k.type()))
                    throw ApiException.validation("One or more parameter values were invalid: Type mismatch for Index Key " + k.name()
                            + " Expected: " + k.type() + " Actual: " + v.type() + " IndexName: " + i.name());
                if (v != null) checkKeyValue(v, k.name(), k == i.hash());
            }
        }
    }

    // ---- expressions

    /** Which expression parameters a request carries: not mixed with the legacy ones, and no placeholders that no expression could use. */
    static void checkExpressionParameters(JsonNode request, List<String> expressions, List<String> legacy) {
        List<String> present = new ArrayList<>();
        for (String e : expressions) if (request.hasNonNull(e)) present.add(e);
        String mixed = LegacyParameters.mixingMessage(request, expressions, legacy);
        if (mixed != null) throw ApiException.validation(mixed);
        if (request.hasNonNull("ExpressionAttributeNames") && present.isEmpty())
            throw ApiException.validation("ExpressionAttributeNames can only be specified when using expressions");
        if (!request.hasNonNull("ExpressionAttributeValues")) return;
        List<String> valueExpressions = new ArrayList<>(expressions.size());
        boolean anyValueExpression = false;
        for (String e : expressions) {
            if (e.equals("ProjectionExpression")) continue;
            valueExpressions.add(e);
            anyValueExpression |= request.hasNonNull(e);
        }
        if (!valueExpressions.isEmpty() && !anyValueExpression)
            throw ApiException.validation("ExpressionAttributeValues can only be specified when using expressions: "
                    + String.join(" and ", valueExpressions) + " " + (valueExpressions.size() > 1 ? "are" : "is") + " null");
    }

    static ExpressionContext expressionContext(JsonNode request) {
        Map<String, String> names = null;
        Map<String, AttributeValue> values = null;
        JsonNode n = Json.objectField(request, "ExpressionAttributeNames");
        if (n != null) {
            if (n.isEmpty()) throw ApiException.validation("ExpressionAttributeNames must not be empty");
            names = new HashMap<>();
            for (Map.Entry<String, JsonNode> e : Json.fields(n)) {
                checkKeySize("ExpressionAttributeNames", e.getKey());
                if (!NAME_KEY.matcher(e.getKey()).matches())
                    throw ApiException.validation("ExpressionAttributeNames contains invalid key: Syntax error; key: \"" + e.getKey() + "\"");
                if (!e.getValue().isTextual()) throw ApiException.serialization("Unexpected value type in payload");
                // DynamoDB's wording, as clients report it; an empty name would otherwise project to {} or create an attribute ""
                if (e.getValue().textValue().isEmpty())
                    throw ApiException.validation("ExpressionAttributeNames contains invalid value: Empty attribute name for key " + e.getKey());
                names.put(e.getKey(), e.getValue().textValue());
            }
        }
        JsonNode v = Json.objectField(request, "ExpressionAttributeValues");
        if (v != null) {
            if (v.isEmpty()) throw ApiException.validation("ExpressionAttributeValues must not be empty");
            values = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : Json.fields(v)) {
                checkKeySize("ExpressionAttributeValues", e.getKey());
                if (!VALUE_KEY.matcher(e.getKey()).matches())
                    throw ApiException.validation("ExpressionAttributeValues contains invalid key: Syntax error; key: \"" + e.getKey() + "\"");
            }
            for (Map.Entry<String, JsonNode> e : Json.fields(v))
                values.put(e.getKey(), Values.valueOrFail(e.getValue(), "ExpressionAttributeValues contains invalid value: ", " for key " + e.getKey()));
        }
        checkSubstitutionSize(names, values);
        return new ExpressionContext(names, values);
    }

    /** DynamoDB's documented limit on everything an expression may substitute: names and values together. */
    static final int MAX_SUBSTITUTION_BYTES = 2 * 1024 * 1024;
    /**
     * No text of DynamoDB's for this refusal could be found (not in dynalite, botocore or public issue threads);
     * this one is ours, in the words of its other size refusals ("Item size has exceeded the maximum allowed size").
     */
    static final String SUBSTITUTION_TOO_LARGE =
            "ExpressionAttributeNames and ExpressionAttributeValues size has exceeded the maximum allowed size of 2 MB";

    private static void checkSubstitutionSize(Map<String, String> names, Map<String, AttributeValue> values) {
        if (names == null && values == null) return;
        long total = 0;
        if (names != null) for (Map.Entry<String, String> e : names.entrySet()) total += ItemSize.utf8Length(e.getKey()) + ItemSize.utf8Length(e.getValue());
        if (values != null) for (Map.Entry<String, AttributeValue> e : values.entrySet()) total += ItemSize.utf8Length(e.getKey()) + ItemSize.size(e.getValue(), false);
        if (total > MAX_SUBSTITUTION_BYTES) throw ApiException.validation(SUBSTITUTION_TOO_LARGE);
    }

    /** DynamoDB's documented limit: a placeholder (#name or :value, with its first character) is at most 255 bytes. */
    private static void checkKeySize(String map, String key) {
        int size = key.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (size > 255)
            throw ApiException.validation(map + " contains invalid key: The expression attribute map contains a key that is too long; size of key: " + size);
    }

    static Condition condition(JsonNode request, String field, ExpressionContext context) {
        String text = Json.string(request, field);
        if (text == null) return null;
        try {
            return ConditionParser.parse(text, context);
        } catch (ExpressionException e) {
            throw ApiException.validation("Invalid " + field + ": " + e.getMessage());
        }
    }

    static List<UpdateAction> update(JsonNode request, ExpressionContext context) {
        String text = Json.string(request, "UpdateExpression");
        if (text == null) return null;
        try {
            return UpdateParser.parse(text, context);
        } catch (ExpressionException e) {
            throw ApiException.validation("Invalid UpdateExpression: " + e.getMessage());
        }
    }

    static List<Path> projection(JsonNode request, ExpressionContext context) {
        String text = Json.string(request, "ProjectionExpression");
        if (text == null) return null;
        try {
            return ProjectionParser.parse(text, context);
        } catch (ExpressionException e) {
            throw ApiException.validation("Invalid ProjectionExpression: " + e.getMessage());
        }
    }

    static void checkUnused(ExpressionContext context) {
        String m = context.unusedMessage();
        if (m != null) throw ApiException.validation(m);
    }

    /** Key attributes may only be used whole in projections and conditions. */
    static void checkKeyPaths(TableDefinition d, List<Path> paths) {
        if (paths == null) return;
        for (Path p : paths) {
            if (!p.isNested()) continue;
            if (d.isKeyAttribute(p.head()))
                throw ApiException.validation("Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: " + p.head());
            for (IndexDefinition i : d.indexes())
                if (i.hash().name().equals(p.head()) || (i.range() != null && i.range().name().equals(p.head())))
                    throw ApiException.validation("Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: IndexKey: " + p.head());
        }
    }

    static String enumValue(JsonNode request, String field, String member, Set<String> allowed) {
        String v = Json.string(request, field);
        if (v != null && !allowed.contains(v))
            throw ApiException.validation("1 validation error detected: Value '" + v + "' at '" + member
                    + "' failed to satisfy constraint: Member must satisfy enum value set: [" + String.join(", ", allowed) + "]");
        return v;
    }

    // ---- responses

    /** Stored (ASCII) item text to splice into a response without re-encoding it. */
    static RawValue raw(String json) { return new RawValue(new dev.cruddur.admin.engine.api.RawJson(json)); }

    static void putItem(ObjectNode response, String field, Map<String, AttributeValue> item) {
        if (item != null && !item.isEmpty()) response.set(field, Values.itemToJson(item));
    }

    /** ConsumedCapacity in the TOTAL or INDEXES shape; units follow DynamoDB's rounding (4 KB reads, 1 KB writes). */
    static void consumedCapacity(ObjectNode response, JsonNode request, String table, double tableUnits, Map<String, Double> indexUnits) {
        String mode = Json.string(request, "ReturnConsumedCapacity");
        if (!"TOTAL".equals(mode) && !"INDEXES".equals(mode)) return;
        ObjectNode c = response.putObject("ConsumedCapacity");
        double total = tableUnits + indexUnits.values().stream().mapToDouble(Double::doubleValue).sum();
        c.put("TableName", table);
        c.put("CapacityUnits", total);
        if ("INDEXES".equals(mode)) {
            c.putObject("Table").put("CapacityUnits", tableUnits);
            if (!indexUnits.isEmpty()) {
                ObjectNode g = Json.object();
                indexUnits.forEach((name, units) -> g.putObject(name).put("CapacityUnits", units));
                c.set("GlobalSecondaryIndexes", g);
            }
        }
    }

    /**
     * Whether a write answers ItemCollectionMetrics: asked for with ReturnItemCollectionMetrics=SIZE, on a table with a
     * local secondary index (only such tables have item collections DynamoDB reports on).
     */
    static boolean collectionMetricsWanted(JsonNode request, TableDefinition d) {
        return "SIZE".equals(Json.string(request, "ReturnItemCollectionMetrics"))
                && !d.indexes().stream().allMatch(IndexDefinition::global);
    }

    /**
     * One item collection's metrics: its key and DynamoDB's size estimate, a range in GB; a collection held here is
     * far below 1 GB, which DynamoDB reports as [0, 1].
     */
    static ObjectNode collectionMetrics(TableDefinition d, AttributeValue hash) {
        ObjectNode n = Json.object();
        n.set("ItemCollectionKey", Values.itemToJson(Map.of(d.hash().name(), hash)));
        n.putArray("SizeEstimateRangeGB").add(0.0).add(1.0);
        return n;
    }

    static double writeUnits(int... sizes) {
        int max = 0;
        for (int s : sizes) max = Math.max(max, s);
        return Math.max(1, Math.ceil(max / 1024.0));
    }

    static double readUnits(long bytes, boolean consistent) {
        double units = Math.max(1, Math.ceil(bytes / 4096.0));
        return consistent ? units : units / 2;
    }

    static Map<String, AttributeValue> keyMap(TableDefinition d, ItemKey key) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        m.put(d.hash().name(), key.hash());
        if (d.range() != null) m.put(d.range().name(), key.range());
        return m;
    }
}
