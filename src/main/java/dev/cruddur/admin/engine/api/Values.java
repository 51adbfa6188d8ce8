package dev.cruddur.admin.engine.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cruddur.admin.engine.model.AttributeValue;
import dev.cruddur.admin.engine.model.Numbers;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Converts attribute values between the wire JSON and the model, validating them as DynamoDB does. */
public final class Values {
    private Values() {}

    /** Thrown with DynamoDB's wording; callers prefix it where DynamoDB does. */
    public static final class InvalidValue extends Exception {
        public InvalidValue(String message) { super(message, null, false, false); }
    }

    public static Map<String, AttributeValue> item(JsonNode node) throws InvalidValue {
        if (!node.isObject()) throw new SerializationFailure();
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : Json.fields(node)) item.put(e.getKey(), value(e.getValue()));
        return item;
    }

    /**
     * DynamoDB refuses an item or key holding an attribute named "" (dynalite stores it). The wording is ours, in
     * the family of DynamoDB's "One or more parameter values were invalid" messages: no exact text could be found.
     */
    public static final String EMPTY_ATTRIBUTE_NAME = "One or more parameter values were invalid: An attribute name may not be empty";

    /** A request item (or key), or a ValidationException carrying DynamoDB's message. */
    public static Map<String, AttributeValue> itemOrFail(JsonNode node) {
        try {
            Map<String, AttributeValue> item = item(node);
            if (item.containsKey("")) throw ApiException.validation(EMPTY_ATTRIBUTE_NAME);
            return item;
        } catch (InvalidValue e) {
            throw ApiException.validation(e.getMessage());
        } catch (SerializationFailure e) {
            throw ApiException.serialization("Unexpected value type in payload");
        }
    }

    public static AttributeValue valueOrFail(JsonNode node, String prefix, String suffix) {
        try {
            return value(node);
        } catch (InvalidValue e) {
            throw ApiException.validation(prefix + e.getMessage() + suffix);
        } catch (SerializationFailure e) {
            throw ApiException.serialization("Unexpected value type in payload");
        }
    }

    /** Wrong JSON shapes are a SerializationException, not a ValidationException. */
    public static final class SerializationFailure extends RuntimeException {
        public SerializationFailure() { super(null, null, false, false); }
    }

    public static AttributeValue value(JsonNode node) throws InvalidValue {
        if (!node.isObject()) throw new SerializationFailure();
        AttributeValue result = null;
        int types = 0;
        for (Map.Entry<String, JsonNode> e : Json.fields(node)) {
            JsonNode v = e.getValue();
            if (v == null || v.isNull()) continue;
            AttributeValue parsed;
            switch (e.getKey()) {
                case "S" -> parsed = new AttributeValue.S(text(v));
                case "N" -> parsed = new AttributeValue.N(number(text(v)));
                case "B" -> parsed = new AttributeValue.B(binary(v));
                case "BOOL" -> parsed = new AttributeValue.Bool(bool(v));
                case "NULL" -> {
                    if (!bool(v)) throw new InvalidValue("One or more parameter values were invalid: Null attribute value types must have the value of true");
                    parsed = new AttributeValue.Null();
                }
                case "SS" -> {
                    ArrayNode a = array(v);
                    if (a.isEmpty()) throw new InvalidValue("One or more parameter values were invalid: An string set  may not be empty");
                    List<String> list = new ArrayList<>(a.size());
                    for (JsonNode x : a) list.add(text(x));
                    if (new HashSet<>(list).size() != list.size())
                        throw new InvalidValue("One or more parameter values were invalid: Input collection [" + String.join(", ", list) + "] contains duplicates.");
                    parsed = new AttributeValue.SS(List.copyOf(list));
                }
                case "NS" -> {
                    ArrayNode a = array(v);
                    if (a.isEmpty()) throw new InvalidValue("One or more parameter values were invalid: An number set  may not be empty");
                    List<BigDecimal> list = new ArrayList<>(a.size());
                    for (JsonNode x : a) list.add(number(text(x)));
                    if (new HashSet<>(list).size() != list.size()) throw new InvalidValue("Input collection contains duplicates");
                    parsed = new AttributeValue.NS(List.copyOf(list));
                }
                case "BS" -> {
                    ArrayNode a = array(v);
                    if (a.isEmpty()) throw new InvalidValue("One or more parameter values were invalid: Binary sets should not be empty");
                    List<byte[]> list = new ArrayList<>(a.size());
                    Set<String> seen = new HashSet<>();
                    List<String> texts = new ArrayList<>();
                    boolean dup = false;
                    for (JsonNode x : a) {
                        byte[] b = binary(x);
                        list.add(b);
                        String key = Base64.getEncoder().encodeToString(b);
                        texts.add(key);
                        dup |= !seen.add(key);
                    }
                    if (dup) throw new InvalidValue("One or more parameter values were invalid: Input collection [" + String.join(", ", texts) + "]of type BS contains duplicates.");
                    parsed = new AttributeValue.BS(List.copyOf(list));
                }
                case "L" -> {
                    ArrayNode a = array(v);
                    List<AttributeValue> list = new ArrayList<>(a.size());
                    for (JsonNode x : a) list.add(value(x));
                    parsed = new AttributeValue.L(list);
                }
                case "M" -> {
                    if (!v.isObject()) throw new SerializationFailure();
                    parsed = new AttributeValue.M(item(v));
                }
                default -> { continue; } // unknown members are dropped, as the service's deserializer does
            }
            types++;
            result = parsed;
        }
        if (types == 0) throw new InvalidValue("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        if (types > 1) throw new InvalidValue("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
        return result;
    }

    private static String text(JsonNode v) {
        if (v.isTextual()) return v.textValue();
        if (v.isNumber() || v.isBoolean()) return v.asText();
        throw new SerializationFailure();
    }

    private static boolean bool(JsonNode v) {
        if (v.isBoolean()) return v.booleanValue();
        if (v.isTextual()) {
            String t = v.textValue().toUpperCase();
            if (t.equals("TRUE") || t.equals("1") || t.equals("YES")) return true;
            if (t.equals("FALSE") || t.equals("0") || t.equals("NO")) return false;
        }
        throw new SerializationFailure();
    }

    private static ArrayNode array(JsonNode v) {
        if (!v.isArray()) throw new SerializationFailure();
        return (ArrayNode) v;
    }

    private static byte[] binary(JsonNode v) {
        if (!v.isTextual()) throw new SerializationFailure();
        try {
            return Base64.getMimeDecoder().decode(v.textValue());
        } catch (IllegalArgumentException e) {
            throw new SerializationFailure();
        }
    }

    private static BigDecimal number(String text) throws InvalidValue {
        try {
            return Numbers.parse(text);
        } catch (Numbers.InvalidNumber e) {
            throw new InvalidValue(e.getMessage());
        }
    }

    // ---- writing

    public static ObjectNode toJson(AttributeValue value) {
        ObjectNode n = Json.object();
        if (value instanceof AttributeValue.S s) n.put("S", s.value());
        else if (value instanceof AttributeValue.N num) n.put("N", num.text());
        else if (value instanceof AttributeValue.B b) n.put("B", Base64.getEncoder().encodeToString(b.value()));
        else if (value instanceof AttributeValue.Bool b) n.put("BOOL", b.value());
        else if (value instanceof AttributeValue.Null) n.put("NULL", true);
        else if (value instanceof AttributeValue.SS ss) { ArrayNode a = n.putArray("SS"); ss.values().forEach(a::add); }
        else if (value instanceof AttributeValue.NS ns) { ArrayNode a = n.putArray("NS"); ns.values().forEach(d -> a.add(d.toPlainString())); }
        else if (value instanceof AttributeValue.BS bs) { ArrayNode a = n.putArray("BS"); bs.values().forEach(b -> a.add(Base64.getEncoder().encodeToString(b))); }
        else if (value instanceof AttributeValue.L l) { ArrayNode a = n.putArray("L"); l.values().forEach(v -> a.add(toJson(v))); }
        else if (value instanceof AttributeValue.M m) n.set("M", itemToJson(m.values()));
        return n;
    }

    public static ObjectNode itemToJson(Map<String, AttributeValue> item) {
        ObjectNode n = Json.object();
        item.forEach((k, v) -> n.set(k, toJson(v)));
        return n;
    }

    /** The compact stored form of an item: ASCII JSON text. */
    public static String itemToText(Map<String, AttributeValue> item) {
        StringWriter w = new StringWriter(256);
        try (JsonGenerator g = Json.ASCII.getFactory().createGenerator(w)) {
            writeItem(g, item);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    public static void writeItem(JsonGenerator g, Map<String, AttributeValue> item) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            g.writeFieldName(e.getKey());
            write(g, e.getValue());
        }
        g.writeEndObject();
    }

    public static void write(JsonGenerator g, AttributeValue value) throws IOException {
        g.writeStartObject();
        if (value instanceof AttributeValue.S s) g.writeStringField("S", s.value());
        else if (value instanceof AttributeValue.N num) g.writeStringField("N", num.text());
        else if (value instanceof AttributeValue.B b) g.writeStringField("B", Base64.getEncoder().encodeToString(b.value()));
        else if (value instanceof AttributeValue.Bool b) g.writeBooleanField("BOOL", b.value());
        else if (value instanceof AttributeValue.Null) g.writeBooleanField("NULL", true);
        else if (value instanceof AttributeValue.SS ss) { g.writeArrayFieldStart("SS"); for (String s : ss.values()) g.writeString(s); g.writeEndArray(); }
        else if (value instanceof AttributeValue.NS ns) { g.writeArrayFieldStart("NS"); for (BigDecimal d : ns.values()) g.writeString(d.toPlainString()); g.writeEndArray(); }
        else if (value instanceof AttributeValue.BS bs) { g.writeArrayFieldStart("BS"); for (byte[] b : bs.values()) g.writeString(Base64.getEncoder().encodeToString(b)); g.writeEndArray(); }
        else if (value instanceof AttributeValue.L l) { g.writeArrayFieldStart("L"); for (AttributeValue v : l.values()) write(g, v); g.writeEndArray(); }
        else if (value instanceof AttributeValue.M m) { g.writeFieldName("M"); writeItem(g, m.values()); }
        g.writeEndObject();
    }

    /** Reads a stored item back; stored text was validated when written, so no checks are repeated. */
    public static Map<String, AttributeValue> itemFromText(String text) {
        try (JsonParser p = Json.MAPPER.getFactory().createParser(text)) {
            p.nextToken();
            return readItem(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, AttributeValue> readItem(JsonParser p) throws IOException {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            item.put(name, readValue(p));
        }
        return item;
    }

    private static AttributeValue readValue(JsonParser p) throws IOException {
        p.nextToken();
        String type = p.currentName();
        p.nextToken();
        AttributeValue v = switch (type) {
            case "S" -> new AttributeValue.S(p.getText());
            case "N" -> new AttributeValue.N(new BigDecimal(p.getText()));
            case "B" -> new AttributeValue.B(Base64.getDecoder().decode(p.getText()));
            case "BOOL" -> new AttributeValue.Bool(p.getBooleanValue());
            case "NULL" -> new AttributeValue.Null();
            case "SS" -> { List<String> l = new ArrayList<>(); while (p.nextToken() != JsonToken.END_ARRAY) l.add(p.getText()); yield new AttributeValue.SS(List.copyOf(l)); }
            case "NS" -> { List<BigDecimal> l = new ArrayList<>(); while (p.nextToken() != JsonToken.END_ARRAY) l.add(new BigDecimal(p.getText())); yield new AttributeValue.NS(List.copyOf(l)); }
            case "BS" -> { List<byte[]> l = new ArrayList<>(); while (p.nextToken() != JsonToken.END_ARRAY) l.add(Base64.getDecoder().decode(p.getText())); yield new AttributeValue.BS(List.copyOf(l)); }
            case "L" -> {
                List<AttributeValue> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) l.add(readValue(p));
                yield new AttributeValue.L(l);
            }
            case "M" -> new AttributeValue.M(readItem(p));
            default -> throw new IOException("unknown stored type " + type);
        };
        p.nextToken(); // END_OBJECT of the value wrapper
        return v;
    }

}
