package dev.cruddur.admin.engine.ops;

import dev.cruddur.admin.engine.api.ApiException;
import dev.cruddur.admin.engine.expr.Condition;
import dev.cruddur.admin.engine.expr.Operand;
import dev.cruddur.admin.engine.expr.Path;
import dev.cruddur.admin.engine.model.AttributeValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A KeyConditionExpression reduced to what DynamoDB allows: per key attribute one comparison
 * (EQ, LT, LE, GT, GE, BETWEEN, BEGINS_WITH) joined by AND, the attribute on the left.
 */
record KeyCondition(String operator, List<AttributeValue> values) {

    static Map<String, KeyCondition> convert(Condition c) {
        Map<String, KeyCondition> out = new LinkedHashMap<>();
        collect(c, out);
        return out;
    }

    private static void collect(Condition c, Map<String, KeyCondition> out) {
        if (c instanceof Condition.And a) {
            collect(a.left(), out);
            collect(a.right(), out);
            return;
        }
        if (c instanceof Condition.Or) throw invalid("Invalid operator used in KeyConditionExpression: OR");
        if (c instanceof Condition.Not) throw invalid("Invalid operator used in KeyConditionExpression: NOT");
        if (c instanceof Condition.In) throw invalid("Invalid operator used in KeyConditionExpression: IN");
        List<Operand> args;
        String op;
        if (c instanceof Condition.Compare cmp) {
            if (cmp.operator().equals("<>")) throw invalid("Invalid operator used in KeyConditionExpression: <>");
            args = List.of(cmp.left(), cmp.right());
            op = cmp.operator();
        } else if (c instanceof Condition.Between b) {
            if (!(b.value() instanceof Path))
                throw invalid("Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute as its first operand");
            args = List.of(b.value(), b.low(), b.high());
            op = "between";
        } else {
            Condition.Call call = (Condition.Call) c;
            if (!call.name().equals("begins_with")) throw invalid("Invalid operator used in KeyConditionExpression: " + call.name());
            if (!(call.args().get(0) instanceof Path))
                throw invalid("Invalid condition in KeyConditionExpression: begins_with operator must have the key attribute as its first operand");
            args = call.args();
            op = "begins_with";
        }
        String attribute = null;
        int position = 0;
        for (int i = 0; i < args.size(); i++) {
            Operand a = args.get(i);
            if (a instanceof Operand.Function) throw invalid("KeyConditionExpressions cannot contain nested operations");
            if (a instanceof Path p) {
                if (attribute != null) throw invalid("Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition");
                if (p.isNested()) throw invalid("KeyConditionExpressions cannot have conditions on nested attributes");
                attribute = p.head();
                position = i;
            }
        }
        if (attribute == null) throw invalid("Invalid condition in KeyConditionExpression: No key attribute specified");
        if (out.containsKey(attribute)) throw invalid("KeyConditionExpressions must only contain one condition per key");
        if (position != 0) {
            op = switch (op) { case "<" -> ">"; case "<=" -> ">="; case ">" -> "<"; case ">=" -> "<="; default -> op; };
        }
        String name = switch (op) {
            case "=" -> "EQ"; case "<" -> "LT"; case "<=" -> "LE"; case ">" -> "GT"; case ">=" -> "GE";
            case "between" -> "BETWEEN"; default -> "BEGINS_WITH";
        };
        List<AttributeValue> values = new java.util.ArrayList<>();
        for (int i = 0; i < args.size(); i++) if (i != position) values.add(((Operand.Literal) args.get(i)).value());
        out.put(attribute, new KeyCondition(name, values));
    }

    private static ApiException invalid(String m) { return ApiException.validation(m); }

    /** Whether a range key value satisfies this condition. */
    boolean matches(AttributeValue v) {
        AttributeValue a = values.get(0);
        if (!dev.cruddur.admin.engine.model.ValueOrder.comparable(v, a)) return false;
        int c = dev.cruddur.admin.engine.model.ValueOrder.compareSameType(v, a);
        return switch (operator) {
            case "EQ" -> c == 0;
            case "LT" -> c < 0;
            case "LE" -> c <= 0;
            case "GT" -> c > 0;
            case "GE" -> c >= 0;
            case "BETWEEN" -> c >= 0 && dev.cruddur.admin.engine.model.ValueOrder.compareSameType(v, values.get(1)) <= 0;
            default -> beginsWith(v, a);
        };
    }

    static boolean beginsWith(AttributeValue v, AttributeValue prefix) {
        if (v instanceof AttributeValue.S s && prefix instanceof AttributeValue.S p) return s.value().startsWith(p.value());
        if (v instanceof AttributeValue.B b && prefix instanceof AttributeValue.B p)
            return b.value().length >= p.value().length && java.util.Arrays.equals(b.value(), 0, p.value().length, p.value(), 0, p.value().length);
        return false;
    }
}
