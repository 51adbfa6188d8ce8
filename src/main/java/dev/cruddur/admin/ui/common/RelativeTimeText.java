package dev.cruddur.admin.ui.common;

import dev.cruddur.admin.time.RelativeTime;
import dev.cruddur.admin.domain.SortKeyTime;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as the window shows them: relative in lists, clock time in the transcript, the full story in tooltips. */
public final class RelativeTimeText {
    private static final DateTimeFormatter FULL_LOCAL = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, HH:mm:ss", Locale.ENGLISH);
    private static final DateTimeFormatter FULL_UTC = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS 'UTC'", Locale.ROOT);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private RelativeTimeText() {}

    /** "just now", "5m", "3h", "2d" (under a week), then "Nov 18" or "Nov 18, 2025": {@link RelativeTime#compact}. */
    public static String of(Instant then, Instant now, ZoneId zone) {
        return RelativeTime.compact(then, now, zone);
    }

    public static String of(SortKeyTime time, Instant now, ZoneId zone) {
        return time.instant().map(i -> of(i, now, zone)).orElse("?");
    }

    /** The transcript's clock time in the local zone. */
    public static String clock(SortKeyTime time, ZoneId zone) {
        return time.instant().map(i -> CLOCK.format(i.atZone(zone))).orElse("??:??");
    }

    /** The full story for a tooltip: local date and zone, UTC, and the raw sort key. */
    public static String tooltip(SortKeyTime time, ZoneId zone) {
        if (time.instant().isEmpty()) return "Not a readable timestamp\nsk: " + time.raw();
        Instant i = time.instant().get();
        return FULL_LOCAL.format(i.atZone(zone)) + " (" + zone.getId() + ")\n"
                + FULL_UTC.format(i.atZone(ZoneOffset.UTC)) + "\nsk: " + time.raw()
                + (time.isCanonical() ? "" : "  (" + time.form().label() + ")");
    }
}
