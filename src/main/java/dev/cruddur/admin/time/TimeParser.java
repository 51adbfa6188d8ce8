package dev.cruddur.admin.time;

import dev.cruddur.admin.domain.SortKeyTime;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a timestamp in any form Cruddur's stack writes, and says which form it was.
 *
 * <p>The instant of the ISO-shaped and HTTP forms comes from {@link SortKeyTime#parse}, so the sort
 * key code and this parser agree; this class adds the form names, the zone a naive value is read in,
 * DST gaps and overlaps, epoch numbers, and messages that say what is wrong.
 */
public final class TimeParser {

    public static final String EXPECTED = "expected ISO 8601 (2023-04-15T13:15:19Z), Postgres (2023-04-15 13:15:19+00), "
            + "an HTTP date or epoch seconds/milliseconds/microseconds";

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})([T ])(\\d{2}):(\\d{2})(?::(\\d{2}))?(?:[.,](\\d{1,9}))?\\s*(Z|z|[+-]\\d{2}(?::?\\d{2})?)?");

    private static final Pattern HTTP = Pattern.compile(
            "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\\d{4}) (\\d{2}):(\\d{2}):(\\d{2}) (GMT|UTC)",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern EPOCH = Pattern.compile("([+-]?)(\\d+)(?:\\.(\\d+))?");

    private static final BigDecimal SECONDS_BELOW = BigDecimal.TEN.pow(11);
    private static final BigDecimal MILLIS_BELOW = BigDecimal.TEN.pow(14);
    private static final BigDecimal MICROS_BELOW = BigDecimal.TEN.pow(17);

    private TimeParser() {
    }

    /** Reads {@code input}; a value without an offset is taken as UTC, as Cruddur's Postgres does. */
    public static ParseOutcome parse(String input) {
        return parse(input, ZoneOffset.UTC);
    }

    /** Reads {@code input}; a value without an offset is read as a wall time in {@code assumeZoneForNaive}. */
    public static ParseOutcome parse(String input, ZoneId assumeZoneForNaive) {
        if (input == null || input.isBlank()) return invalid("the input is empty");
        String text = input.strip();
        Matcher epoch = EPOCH.matcher(text);
        if (epoch.matches()) return epoch(input, epoch);
        Matcher iso = ISO.matcher(text);
        if (iso.matches()) return iso(input, text, iso, assumeZoneForNaive);
        Matcher http = HTTP.matcher(text);
        if (http.matches()) return http(input, text, http);
        return invalid(null);
    }

    private static ParseOutcome invalid(String detail) {
        return new ParseOutcome.Invalid("Not a timestamp: " + (detail == null ? "" : detail + "; ") + EXPECTED);
    }

    // --- ISO shapes ------------------------------------------------------------------------------

    private static ParseOutcome iso(String input, String text, Matcher m, ZoneId assumeZone) {
        Optional<String> fieldError = fieldError(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)),
                m.group(7) == null ? 0 : Integer.parseInt(m.group(7)));
        if (fieldError.isPresent()) return invalid(fieldError.get());
        String offset = m.group(9);
        if (offset != null && !offset.equalsIgnoreCase("Z")) {
            String digits = offset.substring(1).replace(":", "");
            int hours = Integer.parseInt(digits.substring(0, 2));
            int minutes = digits.length() >= 4 ? Integer.parseInt(digits.substring(2, 4)) : 0;
            if (minutes > 59) return invalid("offset " + offset + " has " + minutes + " minutes");
            if (hours * 60 + minutes > 18 * 60) return invalid("offset " + offset + " is beyond ±18:00");
        }
        SortKeyTime read = SortKeyTime.parse(text);
        if (!read.readable()) return invalid("the date or time is out of range");
        Instant instant = read.instant().orElseThrow();
        int fraction = m.group(8) == null ? 0 : m.group(8).length();
        boolean space = m.group(4).equals(" ");

        if (offset == null) {
            LocalDateTime local = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
            Resolved r = resolve(local, assumeZone);
            InputForm form = space ? InputForm.NAIVE_SPACE : InputForm.NAIVE_ISO;
            Optional<String> guess = space ? Optional.of(naiveSpaceGuess(fraction)) : Optional.empty();
            return parsed(input, r.instant, form, true, assumeZone, fraction, guess, r.ambiguity);
        }
        InputForm form;
        Optional<String> guess = Optional.empty();
        if (offset.equalsIgnoreCase("Z")) {
            form = InputForm.ISO_Z;
        } else if (!space) {
            form = read.isCanonical() ? InputForm.CANONICAL : InputForm.ISO_OFFSET;
        } else if (offset.matches("[+-]\\d{2}:00")) {
            form = InputForm.PYTHON_STR_AWARE;
            guess = Optional.of("psql would print the offset as " + offset.substring(0, 3)
                    + "; Python's str() writes hours and minutes");
        } else {
            form = InputForm.POSTGRES_TIMESTAMPTZ;
        }
        ZoneId zone = offset.equalsIgnoreCase("Z") ? ZoneOffset.UTC : ZoneOffset.ofTotalSeconds(offsetSeconds(offset));
        return parsed(input, instant, form, false, zone, fraction, guess, Optional.empty());
    }

    private static int offsetSeconds(String offset) {
        String digits = offset.substring(1).replace(":", "");
        int hours = Integer.parseInt(digits.substring(0, 2));
        int minutes = digits.length() >= 4 ? Integer.parseInt(digits.substring(2, 4)) : 0;
        int seconds = hours * 3600 + minutes * 60;
        return offset.charAt(0) == '-' ? -seconds : seconds;
    }

    private static String naiveSpaceGuess(int fraction) {
        if (fraction >= 1 && fraction <= 5) {
            return "Postgres timestamp: psql trims trailing zero digits, Python's str() always writes six or none";
        }
        if (fraction > 6) return "more digits than Postgres or Python keep (microseconds)";
        return "Postgres timestamp or Python str() of a naive datetime: both write it this way";
    }

    /** Says which field of a date-time is out of range, in words, or nothing when all are valid. */
    static Optional<String> fieldError(int year, int month, int day, int hour, int minute, int second) {
        if (month < 1 || month > 12) return Optional.of("month " + month + " does not exist");
        int length = Month.of(month).length(Year.isLeap(year));
        if (day < 1 || day > length) {
            String monthName = Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            if (month == 2 && day == 29) {
                return Optional.of("%d-02-29 does not exist (%d is not a leap year)".formatted(year, year));
            }
            return Optional.of("%04d-%02d-%02d does not exist (%s %d has %d days)".formatted(year, month, day,
                    monthName, year, length));
        }
        if (hour > 23) return Optional.of("hour " + hour + " does not exist (00 to 23)");
        if (minute > 59) return Optional.of("minute " + minute + " does not exist (00 to 59)");
        if (second > 59) return Optional.of("second " + second + " does not exist (00 to 59; leap seconds are not kept)");
        return Optional.empty();
    }

    record Resolved(Instant instant, Optional<LocalTimeAmbiguity> ambiguity) {
    }

    /** A wall time in a zone, with the DST gap or overlap it falls in, if any. */
    static Resolved resolve(LocalDateTime local, ZoneId zone) {
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        if (offsets.size() == 1) return new Resolved(local.toInstant(offsets.get(0)), Optional.empty());
        ZoneOffsetTransition t = zone.getRules().getTransition(local);
        if (offsets.isEmpty()) {
            Instant shifted = local.toInstant(t.getOffsetBefore());
            Instant before = local.toInstant(t.getOffsetAfter());
            return new Resolved(shifted, Optional.of(new LocalTimeAmbiguity.Gap(local, zone, t, shifted, before)));
        }
        Instant earlier = local.toInstant(t.getOffsetBefore());
        Instant later = local.toInstant(t.getOffsetAfter());
        return new Resolved(earlier, Optional.of(new LocalTimeAmbiguity.Overlap(local, zone, t, earlier, later)));
    }

    // --- HTTP date -------------------------------------------------------------------------------

    private static ParseOutcome http(String input, String text, Matcher m) {
        int day = Integer.parseInt(m.group(2));
        int month = monthNumber(m.group(3));
        int year = Integer.parseInt(m.group(4));
        Optional<String> fieldError = fieldError(year, month, day, Integer.parseInt(m.group(5)),
                Integer.parseInt(m.group(6)), Integer.parseInt(m.group(7)));
        if (fieldError.isPresent()) return invalid(fieldError.get());
        DayOfWeek actual = LocalDate.of(year, month, day).getDayOfWeek();
        String written = m.group(1);
        if (!actual.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).equalsIgnoreCase(written)) {
            return invalid("%02d %s %d is a %s, not %s".formatted(day, m.group(3), year,
                    actual.getDisplayName(TextStyle.FULL, Locale.ENGLISH), written));
        }
        // SortKeyTime reads "GMT"; "UTC" is read the same way.
        SortKeyTime read = SortKeyTime.parse(text.substring(0, text.length() - 3) + "GMT");
        if (!read.readable()) return invalid("the HTTP date could not be read");
        return parsed(input, read.instant().orElseThrow(), InputForm.HTTP_DATE, false, ZoneOffset.UTC, 0,
                Optional.empty(), Optional.empty());
    }

    private static int monthNumber(String abbreviation) {
        for (Month month : Month.values()) {
            if (month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).equalsIgnoreCase(abbreviation)) {
                return month.getValue();
            }
        }
        throw new IllegalArgumentException(abbreviation);
    }

    // --- epoch numbers ---------------------------------------------------------------------------

    private static ParseOutcome epoch(String input, Matcher m) {
        BigDecimal value = new BigDecimal(m.group(1) + m.group(2) + (m.group(3) == null ? "" : "." + m.group(3)));
        BigDecimal magnitude = value.abs();
        int digits = m.group(2).replaceFirst("^0+(?=\\d)", "").length();
        boolean decimals = m.group(3) != null;
        if (magnitude.compareTo(MICROS_BELOW) >= 0) {
            return invalid(digits + " digits is too large even for epoch microseconds");
        }
        if (decimals && magnitude.compareTo(SECONDS_BELOW) >= 0) {
            return invalid("a number with decimals is read as epoch seconds, and " + digits
                    + " digits is too large for seconds");
        }
        if (decimals && m.group(3).length() > 9) {
            return invalid("epoch seconds keep at most 9 decimals (nanoseconds)");
        }
        InputForm form;
        Instant instant;
        String guess;
        String digitWord = digits == 1 ? "1 digit" : digits + " digits";
        if (magnitude.compareTo(SECONDS_BELOW) < 0) {
            form = InputForm.EPOCH_SECONDS;
            instant = ofNanos(value.movePointRight(9).toBigIntegerExact());
            guess = "%s, below 10^11: read as epoch seconds (as milliseconds it would be %s)".formatted(digitWord,
                    ofNanos(value.movePointRight(6).toBigInteger()));
        } else if (magnitude.compareTo(MILLIS_BELOW) < 0) {
            form = InputForm.EPOCH_MILLIS;
            instant = ofNanos(value.movePointRight(6).toBigIntegerExact());
            guess = "%s, from 10^11 to below 10^14: read as epoch milliseconds (as seconds it would be in the year %d)"
                    .formatted(digitWord, yearOfSeconds(value));
        } else {
            form = InputForm.EPOCH_MICROS;
            instant = ofNanos(value.movePointRight(3).toBigIntegerExact());
            guess = "%s, from 10^14 to below 10^17: read as epoch microseconds (as milliseconds it would be in the year %d)"
                    .formatted(digitWord, yearOfSeconds(value.movePointLeft(3)));
        }
        int fraction = decimals ? m.group(3).length() : 0;
        return parsed(input, instant, form, false, ZoneOffset.UTC, fraction, Optional.of(guess), Optional.empty());
    }

    private static Instant ofNanos(BigInteger nanos) {
        BigInteger[] qr = nanos.divideAndRemainder(BigInteger.valueOf(1_000_000_000L));
        return Instant.ofEpochSecond(qr[0].longValueExact(), qr[1].longValueExact());
    }

    private static long yearOfSeconds(BigDecimal seconds) {
        // Instant holds years up to 1,000,000,000; 10^14 seconds is about year 3,170,000.
        return ofNanos(seconds.movePointRight(9).toBigInteger()).atZone(ZoneOffset.UTC).getYear();
    }

    private static ParseOutcome parsed(String input, Instant instant, InputForm form, boolean naive, ZoneId zone,
                                       int fraction, Optional<String> guess, Optional<LocalTimeAmbiguity> dst) {
        try {
            return new ParseOutcome.Parsed(new ParsedTime(input, instant, form, naive, zone, fraction, guess, dst));
        } catch (DateTimeException e) {
            return invalid("the date is out of range");
        }
    }
}
