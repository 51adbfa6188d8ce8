package dev.cruddur.admin.time;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeedAnswersTest {

    private static final Instant NOW = Instant.parse("2023-04-15T16:45:00Z");

    private static List<SeedAnswer> answers(String input, String assumeZone, String machine, String postgres) {
        ParsedTime t = assertInstanceOf(ParseOutcome.Parsed.class, TimeParser.parse(input, ZoneId.of(assumeZone))).time();
        RenderSettings s = RenderSettings.defaults(NOW).withMachineZone(ZoneId.of(machine))
                .withPostgresTimeZone(ZoneId.of(postgres));
        return SeedAnswers.answer(t, s);
    }

    private static String answer(List<SeedAnswer> answers, String question) {
        return answers.stream().filter(a -> a.question().equals(question)).findFirst().orElseThrow().answer();
    }

    @Test
    void asksTheSeedsNineQuestionsInOrder() {
        assertEquals(List.of(
                "In what format does Postgres store datetimes?",
                "What does psycopg3 do to datetimes on the way in and on the way out?",
                "In what format does the DynamoDB table store datetimes?",
                "Does the machine's time zone matter?",
                "Which time zone does Flask use?",
                "Does Python need to convert a datetime before serving it?",
                "What does Python make of a datetime converted to a string for the API?",
                "In what format should the API serve a datetime?",
                "What datetime format, with time zones, does luxon expect?"),
                answers("2023-04-15T13:15:19Z", "UTC", "UTC", "UTC").stream().map(SeedAnswer::question).toList());
    }

    @Test
    void answersForACanonicalKeyInCruddursUtcSetup() {
        assertEquals(List.of(
                "Postgres `timestamp` drops the offset: this value would be stored as 2023-04-15 13:15:19.922515 (its wall time under TimeZone UTC) and read back by psycopg3 as a naive datetime.datetime(2023, 4, 15, 13, 15, 19, 922515), no longer saying which zone it was in. `timestamptz` keeps the instant (in UTC inside) and psql prints it in TimeZone UTC: 2023-04-15 13:15:19.922515+00.",
                "In: a naive datetime such as datetime.datetime(2023, 4, 15, 13, 15, 19, 922515) is sent as `timestamp`, an aware one such as datetime.datetime(2023, 4, 15, 13, 15, 19, 922515, tzinfo=datetime.timezone.utc) as `timestamptz`. Out: `timestamp` comes back naive, datetime.datetime(2023, 4, 15, 13, 15, 19, 922515); `timestamptz` comes back aware in the connection's TimeZone UTC, datetime.datetime(2023, 4, 15, 13, 15, 19, 922515, tzinfo=datetime.timezone.utc).",
                "A string: `sk` is of type S and DynamoDB compares it byte by byte, so one form only keeps string order equal to time order. This value's canonical key is 2023-04-15T13:15:19.922515+00:00. The input is already canonical. Cruddur's backend writes `datetime.now(timezone.utc).astimezone().isoformat()`, which on a machine in UTC gives the same string.",
                "Yes, wherever code asks for local time: on a machine in UTC, `datetime.now().isoformat()` writes 2023-04-15T13:15:19.922515 and `astimezone().isoformat()` writes 2023-04-15T13:15:19.922515+00:00. On a machine at UTC both happen to match UTC, which hides the mistake until a server runs elsewhere. Postgres uses its own TimeZone setting (UTC; initdb only takes its default from the machine); the browser's zone (UTC) only changes what luxon shows.",
                "GMT, always: Flask's JSON encoder writes a datetime as an HTTP date in whole seconds, Sat, 15 Apr 2023 13:15:19 GMT (the fraction is dropped). A naive datetime is taken to be UTC already.",
                "Yes: turn it into an ISO 8601 string before it reaches jsonify, from an aware UTC datetime: 2023-04-15T13:15:19.922515+00:00. Left to Flask it becomes Sat, 15 Apr 2023 13:15:19 GMT, which luxon's DateTime.fromISO cannot read (Invalid DateTime), and which has lost the fraction of a second.",
                "For this instant in UTC, str() gives 2023-04-15 13:15:19.922515+00:00 and isoformat() gives 2023-04-15T13:15:19.922515+00:00 (T instead of a space); a naive datetime's isoformat() gives 2023-04-15T13:15:19.922515, with no offset at all. json.dumps refuses a datetime; Flask's jsonify writes Sat, 15 Apr 2023 13:15:19 GMT.",
                "ISO 8601 with an explicit offset, in UTC, with six fraction digits: 2023-04-15T13:15:19.922515+00:00, the same string as the sort key, so the API can pass `sk` through untouched. luxon reads it as 2023-04-15T13:15:19.922Z and shows April 15, 2023 at 1:15 PM UTC in UTC.",
                "ISO 8601 with a T: Cruddur calls `DateTime.fromISO(value, {zone: 'utc'})`, which takes a value without an offset as UTC, keeps the instant of a value with one, keeps milliseconds only, and then shows it in the browser's zone. This input has an offset, so luxon reads it as 2023-04-15T13:15:19.922Z. Served canonically, a browser in UTC shows April 15, 2023 at 1:15 PM UTC (DATETIME_FULL), and Cruddur's message list shows 3h."),
                answers("2023-04-15T13:15:19.922515+00:00", "UTC", "UTC", "UTC").stream().map(SeedAnswer::answer).toList());
    }

    @Test
    void answersForANaivePostgresValueMeantInNewYork() {
        assertEquals(List.of(
                "This value has no offset, so it fits Postgres `timestamp` as written: stored as 2023-04-15 13:15:19.922515 and read back unchanged under any TimeZone, but which zone it meant (assumed here: America/New_York) is lost. Into `timestamptz` Postgres would read it in the session TimeZone Europe/London and print 2023-04-15 13:15:19.922515+01.",
                "In: a naive datetime, as this value is (datetime.datetime(2023, 4, 15, 13, 15, 19, 922515)), is sent as `timestamp` and comes back unchanged, still naive. Made aware in America/New_York (datetime.datetime(2023, 4, 15, 13, 15, 19, 922515, tzinfo=zoneinfo.ZoneInfo(key='America/New_York'))) it is sent as `timestamptz` and comes back aware in the connection's TimeZone Europe/London: datetime.datetime(2023, 4, 15, 18, 15, 19, 922515, tzinfo=zoneinfo.ZoneInfo(key='Europe/London')).",
                "A string: `sk` is of type S and DynamoDB compares it byte by byte, so one form only keeps string order equal to time order. This value's canonical key is 2023-04-15T17:15:19.922515+00:00. The input, naive with a space (Postgres timestamp, or Python str() of a naive datetime), is not canonical: stored as is, it would sort by its characters, not by its time. Cruddur's backend writes `datetime.now(timezone.utc).astimezone().isoformat()`, which on a machine in America/New_York gives 2023-04-15T13:15:19.922515-04:00: the same instant as a different string.",
                "Yes, wherever code asks for local time: on a machine in America/New_York, `datetime.now().isoformat()` writes 2023-04-15T13:15:19.922515 and `astimezone().isoformat()` writes 2023-04-15T13:15:19.922515-04:00. Neither is the canonical 2023-04-15T17:15:19.922515+00:00: keys from this server sort apart from keys written in UTC, and its naive value read as UTC is 4 hours off. Postgres uses its own TimeZone setting (Europe/London; initdb only takes its default from the machine); the browser's zone (UTC) only changes what luxon shows.",
                "GMT, always: Flask's JSON encoder writes a datetime as an HTTP date in whole seconds, Sat, 15 Apr 2023 17:15:19 GMT (the fraction is dropped). A naive datetime is taken to be UTC already: this value's wall time, meant in America/New_York, would be sent as Sat, 15 Apr 2023 13:15:19 GMT, 4 hours off.",
                "Yes: turn it into an ISO 8601 string before it reaches jsonify, from an aware UTC datetime: 2023-04-15T17:15:19.922515+00:00. Left to Flask it becomes Sat, 15 Apr 2023 17:15:19 GMT, which luxon's DateTime.fromISO cannot read (Invalid DateTime), and which has lost the fraction of a second. This value is naive: make it aware first with the zone it meant (`replace(tzinfo=ZoneInfo('America/New_York'))`), or it is served without an offset.",
                "For this instant in UTC, str() gives 2023-04-15 17:15:19.922515+00:00 and isoformat() gives 2023-04-15T17:15:19.922515+00:00 (T instead of a space); a naive datetime's isoformat() gives 2023-04-15T13:15:19.922515, with no offset at all. json.dumps refuses a datetime; Flask's jsonify writes Sat, 15 Apr 2023 17:15:19 GMT.",
                "ISO 8601 with an explicit offset, in UTC, with six fraction digits: 2023-04-15T17:15:19.922515+00:00, the same string as the sort key, so the API can pass `sk` through untouched. luxon reads it as 2023-04-15T17:15:19.922Z and shows April 15, 2023 at 5:15 PM UTC in UTC.",
                "ISO 8601 with a T: Cruddur calls `DateTime.fromISO(value, {zone: 'utc'})`, which takes a value without an offset as UTC, keeps the instant of a value with one, keeps milliseconds only, and then shows it in the browser's zone. This input has a space instead of the T, so fromISO rejects it (luxon's fromSQL would read it): Cruddur would show \"Invalid DateTime\" and \"unknown\". Served canonically, a browser in UTC shows April 15, 2023 at 5:15 PM UTC (DATETIME_FULL), and Cruddur's message list shows -30m."),
                answers("2023-04-15 13:15:19.922515", "America/New_York", "America/New_York", "Europe/London").stream()
                        .map(SeedAnswer::answer).toList());
    }

    @Test
    void answersForAnHttpDateWithoutFraction() {
        assertEquals(List.of(
                "Postgres `timestamp` drops the offset: this value would be stored as 2023-04-15 13:15:00 (its wall time under TimeZone UTC) and read back by psycopg3 as a naive datetime.datetime(2023, 4, 15, 13, 15), no longer saying which zone it was in. `timestamptz` keeps the instant (in UTC inside) and psql prints it in TimeZone UTC: 2023-04-15 13:15:00+00.",
                "In: a naive datetime such as datetime.datetime(2023, 4, 15, 13, 15) is sent as `timestamp`, an aware one such as datetime.datetime(2023, 4, 15, 13, 15, tzinfo=datetime.timezone.utc) as `timestamptz`. Out: `timestamp` comes back naive, datetime.datetime(2023, 4, 15, 13, 15); `timestamptz` comes back aware in the connection's TimeZone UTC, datetime.datetime(2023, 4, 15, 13, 15, tzinfo=datetime.timezone.utc).",
                "A string: `sk` is of type S and DynamoDB compares it byte by byte, so one form only keeps string order equal to time order. This value's canonical key is 2023-04-15T13:15:00.000000+00:00. The input, HTTP date (Flask JSON), is not canonical: stored as is, it would sort by its characters, not by its time. Cruddur's backend writes `datetime.now(timezone.utc).astimezone().isoformat()`, which on a machine in UTC gives 2023-04-15T13:15:00+00:00: the same instant as a different string.",
                "Yes, wherever code asks for local time: on a machine in UTC, `datetime.now().isoformat()` writes 2023-04-15T13:15:00 and `astimezone().isoformat()` writes 2023-04-15T13:15:00+00:00. On a machine at UTC both happen to match UTC, which hides the mistake until a server runs elsewhere. Postgres uses its own TimeZone setting (UTC; initdb only takes its default from the machine); the browser's zone (UTC) only changes what luxon shows.",
                "GMT, always: Flask's JSON encoder writes a datetime as an HTTP date in whole seconds, Sat, 15 Apr 2023 13:15:00 GMT. A naive datetime is taken to be UTC already.",
                "Yes: turn it into an ISO 8601 string before it reaches jsonify, from an aware UTC datetime: 2023-04-15T13:15:00.000000+00:00. Left to Flask it becomes Sat, 15 Apr 2023 13:15:00 GMT, which luxon's DateTime.fromISO cannot read (Invalid DateTime).",
                "For this instant in UTC, str() gives 2023-04-15 13:15:00+00:00 and isoformat() gives 2023-04-15T13:15:00+00:00 (T instead of a space); a naive datetime's isoformat() gives 2023-04-15T13:15:00, with no offset at all. Its microsecond is 0, so both leave the fraction out: not the six-digit canonical 2023-04-15T13:15:00.000000+00:00. json.dumps refuses a datetime; Flask's jsonify writes Sat, 15 Apr 2023 13:15:00 GMT.",
                "ISO 8601 with an explicit offset, in UTC, with six fraction digits: 2023-04-15T13:15:00.000000+00:00, the same string as the sort key, so the API can pass `sk` through untouched. luxon reads it as 2023-04-15T13:15:00Z and shows April 15, 2023 at 1:15 PM UTC in UTC.",
                "ISO 8601 with a T: Cruddur calls `DateTime.fromISO(value, {zone: 'utc'})`, which takes a value without an offset as UTC, keeps the instant of a value with one, keeps milliseconds only, and then shows it in the browser's zone. This input is an HTTP date, not ISO, so fromISO rejects it (luxon's fromHTTP would read it): Cruddur would show \"Invalid DateTime\" and \"unknown\". Served canonically, a browser in UTC shows April 15, 2023 at 1:15 PM UTC (DATETIME_FULL), and Cruddur's message list shows 3h."),
                answers("Sat, 15 Apr 2023 13:15:00 GMT", "UTC", "UTC", "UTC").stream().map(SeedAnswer::answer).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2023-04-15T13:15:19.922515+00:00 | 2023-04-15T13:15:19.922515+00:00
            1999-12-31T23:59:59.999999Z      | 1999-12-31T23:59:59.999999+00:00
            2100-03-01 05:45:00+05:45        | 2100-03-01T00:00:00.000000+00:00
            1709164800                       | 2024-02-29T00:00:00.000000+00:00
            """)
    void answersAreBuiltFromTheValueNotAFixedExample(String input, String canonical) {
        List<SeedAnswer> answers = answers(input, "UTC", "UTC", "UTC");
        for (String question : List.of(SeedAnswers.DYNAMODB, SeedAnswers.TRANSLATE, SeedAnswers.SERVE)) {
            assertTrue(answer(answers, question).contains(canonical), question);
        }
        if (!canonical.startsWith("2023-04-15")) {
            assertTrue(answers.stream().noneMatch(a -> a.answer().contains("2023-04-15")));
        }
    }

    @Test
    void postgresReadsARepeatedWallTimeWithTheLaterOffset() {
        assertEquals("This value has no offset, so it fits Postgres `timestamp` as written: stored as 2023-11-05 01:30:00 "
                        + "and read back unchanged under any TimeZone, but which zone it meant (assumed here: UTC) is lost. "
                        + "Into `timestamptz` Postgres would read it in the session TimeZone America/New_York and print "
                        + "2023-11-05 01:30:00-05.",
                answer(answers("2023-11-05T01:30:00", "UTC", "UTC", "America/New_York"), SeedAnswers.POSTGRES));
    }

    @Test
    void aTextLiteralWithAnotherOffsetLosesItInATimestampColumn() {
        assertEquals("Postgres `timestamp` drops the offset: this value would be stored as 2023-04-15 13:15:19 (its wall "
                        + "time under TimeZone UTC) and read back by psycopg3 as a naive datetime.datetime(2023, 4, 15, 13, "
                        + "15, 19), no longer saying which zone it was in. Written as a text literal, the offset is silently "
                        + "ignored and 2023-04-15 09:15:19 is stored. `timestamptz` keeps the instant (in UTC inside) and "
                        + "psql prints it in TimeZone UTC: 2023-04-15 13:15:19+00.",
                answer(answers("2023-04-15T09:15:19-04:00", "UTC", "UTC", "UTC"), SeedAnswers.POSTGRES));
    }
}
