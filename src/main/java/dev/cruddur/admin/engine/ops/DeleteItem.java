package dev.cruddur.admin.engine.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** DeleteItem: remove the item with the key, if the condition holds. */
public final class DeleteItem implements Operation {
    private final Engine engine;

    public DeleteItem(Engine engine) { this.engine = engine; }

    @Override public ObjectNode handle(JsonNode request) {
        return SingleItemWrite.run(engine, ItemWrite.parse(ItemWrite.Kind.DELETE, engine, request), request);
    }
}
