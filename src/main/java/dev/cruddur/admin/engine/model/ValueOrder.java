package dev.cruddur.admin.engine.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

/** DynamoDB's ordering of scalar values: S by UTF-8 bytes, N numerically, B as unsigned bytes. */
public final class ValueOrder {
    private ValueOrder() {}

    public static final Comparator<AttributeValue> KEYS = ValueOrder::compareSameType;

    /** True when both are the same scalar type (S, N or B), the only case where &lt; and &gt; apply. */
    public static boolean comparable(AttributeValue a, AttributeValue b) {
        return a != null && b != null && a.getClass() == b.getClass()
                && (a instanceof AttributeValue.S || a instanceof AttributeValue.N || a instanceof AttributeValue.B);
    }

    public static int compareSameType(AttributeValue a, AttributeValue b) {
        if (a instanceof AttributeValue.S sa && b instanceof AttributeValue.S sb) return compareStrings(sa.value(), sb.value());
        if (a instanceof AttributeValue.N na && b instanceof AttributeValue.N nb) return na.value().compareTo(nb.value());
        if (a instanceof AttributeValue.B ba && b instanceof AttributeValue.B bb) return Arrays.compareUnsigned(ba.value(), bb.value());
        throw new IllegalArgumentException("not comparable: " + a + " " + b);
    }

    /**
     * UTF-8 byte order equals code point order; Java's String.compareTo is UTF-16 order, which differs
     * for characters above U+FFFF against U+E000..U+FFFF, so compare code points.
     */
    public static int compareStrings(String a, String b) {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i), cb = b.charAt(j);
            if (ca == cb) { i++; j++; continue; }
            if (!Character.isSurrogate(ca) && !Character.isSurrogate(cb)) return ca - cb;
            int pa = a.codePointAt(i), pb = b.codePointAt(j);
            if (pa != pb) return Integer.compare(pa, pb);
            i += Character.charCount(pa);
            j += Character.charCount(pb);
        }
        return (a.length() - i) - (b.length() - j);
    }

    public static byte[] utf8(String s) { return s.getBytes(StandardCharsets.UTF_8); }
}
