package dev.cruddur.admin.engine.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;

/** The one JSON mapper of the engine, and small accessors that turn wrong request shapes into SerializationException. */
public final class Json {
    private Json() {}

    public static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(64 * 1024 * 1024).build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    /** Stored items are written ASCII-only so the JVM keeps their text at one byte per character. */
    public static final ObjectMapper ASCII = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public static ObjectNode object() { return NODES.objectNode(); }
    public static ArrayNode array() { return NODES.arrayNode(); }

    public static String string(JsonNode request, String field) {
        JsonNode n = request.get(field);
        if (n == null || n.isNull()) return null;
        if (n.isTextual()) return n.textValue();
        if (n.isNumber() || n.isBoolean()) return n.asText();
        throw ApiException.serialization("Start of structure or map found where not expected");
    }

    public static Integer integer(JsonNode request, String field) {
        JsonNode n = request.get(field);
        if (n == null || n.isNull()) return null;
        if (n.isIntegralNumber() && n.canConvertToInt()) return n.intValue();
        if (n.isTextual()) {
            try { return Integer.valueOf(n.textValue()); } catch (NumberFormatException e) { /* fall through */ }
        }
        if (n.isNumber()) throw ApiException.serialization("DECIMAL_VALUE cannot be converted to Integer");
        throw ApiException.serialization("Unexpected token received from parser");
    }

    public static Long longValue(JsonNode request, String field) {
        JsonNode n = request.get(field);
        if (n == null || n.isNull()) return null;
        if (n.isIntegralNumber() && n.canConvertToLong()) return n.longValue();
        throw ApiException.serialization("Unexpected token received from parser");
    }

    public static boolean bool(JsonNode request, String field) {
        JsonNode n = request.get(field);
        if (n == null || n.isNull()) return false;
        if (n.isBoolean()) return n.booleanValue();
        if (n.isTextual()) return n.textValue().equalsIgnoreCase("true") || n.textValue().equals("1") || n.textValue().equalsIgnoreCase("yes");
        throw ApiException.serialization("Unexpected token received from parser");
    }

    public static ObjectNode objectField(JsonNode request, String field) {
        JsonNode n = request.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isObject()) throw ApiException.serialization("Unexpected value type in payload");
        return (ObjectNode) n;
    }

    public static ArrayNode arrayField(JsonNode request, String field) {
        JsonNode n = request.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isArray()) throw ApiException.serialization("Unexpected field type");
        return (ArrayNode) n;
    }

    public static Iterable<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        return () -> {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            return it;
        };
    }
}
