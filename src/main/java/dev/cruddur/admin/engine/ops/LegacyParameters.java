package dev.cruddur.admin.engine.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cruddur.admin.engine.api.ApiException;
import dev.cruddur.admin.engine.api.Json;
import dev.cruddur.admin.engine.api.Values;
import dev.cruddur.admin.engine.expr.Condition;
import dev.cruddur.admin.engine.expr.Operand;
import dev.cruddur.admin.engine.expr.Path;
import dev.cruddur.admin.engine.expr.UpdateAction;
import dev.cruddur.admin.engine.model.AttributeValue;
import dev.cruddur.admin.engine.model.ValueOrder;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parameters DynamoDB had before expressions (AttributesToGet, KeyConditions, QueryFilter, ScanFilter,
 * Expected, AttributeUpdates, ConditionalOperator), checked with DynamoDB's messages and translated into the
 * engine's condition and update model, so there is one evaluator for both kinds of request.
 */
final class LegacyParameters {
    private LegacyParameters() {}

    private static final String INVALID = "One or more parameter values were invalid: ";
    private static final Map<String, Integer> ARGUMENTS = Map.ofEntries(
            Map.entry("NULL", 0), Map.entry("NOT_NULL", 0), Map.entry("EQ", 1), Map.entry("NE", 1), Map.entry("LE", 1), Map.entry("LT", 1),
            Map.entry("GE", 1), Map.entry("GT", 1), Map.entry("CONTAINS", 1), Map.entry("NOT_CONTAINS", 1), Map.entry("BEGINS_WITH", 1),
            Map.entry("BETWEEN", 2));
    private static final Map<String, List<String>> VALUE_TYPES = Map.ofEntries(
            Map.entry("EQ", List.of("S", "N", "B", "SS", "NS", "BS")), Map.entry("NE", List.of("S", "N", "B", "SS", "NS", "BS")),
            Map.entry("LE", List.of("S", "N", "B")), Map.entry("LT", List.of("S", "N", "B")), Map.entry("GE", List.of("S", "N", "B")),
            Map.entry("GT", List.of("S", "N", "B")), Map.entry("CONTAINS", List.of("S", "N", "B")), Map.entry("NOT_CONTAINS", List.of("S", "N", "B")),
            Map.entry("BEGINS_WITH", List.of("S", "B")), Map.entry("IN", List.of("S", "N", "B")), Map.entry("BETWEEN", List.of("S", "N", "B")));

    /** AttributesToGet as a projection of top-level names; a name given twice is refused. */
    static List<Path> attributesToGet(JsonNode request) {
        JsonNode names = Json.arrayField(request, "AttributesToGet");
        if (names == null) return null;
        Set<String> seen = new HashSet<>();
        List<Path> paths = new ArrayList<>();
        for (JsonNode n : names) {
            if (!seen.add(n.asText())) throw ApiException.validation(INVALID + "Duplicate value in attribute name: " + n.asText());
            paths.add(path(n.asText()));
        }
        return paths;
    }

    /** QueryFilter or ScanFilter: each attribute's ComparisonOperator over its AttributeValueList, joined by ConditionalOperator. */
    static Condition conditions(JsonNode request, String field) {
        List<Condition> parts = parts(request, field);
        return parts == null ? null : join(parts, Json.string(request, "ConditionalOperator"));
    }

    /** KeyConditions: as a filter, and one or two of them. */
    static Condition keyConditions(JsonNode request) {
        List<Condition> parts = parts(request, "KeyConditions");
        if (parts == null || parts.isEmpty()) return null;
        if (parts.size() != 1 && parts.size() != 2) throw ApiException.validation("Conditions can be of length 1 or 2 only");
        // the key conditions are always ANDed, whatever ConditionalOperator says of the filter
        return join(parts, "AND");
    }

    /** One condition per attribute of a QueryFilter, ScanFilter or KeyConditions, in order; null when the field is absent. */
    private static List<Condition> parts(JsonNode request, String field) {
        JsonNode conditions = Json.objectField(request, field);
        if (conditions == null) return null;
        List<Condition> parts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : Json.fields(conditions)) {
            String operator = e.getValue().path("ComparisonOperator").asText();
            List<AttributeValue> values = values(e.getValue().get("AttributeValueList"));
            Integer expected = ARGUMENTS.get(operator);
            if ((expected != null && values.size() != expected) || (expected == null && values.isEmpty()))
                throw ApiException.validation(INVALID + "Invalid number of argument(s) for the " + operator + " ComparisonOperator");
            checkSameType(values);
            List<String> allowed = VALUE_TYPES.get(operator);
            for (AttributeValue v : values) {
                if (allowed != null && !allowed.contains(v.type()))
                    throw ApiException.validation(INVALID + "ComparisonOperator " + operator + " is not valid for " + v.type() + " AttributeValue type");
            }
            checkBetween(operator, values);
            parts.add(condition(e.getKey(), operator, values));
        }
        return parts;
    }

    /** Expected: the Exists/Value form or the ComparisonOperator form, for each attribute. */
    static Condition expected(JsonNode request) {
        JsonNode expected = Json.objectField(request, "Expected");
        if (expected == null) return null;
        List<Condition> parts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : Json.fields(expected)) {
            String key = e.getKey();
            JsonNode c = e.getValue();
            boolean hasList = c.has("AttributeValueList"), hasValue = c.has("Value");
            if (hasList && hasValue)
                throw ApiException.validation(INVALID + "Value and AttributeValueList cannot be used together for Attribute: " + key);
            if (c.has("ComparisonOperator")) {
                String operator = c.get("ComparisonOperator").asText();
                if (c.has("Exists"))
                    throw ApiException.validation(INVALID + "Exists and ComparisonOperator cannot be used together for Attribute: " + key);
                if (!operator.equals("NULL") && !operator.equals("NOT_NULL") && !hasList && !hasValue)
                    throw ApiException.validation(INVALID + "Value or AttributeValueList must be used with ComparisonOperator: " + operator + " for Attribute: " + key);
                List<AttributeValue> values = hasList ? values(c.get("AttributeValueList"))
                        : hasValue && !c.get("Value").isNull() ? List.of(value(c.get("Value"))) : List.of();
                Integer count = ARGUMENTS.get(operator);
                if ((count != null && values.size() != count) || (count == null && values.isEmpty()))
                    throw ApiException.validation(INVALID + "Invalid number of argument(s) for the " + operator + " ComparisonOperator");
                checkSameType(values);
                checkBetween(operator, values);
                parts.add(condition(key, operator, values));
            } else if (hasList) {
                throw ApiException.validation(INVALID + "AttributeValueList can only be used with a ComparisonOperator for Attribute: " + key);
            } else {
                JsonNode existsNode = c.get("Exists");
                boolean exists = existsNode == null || existsNode.isNull() || existsNode.asBoolean();
                boolean valuePresent = hasValue && !c.get("Value").isNull();
                if (exists && !valuePresent)
                    throw ApiException.validation(INVALID + "Value must be provided when Exists is "
                            + (existsNode == null || existsNode.isNull() ? "null" : existsNode.asText()) + " for Attribute: " + key);
                if (!exists && valuePresent)
                    throw ApiException.validation(INVALID + "Value cannot be used when Exists is false for Attribute: " + key);
                parts.add(exists ? condition(key, "EQ", List.of(value(c.get("Value")))) : condition(key, "NULL", List.of()));
            }
        }
        return join(parts, Json.string(request, "ConditionalOperator"));
    }

    /** AttributeUpdates: PUT (the default), ADD and DELETE of whole top-level attributes. */
    static List<UpdateAction> attributeUpdates(JsonNode request) {
        JsonNode updates = Json.objectField(request, "AttributeUpdates");
        if (updates == null) return null;
        List<UpdateAction> actions = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : Json.fields(updates)) {
            JsonNode u = e.getValue();
            AttributeValue v = u.hasNonNull("Value") ? value(u.get("Value")) : null;
            String action = u.hasNonNull("Action") ? u.get("Action").asText() : "PUT";
            if (v == null && !action.equals("DELETE"))
                throw ApiException.validation(INVALID + "Only DELETE action is allowed when no attribute value is specified");
            if (v != null && action.equals("DELETE") && !List.of("SS", "NS", "BS").contains(v.type()))
                throw ApiException.validation(INVALID + "DELETE action with value is not supported for the type " + v.type());
            if (v != null && action.equals("ADD") && !List.of("L", "SS", "NS", "BS", "N").contains(v.type()))
                throw ApiException.validation(INVALID + "ADD action is not supported for the type " + v.type());
            Path p = path(e.getKey());
            Operand.Literal literal = v == null ? null : new Operand.Literal(":" + e.getKey(), v);
            actions.add(switch (action) {
                case "DELETE" -> v == null ? new UpdateAction.Remove(p) : new UpdateAction.Delete(p, literal);
                // ADD of a list appends to it (or starts it), which expressions spell list_append(if_not_exists(...))
                case "ADD" -> v instanceof AttributeValue.L
                        ? new UpdateAction.Set(p, new Operand.Function("list_append", List.of(
                                new Operand.Function("if_not_exists", List.of(p, new Operand.Literal(":empty", new AttributeValue.L(List.of())))), literal)))
                        : new UpdateAction.Add(p, literal);
                default -> new UpdateAction.Set(p, literal);
            });
        }
        return actions;
    }

    /**
     * DynamoDB refuses a request that mixes the two kinds of parameter, except KeyConditions next to a
     * FilterExpression or ProjectionExpression when there is no KeyConditionExpression.
     */
    static String mixingMessage(JsonNode request, List<String> expressions, List<String> legacy) {
        // loops, not streams: this runs for every item request, and nearly always finds nothing
        List<String> present = null;
        for (String e : expressions) {
            if (!request.hasNonNull(e)) continue;
            if (present == null) present = new ArrayList<>(2);
            present.add(e);
        }
        if (present == null) return null;
        List<String> legacyPresent = new ArrayList<>();
        for (String l : legacy) if (request.hasNonNull(l)) legacyPresent.add(l);
        if (request.hasNonNull("KeyConditions") && !request.hasNonNull("KeyConditionExpression")) legacyPresent.remove("KeyConditions");
        if (legacyPresent.isEmpty()) return null;
        return "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {"
                + String.join(", ", legacyPresent) + "} Expression parameters: {" + String.join(", ", present) + "}";
    }

    // ---- building blocks

    private static Condition condition(String attribute, String operator, List<AttributeValue> values) {
        Path p = path(attribute);
        List<Operand> literals = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) literals.add(new Operand.Literal(":" + attribute + i, values.get(i)));
        return switch (operator) {
            case "EQ" -> new Condition.Compare("=", p, literals.get(0));
            case "NE" -> new Condition.Compare("<>", p, literals.get(0));
            case "LT" -> new Condition.Compare("<", p, literals.get(0));
            case "LE" -> new Condition.Compare("<=", p, literals.get(0));
            case "GT" -> new Condition.Compare(">", p, literals.get(0));
            case "GE" -> new Condition.Compare(">=", p, literals.get(0));
            case "NULL" -> new Condition.Call("attribute_not_exists", List.of(p));
            case "NOT_NULL" -> new Condition.Call("attribute_exists", List.of(p));
            case "CONTAINS" -> new Condition.Call("contains", List.of(p, literals.get(0)));
            case "NOT_CONTAINS" -> new Condition.Not(new Condition.Call("contains", List.of(p, literals.get(0))));
            case "BEGINS_WITH" -> new Condition.Call("begins_with", List.of(p, literals.get(0)));
            case "IN" -> new Condition.In(p, literals);
            case "BETWEEN" -> new Condition.Between(p, literals.get(0), literals.get(1));
            default -> throw ApiException.validation(INVALID + "Unsupported ComparisonOperator: " + operator);
        };
    }

    private static Condition join(List<Condition> parts, String conditionalOperator) {
        if (parts.isEmpty()) return null;
        boolean or = "OR".equals(conditionalOperator);
        Condition c = parts.get(0);
        for (int i = 1; i < parts.size(); i++) c = or ? new Condition.Or(c, parts.get(i)) : new Condition.And(c, parts.get(i));
        return c;
    }

    private static Path path(String name) { return new Path(List.of(name)); }

    private static List<AttributeValue> values(JsonNode list) {
        List<AttributeValue> values = new ArrayList<>();
        if (list == null || list.isNull()) return values;
        for (JsonNode n : list) values.add(value(n));
        return values;
    }

    private static AttributeValue value(JsonNode n) { return Values.valueOrFail(n, "", ""); }

    private static void checkSameType(List<AttributeValue> values) {
        for (AttributeValue v : values) {
            if (!v.type().equals(values.get(0).type()))
                throw ApiException.validation(INVALID + "AttributeValues inside AttributeValueList must be of same type");
        }
    }

    private static void checkBetween(String operator, List<AttributeValue> values) {
        if (operator.equals("BETWEEN") && values.size() == 2 && values.get(0).type().equals(values.get(1).type())
                && List.of("S", "N", "B").contains(values.get(0).type()) && ValueOrder.compareSameType(values.get(0), values.get(1)) > 0)
            throw ApiException.validation("The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
    }
}
