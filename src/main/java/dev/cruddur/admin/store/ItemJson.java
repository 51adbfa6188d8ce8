package dev.cruddur.admin.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items as text, in the two JSON shapes a person meets:
 *
 * <ul>
 *   <li><b>DynamoDB JSON</b>, the wire format: {@code {"pk":{"S":"GRP#1"},"n":{"N":"1.50"}}}; B and BS
 *       in base64, N as the exact string.</li>
 *   <li><b>Plain JSON</b>: S a string, N a number (its digits kept exactly), BOOL, NULL, L an array,
 *       M an object. The types plain JSON lacks are written as one-key marker objects:
 *       {@code {"$b":"base64"}}, {@code {"$ss":[...]}}, {@code {"$ns":[...]}}, {@code {"$bs":[...]}};
 *       a map that would itself look like a marker (one key starting with {@code $}) is wrapped as
 *       {@code {"$m":{...}}}. So the two shapes convert both ways without loss.</li>
 * </ul>
 *
 * Parsing is streaming (Jackson's parser), so errors carry a line and column, and export/import
 * never build a tree per item.
 */
public final class ItemJson {
    private ItemJson() {}

    static final JsonFactory FACTORY = new JsonFactory();

    /** Text that is not an item; {@code line}/{@code column} are 1-based, 0 when unknown. */
    public static final class Malformed extends RuntimeException {
        private final int line;
        private final int column;

        public Malformed(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }

        /** "at line 3, column 7: ..." — the words shown under the editor. */
        public String describe() {
            return (line > 0 ? "at line " + line + ", column " + column + ": " : "") + getMessage();
        }
    }

    // --- DynamoDB JSON ------------------------------------------------------------------------

    public static String toDynamoJson(Map<String, AttributeValue> item) {
        StringWriter out = new StringWriter();
        writeDynamoJson(item, out);
        return out.toString();
    }

    /** Writes one item as compact DynamoDB JSON, attributes in name order (so exports diff well). */
    public static void writeDynamoJson(Map<String, AttributeValue> item, Writer out) {
        try {
            JsonGenerator g = FACTORY.createGenerator(out);
            writeItem(g, item);
            g.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** One attribute value as DynamoDB JSON, e.g. {@code {"N":"1"}}. */
    public static String toDynamoJson(AttributeValue value) {
        StringWriter out = new StringWriter();
        try {
            JsonGenerator g = FACTORY.createGenerator(out);
            writeValue(g, value);
            g.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }

    static void writeItem(JsonGenerator g, Map<String, AttributeValue> item) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, AttributeValue> e : new TreeMap<>(item).entrySet()) {
            g.writeFieldName(e.getKey());
            writeValue(g, e.getValue());
        }
        g.writeEndObject();
    }

    private static void writeValue(JsonGenerator g, AttributeValue v) throws IOException {
        g.writeStartObject();
        switch (v.type()) {
            case S -> g.writeStringField("S", v.s());
            case N -> g.writeStringField("N", v.n());
            case B -> g.writeStringField("B", base64(v.b()));
            case BOOL -> g.writeBooleanField("BOOL", v.bool());
            case NUL -> g.writeBooleanField("NULL", true);
            case SS -> {
                g.writeArrayFieldStart("SS");
                for (String s : v.ss()) g.writeString(s);
                g.writeEndArray();
            }
            case NS -> {
                g.writeArrayFieldStart("NS");
                for (String s : v.ns()) g.writeString(s);
                g.writeEndArray();
            }
            case BS -> {
                g.writeArrayFieldStart("BS");
                for (SdkBytes b : v.bs()) g.writeString(base64(b));
                g.writeEndArray();
            }
            case L -> {
                g.writeArrayFieldStart("L");
                for (AttributeValue e : v.l()) writeValue(g, e);
                g.writeEndArray();
            }
            case M -> {
                g.writeFieldName("M");
                writeItem(g, v.m());
            }
            default -> throw new IllegalArgumentException("unknown attribute type: " + v);
        }
        g.writeEndObject();
    }

    /** Reads one item of DynamoDB JSON; anything else is {@link Malformed} with its position. */
    public static Map<String, AttributeValue> fromDynamoJson(String text) {
        return parseWhole(text, "an item must be a JSON object", "text after the end of the item", ItemJson::readDynamoMap);
    }

    /** Reads after the opening START_OBJECT of a whole text. */
    private interface ObjectReader<T> {
        T read(JsonParser p) throws IOException;
    }

    /** One JSON object that is the whole text, read by {@code reader}; any fault is {@link Malformed} with its position. */
    private static <T> T parseWhole(String text, String notAnObject, String trailing, ObjectReader<T> reader) {
        try (JsonParser p = FACTORY.createParser(text)) {
            expect(p, p.nextToken(), JsonToken.START_OBJECT, notAnObject);
            T value = reader.read(p);
            if (p.nextToken() != null) throw malformed(p, trailing);
            return value;
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** One attribute value of DynamoDB JSON, e.g. {@code {"N":"1"}}. */
    public static AttributeValue valueFromDynamoJson(String text) {
        return parseWhole(text, "a value must be a JSON object such as {\"S\":\"text\"}", "text after the end of the value",
                ItemJson::readDynamoValue);
    }

    /** After START_OBJECT: name → typed value, until END_OBJECT. */
    private static Map<String, AttributeValue> readDynamoMap(JsonParser p) throws IOException {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            expect(p, p.nextToken(), JsonToken.START_OBJECT, "attribute '" + name + "' must be a typed value such as {\"S\":\"text\"}");
            if (item.put(name, readDynamoValue(p)) != null) throw malformed(p, "attribute '" + name + "' appears twice");
        }
        return item;
    }

    /** After START_OBJECT of {"T": ...}: the value, consuming its END_OBJECT. */
    private static AttributeValue readDynamoValue(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.FIELD_NAME) throw malformed(p, "a typed value needs one type key (S, N, B, BOOL, NULL, L, M, SS, NS, BS)");
        String type = p.currentName();
        JsonToken t = p.nextToken();
        AttributeValue v = switch (type) {
            case "S" -> AttributeValue.fromS(string(p, t, "S"));
            case "N" -> AttributeValue.fromN(number(p, string(p, t, "N")));
            case "B" -> AttributeValue.fromB(bytes(p, string(p, t, "B")));
            case "BOOL" -> {
                if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) throw malformed(p, "BOOL takes true or false");
                yield AttributeValue.fromBool(t == JsonToken.VALUE_TRUE);
            }
            case "NULL" -> {
                if (t != JsonToken.VALUE_TRUE) throw malformed(p, "NULL takes true");
                yield AttributeValue.fromNul(true);
            }
            case "SS", "NS", "BS" -> {
                expect(p, t, JsonToken.START_ARRAY, type + " takes an array of strings");
                List<String> values = new ArrayList<>();
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) values.add(string(p, t, type));
                if (values.isEmpty()) throw malformed(p, "a set cannot be empty");
                if (type.equals("SS")) yield AttributeValue.fromSs(values);
                if (type.equals("NS")) {
                    for (String n : values) number(p, n);
                    yield AttributeValue.fromNs(values);
                }
                List<SdkBytes> bs = new ArrayList<>();
                for (String b : values) bs.add(bytes(p, b));
                yield AttributeValue.fromBs(bs);
            }
            case "L" -> {
                expect(p, t, JsonToken.START_ARRAY, "L takes an array of typed values");
                List<AttributeValue> list = new ArrayList<>();
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    expect(p, t, JsonToken.START_OBJECT, "each element of L must be a typed value");
                    list.add(readDynamoValue(p));
                }
                yield AttributeValue.fromL(list);
            }
            case "M" -> {
                expect(p, t, JsonToken.START_OBJECT, "M takes an object of typed values");
                yield AttributeValue.fromM(readDynamoMap(p));
            }
            default -> throw malformed(p, "unknown type '" + type + "' (expected S, N, B, BOOL, NULL, L, M, SS, NS or BS)");
        };
        if (p.nextToken() != JsonToken.END_OBJECT) throw malformed(p, "a typed value has exactly one type key");
        return v;
    }

    // --- plain JSON -----------------------------------------------------------------------------

    public static String toPlainJson(Map<String, AttributeValue> item) {
        StringWriter out = new StringWriter();
        try {
            JsonGenerator g = FACTORY.createGenerator(out);
            writePlainMap(g, item);
            g.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void writePlainMap(JsonGenerator g, Map<String, AttributeValue> m) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, AttributeValue> e : new TreeMap<>(m).entrySet()) {
            g.writeFieldName(e.getKey());
            writePlain(g, e.getValue());
        }
        g.writeEndObject();
    }

    private static void writePlain(JsonGenerator g, AttributeValue v) throws IOException {
        switch (v.type()) {
            case S -> g.writeString(v.s());
            case N -> g.writeNumber(v.n());
            case BOOL -> g.writeBoolean(v.bool());
            case NUL -> g.writeNull();
            case L -> {
                g.writeStartArray();
                for (AttributeValue e : v.l()) writePlain(g, e);
                g.writeEndArray();
            }
            case M -> {
                boolean looksLikeMarker = v.m().size() == 1 && v.m().keySet().iterator().next().startsWith("$");
                if (looksLikeMarker) {
                    g.writeStartObject();
                    g.writeFieldName("$m");
                    writePlainMap(g, v.m());
                    g.writeEndObject();
                } else {
                    writePlainMap(g, v.m());
                }
            }
            case B -> {
                g.writeStartObject();
                g.writeStringField("$b", base64(v.b()));
                g.writeEndObject();
            }
            case SS, NS, BS -> {
                g.writeStartObject();
                g.writeArrayFieldStart(v.type() == AttributeValue.Type.SS ? "$ss" : v.type() == AttributeValue.Type.NS ? "$ns" : "$bs");
                if (v.type() == AttributeValue.Type.SS) for (String s : v.ss()) g.writeString(s);
                if (v.type() == AttributeValue.Type.NS) for (String s : v.ns()) g.writeNumber(s);
                if (v.type() == AttributeValue.Type.BS) for (SdkBytes b : v.bs()) g.writeString(base64(b));
                g.writeEndArray();
                g.writeEndObject();
            }
            default -> throw new IllegalArgumentException("unknown attribute type: " + v);
        }
    }

    /** Reads one item of plain JSON (see the class comment for the markers). */
    public static Map<String, AttributeValue> fromPlainJson(String text) {
        return parseWhole(text, "an item must be a JSON object", "text after the end of the item", ItemJson::readPlainMap);
    }

    private static Map<String, AttributeValue> readPlainMap(JsonParser p) throws IOException {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            if (m.put(name, readPlain(p, p.nextToken())) != null) throw malformed(p, "attribute '" + name + "' appears twice");
        }
        return m;
    }

    private static AttributeValue readPlain(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case VALUE_STRING:
                return AttributeValue.fromS(p.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return AttributeValue.fromN(number(p, p.getText()));
            case VALUE_TRUE:
            case VALUE_FALSE:
                return AttributeValue.fromBool(t == JsonToken.VALUE_TRUE);
            case VALUE_NULL:
                return AttributeValue.fromNul(true);
            case START_ARRAY: {
                List<AttributeValue> list = new ArrayList<>();
                JsonToken e;
                while ((e = p.nextToken()) != JsonToken.END_ARRAY) list.add(readPlain(p, e));
                return AttributeValue.fromL(list);
            }
            case START_OBJECT:
                return readPlainObject(p);
            default:
                throw malformed(p, "unexpected " + t);
        }
    }

    /** An object: a marker ({"$b": ...}) or a map. */
    private static AttributeValue readPlainObject(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.END_OBJECT) return AttributeValue.fromM(Map.of());
        String first = p.currentName();
        if (first.startsWith("$")) {
            JsonToken vt = p.nextToken();
            AttributeValue marked = switch (first) {
                case "$b" -> AttributeValue.fromB(bytes(p, string(p, vt, "$b")));
                case "$m" -> {
                    expect(p, vt, JsonToken.START_OBJECT, "$m takes an object");
                    yield AttributeValue.fromM(readPlainMap(p));
                }
                case "$ss", "$ns", "$bs" -> {
                    expect(p, vt, JsonToken.START_ARRAY, first + " takes an array");
                    List<String> values = new ArrayList<>();
                    JsonToken e;
                    while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                        if (first.equals("$ns")) {
                            if (e != JsonToken.VALUE_NUMBER_INT && e != JsonToken.VALUE_NUMBER_FLOAT && e != JsonToken.VALUE_STRING) {
                                throw malformed(p, "$ns takes numbers");
                            }
                            values.add(number(p, p.getText()));
                        } else {
                            values.add(string(p, e, first));
                        }
                    }
                    if (values.isEmpty()) throw malformed(p, "a set cannot be empty");
                    if (first.equals("$ss")) yield AttributeValue.fromSs(values);
                    if (first.equals("$ns")) yield AttributeValue.fromNs(values);
                    List<SdkBytes> bs = new ArrayList<>();
                    for (String b : values) bs.add(bytes(p, b));
                    yield AttributeValue.fromBs(bs);
                }
                default -> null;
            };
            if (marked != null) {
                if (p.nextToken() != JsonToken.END_OBJECT) throw malformed(p, "a marker object (" + first + ") has exactly one key");
                return marked;
            }
            // an ordinary map whose first key happens to start with '$'
            Map<String, AttributeValue> m = new LinkedHashMap<>();
            m.put(first, readPlain(p, vt));
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                if (m.put(name, readPlain(p, p.nextToken())) != null) throw malformed(p, "attribute '" + name + "' appears twice");
            }
            return AttributeValue.fromM(m);
        }
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        m.put(first, readPlain(p, p.nextToken()));
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            if (m.put(name, readPlain(p, p.nextToken())) != null) throw malformed(p, "attribute '" + name + "' appears twice");
        }
        return AttributeValue.fromM(m);
    }

    // --- plain Java values (PlainValues' shapes) ------------------------------------------------

    /**
     * A key or expression value from plain Java: String → S, Number → N, byte[] → B, Boolean → BOOL,
     * null → NULL, List → L, Map → M, Set of String/Number → SS/NS. For keys this is exact.
     */
    public static AttributeValue fromPlain(Object value) {
        if (value == null) return AttributeValue.fromNul(true);
        if (value instanceof AttributeValue av) return av;
        if (value instanceof String s) return AttributeValue.fromS(s);
        if (value instanceof BigDecimal d) return AttributeValue.fromN(d.toString());
        if (value instanceof Number n) return AttributeValue.fromN(n.toString());
        if (value instanceof byte[] b) return AttributeValue.fromB(SdkBytes.fromByteArray(b));
        if (value instanceof Boolean b) return AttributeValue.fromBool(b);
        if (value instanceof java.util.Set<?> set) {
            if (!set.isEmpty() && set.iterator().next() instanceof Number) {
                return AttributeValue.fromNs(set.stream().map(String::valueOf).toList());
            }
            return AttributeValue.fromSs(set.stream().map(String::valueOf).toList());
        }
        if (value instanceof List<?> list) return AttributeValue.fromL(list.stream().map(ItemJson::fromPlain).toList());
        if (value instanceof Map<?, ?> map) {
            Map<String, AttributeValue> m = new LinkedHashMap<>();
            map.forEach((k, v) -> m.put(String.valueOf(k), fromPlain(v)));
            return AttributeValue.fromM(m);
        }
        throw new IllegalArgumentException("no DynamoDB type for " + value.getClass().getSimpleName());
    }

    public static Map<String, AttributeValue> itemFromPlain(Map<String, ?> plain) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        plain.forEach((k, v) -> out.put(k, fromPlain(v)));
        return out;
    }

    /** DynamoDB JSON → plain JSON, e.g. for the editor's toggle. */
    public static String dynamoToPlain(String dynamoJson) {
        return toPlainJson(fromDynamoJson(dynamoJson));
    }

    public static String plainToDynamo(String plainJson) {
        return toDynamoJson(fromPlainJson(plainJson));
    }

    // --- size -----------------------------------------------------------------------------------

    /** DynamoDB's item size rule: names and values in UTF-8 bytes, numbers about 1 byte per 2 digits + 1. */
    public static long size(Map<String, AttributeValue> item) {
        long total = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) total += utf8(e.getKey()) + size(e.getValue());
        return total;
    }

    private static long size(AttributeValue v) {
        return switch (v.type()) {
            case S -> utf8(v.s());
            case N -> numberSize(v.n());
            case B -> v.b().asByteArrayUnsafe().length;
            case BOOL, NUL -> 1;
            case SS -> v.ss().stream().mapToLong(ItemJson::utf8).sum();
            case NS -> v.ns().stream().mapToLong(ItemJson::numberSize).sum();
            case BS -> v.bs().stream().mapToLong(b -> b.asByteArrayUnsafe().length).sum();
            case L -> 3 + v.l().stream().mapToLong(e -> 1 + size(e)).sum();
            case M -> 3 + v.m().entrySet().stream().mapToLong(e -> 1 + utf8(e.getKey()) + size(e.getValue())).sum();
            default -> 0;
        };
    }

    private static long numberSize(String n) {
        long digits = n.chars().filter(Character::isDigit).count();
        return (digits + 1) / 2 + 1;
    }

    private static long utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    // --- helpers --------------------------------------------------------------------------------

    static String base64(SdkBytes b) {
        return Base64.getEncoder().encodeToString(b.asByteArrayUnsafe());
    }

    private static SdkBytes bytes(JsonParser p, String base64) {
        try {
            return SdkBytes.fromByteArray(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            throw malformed(p, "not base64: " + abbreviate(base64));
        }
    }

    private static String number(JsonParser p, String text) {
        try {
            new BigDecimal(text.strip());
            return text.strip();
        } catch (NumberFormatException e) {
            throw malformed(p, "not a number: " + abbreviate(text));
        }
    }

    private static String string(JsonParser p, JsonToken t, String type) throws IOException {
        if (t != JsonToken.VALUE_STRING) throw malformed(p, type + " takes a string");
        return p.getText();
    }

    private static void expect(JsonParser p, JsonToken actual, JsonToken wanted, String message) {
        if (actual != wanted) throw malformed(p, message);
    }

    private static Malformed malformed(JsonParser p, String message) {
        JsonLocation at = p.currentTokenLocation();
        return new Malformed(message, at.getLineNr(), at.getColumnNr());
    }

    private static Malformed malformed(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return new Malformed(e.getOriginalMessage(), at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr());
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
