package dev.cruddur.admin.cacheengine;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.TreeSet;

/**
 * What one key holds: a scalar or one of Momento's collections. A collection is changed in
 * place (under the storage's lock) and keeps the count of its bytes as it changes, so the
 * memory bound never has to walk it.
 */
sealed interface ItemValue {

    /** Bytes of the value: elements, fields and values (a sorted set's scores count 8 each). */
    long bytes();

    /** The name Momento's errors and {@code ItemGetType} use. */
    String typeName();

    record Scalar(ByteString value) implements ItemValue {
        @Override
        public long bytes() {
            return value.size();
        }

        @Override
        public String typeName() {
            return "scalar";
        }
    }

    final class Dictionary implements ItemValue {
        final LinkedHashMap<ByteString, ByteString> fields = new LinkedHashMap<>();
        private long bytes;

        void put(ByteString field, ByteString value) {
            ByteString old = fields.put(field, value);
            bytes += field.size() + value.size() - (old == null ? 0 : field.size() + old.size());
        }

        void remove(ByteString field) {
            ByteString old = fields.remove(field);
            if (old != null) {
                bytes -= field.size() + old.size();
            }
        }

        @Override
        public long bytes() {
            return bytes;
        }

        @Override
        public String typeName() {
            return "dictionary";
        }
    }

    final class ListValue implements ItemValue {
        final ArrayList<ByteString> values = new ArrayList<>();
        private long bytes;

        void addFront(ByteString value) {
            values.add(0, value);
            bytes += value.size();
        }

        void addBack(ByteString value) {
            values.add(value);
            bytes += value.size();
        }

        ByteString removeAt(int index) {
            ByteString gone = values.remove(index);
            bytes -= gone.size();
            return gone;
        }

        /** Keeps {@code [from, to)} only. */
        void retain(int from, int to) {
            var kept = new ArrayList<>(values.subList(from, to));
            values.clear();
            values.addAll(kept);
            bytes = kept.stream().mapToLong(ByteString::size).sum();
        }

        int removeAll(ByteString value) {
            int before = values.size();
            values.removeIf(value::equals);
            int removed = before - values.size();
            bytes -= (long) removed * value.size();
            return removed;
        }

        @Override
        public long bytes() {
            return bytes;
        }

        @Override
        public String typeName() {
            return "list";
        }
    }

    final class SetValue implements ItemValue {
        final LinkedHashSet<ByteString> elements = new LinkedHashSet<>();
        private long bytes;

        void add(ByteString element) {
            if (elements.add(element)) {
                bytes += element.size();
            }
        }

        void remove(ByteString element) {
            if (elements.remove(element)) {
                bytes -= element.size();
            }
        }

        @Override
        public long bytes() {
            return bytes;
        }

        @Override
        public String typeName() {
            return "set";
        }
    }

    /** Elements ordered by score, then by their bytes (unsigned), as Momento orders equal scores. */
    final class SortedSetValue implements ItemValue {
        record Element(ByteString value, double score) {}

        static final Comparator<Element> ORDER = Comparator.comparingDouble(Element::score)
                .thenComparing(Element::value, ByteString.unsignedLexicographicalComparator());

        final Map<ByteString, Double> scores = new HashMap<>();
        final TreeSet<Element> ordered = new TreeSet<>(ORDER);
        private long bytes;

        void put(ByteString value, double score) {
            Double old = scores.put(value, score);
            if (old != null) {
                ordered.remove(new Element(value, old));
            } else {
                bytes += value.size() + Double.BYTES;
            }
            ordered.add(new Element(value, score));
        }

        void remove(ByteString value) {
            Double old = scores.remove(value);
            if (old != null) {
                ordered.remove(new Element(value, old));
                bytes -= value.size() + Double.BYTES;
            }
        }

        @Override
        public long bytes() {
            return bytes;
        }

        @Override
        public String typeName() {
            return "sorted set";
        }
    }

    /** Whether a collection has become empty (Momento removes an emptied collection). */
    static boolean isEmptyCollection(ItemValue value) {
        if (value instanceof Dictionary d) return d.fields.isEmpty();
        if (value instanceof ListValue l) return l.values.isEmpty();
        if (value instanceof SetValue s) return s.elements.isEmpty();
        if (value instanceof SortedSetValue z) return z.scores.isEmpty();
        return false;
    }
}
