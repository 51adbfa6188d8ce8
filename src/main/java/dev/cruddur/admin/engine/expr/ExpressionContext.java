package dev.cruddur.admin.engine.expr;

import dev.cruddur.admin.engine.model.AttributeValue;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The ExpressionAttributeNames and -Values of one request, shared by all its expressions so that
 * "unused" can be judged across them, as DynamoDB does.
 */
public final class ExpressionContext {
    final Map<String, String> names;
    final Map<String, AttributeValue> values;
    private final Set<String> unusedNames;
    private final Set<String> unusedValues;

    public ExpressionContext(Map<String, String> names, Map<String, AttributeValue> values) {
        this.names = names == null ? Map.of() : names;
        this.values = values == null ? Map.of() : values;
        this.unusedNames = new LinkedHashSet<>(this.names.keySet());
        this.unusedValues = new LinkedHashSet<>(this.values.keySet());
    }

    String name(String placeholder) {
        String n = names.get(placeholder);
        if (n != null) unusedNames.remove(placeholder);
        return n;
    }

    AttributeValue value(String placeholder) {
        AttributeValue v = values.get(placeholder);
        if (v != null) unusedValues.remove(placeholder);
        return v;
    }

    /** DynamoDB's complaint about placeholders no expression used, or null. */
    public String unusedMessage() {
        if (!unusedNames.isEmpty())
            return "Value provided in ExpressionAttributeNames unused in expressions: keys: {" + String.join(", ", unusedNames) + "}";
        if (!unusedValues.isEmpty())
            return "Value provided in ExpressionAttributeValues unused in expressions: keys: {" + String.join(", ", unusedValues) + "}";
        return null;
    }
}
