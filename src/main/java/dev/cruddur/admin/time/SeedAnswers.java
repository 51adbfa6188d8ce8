package dev.cruddur.admin.time;

import dev.cruddur.admin.domain.SortKeyTime;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The Timezones questions of Cruddur's week-5 notes (phrased cleanly), each answered with the value on screen rather than a fixed example. */
public final class SeedAnswers {

    public static final String POSTGRES = "In what format does Postgres store datetimes?";
    public static final String PSYCOPG = "What does psycopg3 do to datetimes on the way in and on the way out?";
    public static final String DYNAMODB = "In what format does the DynamoDB table store datetimes?";
    public static final String MACHINE = "Does the machine's time zone matter?";
    public static final String FLASK = "Which time zone does Flask use?";
    public static final String TRANSLATE = "Does Python need to convert a datetime before serving it?";
    public static final String PYTHON_STRING = "What does Python make of a datetime converted to a string for the API?";
    public static final String SERVE = "In what format should the API serve a datetime?";
    public static final String LUXON = "What datetime format, with time zones, does luxon expect?";

    private SeedAnswers() {
    }

    public static List<SeedAnswer> answer(ParsedTime t, RenderSettings s) {
        Context c = new Context(t, s);
        return List.of(
                new SeedAnswer(POSTGRES, postgres(c)),
                new SeedAnswer(PSYCOPG, psycopg(c)),
                new SeedAnswer(DYNAMODB, dynamodb(c)),
                new SeedAnswer(MACHINE, machine(c)),
                new SeedAnswer(FLASK, flask(c)),
                new SeedAnswer(TRANSLATE, translate(c)),
                new SeedAnswer(PYTHON_STRING, pythonString(c)),
                new SeedAnswer(SERVE, serve(c)),
                new SeedAnswer(LUXON, luxon(c)));
    }

    private record Context(ParsedTime t, RenderSettings s, Instant instant, ZoneId pg, ZoneId machine, ZoneId browser,
                           String canonical) {
        Context(ParsedTime t, RenderSettings s) {
            this(t, s, t.instant(), RenderSettings.normalise(s.postgresTimeZone()),
                    RenderSettings.normalise(s.machineZone()), RenderSettings.normalise(s.browserZone()),
                    SortKeyTime.canonicalIfAny(t.instant()).orElse("(none: years 1 to 9999 only)"));
        }

        /** The naive wall time as written, or the instant's wall time in UTC. */
        LocalDateTime wall() {
            return t.naiveWallTime().orElseGet(() -> LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
        }

        String zoneName() {
            return RenderSettings.normalise(t.zone()).getId();
        }
    }

    private static String postgres(Context c) {
        var refusal = LiteralReaders.postgresRefusal(c.t.input());
        if (refusal.isPresent()) {
            return ("Postgres refuses this text as a timestamp literal (%s): `'%s'::timestamp` and `::timestamptz` both fail, so it can only be stored after Python turns it into a datetime. "
                    + "That instant would be stored in `timestamp` as %s (its wall time under TimeZone %s) and printed by `timestamptz` as %s.")
                    .formatted(refusal.get(), c.t.input().strip(), TimeFormats.postgresTimestamp(c.instant, c.pg), c.pg.getId(),
                            TimeFormats.postgresTimestamptz(c.instant, c.pg));
        }
        if (c.t.naive()) {
            LocalDateTime wall = c.wall();
            Instant inPg = postgresReading(wall, c.pg);
            return "This value has no offset, so it fits Postgres `timestamp` as written: stored as %s and read back unchanged under any TimeZone, but which zone it meant (assumed here: %s) is lost. Into `timestamptz` Postgres would read it in the session TimeZone %s and print %s."
                    .formatted(postgresWall(wall), c.zoneName(), c.pg.getId(),
                            TimeFormats.postgresTimestamptz(inPg, c.pg));
        }
        String ts = TimeFormats.postgresTimestamp(c.instant, c.pg);
        StringBuilder a = new StringBuilder("Postgres `timestamp` drops the offset: this value would be stored as %s (its wall time under TimeZone %s) and read back by psycopg3 as a naive %s, no longer saying which zone it was in."
                .formatted(ts, c.pg.getId(), TimeFormats.psycopgFromTimestamp(c.instant, c.pg)));
        LocalDateTime written = LocalDateTime.ofInstant(c.instant, c.t.zone());
        if (!written.equals(LocalDateTime.ofInstant(c.instant, c.pg))) {
            a.append(" Written as a text literal, the offset is silently ignored and %s is stored."
                    .formatted(postgresWall(written)));
        }
        a.append(" `timestamptz` keeps the instant (in UTC inside) and psql prints it in TimeZone %s: %s."
                .formatted(c.pg.getId(), TimeFormats.postgresTimestamptz(c.instant, c.pg)));
        return a.toString();
    }

    /** A wall time read in a zone as Postgres reads it: shifted forward in a gap, the later offset in an overlap. */
    static Instant postgresReading(LocalDateTime wall, ZoneId zone) {
        var resolved = TimeParser.resolve(wall, zone);
        return resolved.ambiguity()
                .map(a -> a instanceof LocalTimeAmbiguity.Overlap o ? o.later() : resolved.instant())
                .orElse(resolved.instant());
    }

    private static String postgresWall(LocalDateTime wall) {
        return TimeFormats.postgresTimestamp(wall.toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    }

    private static String psycopg(Context c) {
        if (c.t.naive()) {
            return ("In: a naive datetime, as this value is (%s), is sent as `timestamp` and comes back unchanged, still naive. "
                    + "Made aware in %s (%s) it is sent as `timestamptz` and comes back aware in the connection's TimeZone %s: %s.")
                    .formatted(TimeFormats.pythonRepr(c.wall().truncatedTo(ChronoUnit.MICROS), null, false), c.zoneName(),
                            TimeFormats.pythonReplaceTzinfo(c.wall(), c.t.zone()), c.pg.getId(),
                            TimeFormats.psycopgFromTimestamptz(c.instant, c.pg));
        }
        String naiveIn = TimeFormats.pythonRepr(c.wall().truncatedTo(ChronoUnit.MICROS), null, false);
        String awareIn = TimeFormats.pythonRepr(LocalDateTime.ofInstant(c.instant.truncatedTo(ChronoUnit.MICROS),
                ZoneOffset.UTC), "datetime.timezone.utc", false);
        return ("In: a naive datetime such as %s is sent as `timestamp`, an aware one such as %s as `timestamptz`. "
                + "Out: `timestamp` comes back naive, %s; `timestamptz` comes back aware in the connection's TimeZone %s, %s.")
                .formatted(naiveIn, awareIn, TimeFormats.psycopgFromTimestamp(c.instant, c.pg), c.pg.getId(),
                        TimeFormats.psycopgFromTimestamptz(c.instant, c.pg));
    }

    private static String dynamodb(Context c) {
        String fromMachine = TimeFormats.pythonIsoformat(c.instant, c.machine);
        String input = c.t.input().strip();
        String status = input.equals(c.canonical) ? "The input is already canonical."
                : "The input, %s, is not canonical: stored as is, it would sort by its characters, not by its time.".formatted(c.t.form().label());
        String cruddur = fromMachine.equals(c.canonical)
                ? "Cruddur's backend writes `datetime.now(timezone.utc).astimezone().isoformat()`, which on a machine in %s gives the same string.".formatted(c.machine.getId())
                : "Cruddur's backend writes `datetime.now(timezone.utc).astimezone().isoformat()`, which on a machine in %s gives %s: the same instant as a different string.".formatted(c.machine.getId(), fromMachine);
        return "A string: `sk` is of type S and DynamoDB compares it byte by byte, so one form only keeps string order equal to time order. This value's canonical key is %s. %s %s"
                .formatted(c.canonical, status, cruddur);
    }

    private static String machine(Context c) {
        String naive = TimeFormats.pythonNaiveIsoformat(c.instant, c.machine);
        String aware = TimeFormats.pythonIsoformat(c.instant, c.machine);
        ZoneOffset offset = c.machine.getRules().getOffset(c.instant);
        String consequence = offset.getTotalSeconds() == 0
                ? "On a machine at UTC both happen to match UTC, which hides the mistake until a server runs elsewhere."
                : "Neither is the canonical %s: keys from this server sort apart from keys written in UTC, and its naive value read as UTC is %s off."
                        .formatted(c.canonical, Durations.words(Duration.ofSeconds(offset.getTotalSeconds())));
        return ("Yes, wherever code asks for local time: on a machine in %s, `datetime.now().isoformat()` writes %s and `astimezone().isoformat()` writes %s. %s "
                + "Postgres uses its own TimeZone setting (%s; initdb only takes its default from the machine); the browser's zone (%s) only changes what luxon shows.")
                .formatted(c.machine.getId(), naive, aware, consequence, c.pg.getId(), c.browser.getId());
    }

    private static String flask(Context c) {
        String http = TimeFormats.httpDate(c.instant);
        StringBuilder a = new StringBuilder("GMT, always: Flask's JSON encoder writes a datetime as an HTTP date in whole seconds, %s"
                .formatted(http));
        if (c.instant.getNano() / 1000 != 0) a.append(" (the fraction is dropped)");
        a.append(". A naive datetime is taken to be UTC already");
        if (c.t.naive()) {
            LocalDateTime wall = c.wall();
            String asGmt = TimeFormats.httpDate(wall.toInstant(ZoneOffset.UTC));
            long off = Duration.between(c.instant, wall.toInstant(ZoneOffset.UTC)).getSeconds();
            if (off != 0) {
                a.append(": this value's wall time, meant in %s, would be sent as %s, %s off"
                        .formatted(c.zoneName(), asGmt, Durations.words(Duration.ofSeconds(off))));
            } else {
                a.append(": this value would be sent as %s".formatted(asGmt));
            }
        }
        return a.append('.').toString();
    }

    private static String translate(Context c) {
        StringBuilder a = new StringBuilder(("Yes: turn it into an ISO 8601 string before it reaches jsonify, from an aware UTC datetime: %s. "
                + "Left to Flask it becomes %s, which luxon's DateTime.fromISO cannot read (Invalid DateTime)%s.")
                .formatted(c.canonical, TimeFormats.httpDate(c.instant),
                        c.instant.getNano() / 1000 != 0 ? ", and which has lost the fraction of a second" : ""));
        if (c.t.naive()) {
            a.append(" This value is naive: make it aware first with the zone it meant (`replace(tzinfo=ZoneInfo('%s'))`), or it is served without an offset."
                    .formatted(c.zoneName()));
        }
        return a.toString();
    }

    private static String pythonString(Context c) {
        String str = TimeFormats.pythonStr(c.instant, ZoneOffset.UTC);
        String iso = TimeFormats.pythonIsoformat(c.instant, ZoneOffset.UTC);
        String naive = TimeFormats.pythonNaiveIsoformat(c.wall().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        StringBuilder a = new StringBuilder(("For this instant in UTC, str() gives %s and isoformat() gives %s (T instead of a space); "
                + "a naive datetime's isoformat() gives %s, with no offset at all.").formatted(str, iso, naive));
        if (c.instant.truncatedTo(ChronoUnit.MICROS).getNano() == 0) {
            a.append(" Its microsecond is 0, so both leave the fraction out: not the six-digit canonical %s."
                    .formatted(c.canonical));
        }
        a.append(" json.dumps refuses a datetime; Flask's jsonify writes %s.".formatted(TimeFormats.httpDate(c.instant)));
        return a.toString();
    }

    private static String serve(Context c) {
        return ("ISO 8601 with an explicit offset, in UTC, with six fraction digits: %s, the same string as the sort key, so the API can pass `sk` through untouched. "
                + "luxon reads it as %s and shows %s in %s.")
                .formatted(c.canonical, c.instant.truncatedTo(ChronoUnit.MILLIS),
                        TimeFormats.luxonDateTimeFull(c.instant, c.browser), c.browser.getId());
    }

    private static String luxon(Context c) {
        String general = "ISO 8601 with a T: Cruddur calls `DateTime.fromISO(value, {zone: 'utc'})`, which takes a value without an offset as UTC, keeps the instant of a value with one, keeps milliseconds only, and then shows it in the browser's zone.";
        String input = c.t.input().strip();
        String invalid = "Cruddur would show \"Invalid DateTime\" and \"unknown\".";
        String reads = switch (c.t.form()) {
            case CANONICAL, ISO_Z, ISO_OFFSET -> LiteralReaders.luxonFromIso(input)
                    ? "This input has an offset, so luxon reads it as %s.".formatted(c.instant.truncatedTo(ChronoUnit.MILLIS))
                    : isoRejected(input, invalid);
            case NAIVE_ISO -> LiteralReaders.luxonFromIso(input) ? naiveForLuxon(c) : isoRejected(input, invalid);
            case NAIVE_SPACE, POSTGRES_TIMESTAMPTZ, PYTHON_STR_AWARE -> LiteralReaders.luxonFromSql(input)
                    ? "This input has a space instead of the T, so fromISO rejects it (luxon's fromSQL would read it): " + invalid
                    : "This input has a space instead of the T, so fromISO rejects it, and so does fromSQL: " + invalid;
            case HTTP_DATE -> LiteralReaders.luxonFromHttp(input)
                    ? "This input is an HTTP date, not ISO, so fromISO rejects it (luxon's fromHTTP would read it): " + invalid
                    : "This input is an HTTP date, not ISO, so fromISO rejects it, and fromHTTP too (it wants RFC 1123 exactly: "
                            + "capitalised names, the right weekday, GMT): " + invalid;
            case EPOCH_SECONDS, EPOCH_MILLIS, EPOCH_MICROS ->
                    "This input is a number, not ISO: luxon reads it only with DateTime.fromSeconds or fromMillis; Cruddur's fromISO would show \"Invalid DateTime\".";
        };
        return "%s %s Served canonically, a browser in %s shows %s (DATETIME_FULL), and Cruddur's message list shows %s."
                .formatted(general, reads, c.browser.getId(), TimeFormats.luxonDateTimeFull(c.instant, c.browser),
                        RelativeTime.cruddurMessageTimeAgo(c.instant, c.s.now(), c.browser));
    }

    private static String isoRejected(String input, String invalid) {
        if (LiteralReaders.luxonFromSql(input)) {
            return "This input has a space instead of the T, so fromISO rejects it (luxon's fromSQL would read it): " + invalid;
        }
        return "fromISO rejects this input (luxon wants a T, and a four-digit year or six digits after a sign): " + invalid;
    }

    private static String naiveForLuxon(Context c) {
        Instant asUtc = c.wall().toInstant(ZoneOffset.UTC);
        long off = Duration.between(c.instant, asUtc).getSeconds();
        if (off == 0) {
            return "This input has no offset, so luxon takes it as UTC: %s.".formatted(asUtc.truncatedTo(ChronoUnit.MILLIS));
        }
        return "This input has no offset, so luxon takes it as UTC, %s, not in %s as assumed here: %s off."
                .formatted(asUtc.truncatedTo(ChronoUnit.MILLIS), c.zoneName(), Durations.words(Duration.ofSeconds(off)));
    }
}
