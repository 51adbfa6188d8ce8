package dev.cruddur.admin.ui.browser;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cruddur.admin.app.browse.AttributeDates;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A plain attribute value (as {@code PlainValues} gives it) as one line of text for a table cell:
 * strings as they are, numbers without exponent, BOOL as true/false, NULL as {@code NULL}, binary
 * as base64, lists, maps and sets as compact JSON. A missing attribute is the empty string.
 */
public final class ValueText {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    static final int MAX_CELL_CHARS = 300;

    private ValueText() {}

    /** The cell text of attribute {@code name} of {@code item}. */
    public static String cell(Map<String, Object> item, String name) {
        if (!item.containsKey(name)) return "";
        String text = of(item.get(name));
        return text.length() > MAX_CELL_CHARS ? text.substring(0, MAX_CELL_CHARS) + "…" : text;
    }

    public static String of(Object value) {
        if (value == null) return "NULL";
        if (value instanceof String s) return s;
        if (value instanceof BigDecimal d) return d.toPlainString();
        if (value instanceof Number || value instanceof Boolean) return value.toString();
        if (value instanceof byte[] b) return Base64.getEncoder().encodeToString(b);
        return json(value);
    }

    /** The type DynamoDB would name, for a tooltip: S, N, B, BOOL, NULL, L, M, SS, NS, BS. */
    public static String typeOf(Object value) {
        if (value == null) return "NULL";
        if (value instanceof String) return "S";
        if (value instanceof Number) return "N";
        if (value instanceof byte[]) return "B";
        if (value instanceof Boolean) return "BOOL";
        if (value instanceof Map<?, ?>) return "M";
        if (value instanceof Set<?> set) {
            Object first = set.isEmpty() ? null : set.iterator().next();
            return first instanceof Number ? "NS" : first instanceof byte[] ? "BS" : "SS";
        }
        if (value instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(e -> e instanceof byte[])) return "BS";
        return "L";
    }

    /** The value as a date in {@code zone} when it is a timestamp or an epoch number. */
    public static Optional<String> date(Object value, ZoneId zone) {
        if (value instanceof Collection<?> || value instanceof Map<?, ?>) return Optional.empty();
        return AttributeDates.asDate(value, zone);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(normalise(value));
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    /** Binary becomes base64, sets become arrays. */
    private static Object normalise(Object value) {
        if (value instanceof byte[] b) return Base64.getEncoder().encodeToString(b);
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), normalise(v)));
            return out;
        }
        if (value instanceof Collection<?> c) return c.stream().map(ValueText::normalise).toList();
        return value;
    }
}
