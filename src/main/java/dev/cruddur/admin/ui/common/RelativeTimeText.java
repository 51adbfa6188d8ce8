package dev.cruddur.admin.ui.common;

import dev.cruddur.admin.domain.SortKeyTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times as Cruddur's frontend shows them in lists: minutes, hours, days, then a date. A stand-in
 * until {@code dev.cruddur.admin.time.RelativeTime} is merged from the time branch.
 */
public final class RelativeTimeText {
    private static final DateTimeFormatter SAME_YEAR = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);
    private static final DateTimeFormatter OTHER_YEAR = DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter FULL_LOCAL = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, HH:mm:ss", Locale.ENGLISH);
    private static final DateTimeFormatter FULL_UTC = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS 'UTC'", Locale.ROOT);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private RelativeTimeText() {}

    /** "now", "5m", "3h", "2d" (under a week), then "Nov 18" or "Nov 18, 2025". */
    public static String of(Instant then, Instant now, ZoneId zone) {
        Duration ago = Duration.between(then, now);
        if (ago.isNegative()) ago = Duration.ZERO;
        if (ago.toMinutes() < 1) return "now";
        if (ago.toHours() < 1) return ago.toMinutes() + "m";
        if (ago.toDays() < 1) return ago.toHours() + "h";
        if (ago.toDays() < 7) return ago.toDays() + "d";
        ZonedDateTime t = then.atZone(zone);
        return (t.getYear() == now.atZone(zone).getYear() ? SAME_YEAR : OTHER_YEAR).format(t);
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
