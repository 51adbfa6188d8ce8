package dev.cruddur.admin.engine.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** UpdateItem: apply an UpdateExpression to the item (creating it if absent), if the condition holds. */
public final class UpdateItem implements Operation {
    private final Engine engine;

    public UpdateItem(Engine engine) { this.engine = engine; }

    @Override public ObjectNode handle(JsonNode request) {
        return SingleItemWrite.run(engine, ItemWrite.parse(ItemWrite.Kind.UPDATE, engine, request), request);
    }
}
