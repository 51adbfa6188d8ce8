package dev.cruddur.admin.store;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Attribute values as plain Java values, so layers above the store never see SDK types:
 * S → String, N → BigDecimal, B → byte[], BOOL → Boolean, NULL → null, L → List, M → Map,
 * SS/NS/BS → Set.
 */
public final class PlainValues {
    private PlainValues() {}

    public static Map<String, Object> item(Map<String, AttributeValue> item) {
        Map<String, Object> out = new LinkedHashMap<>();
        // keys first, then the rest by name: the order a person expects to read an item in
        TreeMap<String, AttributeValue> sorted = new TreeMap<>(item);
        for (String key : List.of("pk", "sk")) if (sorted.containsKey(key)) out.put(key, value(sorted.remove(key)));
        sorted.forEach((k, v) -> out.put(k, value(v)));
        return out;
    }

    public static Object value(AttributeValue v) {
        return switch (v.type()) {
            case S -> v.s();
            case N -> new BigDecimal(v.n());
            case B -> v.b().asByteArray();
            case BOOL -> v.bool();
            case NUL -> null;
            case L -> {
                List<Object> list = new ArrayList<>();
                for (AttributeValue e : v.l()) list.add(value(e));
                yield list;
            }
            case M -> item(v.m());
            case SS -> new LinkedHashSet<>(v.ss());
            case NS -> {
                LinkedHashSet<BigDecimal> set = new LinkedHashSet<>();
                v.ns().forEach(n -> set.add(new BigDecimal(n)));
                yield set;
            }
            case BS -> {
                List<byte[]> set = new ArrayList<>();
                v.bs().forEach(b -> set.add(b.asByteArray()));
                yield set;
            }
            default -> String.valueOf(v);
        };
    }
}
