package dev.cruddur.admin.engine.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cruddur.admin.engine.api.ApiException;
import dev.cruddur.admin.engine.api.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DynamoDB's first two checks of every request, before any table is looked up: serialization (each member
 * has the type the API model gives it, else {@code com.amazon.coral.service#SerializationException}), then
 * the model's constraints (not null, lengths, ranges, patterns, enums: the "N validation errors detected"
 * family). The shapes in {@code request-shapes.json} are the API model's input members as dynalite 4.0.0
 * (Apache-2.0) records them, in DynamoDB's order of checks, with one change where the API has moved on since:
 * a new global index of an on-demand table needs no ProvisionedThroughput. Members the file does not name
 * (newer ones such as StreamSpecification) are left to the operations, which run their own semantic checks.
 * Like the service, the serialization pass also converts what it accepts: "true"/"yes"/"1" to a boolean,
 * a fractional number to an integer member by dropping its fraction.
 */
final class RequestShapes {
    private static final Pattern GENERIC = Pattern.compile("(.+?)<(.+)>$");
    private static final String PARAMETERIZED = "class sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl cannot be cast to class java.lang.Class "
            + "(sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl and java.lang.Class are in module java.base of loader 'bootstrap')";
    private static final String START_OF_STRUCTURE = "Start of structure or map found where not expected";
    private static final int MAX_CONSTRAINT_ERRORS = 10;

    private final ObjectNode shapes;
    private final ObjectNode attributeValue;
    // every request walks the same few specs: what they say is worked out once, not per member of every request
    private final Map<String, String[]> parsedTypes = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> typeOnlySpecs = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> attributeValueSpecs = new ConcurrentHashMap<>();
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private RequestShapes(ObjectNode shapes) {
        this.shapes = shapes;
        ObjectNode list = Json.object().put("type", "List");
        attributeValue = Json.object();
        attributeValue.put("S", "String").put("B", "Blob").put("N", "String").put("BOOL", "Boolean").put("NULL", "Boolean");
        attributeValue.set("BS", list.deepCopy().put("children", "Blob"));
        attributeValue.set("NS", list.deepCopy().put("children", "String"));
        attributeValue.set("SS", list.deepCopy().put("children", "String"));
        attributeValue.set("L", list.deepCopy().put("children", "AttrStruct<ValueStruct>"));
        attributeValue.set("M", Json.object().put("type", "Map<AttributeValue>").put("children", "AttrStruct<ValueStruct>"));
    }

    static RequestShapes load() {
        try (InputStream in = RequestShapes.class.getResourceAsStream("request-shapes.json")) {
            if (in == null) throw new IllegalStateException("request-shapes.json is missing from the classpath");
            return new RequestShapes((ObjectNode) Json.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks (and converts in place) a request of the named action; actions without a recorded shape pass unchanged. */
    void check(String action, ObjectNode request) {
        JsonNode types = shapes.get(action);
        if (types == null) return;
        checkTypes(request, types);
        checkConstraints(request, types);
    }

    // ---- serialization

    private void checkTypes(ObjectNode data, JsonNode types) {
        if (data.size() == 1) {
            // an attribute value holds one member: look that one up instead of asking for each of the ten types;
            // with one member present the order of the spec's members cannot change which error comes first
            Map.Entry<String, JsonNode> only = data.fields().next();
            JsonNode spec = types.get(only.getKey());
            if (spec == null || only.getValue() == null || only.getValue().isNull()) return;
            JsonNode converted = checkType(only.getValue(), spec);
            if (converted != only.getValue()) data.set(only.getKey(), converted);
            return;
        }
        for (Iterator<String> it = types.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            JsonNode value = data.get(key);
            if (value == null || value.isNull()) continue;
            JsonNode converted = checkType(value, types.get(key));
            if (converted != value) data.set(key, converted);
        }
    }

    private JsonNode checkType(JsonNode val, JsonNode spec) {
        if (val == null || val.isNull()) return val;
        JsonNode children = spec.isObject() ? spec.get("children") : null;
        if (children != null && children.isTextual()) children = typeOnlySpecs.computeIfAbsent(children.textValue(), t -> Json.object().put("type", t));
        String[] parsed = parsedTypes.computeIfAbsent(spec.isObject() ? spec.get("type").textValue() : spec.textValue(), RequestShapes::parseType);
        String type = parsed[0], subtype = parsed[1];
        if (type.equals("AttrStruct")) {
            return checkType(val, attributeValueSpecs.computeIfAbsent(subtype, sub -> {
                ObjectNode s = Json.object().put("type", sub + "<AttributeValue>");
                s.set("children", attributeValue);
                return s;
            }));
        }
        switch (type) {
            case "Boolean" -> {
                if (val.isNumber()) throw serialization(numberKind(val) + " cannot be converted to Boolean");
                if (val.isTextual()) {
                    String t = val.textValue().toUpperCase();
                    if (t.equals("TRUE") || t.equals("1") || t.equals("YES")) return Json.NODES.booleanNode(true);
                    if (t.equals("FALSE") || t.equals("0") || t.equals("NO")) return Json.NODES.booleanNode(false);
                    throw serialization("Unexpected token received from parser");
                }
                if (val.isArray()) throw serialization("Unrecognized collection type class java.lang.Boolean");
                if (val.isObject()) throw serialization(START_OF_STRUCTURE);
                return val;
            }
            case "Short", "Integer", "Long", "Double" -> {
                if (val.isBoolean()) throw serialization((val.booleanValue() ? "TRUE_VALUE" : "FALSE_VALUE") + " cannot be converted to " + type);
                if (val.isTextual()) throw serialization("STRING_VALUE cannot be converted to " + type);
                if (val.isArray()) throw serialization("Unrecognized collection type class java.lang." + type);
                if (val.isObject()) throw serialization(START_OF_STRUCTURE);
                if (!type.equals("Double") && !val.isIntegralNumber())
                    return Json.NODES.numberNode(val.decimalValue().setScale(0, java.math.RoundingMode.FLOOR).toBigInteger());
                return val;
            }
            case "String" -> {
                if (val.isBoolean()) throw serialization((val.booleanValue() ? "TRUE_VALUE" : "FALSE_VALUE") + " cannot be converted to String");
                if (val.isNumber()) throw serialization(numberKind(val) + " cannot be converted to String");
                if (val.isArray()) throw serialization("Unrecognized collection type class java.lang.String");
                if (val.isObject()) throw serialization(START_OF_STRUCTURE);
                return val;
            }
            case "Blob" -> {
                if (val.isBoolean() || val.isNumber()) throw serialization("only base-64-encoded strings are convertible to bytes");
                if (val.isArray()) throw serialization("Unrecognized collection type class java.nio.ByteBuffer");
                if (val.isObject()) throw serialization(START_OF_STRUCTURE);
                String text = val.textValue();
                if (text.length() % 4 != 0)
                    throw serialization("Base64 encoded length is expected a multiple of 4 bytes but found: " + text.length());
                if (!canonicalBase64(text)) throw serialization("Invalid last non-pad Base64 character dectected");
                return val;
            }
            case "List", "ParameterizedList" -> {
                if (val.isValueNode()) throw serialization(type.equals("List") ? "Unexpected field type" : PARAMETERIZED);
                if (!val.isArray()) throw serialization(START_OF_STRUCTURE);
                ArrayNode list = (ArrayNode) val;
                for (int i = 0; i < list.size(); i++) {
                    JsonNode converted = children == null ? list.get(i) : checkType(list.get(i), children);
                    if (converted != list.get(i)) list.set(i, converted);
                }
                return val;
            }
            case "Map", "ParameterizedMap" -> {
                if (val.isValueNode()) throw serialization(type.equals("Map") ? "Unexpected field type" : PARAMETERIZED);
                if (val.isArray()) {
                    String element = type.equals("ParameterizedMap") || subtype == null ? "com.amazonaws.dynamodb.v20120810.AttributeValue"
                            : subtype.contains(".") ? subtype : "com.amazonaws.dynamodb.v20120810." + subtype;
                    throw serialization("Unrecognized collection type java.util.Map<java.lang.String, " + element + ">");
                }
                ObjectNode map = (ObjectNode) val;
                if (children != null) {
                    for (Map.Entry<String, JsonNode> e : copyOf(map.fields())) {
                        JsonNode converted = checkType(e.getValue(), children);
                        if (converted != e.getValue()) map.set(e.getKey(), converted);
                    }
                }
                return val;
            }
            case "ValueStruct", "FieldStruct" -> {
                if (val.isValueNode()) throw serialization(type.equals("ValueStruct") ? "Unexpected value type in payload" : "Unexpected field type");
                if (val.isArray()) throw serialization("Unrecognized collection type class com.amazonaws.dynamodb.v20120810." + subtype);
                if (children != null) checkTypes((ObjectNode) val, children);
                return val;
            }
            default -> throw new IllegalStateException("unknown shape type " + type);
        }
    }

    /** "Map<AttributeValue>" as {"Map", "AttributeValue"}; a plain type has no subtype. */
    private static String[] parseType(String type) {
        Matcher m = GENERIC.matcher(type);
        return m.matches() ? new String[]{m.group(1), m.group(2)} : new String[]{type, null};
    }

    private static boolean matches(String regex, String text) {
        return PATTERNS.computeIfAbsent(regex, Pattern::compile).matcher(text).matches();
    }

    /** JavaScript's test: a JSON number with no fraction (1.0 included) is a NUMBER_VALUE. */
    private static String numberKind(JsonNode n) {
        if (n.isIntegralNumber()) return "NUMBER_VALUE";
        BigDecimal d = n.decimalValue();
        return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0 ? "NUMBER_VALUE" : "DECIMAL_VALUE";
    }

    private static boolean canonicalBase64(String text) {
        try {
            return Base64.getEncoder().encodeToString(Base64.getDecoder().decode(text)).equals(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static List<Map.Entry<String, JsonNode>> copyOf(Iterator<Map.Entry<String, JsonNode>> it) {
        List<Map.Entry<String, JsonNode>> list = new ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }

    private static ApiException serialization(String message) { return ApiException.serialization(message); }

    // ---- constraints

    private void checkConstraints(ObjectNode data, JsonNode types) {
        for (Iterator<String> it = types.fieldNames(); it.hasNext(); ) {
            String attr = it.next();
            JsonNode spec = types.get(attr);
            JsonNode value = present(data.get(attr));
            if (spec.path("required").asBoolean(false) && value == null)
                throw ApiException.validation("The parameter '" + attr + "' is required but was not present in the request");
            if (spec.path("tableName").asBoolean(false) && value != null && value.isTextual()
                    && (value.textValue().length() < 3 || value.textValue().length() > 255))
                throw ApiException.validation(attr + " must be at least 3 characters long and at most 255 characters long");
        }
        List<String> errors = new ArrayList<>();
        checkMembers(data, types, null, errors);
        RequestSupport.throwConstraintErrors(errors);
    }

    private static JsonNode present(JsonNode n) { return n == null || n.isNull() ? null : n; }

    private void checkMembers(JsonNode data, JsonNode types, String parent, List<String> errors) {
        if (!types.isObject()) return;
        for (Iterator<String> it = types.fieldNames(); it.hasNext(); ) {
            String attr = it.next();
            checkMember(attr, data == null ? null : present(data.get(attr)), types.get(attr), parent, errors);
        }
    }

    private void checkMember(String attr, JsonNode data, JsonNode spec, String parent, List<String> errors) {
        if (!spec.isObject()) return;
        String type = spec.path("type").asText("");
        for (Iterator<String> it = spec.fieldNames(); it.hasNext(); ) {
            if (errors.size() >= MAX_CONSTRAINT_ERRORS) return;
            String rule = it.next();
            if (rule.equals("type") || rule.equals("required") || rule.equals("tableName")) continue;
            if (!rule.equals("notNull") && data == null) continue;
            JsonNode arg = spec.get(rule);
            switch (rule) {
                case "children" -> {
                    // an attribute value's spec is its type alone: nothing in it to check (nor a path to build)
                    if (!arg.isObject()) continue;
                    String path = (parent == null ? "" : parent + ".") + lowerFirst(attr);
                    if (type.endsWith("List")) {
                        for (int i = 0; i < data.size(); i++) checkMember("member", present(data.get(i)), arg, path + "." + (i + 1), errors);
                    } else if (type.contains("Map")) {
                        for (Iterator<String> keys = data.fieldNames(); keys.hasNext(); ) {
                            String key = keys.next();
                            checkMember("member", present(data.get(key)), arg, path + "." + key, errors);
                        }
                    } else {
                        checkMembers(data, arg, path, errors);
                    }
                }
                case "notNull" -> failIf(data == null, "Member must not be null", data, parent, attr, errors);
                case "greaterThanOrEqual" -> failIf(data.asDouble() < arg.asDouble(), "Member must have value greater than or equal to " + arg.asText(), data, parent, attr, errors);
                case "lessThanOrEqual" -> failIf(data.asDouble() > arg.asDouble(), "Member must have value less than or equal to " + arg.asText(), data, parent, attr, errors);
                case "regex" -> failIf(!matches(arg.asText(), text(data)), "Member must satisfy regular expression pattern: " + arg.asText(), data, parent, attr, errors);
                case "lengthGreaterThanOrEqual" -> failIf(length(data) < arg.asInt(), "Member must have length greater than or equal to " + arg.asText(), data, parent, attr, errors);
                case "lengthLessThanOrEqual" -> failIf(length(data) > arg.asInt(), "Member must have length less than or equal to " + arg.asText(), data, parent, attr, errors);
                case "enum" -> {
                    String value = text(data);
                    boolean allowed = false;
                    for (JsonNode a : arg) allowed |= a.asText().equals(value);
                    if (!allowed) {
                        List<String> set = new ArrayList<>();
                        arg.forEach(a -> set.add(a.asText()));
                        failIf(true, "Member must satisfy enum value set: [" + String.join(", ", set) + "]", data, parent, attr, errors);
                    }
                }
                case "keys" -> {
                    for (Iterator<String> keys = data.fieldNames(); keys.hasNext(); ) {
                        String key = keys.next();
                        if (!satisfies(Json.NODES.textNode(key), arg))
                            failIf(true, "Map keys must satisfy constraint: [" + describe(arg, true) + "]", data, parent, attr, errors);
                    }
                }
                case "values" -> {
                    for (Iterator<JsonNode> values = data.elements(); values.hasNext(); ) {
                        if (!satisfies(values.next(), arg))
                            failIf(true, "Map value must satisfy constraint: [" + describe(arg, false) + "]", data, parent, attr, errors);
                    }
                }
                default -> throw new IllegalStateException("unknown constraint " + rule);
            }
        }
    }

    private static boolean satisfies(JsonNode value, JsonNode rules) {
        for (Iterator<String> it = rules.fieldNames(); it.hasNext(); ) {
            String rule = it.next();
            JsonNode arg = rules.get(rule);
            boolean ok = switch (rule) {
                case "lengthGreaterThanOrEqual" -> length(value) >= arg.asInt();
                case "lengthLessThanOrEqual" -> length(value) <= arg.asInt();
                case "regex" -> matches(arg.asText(), text(value));
                default -> true;
            };
            if (!ok) return false;
        }
        return true;
    }

    /** dynalite's wording lists every rule, and "undefined" for one it has no text for (a regex on map values). */
    private static String describe(JsonNode rules, boolean keys) {
        List<String> parts = new ArrayList<>();
        for (Iterator<String> it = rules.fieldNames(); it.hasNext(); ) {
            String rule = it.next();
            String arg = rules.get(rule).asText();
            parts.add(switch (rule) {
                case "lengthGreaterThanOrEqual" -> "Member must have length greater than or equal to " + arg;
                case "lengthLessThanOrEqual" -> "Member must have length less than or equal to " + arg;
                case "regex" -> keys ? "Member must satisfy regular expression pattern: " + arg : "";
                default -> "";
            });
        }
        return String.join(", ", parts);
    }

    private static int length(JsonNode n) {
        if (n.isObject() || n.isArray()) return n.size();
        return text(n).length();
    }

    private static String text(JsonNode n) { return n.isTextual() ? n.textValue() : valueText(n); }

    private static void failIf(boolean failed, String constraint, JsonNode data, String parent, String attr, List<String> errors) {
        if (!failed) return;
        String value = data == null ? "null" : "'" + valueText(data) + "'";
        errors.add("Value " + value + " at '" + (parent == null ? "" : parent + ".") + lowerFirst(attr) + "' failed to satisfy constraint: " + constraint);
    }

    /** A value as the service prints it in a constraint message: lists as [a, b], structures as JSON. */
    private static String valueText(JsonNode n) {
        if (n == null || n.isNull()) return "null";
        if (n.isArray()) {
            List<String> parts = new ArrayList<>();
            n.forEach(e -> parts.add(valueText(e)));
            return "[" + String.join(", ", parts) + "]";
        }
        if (n.isObject()) return n.toString();
        if (n.isTextual()) return n.textValue();
        if (n.isNumber() && !n.isIntegralNumber()) {
            BigDecimal d = n.decimalValue().stripTrailingZeros();
            return d.scale() <= 0 ? d.toBigInteger().toString() : d.toPlainString();
        }
        return n.asText();
    }

    private static String lowerFirst(String s) { return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1); }
}
