package dev.cruddur.admin.engine.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;

import java.io.IOException;
import java.util.List;

/**
 * Stored items' text written as one JSON array, straight into the generator's buffer: no node per item (a page
 * of 100 items was 100 nodes and serializer calls), and no copy of the whole array, which one raw value of it
 * would cost whenever it does not fit the buffer's remaining room.
 */
public final class RawJsonArray implements JsonSerializable {
    private final List<String> asciiItems;

    public RawJsonArray(List<String> asciiItems) { this.asciiItems = asciiItems; }

    @Override public void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
        gen.writeStartArray(asciiItems, asciiItems.size());
        for (String item : asciiItems) gen.writeRawValue(new RawJson(item));
        gen.writeEndArray();
    }

    @Override public void serializeWithType(JsonGenerator gen, SerializerProvider serializers, TypeSerializer typeSer) throws IOException {
        serialize(gen, serializers);
    }
}
