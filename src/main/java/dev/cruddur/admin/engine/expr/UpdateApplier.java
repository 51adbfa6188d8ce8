package dev.cruddur.admin.engine.expr;

import dev.cruddur.admin.engine.model.AttributeValue;
import dev.cruddur.admin.engine.model.Numbers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies update actions to a copy of an item. SET values are all computed against the item as it was
 * before any action, which is what DynamoDB does (SET a = b, b = a swaps).
 */
public final class UpdateApplier {
    private UpdateApplier() {}

    public static Map<String, AttributeValue> apply(List<UpdateAction> actions, Map<String, AttributeValue> original) throws ExpressionException {
        Map<String, AttributeValue> item = deepCopy(original);
        List<AttributeValue> setValues = new ArrayList<>();
        for (UpdateAction a : actions) {
            if (a instanceof UpdateAction.Set s) setValues.add(resolve(s.value(), original));
        }
        // list element removals shift later indexes, so removals of one list run from the highest index down
        List<UpdateAction> ordered = new ArrayList<>(actions);
        ordered.sort((x, y) -> {
            if (x instanceof UpdateAction.Remove && y instanceof UpdateAction.Remove) {
                Object lx = x.path().elements().get(x.path().elements().size() - 1), ly = y.path().elements().get(y.path().elements().size() - 1);
                if (lx instanceof Integer ix && ly instanceof Integer iy) return Integer.compare(iy, ix);
            }
            return 0;
        });
        int setIndex = 0;
        Map<UpdateAction, AttributeValue> setValueOf = new java.util.IdentityHashMap<>();
        for (UpdateAction a : actions) if (a instanceof UpdateAction.Set) setValueOf.put(a, setValues.get(setIndex++));
        List<AttributeValue.L> appendedLists = new ArrayList<>();
        for (UpdateAction a : ordered) {
            Path path = a.path();
            Object last = path.elements().get(path.elements().size() - 1);
            AttributeValue parent = parentOf(item, path);
            if (parent == null || (last instanceof Integer ? !(parent instanceof AttributeValue.L) : !(parent instanceof AttributeValue.M)))
                throw new ExpressionException("The document path provided in the update expression is invalid for update");
            AttributeValue existing = childOf(parent, last);
            if (a instanceof UpdateAction.Remove) {
                removeChild(parent, last);
            } else if (a instanceof UpdateAction.Set) {
                putChild(parent, last, setValueOf.get(a), appendedLists);
            } else if (a instanceof UpdateAction.Add add) {
                AttributeValue v = add.value().value();
                if (existing == null) {
                    putChild(parent, last, v, appendedLists);
                } else if (existing instanceof AttributeValue.N n && v instanceof AttributeValue.N d) {
                    putChild(parent, last, new AttributeValue.N(arithmetic(n.value().add(d.value()))), appendedLists);
                } else if (existing.getClass() == v.getClass() && isSet(v)) {
                    putChild(parent, last, union(existing, v), appendedLists);
                } else {
                    throw new ExpressionException("An operand in the update expression has an incorrect data type");
                }
            } else if (a instanceof UpdateAction.Delete del) {
                AttributeValue v = del.value().value();
                if (existing == null) continue;
                if (existing.getClass() != v.getClass())
                    throw new ExpressionException("An operand in the update expression has an incorrect data type");
                AttributeValue rest = difference(existing, v);
                if (rest == null) removeChild(parent, last); else putChild(parent, last, rest, appendedLists);
            }
        }
        return item;
    }

    private static BigDecimal arithmetic(BigDecimal result) throws ExpressionException {
        try {
            return Numbers.parse(result.toPlainString());
        } catch (Numbers.InvalidNumber e) {
            throw new ExpressionException(e.getMessage());
        }
    }

    private static boolean isSet(AttributeValue v) {
        return v instanceof AttributeValue.SS || v instanceof AttributeValue.NS || v instanceof AttributeValue.BS;
    }

    private static AttributeValue union(AttributeValue a, AttributeValue b) {
        if (a instanceof AttributeValue.SS x && b instanceof AttributeValue.SS y) {
            List<String> l = new ArrayList<>(x.values());
            for (String s : y.values()) if (!l.contains(s)) l.add(s);
            return new AttributeValue.SS(List.copyOf(l));
        }
        if (a instanceof AttributeValue.NS x && b instanceof AttributeValue.NS y) {
            List<BigDecimal> l = new ArrayList<>(x.values());
            for (BigDecimal s : y.values()) if (!l.contains(s)) l.add(s);
            return new AttributeValue.NS(List.copyOf(l));
        }
        AttributeValue.BS x = (AttributeValue.BS) a, y = (AttributeValue.BS) b;
        List<byte[]> l = new ArrayList<>(x.values());
        for (byte[] s : y.values()) if (!x.containsBytes(s)) l.add(s);
        return new AttributeValue.BS(List.copyOf(l));
    }

    /** The set without the removed elements, or null when nothing is left (DynamoDB has no empty sets). */
    private static AttributeValue difference(AttributeValue a, AttributeValue b) {
        if (a instanceof AttributeValue.SS x && b instanceof AttributeValue.SS y) {
            List<String> l = new ArrayList<>(x.values());
            l.removeAll(y.values());
            return l.isEmpty() ? null : new AttributeValue.SS(List.copyOf(l));
        }
        if (a instanceof AttributeValue.NS x && b instanceof AttributeValue.NS y) {
            List<BigDecimal> l = new ArrayList<>(x.values());
            l.removeAll(y.values());
            return l.isEmpty() ? null : new AttributeValue.NS(List.copyOf(l));
        }
        AttributeValue.BS x = (AttributeValue.BS) a, y = (AttributeValue.BS) b;
        List<byte[]> l = new ArrayList<>();
        for (byte[] s : x.values()) if (!y.containsBytes(s)) l.add(s);
        return l.isEmpty() ? null : new AttributeValue.BS(List.copyOf(l));
    }

    private static AttributeValue resolve(Operand o, Map<String, AttributeValue> item) throws ExpressionException {
        if (o instanceof Operand.Literal l) return l.value();
        if (o instanceof Path p) {
            AttributeValue v = Documents.get(item, p);
            if (v == null) throw new ExpressionException("The provided expression refers to an attribute that does not exist in the item");
            return v;
        }
        if (o instanceof Operand.Arithmetic a) {
            AttributeValue x = resolve(a.left(), item);
            if (!(x instanceof AttributeValue.N nx)) throw new ExpressionException("An operand in the update expression has an incorrect data type");
            AttributeValue y = resolve(a.right(), item);
            if (!(y instanceof AttributeValue.N ny)) throw new ExpressionException("An operand in the update expression has an incorrect data type");
            return new AttributeValue.N(arithmetic(a.operator() == '+' ? nx.value().add(ny.value()) : nx.value().subtract(ny.value())));
        }
        Operand.Function f = (Operand.Function) o;
        if (f.name().equals("if_not_exists")) {
            AttributeValue v = Documents.get(item, (Path) f.args().get(0));
            return v != null ? v : resolve(f.args().get(1), item);
        }
        AttributeValue x = resolve(f.args().get(0), item);
        if (!(x instanceof AttributeValue.L lx)) throw new ExpressionException("An operand in the update expression has an incorrect data type");
        AttributeValue y = resolve(f.args().get(1), item);
        if (!(y instanceof AttributeValue.L ly)) throw new ExpressionException("An operand in the update expression has an incorrect data type");
        List<AttributeValue> joined = new ArrayList<>(lx.values());
        joined.addAll(ly.values());
        return new AttributeValue.L(joined);
    }

    private static AttributeValue parentOf(Map<String, AttributeValue> item, Path path) {
        AttributeValue current = new AttributeValue.M(item);
        for (int i = 0; i < path.elements().size() - 1 && current != null; i++) current = childOf(current, path.elements().get(i));
        return current;
    }

    private static AttributeValue childOf(AttributeValue parent, Object step) {
        if (step instanceof Integer i) return parent instanceof AttributeValue.L l && i < l.values().size() ? l.values().get(i) : null;
        return parent instanceof AttributeValue.M m ? m.values().get((String) step) : null;
    }

    private static void removeChild(AttributeValue parent, Object step) {
        if (step instanceof Integer i) {
            List<AttributeValue> l = ((AttributeValue.L) parent).values();
            if (i < l.size()) l.remove((int) i);
        } else {
            ((AttributeValue.M) parent).values().remove((String) step);
        }
    }

    /** Setting past the end of a list appends, as DynamoDB does. */
    private static void putChild(AttributeValue parent, Object step, AttributeValue value, List<AttributeValue.L> appended) {
        if (step instanceof Integer i) {
            List<AttributeValue> l = ((AttributeValue.L) parent).values();
            if (i < l.size()) l.set(i, value); else l.add(value);
        } else {
            ((AttributeValue.M) parent).values().put((String) step, value);
        }
    }

    public static Map<String, AttributeValue> deepCopy(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> copy = new LinkedHashMap<>();
        item.forEach((k, v) -> copy.put(k, deepCopy(v)));
        return copy;
    }

    private static AttributeValue deepCopy(AttributeValue v) {
        if (v instanceof AttributeValue.M m) return new AttributeValue.M(deepCopy(m.values()));
        if (v instanceof AttributeValue.L l) {
            List<AttributeValue> copy = new ArrayList<>(l.values().size());
            for (AttributeValue x : l.values()) copy.add(deepCopy(x));
            return new AttributeValue.L(copy);
        }
        return v;
    }
}
