package dev.cruddur.admin.time;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RelativeTimeTest {

    private static final Instant NOW = Instant.parse("2023-04-15T13:15:19Z");

    @ParameterizedTest(name = "value at now{0} in {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            -PT5M                 | UTC            | 5m
            -PT30S                | UTC            | 1m
            -PT29S                | UTC            | 0m
            -PT59M40S             | UTC            | 60m
            -PT1H                 | UTC            | unknown
            -PT59M59.999001S      | UTC            | unknown
            -PT3H30M              | UTC            | 3h
            -PT24H                | UTC            | unknown
            -PT25H                | UTC            | Apr 4
            -PT240H               | UTC            | Apr 4
            -PT1000H              | UTC            | Mar 3
            -PT35H                | Asia/Kathmandu | Apr 4
            PT5M                  | UTC            | -5m
            PT2H                  | UTC            | -120m
            """)
    void reproducesCruddursMessageTimeAgo(String offset, String zone, String expected) {
        Instant value = NOW.plus(Duration.parse(offset));
        assertEquals(expected, RelativeTime.cruddurMessageTimeAgo(value, NOW, ZoneId.of(zone)));
    }

    @ParameterizedTest(name = "value at now{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            PT72H     | 3d
            PT25H     | 1d
            PT2H30M   | 2h
            PT10M     | 10m
            PT1H      | ''
            PT24H     | ''
            -PT48H    | -2880m
            -PT5M     | -5m
            """)
    void reproducesCruddursTimeAgoWhichCountsUpToTheValue(String offset, String expected) {
        Instant value = NOW.plus(Duration.parse(offset));
        assertEquals(expected, RelativeTime.cruddurTimeAgo(value, NOW, ZoneId.of("UTC")));
    }

    @ParameterizedTest(name = "48 hours across New York's fall-back in {0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            America/New_York | 1d
            UTC              | 2d
            """)
    void timeAgoCountsCalendarDaysOfTheBrowsersZone(String zone, String expected) {
        Instant now = Instant.parse("2023-11-04T16:00:00Z");
        assertEquals(expected, RelativeTime.cruddurTimeAgo(now.plus(Duration.ofHours(48)), now, ZoneId.of(zone)));
    }

    @ParameterizedTest(name = "value at now{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            PT0S          | just now
            -PT10S        | just now
            PT30S         | just now
            -PT1M         | 1m
            -PT5M         | 5m
            -PT59M59S     | 59m
            -PT1H         | 1h
            -PT3H         | 3h
            -PT23H59M     | 23h
            -PT24H        | 1d
            -PT48H        | 2d
            -PT150H       | 6d
            -PT167H       | Apr 8
            -PT168H       | Apr 8
            -PT2400H      | Jan 5
            -PT2500H      | Jan 1
            -PT2520H      | Dec 31, 2022
            PT5M          | in 5m
            PT3H          | in 3h
            PT48H         | in 2d
            PT240H        | Apr 25
            """)
    void writesTheAdminsCompactRelativeTime(String offset, String expected) {
        Instant value = NOW.plus(Duration.parse(offset));
        assertEquals(expected, RelativeTime.compact(value, NOW, ZoneId.of("UTC")));
    }

    @ParameterizedTest(name = "{0} in {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2022-12-31T20:00:00Z | UTC            | Dec 31, 2022
            2022-12-31T20:00:00Z | Asia/Kathmandu | Jan 1
            2023-04-15T00:00:00Z | UTC            | Apr 15
            """)
    void writesDatesWithTheYearOnlyWhenItIsNotThisYear(String value, String zone, String expected) {
        assertEquals(expected, RelativeTime.date(Instant.parse(value), NOW, ZoneId.of(zone)));
    }

    @org.junit.jupiter.api.Test
    void countsDaysAsTheCalendarDoesSoTheListAgreesWithTheTranscriptsDaySeparators() {
        // Londo's last message on Friday 4 December at 23:00, read on Sunday 6 December at 01:00 (26 hours)
        ZoneId london = ZoneId.of("Europe/London");
        Instant friday = java.time.ZonedDateTime.of(2026, 12, 4, 23, 0, 0, 0, london).toInstant();
        Instant sunday = java.time.ZonedDateTime.of(2026, 12, 6, 1, 0, 0, 0, london).toInstant();
        assertEquals("2d", RelativeTime.compact(friday, sunday, london));
        // every hour over a fortnight: the list's days are the dates apart, as the separators count them
        for (int h = 24; h < 24 * 7; h++) {
            Instant then = sunday.minus(Duration.ofHours(h));
            long datesApart = java.time.temporal.ChronoUnit.DAYS.between(then.atZone(london).toLocalDate(), sunday.atZone(london).toLocalDate());
            String shown = RelativeTime.compact(then, sunday, london);
            assertEquals(datesApart >= 7 ? RelativeTime.date(then, sunday, london) : datesApart + "d", shown, "at -" + h + "h");
        }
    }
}
