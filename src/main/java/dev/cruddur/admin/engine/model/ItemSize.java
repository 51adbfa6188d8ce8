package dev.cruddur.admin.engine.model;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Item sizes as DynamoDB counts them (names plus values); used for the 400 KB item limit,
 * the 1 MB page limit and consumed capacity. Mirrors dynalite's arithmetic so page boundaries agree.
 */
public final class ItemSize {
    private ItemSize() {}

    public static final int MAX_ITEM_SIZE = 400 * 1024;

    public static int of(Map<String, AttributeValue> item) { return of(item, false, null); }

    /** The "compressed" size with metadata dynalite uses to decide where a 1 MB page ends. */
    public static int pageSize(Map<String, AttributeValue> item, String rangeKey) {
        int[] rangeKeySize = {0};
        int size = sum(item, true, rangeKey, rangeKeySize);
        return 2 + size + ((1 + (1 + size) / 3072) * (18 + rangeKeySize[0]));
    }

    private static int of(Map<String, AttributeValue> item, boolean compress, String rangeKey) {
        return sum(item, compress, rangeKey, new int[1]);
    }

    private static int sum(Map<String, AttributeValue> item, boolean compress, String rangeKey, int[] rangeKeySize) {
        int total = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            boolean isRange = compress && e.getKey().equals(rangeKey);
            int size = withStorage(e.getValue(), compress && !isRange);
            if (isRange) { rangeKeySize[0] = size; continue; }
            total += size + (compress ? 1 : e.getKey().length());
        }
        return total;
    }

    private static int withStorage(AttributeValue v, boolean compress) {
        int size = size(v, compress);
        if (!compress) return size;
        if (v instanceof AttributeValue.S) return size + (size < 128 ? 1 : size < 16384 ? 2 : 3);
        if (v instanceof AttributeValue.B || v instanceof AttributeValue.N) return size + 1;
        if (v instanceof AttributeValue.SS s) return size + s.values().size() + 1;
        if (v instanceof AttributeValue.NS s) return size + s.values().size() + 1;
        if (v instanceof AttributeValue.BS s) return size + s.values().size() + 1;
        if (v instanceof AttributeValue.Null) return 0;
        if (v instanceof AttributeValue.Bool) return 1;
        return size;
    }

    public static int size(AttributeValue v, boolean compress) {
        if (v instanceof AttributeValue.S s) return utf8Length(s.value());
        if (v instanceof AttributeValue.B b) return b.value().length;
        if (v instanceof AttributeValue.N n) return numberSize(n.value());
        if (v instanceof AttributeValue.SS s) return s.values().stream().mapToInt(String::length).sum();
        if (v instanceof AttributeValue.BS s) return s.values().stream().mapToInt(b -> b.length).sum();
        if (v instanceof AttributeValue.NS s) return s.values().stream().mapToInt(ItemSize::numberSize).sum();
        if (v instanceof AttributeValue.Null || v instanceof AttributeValue.Bool) return 1;
        if (v instanceof AttributeValue.L l) {
            int t = 3;
            for (AttributeValue x : l.values()) t += 1 + withStorage(x, compress);
            return t;
        }
        AttributeValue.M m = (AttributeValue.M) v;
        return 3 + m.values().size() + of(m.values(), compress, null);
    }

    private static int numberSize(BigDecimal d) {
        if (d.signum() == 0) return 1;
        BigDecimal s = d.stripTrailingZeros();
        int digits = s.precision();
        int exponent = s.precision() - s.scale() - 1;
        return 1 + (digits + 1) / 2 + (digits % 2 != 0 || exponent % 2 != 0 ? 0 : 1) + (d.signum() < 0 ? 1 : 0);
    }

    /** UTF-8 length without allocating: DynamoDB counts strings in UTF-8 bytes. */
    public static int utf8Length(String s) {
        int n = s.length(), bytes = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) bytes += 1;
                else if (Character.isHighSurrogate(c)) { bytes += 2; i++; }
                else bytes += 2;
            }
        }
        return bytes;
    }
}
