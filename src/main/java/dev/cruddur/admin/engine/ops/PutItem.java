package dev.cruddur.admin.engine.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cruddur.admin.engine.api.Json;

/** PutItem: replace the item with the same key, if the condition holds. */
public final class PutItem implements Operation {
    private final Engine engine;

    public PutItem(Engine engine) { this.engine = engine; }

    @Override public ObjectNode handle(JsonNode request) {
        return SingleItemWrite.run(engine, ItemWrite.parse(ItemWrite.Kind.PUT, engine, request), request);
    }
}
