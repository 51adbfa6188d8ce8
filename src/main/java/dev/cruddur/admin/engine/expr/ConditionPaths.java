package dev.cruddur.admin.engine.expr;

import java.util.ArrayList;
import java.util.List;

/** The document paths a condition reads; used to refuse key attributes where DynamoDB refuses them. */
public final class ConditionPaths {
    private ConditionPaths() {}

    public static List<Path> of(Condition c) {
        List<Path> out = new ArrayList<>();
        collect(c, out);
        return out;
    }

    private static void collect(Condition c, List<Path> out) {
        if (c instanceof Condition.And a) { collect(a.left(), out); collect(a.right(), out); }
        else if (c instanceof Condition.Or o) { collect(o.left(), out); collect(o.right(), out); }
        else if (c instanceof Condition.Not n) collect(n.inner(), out);
        else if (c instanceof Condition.Compare cmp) { operand(cmp.left(), out); operand(cmp.right(), out); }
        else if (c instanceof Condition.Between b) { operand(b.value(), out); operand(b.low(), out); operand(b.high(), out); }
        else if (c instanceof Condition.In in) { operand(in.value(), out); in.candidates().forEach(o -> operand(o, out)); }
        else if (c instanceof Condition.Call call) call.args().forEach(o -> operand(o, out));
    }

    private static void operand(Operand o, List<Path> out) {
        if (o instanceof Path p) out.add(p);
        else if (o instanceof Operand.Function f) f.args().forEach(a -> operand(a, out));
    }
}
