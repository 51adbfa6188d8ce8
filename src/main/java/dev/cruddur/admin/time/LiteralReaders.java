package dev.cruddur.admin.time;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which readers of Cruddur's stack take a text literal as a timestamp, and which refuse it: Postgres
 * ({@code 'text'::timestamptz}, the same for {@code ::timestamp}) and luxon's {@code fromISO},
 * {@code fromSQL} and {@code fromHTTP}. Rules checked against Postgres 15 and luxon 3.7 by the
 * oracle tests, for the forms {@link TimeParser} reads.
 */
public final class LiteralReaders {
    private LiteralReaders() {}

    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(?:\\.\\d*)?");

    /** date, separator, time, fraction, offset: the ISO and SQL shapes. */
    private static final Pattern ISO_LIKE = Pattern.compile(
            "([+-]?)(\\d{4,6})-(\\d{2})-(\\d{2})([Tt ])(\\d{2}):(\\d{2})(?::(\\d{2})(?:([.,])(\\d+))?)?"
                    + "( ?)(?:([Zz])|([+-])(\\d{2})(?::?(\\d{2}))?(?::?(\\d{2}))?)?");

    private static final Pattern HTTP = Pattern.compile(
            "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\\d{4}) (\\d{2}):(\\d{2}):(\\d{2}) (GMT|UTC)",
            Pattern.CASE_INSENSITIVE);

    private static final List<String> MONTHS = List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");

    /** Why Postgres refuses {@code text} as a timestamp literal; empty when it reads it. */
    public static Optional<String> postgresRefusal(String text) {
        String s = text.strip();
        if (NUMBER.matcher(s).matches()) return Optional.of("a number is no timestamp literal: Postgres wants to_timestamp(" + s + ")");
        Matcher m = ISO_LIKE.matcher(s);
        if (m.matches()) {
            if (!m.group(1).isEmpty()) return Optional.of("Postgres reads no sign before the year");
            if (",".equals(m.group(9))) return Optional.of("Postgres reads no comma before the fraction");
            if (Integer.parseInt(m.group(2)) == 0) return Optional.of("there is no year 0000 (1 BC is 0001 BC)");
            if (m.group(13) != null) {
                int seconds = Integer.parseInt(m.group(14)) * 3600 + (m.group(15) == null ? 0 : Integer.parseInt(m.group(15))) * 60
                        + (m.group(16) == null ? 0 : Integer.parseInt(m.group(16)));
                if (seconds > 15 * 3600 + 59 * 60 + 59) return Optional.of("Postgres holds offsets up to ±15:59:59");
            }
            return Optional.empty();
        }
        if (HTTP.matcher(s).matches()) return Optional.empty();
        return Optional.of("not a form Postgres reads");
    }

    /** luxon's {@code DateTime.fromISO}: a T between date and time, a four-digit year or a signed six-digit one. */
    public static boolean luxonFromIso(String text) {
        Matcher m = ISO_LIKE.matcher(text);
        if (!m.matches() || !m.group(5).equalsIgnoreCase("T") || !m.group(11).isEmpty()) return false;
        boolean signed = !m.group(1).isEmpty();
        if (signed ? m.group(2).length() != 6 : m.group(2).length() != 4) return false;
        return m.group(13) == null || m.group(16) == null;
    }

    /** luxon's {@code DateTime.fromSQL}: a space between date and time, a four-digit year, an optional (spaced) offset. */
    public static boolean luxonFromSql(String text) {
        Matcher m = ISO_LIKE.matcher(text);
        if (!m.matches() || !m.group(5).equals(" ") || !m.group(1).isEmpty() || m.group(2).length() != 4) return false;
        return m.group(13) == null || m.group(16) == null;
    }

    /** luxon's {@code DateTime.fromHTTP} (RFC 1123): exactly as written, GMT, and the weekday of that date. */
    public static boolean luxonFromHttp(String text) {
        Matcher m = HTTP.matcher(text);
        if (!m.matches()) return false;
        String weekday = m.group(1);
        String month = m.group(3);
        if (!MONTHS.contains(month) || !m.group(8).equals("GMT") || !Character.isUpperCase(weekday.charAt(0))
                || !weekday.substring(1).equals(weekday.substring(1).toLowerCase(Locale.ROOT))) {
            return false;
        }
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(4)), MONTHS.indexOf(month) + 1, Integer.parseInt(m.group(2)));
            String expected = date.getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH);
            return expected.equals(weekday);
        } catch (DateTimeException | IllegalArgumentException e) {
            return false;
        }
    }
}
