package dev.cruddur.admin.store;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What DynamoDB would refuse in an item, found before sending it, in words for a report or an editor. */
final class ItemValidation {
    static final long MAX_ITEM_BYTES = 400 * 1024;

    private ItemValidation() {}

    /** Why the item cannot be put into a table of this shape, or empty when it can. */
    static Optional<String> problem(Map<String, AttributeValue> item, TableShape shape) {
        for (TableShape.Key key : shape.keys()) {
            AttributeValue v = item.get(key.name());
            if (v == null) return Optional.of("missing key attribute '" + key.name() + "'");
            String type = typeName(v);
            if (!type.equals(key.type())) {
                return Optional.of("key attribute '" + key.name() + "' must be " + key.type() + ", is " + type);
            }
            if ((v.s() != null && v.s().isEmpty()) || (v.b() != null && v.b().asByteArrayUnsafe().length == 0)) {
                return Optional.of("key attribute '" + key.name() + "' is empty");
            }
        }
        long size = ItemJson.size(item);
        if (size > MAX_ITEM_BYTES) return Optional.of("item of " + size + " bytes is over DynamoDB's 400 KB limit");
        return Optional.empty();
    }

    static String typeName(AttributeValue v) {
        return v.type() == AttributeValue.Type.NUL ? "NULL" : v.type().name();
    }
}
