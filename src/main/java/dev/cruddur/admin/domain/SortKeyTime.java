package dev.cruddur.admin.domain;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A timestamp as stored in a sort key: the raw string, and the instant it denotes when it can be read.
 *
 * <p>Sort keys are compared as strings, so the project writes one canonical form only: UTC in
 * Python's {@code isoformat()} shape with six fraction digits and {@code +00:00}. It reads every
 * form Cruddur's stack has produced (data-model.md); a value without an offset is taken as UTC and
 * flagged naive.
 */
public record SortKeyTime(String raw, Optional<Instant> instant, Form form, int fractionDigits) {

    /** The forms a stored timestamp is found in. */
    public enum Form {
        /** {@code 2026-11-25T08:15:00.000000+00:00}: what the project writes. */
        CANONICAL("canonical"),
        /** ISO 8601 in UTC written with {@code Z}. */
        UTC_Z("ISO with Z"),
        /** ISO 8601 with an offset, or {@code +00:00} with a precision other than six digits. */
        OFFSET("ISO with offset"),
        /** Postgres {@code timestamptz} as psql prints it: a space, and {@code +00} or {@code +05:30}. */
        POSTGRES_TZ("Postgres timestamptz"),
        /** No offset at all (Python's naive {@code isoformat()}, Postgres {@code timestamp}): taken as UTC. */
        NAIVE("naive (no offset)"),
        /** An HTTP date, as Flask's JSON encoder writes a datetime. */
        HTTP_DATE("HTTP date"),
        /** Not a timestamp in any known form. */
        UNREADABLE("not a timestamp");

        private final String label;

        Form(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static final DateTimeFormatter CANONICAL_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'+00:00'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}(?::\\d{2})?)(?:[.,](\\d{1,9}))?\\s*(Z|z|[+-]\\d{2}(?::?\\d{2})?)?");

    private static final DateTimeFormatter HTTP_DATE = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("EEE, dd MMM yyyy HH:mm:ss")
            .appendLiteral(' ')
            .appendZoneText(java.time.format.TextStyle.SHORT)
            .toFormatter(Locale.ENGLISH);

    /** Orders by instant, unreadable values last, ties by the raw string. */
    public static final Comparator<SortKeyTime> BY_INSTANT = Comparator
            .comparing((SortKeyTime t) -> t.instant().orElse(Instant.MAX))
            .thenComparing(SortKeyTime::raw);

    public static SortKeyTime of(Instant instant) {
        return new SortKeyTime(canonical(instant), Optional.of(instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS)),
                Form.CANONICAL, 6);
    }

    /**
     * The canonical sort key of an instant (microsecond precision, as Python keeps). Only years 1 to
     * 9999 have one: it is Python's {@code isoformat()}, which holds no other year, and a longer year
     * ({@code +10000-…}) would sort before every other key.
     *
     * @throws IllegalArgumentException for an instant outside years 1 to 9999 (UTC)
     */
    public static String canonical(Instant instant) {
        return canonicalIfAny(instant).orElseThrow(() -> new IllegalArgumentException(
                instant + " has no sort key: keys hold years 1 to 9999, as Python's datetime does."));
    }

    /** The canonical sort key, or empty outside years 1 to 9999. */
    public static Optional<String> canonicalIfAny(Instant instant) {
        int year = instant.atOffset(ZoneOffset.UTC).getYear();
        return year < 1 || year > 9999 ? Optional.empty() : Optional.of(CANONICAL_FORMAT.format(instant));
    }

    /** Reads any of the known forms; never throws. */
    public static SortKeyTime parse(String raw) {
        if (raw == null) return new SortKeyTime("", Optional.empty(), Form.UNREADABLE, 0);
        SortKeyTime canonical = parseCanonical(raw);
        if (canonical != null) return canonical;
        String text = raw.strip();
        Matcher m = ISO.matcher(text);
        if (m.matches()) {
            try {
                String fraction = m.group(3) == null ? "" : m.group(3);
                String time = m.group(2).length() == 5 ? m.group(2) + ":00" : m.group(2);
                LocalDateTime local = LocalDateTime.parse(m.group(1) + "T" + time
                        + (fraction.isEmpty() ? "" : "." + fraction));
                String offset = m.group(4);
                if (offset == null) {
                    return new SortKeyTime(raw, Optional.of(local.toInstant(ZoneOffset.UTC)), Form.NAIVE, fraction.length());
                }
                ZoneOffset zone = offset.equalsIgnoreCase("Z") ? ZoneOffset.UTC : ZoneOffset.of(normaliseOffset(offset));
                Instant instant = local.toInstant(zone);
                boolean space = text.charAt(10) == ' ';
                Form form;
                if (offset.equalsIgnoreCase("Z")) form = Form.UTC_Z;
                else if (space) form = Form.POSTGRES_TZ;
                else if (canonicalIfAny(instant).filter(raw::equals).isPresent()) form = Form.CANONICAL;
                else form = Form.OFFSET;
                return new SortKeyTime(raw, Optional.of(instant), form, fraction.length());
            } catch (DateTimeException e) {
                return new SortKeyTime(raw, Optional.empty(), Form.UNREADABLE, 0);
            }
        }
        try {
            ZonedDateTime http = ZonedDateTime.parse(text, HTTP_DATE);
            return new SortKeyTime(raw, Optional.of(http.toInstant()), Form.HTTP_DATE, 0);
        } catch (DateTimeException e) {
            return new SortKeyTime(raw, Optional.empty(), Form.UNREADABLE, 0);
        }
    }

    /**
     * The canonical form read digit by digit: every item the project writes is in it, and a
     * listing reads thousands, so it skips the general pattern. Null when {@code raw} is not
     * exactly of that shape (fixed width, so it is canonical exactly when it reads).
     */
    private static SortKeyTime parseCanonical(String raw) {
        if (raw.length() != 32 || raw.charAt(4) != '-' || raw.charAt(7) != '-' || raw.charAt(10) != 'T'
                || raw.charAt(13) != ':' || raw.charAt(16) != ':' || raw.charAt(19) != '.' || !raw.endsWith("+00:00")) {
            return null;
        }
        int year = digits(raw, 0, 4);
        int month = digits(raw, 5, 7);
        int day = digits(raw, 8, 10);
        int hour = digits(raw, 11, 13);
        int minute = digits(raw, 14, 16);
        int second = digits(raw, 17, 19);
        int micros = digits(raw, 20, 26);
        if ((year | month | day | hour | minute | second | micros) < 0) return null;
        try {
            Instant instant = LocalDateTime.of(year, month, day, hour, minute, second, micros * 1000).toInstant(ZoneOffset.UTC);
            return new SortKeyTime(raw, Optional.of(instant), Form.CANONICAL, 6);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static String normaliseOffset(String offset) {
        String digits = offset.substring(1).replace(":", "");
        String hours = digits.substring(0, 2);
        String minutes = digits.length() >= 4 ? digits.substring(2, 4) : "00";
        return offset.charAt(0) + hours + ":" + minutes;
    }

    public boolean readable() {
        return instant.isPresent();
    }

    public boolean naive() {
        return form == Form.NAIVE;
    }

    public boolean isCanonical() {
        return form == Form.CANONICAL;
    }

    /** The canonical form of the same instant, when it can be read. */
    public Optional<String> canonicalForm() {
        return instant.map(SortKeyTime::canonical);
    }

    /** The instant in UTC; only for readable values. */
    public OffsetDateTime utc() {
        return instant.orElseThrow().atOffset(ZoneOffset.UTC);
    }

    @Override
    public String toString() {
        return raw;
    }
}
