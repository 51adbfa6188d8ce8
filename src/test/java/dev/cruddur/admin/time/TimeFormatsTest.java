package dev.cruddur.admin.time;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Expected strings come from CPython 3.11 (isoformat, str, repr, email.utils), Node 20's Intl (luxon) and psql's rules. */
class TimeFormatsTest {

    @Test
    void rendersEveryFormInOrder() {
        Instant instant = Instant.parse("2023-04-15T13:15:19.922515Z");
        RenderSettings settings = RenderSettings.defaults(Instant.parse("2023-04-15T16:45:00Z"));
        List<String> rendered = TimeFormats.render(instant, settings).stream()
                .map(f -> f.label() + " | " + f.value()).toList();
        assertEquals(List.of(
                "Canonical sort key | 2023-04-15T13:15:19.922515+00:00",
                "UTC ISO 8601 | 2023-04-15T13:15:19.922515Z",
                "In America/New_York | 2023-04-15T09:15:19.922515-04:00",
                "In Europe/London | 2023-04-15T14:15:19.922515+01:00",
                "Python isoformat() (aware, UTC) | 2023-04-15T13:15:19.922515+00:00",
                "Python str() (aware, UTC) | 2023-04-15 13:15:19.922515+00:00",
                "Postgres timestamp (TimeZone UTC) | 2023-04-15 13:15:19.922515",
                "Postgres timestamptz (TimeZone UTC) | 2023-04-15 13:15:19.922515+00",
                "psycopg3 reads timestamp as | datetime.datetime(2023, 4, 15, 13, 15, 19, 922515)",
                "psycopg3 reads timestamptz as | datetime.datetime(2023, 4, 15, 13, 15, 19, 922515, tzinfo=datetime.timezone.utc)",
                "Flask JSON (HTTP date) | Sat, 15 Apr 2023 13:15:19 GMT",
                "Epoch seconds | 1681564519.922515",
                "Epoch milliseconds | 1681564519922",
                "luxon DATETIME_FULL in UTC | April 15, 2023 at 1:15 PM UTC",
                "Cruddur message_time_ago | 3h",
                "Cruddur time_ago | -210m",
                "Cruddur toFormat(\"LLL L\") | Apr 4",
                "Relative (admin) | 3h"), rendered);
    }

    @Test
    void rendersUnderOtherZones() {
        Instant instant = Instant.parse("2023-11-05T06:30:00Z");
        RenderSettings settings = RenderSettings.defaults(Instant.parse("2023-11-08T06:30:00Z"))
                .withDisplayZones(List.of(ZoneId.of("Asia/Kathmandu")))
                .withPostgresTimeZone(ZoneId.of("America/New_York"))
                .withBrowserZone(ZoneId.of("Australia/Lord_Howe"));
        List<String> rendered = TimeFormats.render(instant, settings).stream()
                .map(f -> f.label() + " | " + f.value()).toList();
        assertEquals(List.of(
                "Canonical sort key | 2023-11-05T06:30:00.000000+00:00",
                "UTC ISO 8601 | 2023-11-05T06:30:00Z",
                "In Asia/Kathmandu | 2023-11-05T12:15:00+05:45",
                "Python isoformat() (aware, UTC) | 2023-11-05T06:30:00+00:00",
                "Python str() (aware, UTC) | 2023-11-05 06:30:00+00:00",
                "Postgres timestamp (TimeZone America/New_York) | 2023-11-05 01:30:00",
                "Postgres timestamptz (TimeZone America/New_York) | 2023-11-05 01:30:00-05",
                "psycopg3 reads timestamp as | datetime.datetime(2023, 11, 5, 1, 30)",
                "psycopg3 reads timestamptz as | datetime.datetime(2023, 11, 5, 1, 30, fold=1, tzinfo=zoneinfo.ZoneInfo(key='America/New_York'))",
                "Flask JSON (HTTP date) | Sun, 05 Nov 2023 06:30:00 GMT",
                "Epoch seconds | 1699165800",
                "Epoch milliseconds | 1699165800000",
                "luxon DATETIME_FULL in Australia/Lord_Howe | November 5, 2023 at 5:30 PM GMT+11",
                "Cruddur message_time_ago | Nov 11",
                "Cruddur time_ago | -4320m",
                "Cruddur toFormat(\"LLL L\") | Nov 11",
                "Relative (admin) | 3d"), rendered);
    }

    @ParameterizedTest(name = "{0} under TimeZone {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2023-04-15T13:15:19.922515Z  | UTC                 | 2023-04-15 13:15:19.922515 | 2023-04-15 13:15:19.922515+00
            2023-04-15T13:15:19.922515Z  | America/New_York    | 2023-04-15 09:15:19.922515 | 2023-04-15 09:15:19.922515-04
            2023-04-15T13:15:19.922515Z  | Asia/Kolkata        | 2023-04-15 18:45:19.922515 | 2023-04-15 18:45:19.922515+05:30
            2023-04-15T13:15:19.922515Z  | Asia/Kathmandu      | 2023-04-15 19:00:19.922515 | 2023-04-15 19:00:19.922515+05:45
            2023-04-15T13:15:19.922515Z  | Australia/Lord_Howe | 2023-04-15 23:45:19.922515 | 2023-04-15 23:45:19.922515+10:30
            2023-04-15T13:15:19.922515Z  | Pacific/Marquesas   | 2023-04-15 03:45:19.922515 | 2023-04-15 03:45:19.922515-09:30
            2023-04-15T13:15:19.922500Z  | UTC                 | 2023-04-15 13:15:19.9225   | 2023-04-15 13:15:19.9225+00
            2023-04-15T13:15:19.100Z     | America/St_Johns    | 2023-04-15 10:45:19.1      | 2023-04-15 10:45:19.1-02:30
            2023-04-15T13:15:19Z         | UTC                 | 2023-04-15 13:15:19        | 2023-04-15 13:15:19+00
            2023-04-15T13:15:19.9999995Z | UTC                 | 2023-04-15 13:15:20        | 2023-04-15 13:15:20+00
            2023-04-15T13:15:19.0000025Z | UTC                 | 2023-04-15 13:15:19.000002 | 2023-04-15 13:15:19.000002+00
            1999-12-31T23:59:59.999999Z  | Asia/Kathmandu      | 2000-01-01 05:44:59.999999 | 2000-01-01 05:44:59.999999+05:45
            1800-01-01T00:00:00Z         | Europe/London       | 1799-12-31 23:58:45        | 1799-12-31 23:58:45-00:01:15
            2100-03-01T00:00:00Z         | America/New_York    | 2100-02-28 19:00:00        | 2100-02-28 19:00:00-05
            -0001-06-01T00:00:00Z        | UTC                 | 0002-06-01 00:00:00 BC     | 0002-06-01 00:00:00+00 BC
            """)
    void writesPostgresAsPsqlPrintsIt(String instant, String zone, String timestamp, String timestamptz) {
        assertEquals(timestamp, TimeFormats.postgresTimestamp(Instant.parse(instant), ZoneId.of(zone)));
        assertEquals(timestamptz, TimeFormats.postgresTimestamptz(Instant.parse(instant), ZoneId.of(zone)));
    }

    @ParameterizedTest(name = "{0} with TimeZone {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2023-04-15T13:15:19.922515Z | Europe/London    | datetime.datetime(2023, 4, 15, 14, 15, 19, 922515) | datetime.datetime(2023, 4, 15, 14, 15, 19, 922515, tzinfo=zoneinfo.ZoneInfo(key='Europe/London'))
            2048-07-08T11:00:00Z        | Europe/London    | datetime.datetime(2048, 7, 8, 12, 0)               | datetime.datetime(2048, 7, 8, 12, 0, tzinfo=zoneinfo.ZoneInfo(key='Europe/London'))
            2023-11-05T05:30:00Z        | America/New_York | datetime.datetime(2023, 11, 5, 1, 30)              | datetime.datetime(2023, 11, 5, 1, 30, tzinfo=zoneinfo.ZoneInfo(key='America/New_York'))
            2023-11-05T06:30:00Z        | America/New_York | datetime.datetime(2023, 11, 5, 1, 30)              | datetime.datetime(2023, 11, 5, 1, 30, fold=1, tzinfo=zoneinfo.ZoneInfo(key='America/New_York'))
            2023-04-15T13:15:00Z        | UTC              | datetime.datetime(2023, 4, 15, 13, 15)             | datetime.datetime(2023, 4, 15, 13, 15, tzinfo=datetime.timezone.utc)
            2023-04-15T13:15:19Z        | UTC              | datetime.datetime(2023, 4, 15, 13, 15, 19)         | datetime.datetime(2023, 4, 15, 13, 15, 19, tzinfo=datetime.timezone.utc)
            2023-04-15T13:15:19Z        | Z                | datetime.datetime(2023, 4, 15, 13, 15, 19)         | datetime.datetime(2023, 4, 15, 13, 15, 19, tzinfo=datetime.timezone.utc)
            2023-04-15T13:15:19Z        | +05:30           | datetime.datetime(2023, 4, 15, 7, 45, 19)          | datetime.datetime(2023, 4, 15, 13, 15, 19, tzinfo=datetime.timezone.utc)
            2024-02-29T23:59:59.999999Z | Asia/Kathmandu   | datetime.datetime(2024, 3, 1, 5, 44, 59, 999999)   | datetime.datetime(2024, 3, 1, 5, 44, 59, 999999, tzinfo=zoneinfo.ZoneInfo(key='Asia/Kathmandu'))
            """)
    void writesWhatPsycopgHandsPython(String instant, String zone, String naive, String aware) {
        assertEquals(naive, TimeFormats.psycopgFromTimestamp(Instant.parse(instant), ZoneId.of(zone)));
        assertEquals(aware, TimeFormats.psycopgFromTimestamptz(Instant.parse(instant), ZoneId.of(zone)));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2023-04-15T13:15:19.922515Z | UTC                 | 2023-04-15T13:15:19.922515+00:00 | 2023-04-15 13:15:19.922515+00:00
            2023-04-15T13:15:19.922515Z | Asia/Kathmandu      | 2023-04-15T19:00:19.922515+05:45 | 2023-04-15 19:00:19.922515+05:45
            2023-04-15T13:15:19.922515Z | Australia/Lord_Howe | 2023-04-15T23:45:19.922515+10:30 | 2023-04-15 23:45:19.922515+10:30
            2023-04-15T13:15:00Z        | America/New_York    | 2023-04-15T09:15:00-04:00        | 2023-04-15 09:15:00-04:00
            2023-11-05T06:30:00Z        | America/New_York    | 2023-11-05T01:30:00-05:00        | 2023-11-05 01:30:00-05:00
            1999-12-31T23:59:59.999999Z | Asia/Kathmandu      | 2000-01-01T05:44:59.999999+05:45 | 2000-01-01 05:44:59.999999+05:45
            1800-01-01T00:00:00Z        | America/New_York    | 1799-12-31T19:03:58-04:56:02     | 1799-12-31 19:03:58-04:56:02
            2023-04-15T13:15:19.922515999Z | UTC              | 2023-04-15T13:15:19.922515+00:00 | 2023-04-15 13:15:19.922515+00:00
            +10000-01-01T00:00:00Z      | UTC                 | (out of range: Python's datetime holds years 1 to 9999) | (out of range: Python's datetime holds years 1 to 9999)
            """)
    void writesPythonIsoformatAndStr(String instant, String zone, String isoformat, String str) {
        assertEquals(isoformat, TimeFormats.pythonIsoformat(Instant.parse(instant), ZoneId.of(zone)));
        assertEquals(str, TimeFormats.pythonStr(Instant.parse(instant), ZoneId.of(zone)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2023-04-15T13:15:19.922515Z | Sat, 15 Apr 2023 13:15:19 GMT | 1681564519.922515 | 1681564519922
            1999-12-31T23:59:59.999999Z | Fri, 31 Dec 1999 23:59:59 GMT | 946684799.999999  | 946684799999
            2000-01-01T00:00:00Z        | Sat, 01 Jan 2000 00:00:00 GMT | 946684800         | 946684800000
            2024-02-29T00:00:00Z        | Thu, 29 Feb 2024 00:00:00 GMT | 1709164800        | 1709164800000
            2100-03-01T00:00:00Z        | Mon, 01 Mar 2100 00:00:00 GMT | 4107542400        | 4107542400000
            1969-12-31T23:59:58.500Z    | Wed, 31 Dec 1969 23:59:58 GMT | -1.5              | -1500
            1800-01-01T00:00:00Z        | Wed, 01 Jan 1800 00:00:00 GMT | -5364662400       | -5364662400000
            """)
    void writesFlaskHttpDateAndEpochs(String instant, String http, String seconds, String millis) {
        assertEquals(http, TimeFormats.httpDate(Instant.parse(instant)));
        assertEquals(seconds, TimeFormats.epochSeconds(Instant.parse(instant)));
        assertEquals(millis, Long.toString(Instant.parse(instant).toEpochMilli()));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2023-04-15T13:15:19.922515Z | UTC                 | April 15, 2023 at 1:15 PM UTC
            2023-04-15T13:15:19.922515Z | America/New_York    | April 15, 2023 at 9:15 AM EDT
            2023-04-15T13:15:19.922515Z | Europe/London       | April 15, 2023 at 2:15 PM GMT+1
            2023-04-15T13:15:19.922515Z | Asia/Kathmandu      | April 15, 2023 at 7:00 PM GMT+5:45
            2023-04-15T13:15:19.922515Z | Australia/Lord_Howe | April 15, 2023 at 11:45 PM GMT+10:30
            2023-11-05T05:30:00Z        | America/New_York    | November 5, 2023 at 1:30 AM EDT
            2023-11-05T06:30:00Z        | America/New_York    | November 5, 2023 at 1:30 AM EST
            1999-12-31T23:59:59.999999Z | UTC                 | December 31, 1999 at 11:59 PM UTC
            1999-12-31T23:59:59.999999Z | Asia/Kathmandu      | January 1, 2000 at 5:44 AM GMT+5:45
            2024-02-29T00:00:00Z        | America/Los_Angeles | February 28, 2024 at 4:00 PM PST
            2100-03-01T00:00:00Z        | Europe/London       | March 1, 2100 at 12:00 AM GMT
            2023-01-15T00:05:00Z        | Europe/London       | January 15, 2023 at 12:05 AM GMT
            2023-07-15T12:00:00Z        | Pacific/Honolulu    | July 15, 2023 at 2:00 AM HST
            2023-07-15T12:00:00Z        | America/St_Johns    | July 15, 2023 at 9:30 AM GMT-2:30
            2023-07-15T12:00:00Z        | Asia/Tokyo          | July 15, 2023 at 9:00 PM GMT+9
            2023-07-15T12:00:00Z        | Etc/GMT             | July 15, 2023 at 12:00 PM UTC
            2023-07-15T12:00:00Z        | America/Anchorage   | July 15, 2023 at 4:00 AM AKDT
            2023-01-15T12:00:00Z        | America/Halifax     | January 15, 2023 at 8:00 AM AST
            """)
    void writesLuxonDateTimeFullAsABrowserDoes(String instant, String zone, String expected) {
        assertEquals(expected, TimeFormats.luxonDateTimeFull(Instant.parse(instant), ZoneId.of(zone)));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2023-04-15T13:15:19Z | UTC              | Apr 4
            2023-12-31T23:30:00Z | Asia/Kathmandu   | Jan 1
            2023-09-10T00:00:00Z | UTC              | Sep 9
            2023-05-01T02:00:00Z | America/New_York | Apr 4
            2023-12-25T12:00:00Z | UTC              | Dec 12
            """)
    void reproducesCruddursLllLMistake(String instant, String zone, String expected) {
        assertEquals(expected, TimeFormats.luxonLllL(Instant.parse(instant), ZoneId.of(zone)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"-99999999999", "99999999999", "99999999999999999", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z"})
    void rendersTheEdgesOfTheReadableRangeWithoutFailing(String input) {
        ParseOutcome outcome = TimeParser.parse(input);
        if (outcome instanceof ParseOutcome.Parsed p) {
            List<RenderedForm> forms = TimeFormats.render(p.time().instant(), RenderSettings.defaults(Instant.EPOCH)
                    .withBrowserZone(ZoneId.of("Asia/Kathmandu")).withPostgresTimeZone(ZoneId.of("Europe/London")));
            assertEquals(18, forms.size());
        }
    }

    @Test
    void writesOutOfRangeValuesAsSuch() {
        Instant old = Instant.parse("-1199-02-15T14:13:21Z");
        assertEquals("(out of range: Python's datetime holds years 1 to 9999)", TimeFormats.pythonIsoformat(old, ZoneId.of("UTC")));
        assertEquals("(out of range: Python's datetime holds years 1 to 9999)", TimeFormats.httpDate(old));
        assertEquals("1200-02-15 14:13:21 BC", TimeFormats.postgresTimestamp(old, ZoneId.of("UTC")));
        assertEquals("(out of range: Postgres holds 4713 BC to 294276 AD)",
                TimeFormats.postgresTimestamp(Instant.parse("-5000-01-01T00:00:00Z"), ZoneId.of("UTC")));
    }
}
