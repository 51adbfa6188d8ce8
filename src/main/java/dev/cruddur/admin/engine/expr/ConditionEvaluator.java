package dev.cruddur.admin.engine.expr;

import dev.cruddur.admin.engine.model.AttributeValue;
import dev.cruddur.admin.engine.model.ValueOrder;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;

/** Evaluates a parsed condition against an item (an absent item is an empty map). */
public final class ConditionEvaluator {
    private ConditionEvaluator() {}

    public static boolean matches(Condition c, Map<String, AttributeValue> item) {
        if (c instanceof Condition.And a) return matches(a.left(), item) && matches(a.right(), item);
        if (c instanceof Condition.Or o) return matches(o.left(), item) || matches(o.right(), item);
        if (c instanceof Condition.Not n) return !matches(n.inner(), item);
        if (c instanceof Condition.Compare cmp) return compare(cmp.operator(), value(cmp.left(), item), value(cmp.right(), item));
        if (c instanceof Condition.Between b) {
            AttributeValue v = value(b.value(), item), lo = value(b.low(), item), hi = value(b.high(), item);
            return ValueOrder.comparable(v, lo) && ValueOrder.comparable(v, hi)
                    && ValueOrder.compareSameType(v, lo) >= 0 && ValueOrder.compareSameType(v, hi) <= 0;
        }
        if (c instanceof Condition.In in) {
            AttributeValue v = value(in.value(), item);
            if (v == null) return false;
            for (Operand o : in.candidates()) if (v.equals(value(o, item))) return true;
            return false;
        }
        Condition.Call call = (Condition.Call) c;
        return function(call, item);
    }

    private static boolean compare(String op, AttributeValue a, AttributeValue b) {
        switch (op) {
            case "=": return a != null && a.equals(b);
            case "<>": return a == null || !a.equals(b);
            default:
                if (!ValueOrder.comparable(a, b)) return false;
                int r = ValueOrder.compareSameType(a, b);
                return switch (op) {
                    case "<" -> r < 0;
                    case "<=" -> r <= 0;
                    case ">" -> r > 0;
                    default -> r >= 0;
                };
        }
    }

    private static boolean function(Condition.Call call, Map<String, AttributeValue> item) {
        switch (call.name()) {
            case "attribute_exists": return value(call.args().get(0), item) != null;
            case "attribute_not_exists": return value(call.args().get(0), item) == null;
            case "attribute_type": {
                AttributeValue v = value(call.args().get(0), item), t = value(call.args().get(1), item);
                return v != null && t instanceof AttributeValue.S s && v.type().equals(s.value());
            }
            case "begins_with": {
                AttributeValue v = value(call.args().get(0), item), p = value(call.args().get(1), item);
                if (v instanceof AttributeValue.S s && p instanceof AttributeValue.S ps) return s.value().startsWith(ps.value());
                if (v instanceof AttributeValue.B b && p instanceof AttributeValue.B pb)
                    return b.value().length >= pb.value().length && Arrays.equals(b.value(), 0, pb.value().length, pb.value(), 0, pb.value().length);
                return false;
            }
            case "contains": {
                AttributeValue v = value(call.args().get(0), item), x = value(call.args().get(1), item);
                if (v == null || x == null) return false;
                if (v instanceof AttributeValue.S s && x instanceof AttributeValue.S xs) return s.value().contains(xs.value());
                if (v instanceof AttributeValue.B b && x instanceof AttributeValue.B xb) return indexOf(b.value(), xb.value()) >= 0;
                if (v instanceof AttributeValue.SS ss && x instanceof AttributeValue.S xs) return ss.values().contains(xs.value());
                if (v instanceof AttributeValue.NS ns && x instanceof AttributeValue.N xn) return ns.values().contains(xn.value());
                if (v instanceof AttributeValue.BS bs && x instanceof AttributeValue.B xb) return bs.containsBytes(xb.value());
                if (v instanceof AttributeValue.L l) return l.values().contains(x);
                return false;
            }
            default: return false;
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    static AttributeValue value(Operand o, Map<String, AttributeValue> item) {
        if (o instanceof Path p) return Documents.get(item, p);
        if (o instanceof Operand.Literal l) return l.value();
        if (o instanceof Operand.Function f && f.name().equals("size")) {
            AttributeValue v = value(f.args().get(0), item);
            long size;
            if (v instanceof AttributeValue.S s) size = s.value().length();
            else if (v instanceof AttributeValue.B b) size = b.value().length;
            else if (v instanceof AttributeValue.SS s) size = s.values().size();
            else if (v instanceof AttributeValue.NS s) size = s.values().size();
            else if (v instanceof AttributeValue.BS s) size = s.values().size();
            else if (v instanceof AttributeValue.L l) size = l.values().size();
            else if (v instanceof AttributeValue.M m) size = m.values().size();
            else return null;
            return new AttributeValue.N(BigDecimal.valueOf(size));
        }
        return null;
    }
}
