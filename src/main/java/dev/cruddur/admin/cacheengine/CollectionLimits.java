package dev.cruddur.admin.cacheengine;

import com.google.protobuf.ByteString;
import java.util.Collection;

/** Momento's per-element limit on collections (its docs: 128 KB a field, value or element). */
final class CollectionLimits {
    static final int MAX_ELEMENT_BYTES = 128 * 1024;

    private CollectionLimits() {}

    /** Checks each element and returns their total bytes (the most a write can add). */
    static long requireElements(Collection<ByteString> elements) {
        long total = 0;
        for (ByteString element : elements) {
            total += requireElement(element);
        }
        return total;
    }

    static long requireElement(ByteString element) {
        if (element.size() > MAX_ELEMENT_BYTES) {
            throw EngineRefusal.elementTooLarge(element.size(), MAX_ELEMENT_BYTES);
        }
        return element.size();
    }

    /**
     * A {@code [start, end)} slice as Python's: a negative index counts from the end, both are
     * clamped to the list, and an end before the start is an empty slice. Returns {from, to}.
     */
    static int[] slice(int length, Integer start, Integer end) {
        int from = start == null ? 0 : start < 0 ? Math.max(0, length + start) : Math.min(start, length);
        int to = end == null ? length : end < 0 ? Math.max(0, length + end) : Math.min(end, length);
        return new int[] {from, Math.max(from, to)};
    }
}
