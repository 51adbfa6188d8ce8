package dev.cruddur.admin.time;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;

/**
 * Relative times: Cruddur frontend's own functions ({@code frontend-react-js/src/lib/DateTimeFormats.js}),
 * reproduced with their quirks, and the admin's compact form for conversation lists.
 */
public final class RelativeTime {

    private static final double MS_PER_HOUR = 3_600_000.0;
    private static final double MS_PER_MINUTE = 60_000.0;

    private RelativeTime() {
    }

    /**
     * Cruddur's {@code message_time_ago(value)}: over 24 hours the broken {@code toFormat("LLL L")} date
     * ("Apr 4" for 15 April), between 1 and 24 hours whole hours ("3h"), under an hour rounded minutes
     * ("5m", "60m" at 59.5 minutes, "-5m" for a time in the future), and "unknown" at exactly 1 or 24 hours.
     */
    public static String cruddurMessageTimeAgo(Instant value, Instant now, ZoneId browserZone) {
        double ms = now.toEpochMilli() - luxonMillis(value);
        double hours = ms / MS_PER_HOUR;
        if (hours > 24.0) return TimeFormats.luxonLllL(value, browserZone);
        if (hours < 24.0 && hours > 1.0) return (long) Math.floor(hours) + "h";
        if (hours < 1.0) return Math.round(ms / MS_PER_MINUTE) + "m";
        return "unknown";
    }

    /**
     * Cruddur's {@code time_ago(value)} as the repository has it: {@code future.diff(now)}, so it counts the
     * time until {@code value} (meant for expiries): "2d", "3h", "5m", and for a past value negative minutes
     * ("-2880m"). At exactly 1 or 24 hours it returns undefined, which React renders as nothing ("").
     */
    public static String cruddurTimeAgo(Instant value, Instant now, ZoneId browserZone) {
        double ms = luxonMillis(value) - now.toEpochMilli();
        double hours = ms / MS_PER_HOUR;
        if (hours > 24.0) return wholeCalendarDays(now, Instant.ofEpochMilli(luxonMillis(value)), browserZone) + "d";
        if (hours < 24.0 && hours > 1.0) return (long) Math.floor(hours) + "h";
        if (hours < 1.0) return Math.round(ms / MS_PER_MINUTE) + "m";
        return "";
    }

    /**
     * The admin's compact relative time, after Cruddur's units but without its mistakes: "just now" under a
     * minute either way, whole minutes "5m", hours "3h" under a day, then days on the calendar "2d" (dates
     * apart, as the transcript's day separators count) up to a week, then the date in
     * {@code zone} ("Apr 15", with the year when it is not the current one: "Apr 15, 2023"). A time more
     * than a minute ahead (clock skew) reads "in 5m", "in 3h", "in 2d".
     */
    public static String compact(Instant value, Instant now, ZoneId zone) {
        Duration ago = Duration.between(value, now);
        if (ago.abs().compareTo(Duration.ofMinutes(1)) < 0) return "just now";
        boolean future = ago.isNegative();
        Duration d = ago.abs();
        // the dates apart on the calendar, as the transcript's day separators count them: a message of
        // Friday 23:00 is "2d" on Sunday at 01:00, never "1d" beside "Friday 4 December"; and under 24
        // hours across a short day (spring forward) it is still "2d" when the separator names a date
        long datesApart = future ? calendarDays(now, value, zone) : calendarDays(value, now, zone);
        String amount;
        if (d.toMinutes() < 60 && datesApart < 2) {
            amount = d.toMinutes() + "m";
        } else if (d.toHours() < 24 && datesApart < 2) {
            amount = d.toHours() + "h";
        } else {
            long days = Math.max(1, datesApart);
            if (days >= 7) return date(value, now, zone);
            amount = days + "d";
        }
        return future ? "in " + amount : amount;
    }

    /** "Apr 15", or "Apr 15, 2023" when the year differs from now's, in {@code zone}. */
    public static String date(Instant value, Instant now, ZoneId zone) {
        ZonedDateTime t = value.atZone(zone);
        String s = TimeFormats.monthName(t.getMonth(), TextStyle.SHORT) + " " + t.getDayOfMonth();
        return t.getYear() == now.atZone(zone).getYear() ? s : s + ", " + t.getYear();
    }

    /** Whole days from {@code earlier} to {@code later} on the calendar of {@code zone}, as luxon's diff counts them. */
    static long wholeCalendarDays(Instant earlier, Instant later, ZoneId zone) {
        return ChronoUnit.DAYS.between(earlier.atZone(zone), later.atZone(zone));
    }

    /** Midnights crossed from {@code earlier} to {@code later} in {@code zone}: dates apart, whatever the hour. */
    public static long calendarDays(Instant earlier, Instant later, ZoneId zone) {
        return ChronoUnit.DAYS.between(earlier.atZone(zone).toLocalDate(), later.atZone(zone).toLocalDate());
    }

    /** luxon keeps milliseconds: it drops the rest of the fraction when it parses. */
    private static long luxonMillis(Instant value) {
        return value.toEpochMilli();
    }
}
