package dev.cruddur.admin.engine.expr;

import dev.cruddur.admin.engine.model.AttributeValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Cuts an item down to the paths of a ProjectionExpression (or of UPDATED_OLD/UPDATED_NEW). */
public final class Projector {
    private Projector() {}

    public static Map<String, AttributeValue> project(Map<String, AttributeValue> item, List<Path> paths) {
        // build a tree of wanted steps, then copy what exists; list elements keep their relative order
        Node root = new Node();
        for (Path p : paths) {
            Node n = root;
            for (Object step : p.elements()) n = n.children.computeIfAbsent(step, k -> new Node());
            n.whole = true;
        }
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        for (Map.Entry<Object, Node> e : root.children.entrySet()) {
            AttributeValue v = item.get((String) e.getKey());
            AttributeValue cut = v == null ? null : cut(v, e.getValue());
            if (cut != null) out.put((String) e.getKey(), cut);
        }
        return out;
    }

    private static AttributeValue cut(AttributeValue v, Node node) {
        if (node.whole) return v;
        if (v instanceof AttributeValue.M m) {
            Map<String, AttributeValue> out = new LinkedHashMap<>();
            for (Map.Entry<Object, Node> e : node.children.entrySet()) {
                if (!(e.getKey() instanceof String name)) continue;
                AttributeValue c = m.values().get(name);
                AttributeValue cut = c == null ? null : cut(c, e.getValue());
                if (cut != null) out.put(name, cut);
            }
            return out.isEmpty() ? null : new AttributeValue.M(out);
        }
        if (v instanceof AttributeValue.L l) {
            List<AttributeValue> out = new ArrayList<>();
            TreeMap<Integer, Node> indexes = new TreeMap<>();
            node.children.forEach((k, n) -> { if (k instanceof Integer i) indexes.put(i, n); });
            for (Map.Entry<Integer, Node> e : indexes.entrySet()) {
                if (e.getKey() >= l.values().size()) continue;
                AttributeValue cut = cut(l.values().get(e.getKey()), e.getValue());
                if (cut != null) out.add(cut);
            }
            return out.isEmpty() ? null : new AttributeValue.L(out);
        }
        return null;
    }

    private static final class Node {
        final Map<Object, Node> children = new LinkedHashMap<>();
        boolean whole;
    }
}
