package dev.cruddur.admin.time;

import java.time.Duration;

/** Short English for the lengths of DST shifts. */
final class Durations {
    private Durations() {
    }

    static String words(Duration d) {
        long minutes = Math.abs(d.toMinutes());
        long h = minutes / 60;
        long m = minutes % 60;
        if (h == 0) return m + " minutes";
        if (m == 0) return h == 1 ? "1 hour" : h + " hours";
        return (h == 1 ? "1 hour " : h + " hours ") + m + " minutes";
    }
}
