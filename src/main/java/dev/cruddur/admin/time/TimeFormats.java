package dev.cruddur.admin.time;

import dev.cruddur.admin.domain.SortKeyTime;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes one instant in every form Cruddur's stack uses, each exactly as that part prints it. */
public final class TimeFormats {

    private static final int POSTGRES_MIN_YEAR = -4712; // 4713 BC
    private static final int POSTGRES_MAX_YEAR = 294276;

    private TimeFormats() {
    }

    /** Every form, in the order data flows: sort key, zones, Postgres, psycopg3, Flask, epoch, frontend. */
    public static List<RenderedForm> render(Instant instant, RenderSettings settings) {
        ZoneId pg = RenderSettings.normalise(settings.postgresTimeZone());
        ZoneId browser = RenderSettings.normalise(settings.browserZone());
        List<RenderedForm> forms = new ArrayList<>();
        forms.add(new RenderedForm("Canonical sort key", SortKeyTime.canonicalIfAny(instant)
                .orElse("(none: a sort key holds years 1 to 9999, as Python's datetime; a longer year would sort before every key)")));
        forms.add(new RenderedForm("UTC ISO 8601", instant.toString()));
        for (ZoneId zone : settings.displayZones()) {
            forms.add(new RenderedForm("In " + RenderSettings.normalise(zone).getId(), pythonIsoformat(instant, zone)));
        }
        forms.add(new RenderedForm("Python isoformat() (aware, UTC)", pythonIsoformat(instant, ZoneOffset.UTC)));
        forms.add(new RenderedForm("Python str() (aware, UTC)", pythonStr(instant, ZoneOffset.UTC)));
        forms.add(new RenderedForm("Postgres timestamp (TimeZone " + pg.getId() + ")", postgresTimestamp(instant, pg)));
        forms.add(new RenderedForm("Postgres timestamptz (TimeZone " + pg.getId() + ")", postgresTimestamptz(instant, pg)));
        forms.add(new RenderedForm("psycopg3 reads timestamp as", psycopgFromTimestamp(instant, pg)));
        forms.add(new RenderedForm("psycopg3 reads timestamptz as", psycopgFromTimestamptz(instant, pg)));
        forms.add(new RenderedForm("Flask JSON (HTTP date)", httpDate(instant)));
        forms.add(new RenderedForm("Epoch seconds", epochSeconds(instant)));
        forms.add(new RenderedForm("Epoch milliseconds", Long.toString(instant.toEpochMilli())));
        forms.add(new RenderedForm("luxon DATETIME_FULL in " + browser.getId(), luxonDateTimeFull(instant, browser)));
        forms.add(new RenderedForm("Cruddur message_time_ago", RelativeTime.cruddurMessageTimeAgo(instant, settings.now(), browser)));
        forms.add(new RenderedForm("Cruddur time_ago", RelativeTime.cruddurTimeAgo(instant, settings.now(), browser),
                "Counts the minutes from now up to the value, so a past time is negative."));
        forms.add(new RenderedForm("Cruddur toFormat(\"LLL L\")", luxonLllL(instant, browser),
                "LLL is the month's name, L its number: the month twice, no day (\"LLL d\" was meant)."));
        forms.add(new RenderedForm("Relative (admin)", RelativeTime.compact(instant, settings.now(), browser)));
        return List.copyOf(forms);
    }

    // --- Python ----------------------------------------------------------------------------------

    /** {@code datetime.isoformat()} of an aware datetime in {@code zone}: no fraction when microsecond is 0. */
    public static String pythonIsoformat(Instant instant, ZoneId zone) {
        return python(instant, zone, 'T');
    }

    /** {@code str()} of an aware datetime in {@code zone}: isoformat with a space. */
    public static String pythonStr(Instant instant, ZoneId zone) {
        return python(instant, zone, ' ');
    }

    /** {@code isoformat()} of a naive datetime holding the wall time of {@code instant} in {@code zone}. */
    public static String pythonNaiveIsoformat(Instant instant, ZoneId zone) {
        LocalDateTime t = LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), zone);
        if (t.getYear() < 1 || t.getYear() > 9999) return outOfPythonRange();
        return pythonWall(t, 'T');
    }

    private static String python(Instant instant, ZoneId zone, char separator) {
        ZonedDateTime t = instant.truncatedTo(ChronoUnit.MICROS).atZone(zone);
        if (t.getYear() < 1 || t.getYear() > 9999) return outOfPythonRange();
        return pythonWall(t.toLocalDateTime(), separator) + offset(t.getOffset(), true);
    }

    private static String pythonWall(LocalDateTime t, char separator) {
        String s = "%04d-%02d-%02d%c%02d:%02d:%02d".formatted(t.getYear(), t.getMonthValue(), t.getDayOfMonth(),
                separator, t.getHour(), t.getMinute(), t.getSecond());
        int micros = t.getNano() / 1000;
        return micros == 0 ? s : s + ".%06d".formatted(micros);
    }

    private static String outOfPythonRange() {
        return "(out of range: Python's datetime holds years 1 to 9999)";
    }

    /**
     * An offset as Python ({@code always minutes}: +00:00, -04:00) or psql (+00, -04, +05:30) writes it;
     * both add seconds when the offset has them (local mean time before 1900).
     */
    static String offset(ZoneOffset offset, boolean alwaysMinutes) {
        int total = offset.getTotalSeconds();
        int abs = Math.abs(total);
        StringBuilder s = new StringBuilder().append(total < 0 ? '-' : '+').append("%02d".formatted(abs / 3600));
        int minutes = abs / 60 % 60;
        int seconds = abs % 60;
        if (alwaysMinutes || minutes != 0 || seconds != 0) s.append(":%02d".formatted(minutes));
        if (seconds != 0) s.append(":%02d".formatted(seconds));
        return s.toString();
    }

    // --- Postgres and psycopg3 -------------------------------------------------------------------

    /** Postgres keeps microseconds, rounding the rest half to even (rint). */
    public static Instant postgresPrecision(Instant instant) {
        Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
        long rest = instant.getNano() % 1000;
        boolean odd = (micros.getNano() / 1000) % 2 != 0;
        return rest > 500 || (rest == 500 && odd) ? micros.plus(1, ChronoUnit.MICROS) : micros;
    }

    /**
     * A {@code timestamp} as psql prints it: the wall time in the session's {@code TimeZone} (what
     * {@code current_timestamp} or a cast from timestamptz stores), trailing zero fraction digits trimmed.
     */
    public static String postgresTimestamp(Instant instant, ZoneId timeZone) {
        ZonedDateTime t = postgresPrecision(instant).atZone(postgresSessionZone(timeZone));
        if (t.getYear() < POSTGRES_MIN_YEAR || t.getYear() > POSTGRES_MAX_YEAR) return outOfPostgresRange();
        return postgresWall(t.toLocalDateTime(), "");
    }

    /** A {@code timestamptz} as psql prints it under {@code TimeZone}: +00, -04, +05:30. */
    public static String postgresTimestamptz(Instant instant, ZoneId timeZone) {
        ZonedDateTime t = postgresPrecision(instant).atZone(postgresSessionZone(timeZone));
        if (t.getYear() < POSTGRES_MIN_YEAR || t.getYear() > POSTGRES_MAX_YEAR) return outOfPostgresRange();
        return postgresWall(t.toLocalDateTime(), offset(t.getOffset(), false));
    }

    /**
     * The zone a {@code TimeZone} setting makes Postgres use. A bare offset ({@code +05:30}) or one
     * after UTC/GMT ({@code UTC+5}) is a POSIX zone, whose sign is west of Greenwich: {@code +05:30}
     * is five and a half hours BEHIND UTC. IANA names (including {@code Etc/GMT+5}) are as they say.
     */
    public static ZoneId postgresSessionZone(ZoneId setting) {
        ZoneId zone = RenderSettings.normalise(setting);
        if (zone instanceof ZoneOffset offset) return ZoneOffset.ofTotalSeconds(-offset.getTotalSeconds());
        if (isPosixOffsetName(zone)) {
            return ZoneOffset.ofTotalSeconds(-zone.getRules().getOffset(Instant.EPOCH).getTotalSeconds());
        }
        return zone;
    }

    /**
     * What Postgres prints for {@code 'literal'::timestamp}: the wall time as written (an offset in
     * the literal is ignored), or for {@code ::timestamptz} under the TimeZone setting {@code zone}: the
     * instant, with a literal without offset read in that zone. Empty when Postgres refuses the literal.
     */
    public static java.util.Optional<String> postgresReadsLiteral(ParsedTime t, boolean withTimeZone, ZoneId zone) {
        if (LiteralReaders.postgresRefusal(t.input()).isPresent()) return java.util.Optional.empty();
        if (!withTimeZone) {
            LocalDateTime written = t.naiveWallTime().orElseGet(() -> LocalDateTime.ofInstant(t.instant(), t.zone()));
            return java.util.Optional.of(postgresTimestamp(written.toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
        }
        Instant instant = t.naiveWallTime().map(wall -> SeedAnswers.postgresReading(wall, postgresSessionZone(zone))).orElse(t.instant());
        return java.util.Optional.of(postgresTimestamptz(instant, zone));
    }

    /** {@code UTC+05:00}, {@code GMT-3}: Java's prefixed fixed offsets, which Postgres reads as POSIX. */
    private static boolean isPosixOffsetName(ZoneId zone) {
        return zone.getId().matches("(UTC|GMT|UT)[+-].*") && zone.getRules().isFixedOffset();
    }

    private static String postgresWall(LocalDateTime t, String offset) {
        boolean bc = t.getYear() <= 0;
        int year = bc ? 1 - t.getYear() : t.getYear();
        String s = "%04d-%02d-%02d %02d:%02d:%02d".formatted(year, t.getMonthValue(), t.getDayOfMonth(), t.getHour(),
                t.getMinute(), t.getSecond());
        int micros = t.getNano() / 1000;
        if (micros != 0) s += ".%06d".formatted(micros).replaceFirst("0+$", "");
        return s + offset + (bc ? " BC" : "");
    }

    private static String outOfPostgresRange() {
        return "(out of range: Postgres holds 4713 BC to 294276 AD)";
    }

    /** What psycopg3 hands Python for a {@code timestamp} column: a naive datetime. */
    public static String psycopgFromTimestamp(Instant instant, ZoneId timeZone) {
        LocalDateTime t = LocalDateTime.ofInstant(postgresPrecision(instant), postgresSessionZone(timeZone));
        if (t.getYear() < 1 || t.getYear() > 9999) return outOfPythonRange();
        return pythonRepr(t, null, false);
    }

    /**
     * What psycopg3 hands Python for a {@code timestamptz} column: an aware datetime in the connection's
     * {@code TimeZone} ({@code fold=1} for the second pass of a repeated hour). psycopg maps the
     * TimeZone Postgres reports to a tzinfo: {@code UTC} to {@code datetime.timezone.utc}, a name
     * {@code ZoneInfo} knows to that {@code ZoneInfo}, anything else (an offset such as {@code +05:30})
     * to {@code datetime.timezone.utc} with a warning.
     */
    public static String psycopgFromTimestamptz(Instant instant, ZoneId timeZone) {
        Instant pg = postgresPrecision(instant);
        ZoneId zone = RenderSettings.normalise(timeZone);
        if (zone instanceof ZoneOffset || isPosixOffsetName(zone) || zone.getId().equals("UTC")) {
            LocalDateTime t = LocalDateTime.ofInstant(pg, ZoneOffset.UTC);
            // psycopg parses the text Postgres prints in its session zone before converting
            int printedYear = pg.atZone(postgresSessionZone(zone)).getYear();
            if (t.getYear() < 1 || t.getYear() > 9999 || printedYear < 1 || printedYear > 9999) return outOfPythonRange();
            return pythonRepr(t, "datetime.timezone.utc", false);
        }
        ZonedDateTime t = pg.atZone(zone);
        if (t.getYear() < 1 || t.getYear() > 9999) return outOfPythonRange();
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(t.toLocalDateTime());
        boolean fold = offsets.size() == 2 && t.getOffset().equals(offsets.get(1));
        return pythonRepr(t.toLocalDateTime(), "zoneinfo.ZoneInfo(key='" + zone.getId() + "')", fold);
    }

    /**
     * The repr of {@code naive.replace(tzinfo=…)} for a zone: the wall time kept as given, even in a
     * DST gap (where it names no instant) or an overlap (fold=0, the first pass).
     */
    public static String pythonReplaceTzinfo(LocalDateTime wall, ZoneId zone) {
        LocalDateTime t = wall.truncatedTo(ChronoUnit.MICROS);
        if (t.getYear() < 1 || t.getYear() > 9999) return outOfPythonRange();
        return pythonRepr(t, pythonTzinfo(RenderSettings.normalise(zone)), false);
    }

    /** The tzinfo Python code would use for a zone: {@code ZoneInfo(key)} for a name, {@code timezone(timedelta)} for an offset. */
    static String pythonTzinfo(ZoneId zone) {
        if (zone instanceof ZoneOffset offset) {
            int seconds = offset.getTotalSeconds();
            // timedelta normalises a negative duration to days=-1 plus positive seconds
            String delta = seconds < 0 ? "datetime.timedelta(days=-1, seconds=" + (86400 + seconds) + ")"
                    : "datetime.timedelta(seconds=" + seconds + ")";
            return "datetime.timezone(" + delta + ")";
        }
        return "zoneinfo.ZoneInfo(key='" + zone.getId() + "')";
    }

    /**
     * CPython's {@code repr()} of a datetime: a zero microsecond, then a zero second, are left out;
     * {@code fold=1} comes before {@code tzinfo}.
     */
    static String pythonRepr(LocalDateTime t, String tzinfo, boolean fold) {
        List<Integer> fields = new ArrayList<>(List.of(t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(),
                t.getMinute(), t.getSecond(), t.getNano() / 1000));
        if (fields.get(fields.size() - 1) == 0) fields.remove(fields.size() - 1);
        if (fields.get(fields.size() - 1) == 0) fields.remove(fields.size() - 1);
        StringBuilder s = new StringBuilder("datetime.datetime(");
        for (int i = 0; i < fields.size(); i++) s.append(i == 0 ? "" : ", ").append(fields.get(i));
        if (fold) s.append(", fold=1");
        if (tzinfo != null) s.append(", tzinfo=").append(tzinfo);
        return s.append(')').toString();
    }

    // --- Flask and epoch -------------------------------------------------------------------------

    /** Flask's JSON for a datetime (werkzeug {@code http_date}): always GMT, whole seconds. */
    public static String httpDate(Instant instant) {
        ZonedDateTime t = instant.atZone(ZoneOffset.UTC);
        if (t.getYear() < 1 || t.getYear() > 9999) return outOfPythonRange();
        return "%s, %02d %s %04d %02d:%02d:%02d GMT".formatted(
                t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH), t.getDayOfMonth(),
                t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH), t.getYear(), t.getHour(), t.getMinute(),
                t.getSecond());
    }

    /** Epoch seconds to the microsecond, as Python's {@code timestamp()} holds them (trailing zeros left out). */
    public static String epochSeconds(Instant instant) {
        Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
        return BigDecimal.valueOf(micros.getEpochSecond()).add(BigDecimal.valueOf(micros.getNano() / 1000, 6))
                .stripTrailingZeros().toPlainString();
    }

    // --- the frontend (luxon) --------------------------------------------------------------------

    /**
     * luxon's {@code toLocaleString(DateTime.DATETIME_FULL)} in en-US, in {@code zone}: "April 15, 2023 at
     * 1:15 PM UTC". (Older browsers wrote ", " instead of " at ", and some Chromium versions a narrow
     * no-break space before PM.)
     */
    public static String luxonDateTimeFull(Instant instant, ZoneId zone) {
        ZonedDateTime t = instant.atZone(RenderSettings.normalise(zone));
        int hour12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
        // Intl writes the year of the era without the era: year 0 is "1" (1 BC), year -1 is "2"
        int yearOfEra = t.getYear() <= 0 ? 1 - t.getYear() : t.getYear();
        return "%s %d, %d at %d:%02d %s %s".formatted(monthName(t.getMonth(), TextStyle.FULL), t.getDayOfMonth(),
                yearOfEra, hour12, t.getMinute(), t.getHour() < 12 ? "AM" : "PM", LuxonZoneName.shortName(t));
    }

    /**
     * Cruddur's {@code created.toFormat("LLL L")}: LLL is the short month name and L the month number, so
     * 15 April prints "Apr 4" and the day never shows. (It meant "LLL d".)
     */
    public static String luxonLllL(Instant instant, ZoneId zone) {
        ZonedDateTime t = instant.atZone(RenderSettings.normalise(zone));
        return monthName(t.getMonth(), TextStyle.SHORT) + " " + t.getMonthValue();
    }

    /** English month names as ICU writes them for en (Java's SHORT would write "Sept" in some locales). */
    static String monthName(Month month, TextStyle style) {
        String full = month.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        return style == TextStyle.FULL ? full : full.substring(0, 3);
    }
}
