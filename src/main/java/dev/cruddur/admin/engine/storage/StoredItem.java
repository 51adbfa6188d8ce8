package dev.cruddur.admin.engine.storage;

import dev.cruddur.admin.engine.api.Values;
import dev.cruddur.admin.engine.model.AttributeValue;

import java.util.Map;

/**
 * An item as kept in memory: its table key and its JSON text. Text is compact (one byte per character)
 * and goes into responses without re-serialising; it is parsed only when an expression needs the values.
 * {@code size} is DynamoDB's item size, {@code pageSize} what it counts towards the 1 MB page of a Query or Scan.
 */
public record StoredItem(ItemKey key, String json, int size, int pageSize) {
    public Map<String, AttributeValue> parse() { return Values.itemFromText(json); }
}
