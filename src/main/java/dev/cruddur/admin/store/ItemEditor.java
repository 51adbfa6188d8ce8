package dev.cruddur.admin.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Saving items typed or edited by hand, in any table: validated before anything is sent (the text
 * parses, with the position of the first error; the key attributes are there and of the key's
 * type; the item is under 400 KB).
 *
 * <p>An edit is conditional on the item being unchanged since it was read: the put carries a
 * condition that every attribute of the read image still has its read value ({@code #a0 = :a0 AND
 * ...}). Any change or removal of a read attribute, and the item's deletion, make the save fail
 * with a plain message; an attribute someone <em>added</em> meanwhile cannot be named in advance
 * and is overwritten. Cruddur's items carry no version attribute, so a version check was not an
 * option without changing what Cruddur writes.
 */
public final class ItemEditor {
    /** How the text is written: DynamoDB JSON, or plain JSON ({@link ItemJson}). */
    public enum TextShape { DYNAMODB_JSON, PLAIN_JSON }

    public sealed interface SaveOutcome permits Saved, Refused {}

    /** Saved; {@code dynamoJson} is the new read image for the next edit. */
    public record Saved(String dynamoJson) implements SaveOutcome {}

    /** Not saved, and why, in words for the editor's status line. */
    public record Refused(String reason) implements SaveOutcome {}

    private final DynamoConnection connection;

    public ItemEditor(DynamoConnection connection) {
        this.connection = connection;
    }

    /** Reads text as an item and checks it against the table's key schema; a parse error gives its position. */
    public Map<String, AttributeValue> parse(String table, String text, TextShape shape) {
        Map<String, AttributeValue> item;
        try {
            item = shape == TextShape.DYNAMODB_JSON ? ItemJson.fromDynamoJson(text) : ItemJson.fromPlainJson(text);
        } catch (ItemJson.Malformed e) {
            throw new StoreException(StoreException.Kind.INVALID, "Not " + (shape == TextShape.DYNAMODB_JSON ? "DynamoDB JSON" : "JSON")
                    + " " + e.describe(), e);
        }
        Optional<String> problem = ItemValidation.problem(item, TableShape.describe(connection, table));
        if (problem.isPresent()) throw new StoreException(StoreException.Kind.INVALID, "Not saved: " + problem.get() + ".");
        return item;
    }

    /** A new item; refused when an item with its key exists, unless {@code overwrite}. */
    public SaveOutcome create(String table, String text, TextShape shape, boolean overwrite) {
        Map<String, AttributeValue> item;
        try {
            item = parse(table, text, shape);
        } catch (StoreException e) {
            return new Refused(e.getMessage());
        }
        return put(table, item, overwrite ? Optional.empty() : Optional.of(absent(table)), "An item with this key already exists.");
    }

    /**
     * Saves an edit of the item read as {@code readImage} (DynamoDB JSON, as the browser gave it).
     * The key may not change (that is {@link #duplicate}); a stale read image is refused.
     */
    public SaveOutcome replace(String table, String readImage, String text, TextShape shape) {
        connection.requireWritable();
        Map<String, AttributeValue> read = ItemJson.fromDynamoJson(readImage);
        Map<String, AttributeValue> item;
        try {
            item = parse(table, text, shape);
        } catch (StoreException e) {
            return new Refused(e.getMessage());
        }
        for (String key : TableShape.describe(connection, table).keyNames()) {
            if (!item.get(key).equals(read.get(key))) {
                return new Refused("The key attribute '" + key + "' changed: keys cannot be edited; use Duplicate for a new key.");
            }
        }
        Condition unchanged = unchanged(read);
        return put(table, item, Optional.of(unchanged),
                "The item changed since it was read (someone else saved or deleted it). Reload it and edit again.");
    }

    /** A copy of the read item under a new key (plain key values: String, Number, byte[]); refused if that key is taken. */
    public SaveOutcome duplicate(String table, String readImage, Map<String, Object> newKey) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(ItemJson.fromDynamoJson(readImage));
        item.putAll(ItemJson.itemFromPlain(newKey));
        Optional<String> problem = ItemValidation.problem(item, TableShape.describe(connection, table));
        if (problem.isPresent()) return new Refused("Not saved: " + problem.get() + ".");
        return put(table, item, Optional.of(absent(table)), "An item with this key already exists.");
    }

    /** Deletes one item by its key (plain values). */
    public void delete(String table, Map<String, Object> key) {
        connection.requireWritable();
        Map<String, AttributeValue> k = ItemJson.itemFromPlain(key);
        connection.call(() -> connection.client().deleteItem(r -> r.tableName(table).key(k)));
    }

    /** Deletes many items by key with BatchWriteItem, 25 a request; returns how many were deleted. */
    public int deleteAll(String table, List<Map<String, Object>> keys) {
        connection.requireWritable();
        BatchWriter writer = new BatchWriter(connection, table);
        List<Map<String, AttributeValue>> batch = new ArrayList<>(BatchWriter.MAX_BATCH);
        java.util.Set<String> inBatch = new java.util.HashSet<>();
        int deleted = 0;
        for (Map<String, Object> key : keys) {
            Map<String, AttributeValue> k = ItemJson.itemFromPlain(key);
            if (!inBatch.add(ItemJson.toDynamoJson(k))) continue; // the same key twice is one deletion
            batch.add(k);
            if (batch.size() == BatchWriter.MAX_BATCH) {
                deleted += writer.delete(batch);
                batch.clear();
                inBatch.clear();
            }
        }
        deleted += writer.delete(batch);
        return deleted;
    }

    private record Condition(String expression, Map<String, String> names, Map<String, AttributeValue> values) {}

    /**
     * "Every attribute still has its read value". Lists and maps are compared element by element
     * (their size, then each element's path), which every endpoint evaluates the same way; a
     * whole-value {@code =} on a list or map is right on DynamoDB but not on dynalite. Should the
     * expression pass DynamoDB's 4 KB limit, whole-attribute equality is used instead.
     */
    static Condition unchanged(Map<String, AttributeValue> read) {
        Condition detailed = unchanged(read, true);
        return detailed.expression().length() <= 4000 ? detailed : unchanged(read, false);
    }

    private static Condition unchanged(Map<String, AttributeValue> read, boolean elementwise) {
        List<String> clauses = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        for (Map.Entry<String, AttributeValue> e : read.entrySet()) {
            String name = "#a" + names.size();
            names.put(name, e.getKey());
            equal(name, e.getValue(), elementwise, clauses, names, values);
        }
        return new Condition(String.join(" AND ", clauses), names, values);
    }

    private static void equal(String path, AttributeValue v, boolean elementwise, List<String> clauses,
                              Map<String, String> names, Map<String, AttributeValue> values) {
        String value = ":v" + values.size();
        boolean container = v.type() == AttributeValue.Type.M || v.type() == AttributeValue.Type.L;
        if (!elementwise || !container) {
            values.put(value, v);
            clauses.add(path + " = " + value);
            return;
        }
        values.put(value, AttributeValue.fromN(String.valueOf(v.type() == AttributeValue.Type.M ? v.m().size() : v.l().size())));
        clauses.add("size(" + path + ") = " + value);
        if (v.type() == AttributeValue.Type.M) {
            for (Map.Entry<String, AttributeValue> e : v.m().entrySet()) {
                String name = "#a" + names.size();
                names.put(name, e.getKey());
                equal(path + "." + name, e.getValue(), true, clauses, names, values);
            }
        } else {
            for (int i = 0; i < v.l().size(); i++) equal(path + "[" + i + "]", v.l().get(i), true, clauses, names, values);
        }
    }

    private Condition absent(String table) {
        return new Condition("attribute_not_exists(#k)", Map.of("#k", TableShape.describe(connection, table).partitionKey().name()), Map.of());
    }

    private SaveOutcome put(String table, Map<String, AttributeValue> item, Optional<Condition> condition, String whenConditionFails) {
        connection.requireWritable();
        PutItemRequest.Builder request = PutItemRequest.builder().tableName(table).item(item);
        condition.ifPresent(c -> {
            request.conditionExpression(c.expression()).expressionAttributeNames(c.names());
            if (!c.values().isEmpty()) request.expressionAttributeValues(c.values());
        });
        try {
            connection.client().putItem(request.build());
            return new Saved(ItemJson.toDynamoJson(item));
        } catch (ConditionalCheckFailedException e) {
            return new Refused(whenConditionFails);
        } catch (SdkException e) {
            StoreException failure = StoreFailures.translate(e, connection.target().describe(), table);
            if (failure.kind() == StoreException.Kind.INVALID) return new Refused(failure.getMessage());
            throw failure;
        }
    }
}
