package dev.cruddur.admin.engine.model;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** One DynamoDB attribute value. Numbers are held normalised (no trailing zeros) so equality is numeric. */
public sealed interface AttributeValue {

    /** The DynamoDB type name: S, N, B, SS, NS, BS, L, M, BOOL, NULL. */
    String type();

    record S(String value) implements AttributeValue {
        public String type() { return "S"; }
    }

    record N(BigDecimal value) implements AttributeValue {
        public N {
            value = Numbers.normalise(value);
        }
        public String type() { return "N"; }
        public String text() { return value.toPlainString(); }
    }

    record B(byte[] value) implements AttributeValue {
        public String type() { return "B"; }
        @Override public boolean equals(Object o) { return o instanceof B b && Arrays.equals(value, b.value); }
        @Override public int hashCode() { return Arrays.hashCode(value); }
        @Override public String toString() { return "B" + Arrays.toString(value); }
    }

    record SS(List<String> values) implements AttributeValue {
        public String type() { return "SS"; }
        @Override public boolean equals(Object o) { return o instanceof SS s && Sets.sameElements(values, s.values); }
        @Override public int hashCode() { return values.size(); }
    }

    record NS(List<BigDecimal> values) implements AttributeValue {
        public String type() { return "NS"; }
        @Override public boolean equals(Object o) { return o instanceof NS s && Sets.sameElements(values, s.values); }
        @Override public int hashCode() { return values.size(); }
    }

    record BS(List<byte[]> values) implements AttributeValue {
        public String type() { return "BS"; }
        public boolean containsBytes(byte[] b) {
            for (byte[] v : values) if (Arrays.equals(v, b)) return true;
            return false;
        }
        @Override public boolean equals(Object o) {
            if (!(o instanceof BS s) || s.values.size() != values.size()) return false;
            for (byte[] v : values) if (!s.containsBytes(v)) return false;
            return true;
        }
        @Override public int hashCode() { return values.size(); }
    }

    record L(List<AttributeValue> values) implements AttributeValue {
        public String type() { return "L"; }
    }

    record M(Map<String, AttributeValue> values) implements AttributeValue {
        public String type() { return "M"; }
    }

    record Bool(boolean value) implements AttributeValue {
        public String type() { return "BOOL"; }
    }

    record Null() implements AttributeValue {
        public String type() { return "NULL"; }
    }

    /** Sets compare without order; small helper kept here so the records stay self-contained. */
    final class Sets {
        private Sets() {}
        static <T> boolean sameElements(List<T> a, List<T> b) {
            return a.size() == b.size() && new java.util.HashSet<>(a).equals(new java.util.HashSet<>(b));
        }
    }
}
