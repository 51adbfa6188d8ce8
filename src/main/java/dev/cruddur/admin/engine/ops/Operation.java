package dev.cruddur.admin.engine.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One API action: validates its request, runs it against storage, builds the response body. */
public interface Operation {
    ObjectNode handle(JsonNode request);
}
