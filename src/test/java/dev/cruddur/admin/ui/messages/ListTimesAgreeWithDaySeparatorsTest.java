package dev.cruddur.admin.ui.messages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.domain.Message;
import dev.cruddur.admin.domain.SortKeyTime;
import dev.cruddur.admin.domain.User;
import dev.cruddur.admin.ui.common.BackgroundTasks;
import dev.cruddur.admin.ui.common.RelativeTimeText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The conversation list's time (what {@code ConversationCell} shows: {@link RelativeTimeText#of})
 * and the day separator the transcript puts above the same message ({@link TranscriptViewModel}'s
 * rows, built with the same clock and zone as the window's) tell the same day: at the edges (just
 * after local midnight, a message late yesterday, the days around each DST change of the zone, a
 * zone that skipped a whole day), in zones other than UTC.
 */
class ListTimesAgreeWithDaySeparatorsTest {
    private static final DateTimeFormatter SEPARATOR = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);
    private static final User ME = new User("u-me", "me", "Me");
    private static final Pattern WITHIN_A_DAY = Pattern.compile("just now|\\d+m|\\d+h");
    private static final Pattern DAYS = Pattern.compile("(\\d+)d");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"UTC", "Europe/London", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Apia"})
    void theListsTimeAndTheTranscriptsSeparatorNameTheSameDay(String zoneId) {
        ZoneId zone = ZoneId.of(zoneId);
        List<Instant> nows = new ArrayList<>();
        nows.add(LocalDateTime.of(2026, 12, 6, 0, 5).atZone(zone).toInstant()); // just after midnight
        nows.add(LocalDateTime.of(2026, 12, 6, 12, 0).atZone(zone).toInstant());
        ZoneOffsetTransition t = zone.getRules().nextTransition(Instant.parse("2026-01-01T00:00:00Z"));
        for (int i = 0; i < 2 && t != null; i++, t = zone.getRules().nextTransition(t.getInstant())) {
            LocalDate day = t.getInstant().atZone(zone).toLocalDate();
            for (int after = 0; after <= 2; after++) {
                nows.add(day.plusDays(after).atStartOfDay(zone).plusMinutes(5).toInstant());
                nows.add(day.plusDays(after).atStartOfDay(zone).plusHours(23).plusMinutes(55).toInstant());
            }
            nows.add(t.getInstant().plus(Duration.ofMinutes(30)));
        }
        if (zoneId.equals("Pacific/Apia")) { // Friday 30 December 2011 never happened there
            nows.add(LocalDateTime.of(2011, 12, 31, 0, 30).atZone(zone).toInstant());
            nows.add(LocalDateTime.of(2012, 1, 1, 0, 30).atZone(zone).toInstant());
        }
        int checked = 0;
        for (Instant now : nows) {
            TranscriptViewModel vm = new TranscriptViewModel(BackgroundTasks.inline(), Clock.fixed(now, zone), zone);
            for (Duration ago = Duration.ZERO; ago.compareTo(Duration.ofDays(9)) < 0; ago = ago.plusMinutes(7)) {
                Instant then = now.minus(ago);
                String list = RelativeTimeText.of(SortKeyTime.of(then), now, zone);
                String separator = separatorAbove(vm, then);
                assertThat(agree(list, separator, then, now, zone))
                        .as("message at %s, read at %s in %s: the list says '%s', the separator '%s'",
                                then.atZone(zone), now.atZone(zone), zoneId, list, separator)
                        .isTrue();
                checked++;
            }
        }
        assertThat(checked).as("messages checked").isGreaterThan(3_000);
    }

    private static String separatorAbove(TranscriptViewModel vm, Instant then) {
        Message m = new Message("m", "g", ME, "hi", SortKeyTime.of(then), List.of());
        return ((TranscriptEntry.Day) vm.rows(List.of(m), null).get(0)).label();
    }

    /** Read as a user reads them: both point at the same date. */
    private static boolean agree(String list, String separator, Instant then, Instant now, ZoneId zone) {
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate day = then.atZone(zone).toLocalDate();
        String named = day.equals(today) ? "Today" : day.equals(today.minusDays(1)) ? "Yesterday" : SEPARATOR.format(day);
        if (!separator.equals(named)) return false;
        if (WITHIN_A_DAY.matcher(list).matches()) return separator.equals("Today") || separator.equals("Yesterday");
        Matcher days = DAYS.matcher(list);
        if (days.matches()) {
            long n = Long.parseLong(days.group(1));
            return separator.equals(n == 1 ? "Yesterday" : SEPARATOR.format(today.minusDays(n)));
        }
        // a date: the separator's own, a week or more back
        return list.startsWith(SHORT.format(day)) && !day.isAfter(today.minusDays(7));
    }
}
