package dev.cruddur.admin.app.browse;

import dev.cruddur.admin.time.ParseOutcome;
import dev.cruddur.admin.time.ParsedTime;
import dev.cruddur.admin.time.TimeParser;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An attribute value shown as a date in the zone the person chose, when it is one: an epoch number
 * (seconds, milliseconds or microseconds, as {@link TimeParser} tells them apart) or a timestamp
 * string in any form Cruddur's stack writes. Numbers are taken as dates only between 2000 and 2100,
 * so counts and prices are not shown as days of 1970.
 */
public final class AttributeDates {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS xxx '['VV']'", Locale.ROOT);
    private static final Instant FROM = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2100-01-01T00:00:00Z");
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    private static final Pattern LOOKS_LIKE_TIME = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}|[A-Za-z]{3}, \\d{2} ).*");

    private AttributeDates() {}

    /** The value (a plain value from the browser) as a date in {@code zone}, or empty when it is none. */
    public static Optional<String> asDate(Object value, ZoneId zone) {
        if (value instanceof BigDecimal || value instanceof Long || value instanceof Integer) return epoch(value.toString(), zone);
        if (!(value instanceof String text) || text.isBlank()) return Optional.empty();
        String t = text.strip();
        if (NUMBER.matcher(t).matches()) return epoch(t, zone);
        if (!LOOKS_LIKE_TIME.matcher(t).matches()) return Optional.empty();
        ParseOutcome outcome = TimeParser.parse(t);
        if (!(outcome instanceof ParseOutcome.Parsed parsed)) return Optional.empty();
        ParsedTime time = parsed.time();
        return Optional.of(SHOWN.format(time.instant().atZone(zone)) + (time.naive() ? " (no offset: read as UTC)" : ""));
    }

    private static Optional<String> epoch(String number, ZoneId zone) {
        ParseOutcome outcome = TimeParser.parse(number);
        if (!(outcome instanceof ParseOutcome.Parsed parsed)) return Optional.empty();
        Instant at = parsed.time().instant();
        if (at.isBefore(FROM) || !at.isBefore(TO)) return Optional.empty();
        return Optional.of(SHOWN.format(at.atZone(zone)) + " (" + parsed.time().form().label() + ")");
    }
}
