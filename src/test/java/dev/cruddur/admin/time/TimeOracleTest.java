package dev.cruddur.admin.time;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cruddur.admin.testsupport.Oracles;
import dev.cruddur.admin.testsupport.PostgresServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Time pane's forms against the real software, nothing typed by hand: a real PostgreSQL for
 * {@code timestamp}/{@code timestamptz} under each TimeZone and for which literals it reads;
 * psycopg 3 for the Python objects it returns; luxon (Node) for DATETIME_FULL and for what
 * fromISO / fromSQL / fromHTTP read. Inputs across zones, DST gaps and overlaps, local mean time,
 * pre-1970 and far-future instants.
 */
@Timeout(180)
class TimeOracleTest {
    /** Instants: today's, DST edges (New York, London, Lord Howe's half hour), before 1970, local mean time, far future. */
    static final List<Instant> INSTANTS = List.of(
            Instant.parse("2023-04-15T13:15:19.922515Z"), Instant.parse("2026-11-25T08:15:00Z"),
            Instant.parse("2023-03-12T06:59:59.999999Z"), Instant.parse("2023-03-12T07:00:00Z"),
            Instant.parse("2023-11-05T05:30:00Z"), Instant.parse("2023-11-05T06:30:00Z"),
            Instant.parse("2023-10-29T00:30:00Z"), Instant.parse("2023-10-29T01:30:00Z"),
            Instant.parse("2023-04-01T15:15:00Z"), Instant.parse("1970-01-01T00:00:00Z"),
            Instant.parse("1969-12-31T23:00:00Z"), Instant.parse("1969-07-20T20:17:40Z"),
            Instant.parse("1945-08-15T12:00:00.5Z"), Instant.parse("1883-11-18T16:59:59Z"),
            Instant.parse("1800-01-01T00:00:00Z"), Instant.parse("0001-01-01T00:00:00Z"),
            Instant.parse("2038-01-19T03:14:08Z"), Instant.parse("2100-07-01T12:00:00.000001Z"),
            Instant.parse("9999-12-31T23:59:59.999999Z"));

    /** TimeZone settings as a Postgres admin would type them: IANA names, UTC's names, POSIX offsets. */
    static final List<String> PG_TIMEZONES = List.of("UTC", "Etc/UTC", "GMT", "America/New_York", "Europe/London",
            "Asia/Kolkata", "Asia/Kathmandu", "Australia/Lord_Howe", "America/St_Johns", "+05:30", "-03:00", "UTC+05:00");

    static final List<String> BROWSER_ZONES = List.of("UTC", "America/New_York", "America/Los_Angeles", "Europe/London",
            "Asia/Kolkata", "Asia/Kathmandu", "Australia/Lord_Howe", "Pacific/Honolulu", "America/Halifax", "America/Anchorage");

    private static PostgresServer pg;
    private static final RenderSettings SETTINGS = RenderSettings.defaults(Instant.parse("2026-12-07T00:00:00Z"));

    @BeforeAll
    static void server() {
        pg = PostgresServer.shared();
    }

    private static long micros(Instant i) {
        return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1000);
    }

    private static String row(Connection c, String timeZone, long micros) throws SQLException {
        try (PreparedStatement set = c.prepareStatement("SELECT set_config('TimeZone', ?, false)")) {
            set.setString(1, timeZone);
            set.executeQuery().close();
        }
        try (PreparedStatement st = c.prepareStatement(
                "SELECT t::text, t::timestamp::text FROM (SELECT to_timestamp(?) + ? * interval '1 microsecond' AS t) x")) {
            // whole seconds are exact in a double; a large count of microseconds times an interval is not
            st.setLong(1, Math.floorDiv(micros, 1_000_000L));
            st.setLong(2, Math.floorMod(micros, 1_000_000L));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1) + "|" + rs.getString(2);
            }
        }
    }

    @Test
    void postgresPrintsTimestampAndTimestamptzAsThePaneSays() throws Exception {
        SoftAssertions soft = new SoftAssertions();
        int compared = 0;
        try (Connection c = pg.admin("postgres")) {
            for (String tz : PG_TIMEZONES) {
                ZoneId zone = ZoneId.of(tz);
                List<Instant> instants = new ArrayList<>(INSTANTS);
                instants.add(Instant.parse("+10000-01-01T00:00:00Z"));
                for (Instant i : instants) {
                    String[] real = row(c, tz, micros(i)).split("\\|");
                    soft.assertThat(TimeFormats.postgresTimestamptz(i, zone)).as("timestamptz %s under %s", i, tz).isEqualTo(real[0]);
                    soft.assertThat(TimeFormats.postgresTimestamp(i, zone)).as("timestamp %s under %s", i, tz).isEqualTo(real[1]);
                    compared += 2;
                }
            }
        }
        soft.assertAll();
        assertThat(compared).isGreaterThan(400);
    }

    /** The literals the pane's inputs can take, and near misses. */
    static final List<String> LITERALS = List.of("2023-04-15T13:15:19.922515+00:00", "2023-04-15T13:15:19.922515",
            "2023-04-15 13:15:19.922515", "2023-04-15 13:15:19.922515+00", "2023-04-15 13:15:19.922515+00:00",
            "2023-04-15T13:15:19Z", "2023-04-15t13:15:19z", "2023-04-15T13:15Z", "2023-04-15T13:15:19+0530", "2023-04-15T13:15:19+05",
            "2023-04-15T13:15:19-04:00", "2023-04-15T13:15:19+15:59", "2023-04-15T13:15:19+16:00", "2023-04-15T13:15:19-16:00",
            "2023-04-15T13:15:19,5Z", "2023-04-15T13:15:19.1234567Z", "0000-04-15T13:15:19Z", "0001-01-01T00:00:00Z",
            "-0001-04-15T13:15:19Z", "+010000-01-01T00:00:00Z", "10000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999+00:00",
            "Sat, 15 Apr 2023 13:15:19 GMT", "Sun, 15 Apr 2023 13:15:19 GMT", "sat, 15 apr 2023 13:15:19 gmt",
            "Sat, 15 Apr 2023 13:15:19 UTC", "1681564519", "1681564519.922", "1681564519922", "1681564519922515",
            "2023-04-15 13:15", "2023-04-15 13:15:19Z", "2023-04-15 13:15:19 +00:00", "2023-04-15 13:15:19,5");

    @Test
    void whichLiteralsPostgresAndLuxonReadIsWhatThePaneSays() throws Exception {
        SoftAssertions soft = new SoftAssertions();
        try (Connection c = pg.admin("postgres")) {
            c.setAutoCommit(true);
            for (String literal : LITERALS) {
                boolean reads;
                try (PreparedStatement st = c.prepareStatement("SELECT CAST(? AS timestamptz)")) {
                    st.setString(1, literal);
                    st.executeQuery().close();
                    reads = true;
                } catch (SQLException refused) {
                    reads = false;
                }
                soft.assertThat(LiteralReaders.postgresRefusal(literal).isEmpty()).as("Postgres reads '%s'", literal).isEqualTo(reads);
                // and the seed's answer says so, for every literal the pane reads
                if (TimeParser.parse(literal, RenderSettings.UTC) instanceof ParseOutcome.Parsed parsed) {
                    String answer = SeedAnswers.answer(parsed.time(), SETTINGS).get(0).answer();
                    soft.assertThat(answer.startsWith("Postgres refuses")).as("the Postgres answer for '%s': %s", literal, answer).isEqualTo(!reads);
                }
            }
        }
        JsonNode luxon = Oracles.luxon("""
                const out = input.map(i => ['fromISO', 'fromSQL', 'fromHTTP'].map(f => DateTime[f](i, {zone: 'utc'}).isValid));
                process.stdout.write(JSON.stringify(out));""", LITERALS);
        for (int n = 0; n < LITERALS.size(); n++) {
            String literal = LITERALS.get(n);
            soft.assertThat(LiteralReaders.luxonFromIso(literal)).as("fromISO('%s')", literal).isEqualTo(luxon.get(n).get(0).asBoolean());
            soft.assertThat(LiteralReaders.luxonFromSql(literal)).as("fromSQL('%s')", literal).isEqualTo(luxon.get(n).get(1).asBoolean());
            soft.assertThat(LiteralReaders.luxonFromHttp(literal)).as("fromHTTP('%s')", literal).isEqualTo(luxon.get(n).get(2).asBoolean());
            if (TimeParser.parse(literal, RenderSettings.UTC) instanceof ParseOutcome.Parsed parsed) {
                List<SeedAnswer> answers = SeedAnswers.answer(parsed.time(), SETTINGS);
                String answer = answers.get(answers.size() - 1).answer();
                soft.assertThat(answer.contains("so luxon reads it as") || answer.contains("so luxon takes it as UTC"))
                        .as("the luxon answer for '%s': %s", literal, answer).isEqualTo(luxon.get(n).get(0).asBoolean());
                soft.assertThat(answer.contains("fromSQL would read it")).as("fromSQL in the luxon answer for '%s'", literal)
                        .isEqualTo(luxon.get(n).get(1).asBoolean() && !luxon.get(n).get(0).asBoolean());
                soft.assertThat(answer.contains("fromHTTP would read it")).as("fromHTTP in the luxon answer for '%s'", literal)
                        .isEqualTo(luxon.get(n).get(2).asBoolean());
            }
        }
        soft.assertAll();
    }

    @Test
    void psycopgReturnsTheObjectsThePaneSays() {
        Oracles.assumePsycopg();
        List<Map<String, Object>> cases = new ArrayList<>();
        for (String tz : PG_TIMEZONES) {
            for (Instant i : INSTANTS) cases.add(Map.of("tz", tz, "micros", micros(i)));
        }
        JsonNode real = Oracles.python("""
                import psycopg, logging
                logging.disable(logging.WARNING)  # psycopg warns of a TimeZone ZoneInfo cannot name, then uses UTC
                out = []
                conns = {}
                for case in input["cases"]:
                    tz = case["tz"]
                    if tz not in conns:
                        conns[tz] = psycopg.connect(input["conninfo"], options="-c TimeZone=" + tz.replace("+", "\\\\+"))
                    m = case["micros"]
                    try:
                      row = conns[tz].execute("SELECT t, t::timestamp FROM (SELECT to_timestamp(%s) + %s * interval '1 microsecond' AS t) x",
                                            (m // 1000000, m % 1000000)).fetchone()
                      out.append([repr(row[0]), repr(row[1])])
                    except psycopg.DataError:  # Python's datetime holds years 1 to 9999 only
                      conns[tz].rollback()
                      out.append(["OUT OF RANGE", "OUT OF RANGE"])
                print(json.dumps(out))
                """, Map.of("cases", cases, "conninfo", "host=127.0.0.1 port=" + pg.port() + " user=postgres dbname=postgres password="
                + PostgresServer.PASSWORD));
        SoftAssertions soft = new SoftAssertions();
        for (int n = 0; n < cases.size(); n++) {
            String tz = (String) cases.get(n).get("tz");
            Instant i = Instant.EPOCH.plus((Long) cases.get(n).get("micros"), ChronoUnit.MICROS);
            for (int col = 0; col < 2; col++) {
                String mine = col == 0 ? TimeFormats.psycopgFromTimestamptz(i, ZoneId.of(tz)) : TimeFormats.psycopgFromTimestamp(i, ZoneId.of(tz));
                String theirs = real.get(n).get(col).asText();
                var check = soft.assertThat(mine).as("%s %s under %s", col == 0 ? "timestamptz" : "timestamp", i, tz);
                if (theirs.equals("OUT OF RANGE")) check.startsWith("(out of range");
                else check.isEqualTo(theirs);
            }
        }
        soft.assertAll();
    }

    @Test
    void replaceTzinfoKeepsTheWallTimeEvenInAGap() {
        List<String> walls = List.of("2023-03-12T02:30:00", "2023-11-05T01:30:00", "2023-03-26T01:30:00", "2023-04-15T13:15:19.922515",
                "1969-07-20T16:17:40");
        List<String> zones = List.of("America/New_York", "Europe/London", "UTC", "Asia/Kolkata");
        List<Map<String, String>> cases = new ArrayList<>();
        for (String w : walls) for (String z : zones) cases.add(Map.of("wall", w, "zone", z));
        JsonNode real = Oracles.python("""
                print(json.dumps([repr(datetime.datetime.fromisoformat(c["wall"]).replace(tzinfo=zoneinfo.ZoneInfo(c["zone"]))) for c in input]))
                """, cases);
        SoftAssertions soft = new SoftAssertions();
        for (int n = 0; n < cases.size(); n++) {
            var c = cases.get(n);
            soft.assertThat(TimeFormats.pythonReplaceTzinfo(LocalDateTime.parse(c.get("wall")), ZoneId.of(c.get("zone"))))
                    .as("%s in %s", c.get("wall"), c.get("zone")).isEqualTo(real.get(n).asText());
        }
        soft.assertAll();
    }

    @Test
    void luxonShowsDateTimeFullAsThePaneSays() {
        List<Map<String, Object>> cases = new ArrayList<>();
        List<Instant> instants = new ArrayList<>(INSTANTS);
        instants.add(Instant.parse("0000-06-01T12:00:00Z"));
        instants.add(Instant.parse("-0001-06-01T12:00:00Z"));
        instants.add(Instant.parse("+10000-01-01T00:00:00Z"));
        for (String z : BROWSER_ZONES) {
            for (Instant i : instants) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("ms", i.toEpochMilli());
                m.put("zone", z);
                cases.add(m);
            }
        }
        JsonNode real = Oracles.luxon("""
                const out = input.map(c => DateTime.fromMillis(c.ms, {zone: c.zone}).setLocale('en-US').toLocaleString(DateTime.DATETIME_FULL));
                process.stdout.write(JSON.stringify(out));""", cases);
        SoftAssertions soft = new SoftAssertions();
        for (int n = 0; n < cases.size(); n++) {
            Instant i = Instant.ofEpochMilli((Long) cases.get(n).get("ms"));
            String z = (String) cases.get(n).get("zone");
            soft.assertThat(TimeFormats.luxonDateTimeFull(i, ZoneId.of(z))).as("%s in %s", i, z)
                    .isEqualTo(real.get(n).asText().replace('\u202f', ' '));
        }
        soft.assertAll();
    }

    @Test
    void everyCanonicalKeyIsOneCPythonReadsBackAndSortsByTime() {
        List<String> keys = INSTANTS.stream().map(i -> dev.cruddur.admin.domain.SortKeyTime.canonicalIfAny(i).orElseThrow()).toList();
        JsonNode real = Oracles.python("""
                out = []
                for k in input:
                    d = datetime.datetime.fromisoformat(k)
                    out.append(d.astimezone(datetime.timezone.utc).isoformat(timespec="microseconds"))
                print(json.dumps(out))
                """, keys);
        for (int n = 0; n < keys.size(); n++) assertThat(real.get(n).asText()).isEqualTo(keys.get(n));
        assertThat(keys.stream().sorted().toList()).isEqualTo(INSTANTS.stream().sorted()
                .map(i -> dev.cruddur.admin.domain.SortKeyTime.canonicalIfAny(i).orElseThrow()).toList());
        // past year 9999 there is no key CPython could read, and none that would sort after 9999's
        Instant past = Instant.parse("+10000-01-01T00:00:00Z");
        assertThat(dev.cruddur.admin.domain.SortKeyTime.canonicalIfAny(past)).isEmpty();
        assertThat(TimeFormats.render(past, SETTINGS).get(0).value()).startsWith("(none:");
    }
}
