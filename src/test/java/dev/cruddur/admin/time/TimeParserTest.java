package dev.cruddur.admin.time;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeParserTest {

    static ParsedTime parsed(String input, String zone) {
        ParseOutcome outcome = TimeParser.parse(input, ZoneId.of(zone));
        return assertInstanceOf(ParseOutcome.Parsed.class, outcome, () -> outcome.toString()).time();
    }

    static ParsedTime parsed(String input) {
        return parsed(input, "UTC");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2023-04-15T13:15:19.922515+00:00 | CANONICAL            | 2023-04-15T13:15:19.922515Z | false | 6
            2026-11-25T08:15:00.000000+00:00 | CANONICAL            | 2026-11-25T08:15:00Z        | false | 6
            2023-04-15T13:15:19Z             | ISO_Z                | 2023-04-15T13:15:19Z        | false | 0
            2023-04-15T13:15:19.922515Z      | ISO_Z                | 2023-04-15T13:15:19.922515Z | false | 6
            2023-04-15T13:15:19.922515+00:00:| ISO_Z                | 2023-04-15T13:15:19.922515Z | false | 6
            2023-04-15T09:15:19.922515-04:00 | ISO_OFFSET           | 2023-04-15T13:15:19.922515Z | false | 6
            2023-04-15T19:00:19.922515+05:45 | ISO_OFFSET           | 2023-04-15T13:15:19.922515Z | false | 6
            2023-04-15T03:45:19-09:30        | ISO_OFFSET           | 2023-04-15T13:15:19Z        | false | 0
            2023-04-15T13:15:19+00:00        | ISO_OFFSET           | 2023-04-15T13:15:19Z        | false | 0
            2023-04-15T13:15:19.922+0000     | ISO_OFFSET           | 2023-04-15T13:15:19.922Z    | false | 3
            2023-04-15T13:15:19.922515       | NAIVE_ISO            | 2023-04-15T13:15:19.922515Z | true  | 6
            2023-04-15T13:15                 | NAIVE_ISO            | 2023-04-15T13:15:00Z        | true  | 0
            2023-04-15 13:15:19.922515       | NAIVE_SPACE          | 2023-04-15T13:15:19.922515Z | true  | 6
            2023-04-05 12:30:45              | NAIVE_SPACE          | 2023-04-05T12:30:45Z        | true  | 0
            2023-04-15 13:15:19.922515+00    | POSTGRES_TIMESTAMPTZ | 2023-04-15T13:15:19.922515Z | false | 6
            2023-04-15 09:15:19.9225-04      | POSTGRES_TIMESTAMPTZ | 2023-04-15T13:15:19.922500Z | false | 4
            2023-04-15 18:45:19.922515+05:30 | POSTGRES_TIMESTAMPTZ | 2023-04-15T13:15:19.922515Z | false | 6
            2023-04-15 13:15:19.922515+00:00 | PYTHON_STR_AWARE     | 2023-04-15T13:15:19.922515Z | false | 6
            Sat, 15 Apr 2023 13:15:19 GMT    | HTTP_DATE            | 2023-04-15T13:15:19Z        | false | 0
            sat, 15 apr 2023 13:15:19 utc    | HTTP_DATE            | 2023-04-15T13:15:19Z        | false | 0
            1681564519                       | EPOCH_SECONDS        | 2023-04-15T13:15:19Z        | false | 0
            1681564519.922515                | EPOCH_SECONDS        | 2023-04-15T13:15:19.922515Z | false | 6
            1681564519922                    | EPOCH_MILLIS         | 2023-04-15T13:15:19.922Z    | false | 0
            1681564519922515                 | EPOCH_MICROS         | 2023-04-15T13:15:19.922515Z | false | 0
            0                                | EPOCH_SECONDS        | 1970-01-01T00:00:00Z        | false | 0
            -1.5                             | EPOCH_SECONDS        | 1969-12-31T23:59:58.500Z    | false | 1
            99999999999                      | EPOCH_SECONDS        | 5138-11-16T09:46:39Z        | false | 0
            100000000000                     | EPOCH_MILLIS         | 1973-03-03T09:46:40Z        | false | 0
            99999999999999                   | EPOCH_MILLIS         | 5138-11-16T09:46:39.999Z    | false | 0
            100000000000000                  | EPOCH_MICROS         | 1973-03-03T09:46:40Z        | false | 0
            1999-12-31T23:59:59.999999Z      | ISO_Z                | 1999-12-31T23:59:59.999999Z | false | 6
            2000-01-01T00:00:00.000000+00:00 | CANONICAL            | 2000-01-01T00:00:00Z        | false | 6
            2000-01-01 00:00:00              | NAIVE_SPACE          | 2000-01-01T00:00:00Z        | true  | 0
            2100-03-01T00:00:00Z             | ISO_Z                | 2100-03-01T00:00:00Z        | false | 0
            2024-02-29T12:00:00Z             | ISO_Z                | 2024-02-29T12:00:00Z        | false | 0
            2024-02-29 12:00:00+00           | POSTGRES_TIMESTAMPTZ | 2024-02-29T12:00:00Z        | false | 0
            """)
    void recognisesEachForm(String input, InputForm form, String instant, boolean naive, int fractionDigits) {
        ParsedTime t = parsed(input.endsWith(":") ? input.substring(0, input.length() - 1).replace("+00:00", "Z") : input);
        assertEquals(form, t.form());
        assertEquals(instant, t.instant().toString());
        assertEquals(naive, t.naive());
        assertEquals(fractionDigits, t.fractionDigits());
        assertTrue(t.dst().isEmpty());
    }

    @ParameterizedTest(name = "{0} digits")
    @CsvSource(delimiter = '|', textBlock = """
            2023-04-15T13:15:19Z           | 2023-04-15T13:15:19Z
            2023-04-15T13:15:19.9Z         | 2023-04-15T13:15:19.900Z
            2023-04-15T13:15:19.92Z        | 2023-04-15T13:15:19.920Z
            2023-04-15T13:15:19.922Z       | 2023-04-15T13:15:19.922Z
            2023-04-15T13:15:19.9225Z      | 2023-04-15T13:15:19.922500Z
            2023-04-15T13:15:19.92251Z     | 2023-04-15T13:15:19.922510Z
            2023-04-15T13:15:19.922515Z    | 2023-04-15T13:15:19.922515Z
            2023-04-15T13:15:19.9225151Z   | 2023-04-15T13:15:19.922515100Z
            2023-04-15T13:15:19.92251512Z  | 2023-04-15T13:15:19.922515120Z
            2023-04-15T13:15:19.922515123Z | 2023-04-15T13:15:19.922515123Z
            2023-04-15T13:15:19,5Z         | 2023-04-15T13:15:19.500Z
            """)
    void readsZeroToNineFractionDigits(String input, String instant) {
        assertEquals(instant, parsed(input).instant().toString());
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2023-04-15 13:15:19.922515 | UTC              | 2023-04-15T13:15:19.922515Z
            2023-04-15 13:15:19.922515 | America/New_York | 2023-04-15T17:15:19.922515Z
            2023-04-15T13:15:19        | Asia/Kathmandu   | 2023-04-15T07:30:19Z
            2023-04-15T13:15:19        | Europe/London    | 2023-04-15T12:15:19Z
            2023-04-15T13:15:19Z       | Asia/Kathmandu   | 2023-04-15T13:15:19Z
            2023-04-15 13:15:19+00     | America/New_York | 2023-04-15T13:15:19Z
            """)
    void naiveValuesTakeTheChosenZoneAndOthersIgnoreIt(String input, String zone, String instant) {
        ParsedTime t = parsed(input, zone);
        assertEquals(instant, t.instant().toString());
        assertEquals(t.naive() ? ZoneId.of(zone) : t.zone(), t.zone());
    }

    @ParameterizedTest(name = "gap {0} in {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2023-03-12T02:30:00        | America/New_York    | 2023-03-12T07:30:00Z | 2023-03-12T06:30:00Z
            2023-03-26 01:30:00        | Europe/London       | 2023-03-26T01:30:00Z | 2023-03-26T00:30:00Z
            2023-10-01T02:15:00        | Australia/Lord_Howe | 2023-09-30T15:45:00Z | 2023-09-30T15:15:00Z
            1986-01-01T00:10:00        | Asia/Kathmandu      | 1985-12-31T18:40:00Z | 1985-12-31T18:25:00Z
            2024-03-10 02:00:00.000001 | America/New_York    | 2024-03-10T07:00:00.000001Z | 2024-03-10T06:00:00.000001Z
            """)
    void aLocalTimeInAGapIsShiftedForwardAndNamesTheOtherCandidate(String input, String zone, String shifted,
                                                                  String before) {
        ParsedTime t = parsed(input, zone);
        var gap = assertInstanceOf(LocalTimeAmbiguity.Gap.class, t.dst().orElseThrow());
        assertEquals(shifted, t.instant().toString());
        assertEquals(shifted, gap.shiftedForward().toString());
        assertEquals(before, gap.before().toString());
        assertTrue(t.naive());
    }

    @ParameterizedTest(name = "overlap {0} in {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2023-11-05T01:30:00 | America/New_York    | -04:00 | 2023-11-05T05:30:00Z | -05:00 | 2023-11-05T06:30:00Z
            2023-10-29 01:30:00 | Europe/London       | +01:00 | 2023-10-29T00:30:00Z | Z      | 2023-10-29T01:30:00Z
            2023-04-02T01:45:00 | Australia/Lord_Howe | +11:00 | 2023-04-01T14:45:00Z | +10:30 | 2023-04-01T15:15:00Z
            2023-04-02T01:30:00 | Australia/Lord_Howe | +11:00 | 2023-04-01T14:30:00Z | +10:30 | 2023-04-01T15:00:00Z
            """)
    void aLocalTimeInAnOverlapGivesBothOffsets(String input, String zone, String earlierOffset, String earlier,
                                               String laterOffset, String later) {
        ParsedTime t = parsed(input, zone);
        var overlap = assertInstanceOf(LocalTimeAmbiguity.Overlap.class, t.dst().orElseThrow());
        assertEquals(earlier, t.instant().toString());
        assertEquals(ZoneOffset.of(earlierOffset), overlap.earlierOffset());
        assertEquals(earlier, overlap.earlier().toString());
        assertEquals(ZoneOffset.of(laterOffset), overlap.laterOffset());
        assertEquals(later, overlap.later().toString());
    }

    @ParameterizedTest(name = "{0} in {1} is unambiguous")
    @CsvSource(delimiter = '|', textBlock = """
            2023-03-12T03:00:00 | America/New_York
            2023-03-12T01:59:59 | America/New_York
            2023-11-05T02:00:00 | America/New_York
            2023-04-02T02:00:00 | Australia/Lord_Howe
            2023-10-01T02:30:00 | Australia/Lord_Howe
            1986-01-01T00:15:00 | Asia/Kathmandu
            """)
    void theEdgesOfATransitionAreNotAmbiguous(String input, String zone) {
        assertTrue(parsed(input, zone).dst().isEmpty());
    }

    @Test
    void describesAGapInWords() {
        assertEquals("2023-03-12T02:30:00 does not exist in America/New_York: clocks jumped from 02:00 to 03:00 "
                        + "(-05:00 to -04:00). Read as 2023-03-12T03:30:00-04:00 (2023-03-12T07:30:00Z), shifted forward "
                        + "by 1 hour as Java, Python (fold=0) and Postgres do; the other candidate is "
                        + "2023-03-12T01:30:00-05:00 (2023-03-12T06:30:00Z).",
                parsed("2023-03-12T02:30:00", "America/New_York").dst().orElseThrow().describe());
        assertEquals("2023-10-01T02:15:00 does not exist in Australia/Lord_Howe: clocks jumped from 02:00 to 02:30 "
                        + "(+10:30 to +11:00). Read as 2023-10-01T02:45:00+11:00 (2023-09-30T15:45:00Z), shifted forward "
                        + "by 30 minutes as Java, Python (fold=0) and Postgres do; the other candidate is "
                        + "2023-10-01T01:45:00+10:30 (2023-09-30T15:15:00Z).",
                parsed("2023-10-01T02:15:00", "Australia/Lord_Howe").dst().orElseThrow().describe());
    }

    @Test
    void describesAnOverlapInWords() {
        assertEquals("2023-11-05T01:30:00 happens twice in America/New_York: clocks went back from 02:00 to 01:00. "
                        + "Earlier at -04:00 (2023-11-05T05:30:00Z), later at -05:00 (2023-11-05T06:30:00Z). Read as the "
                        + "earlier, as Java and Python (fold=0) do; Postgres takes the later.",
                parsed("2023-11-05T01:30:00", "America/New_York").dst().orElseThrow().describe());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            1681564519          | 10 digits, below 10^11: read as epoch seconds (as milliseconds it would be 1970-01-20T11:06:04.519Z)
            1681564519922       | 13 digits, from 10^11 to below 10^14: read as epoch milliseconds (as seconds it would be in the year 55256)
            1681564519922515    | 16 digits, from 10^14 to below 10^17: read as epoch microseconds (as milliseconds it would be in the year 55256)
            """)
    void statesTheEpochGuess(String input, String guess) {
        assertEquals(guess, parsed(input).guess().orElseThrow());
    }

    @Test
    void saysWhenASpacedNaiveValueCanOnlyBePostgres() {
        assertEquals("Postgres timestamp: psql trims trailing zero digits, Python's str() always writes six or none",
                parsed("2023-04-15 13:15:19.9225").guess().orElseThrow());
        assertEquals("Postgres timestamp or Python str() of a naive datetime: both write it this way",
                parsed("2023-04-15 13:15:19.922515").guess().orElseThrow());
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', emptyValue = "", textBlock = """
            ''                               | Not a timestamp: the input is empty; expected ISO 8601 (2023-04-15T13:15:19Z), Postgres (2023-04-15 13:15:19+00), an HTTP date or epoch seconds/milliseconds/microseconds
            hello                            | Not a timestamp: expected ISO 8601 (2023-04-15T13:15:19Z), Postgres (2023-04-15 13:15:19+00), an HTTP date or epoch seconds/milliseconds/microseconds
            2023-04-15                       | Not a timestamp: expected ISO 8601 (2023-04-15T13:15:19Z), Postgres (2023-04-15 13:15:19+00), an HTTP date or epoch seconds/milliseconds/microseconds
            2023-04-15T13:15:19.1234567890Z  | Not a timestamp: expected ISO 8601 (2023-04-15T13:15:19Z), Postgres (2023-04-15 13:15:19+00), an HTTP date or epoch seconds/milliseconds/microseconds
            2023-02-29T12:00:00Z             | Not a timestamp: 2023-02-29 does not exist (2023 is not a leap year); expected ISO 8601 (2023-04-15T13:15:19Z), Postgres (2023-04-15 13:15:19+00), an HTTP date or epoch seconds/milliseconds/microseconds
            2100-02-29 00:00:00              | Not a timestamp: 2100-02-29 does not exist (2100 is not a leap year); expected ISO 8601 (2023-04-15T13:15:19Z), Postgres (2023-04-15 13:15:19+00), an HTTP date or epoch seconds/milliseconds/microseconds
            2023-04-31T12:00:00Z             | Not a timestamp: 2023-04-31 does not exist (April 2023 has 30 days); expected ISO 8601 (2023-04-15T13:15:19Z), Postgres (2023-04-15 13:15:19+00), an HTTP date or epoch seconds/milliseconds/microseconds
            2023-13-01T12:00:00Z             | Not a timestamp: month 13 does not exist; expected ISO 8601 (2023-04-15T13:15:19Z), Postgres (2023-04-15 13:15:19+00), an HTTP date or epoch seconds/milliseconds/microseconds
            2023-04-15T24:00:00Z             | Not a timestamp: hour 24 does not exist (00 to 23); expected ISO 8601 (2023-04-15T13:15:19Z), Postgres (2023-04-15 13:15:19+00), an HTTP date or epoch seconds/milliseconds/microseconds
            2016-12-31T23:59:60Z             | Not a timestamp: second 60 does not exist (00 to 59; leap seconds are not kept); expected ISO 8601 (2023-04-15T13:15:19Z), Postgres (2023-04-15 13:15:19+00), an HTTP date or epoch seconds/milliseconds/microseconds
            2023-04-15T13:15:19+19:00        | Not a timestamp: offset +19:00 is beyond ±18:00; expected ISO 8601 (2023-04-15T13:15:19Z), Postgres (2023-04-15 13:15:19+00), an HTTP date or epoch seconds/milliseconds/microseconds
            2023-04-15T13:15:19+05:75        | Not a timestamp: offset +05:75 has 75 minutes; expected ISO 8601 (2023-04-15T13:15:19Z), Postgres (2023-04-15 13:15:19+00), an HTTP date or epoch seconds/milliseconds/microseconds
            Fri, 15 Apr 2023 13:15:19 GMT    | Not a timestamp: 15 Apr 2023 is a Saturday, not Fri; expected ISO 8601 (2023-04-15T13:15:19Z), Postgres (2023-04-15 13:15:19+00), an HTTP date or epoch seconds/milliseconds/microseconds
            Wed, 29 Feb 2023 13:15:19 GMT    | Not a timestamp: 2023-02-29 does not exist (2023 is not a leap year); expected ISO 8601 (2023-04-15T13:15:19Z), Postgres (2023-04-15 13:15:19+00), an HTTP date or epoch seconds/milliseconds/microseconds
            Sat, 15 Apr 2023 13:15:19 EST    | Not a timestamp: expected ISO 8601 (2023-04-15T13:15:19Z), Postgres (2023-04-15 13:15:19+00), an HTTP date or epoch seconds/milliseconds/microseconds
            1681564519922.5                  | Not a timestamp: a number with decimals is read as epoch seconds, and 13 digits is too large for seconds; expected ISO 8601 (2023-04-15T13:15:19Z), Postgres (2023-04-15 13:15:19+00), an HTTP date or epoch seconds/milliseconds/microseconds
            100000000000000000               | Not a timestamp: 18 digits is too large even for epoch microseconds; expected ISO 8601 (2023-04-15T13:15:19Z), Postgres (2023-04-15 13:15:19+00), an HTTP date or epoch seconds/milliseconds/microseconds
            """)
    void invalidInputGetsAPlainMessage(String input, String message) {
        ParseOutcome outcome = TimeParser.parse(input, ZoneOffset.UTC);
        assertEquals(message, assertInstanceOf(ParseOutcome.Invalid.class, outcome).message());
    }

    @Test
    void leapDayOf2024IsRead() {
        assertFalse(parsed("2024-02-29T23:59:59.999999+00:00").naive());
        assertEquals("2024-02-29T23:59:59.999999Z", parsed("2024-02-29T23:59:59.999999+00:00").instant().toString());
    }

    @Test
    void summarisesWhatWasRecognised() {
        assertEquals("naive ISO 8601 with T (Python isoformat() of a naive datetime); no offset, read in America/New_York",
                parsed("2023-04-15T13:15:19.922515", "America/New_York").summary());
        assertEquals("Postgres timestamptz", parsed("2023-04-15 13:15:19.922515+00").summary());
        assertEquals("epoch milliseconds; 13 digits, from 10^11 to below 10^14: read as epoch milliseconds "
                + "(as seconds it would be in the year 55256)", parsed("1681564519922").summary());
        assertEquals("naive ISO 8601 with T (Python isoformat() of a naive datetime); no offset, read in Asia/Kathmandu; "
                        + "1986-01-01T00:10:00 does not exist in Asia/Kathmandu: clocks jumped from 00:00 to 00:15 "
                        + "(+05:30 to +05:45). Read as 1986-01-01T00:25:00+05:45 (1985-12-31T18:40:00Z), shifted forward by "
                        + "15 minutes as Java, Python (fold=0) and Postgres do; the other candidate is "
                        + "1985-12-31T23:55:00+05:30 (1985-12-31T18:25:00Z).",
                parsed("1986-01-01T00:10:00", "Asia/Kathmandu").summary());
    }

    @Test
    void withoutAZoneANaiveValueIsUtc() {
        ParsedTime t = assertInstanceOf(ParseOutcome.Parsed.class, TimeParser.parse("2023-04-15 13:15:19")).time();
        assertEquals("2023-04-15T13:15:19Z", t.instant().toString());
        assertTrue(t.naive());
    }
}
