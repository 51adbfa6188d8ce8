package dev.cruddur.admin.engine.expr;

import dev.cruddur.admin.engine.model.AttributeValue;

import java.util.Map;

/** Walking document paths through maps and lists. */
public final class Documents {
    private Documents() {}

    /** The value at the path, or null when any step is missing or of the wrong kind. */
    public static AttributeValue get(Map<String, AttributeValue> item, Path path) {
        AttributeValue current = item.get(path.head());
        for (int i = 1; i < path.elements().size() && current != null; i++) {
            Object step = path.elements().get(i);
            if (step instanceof Integer index) {
                current = current instanceof AttributeValue.L l && index < l.values().size() ? l.values().get(index) : null;
            } else {
                current = current instanceof AttributeValue.M m ? m.values().get((String) step) : null;
            }
        }
        return current;
    }
}
