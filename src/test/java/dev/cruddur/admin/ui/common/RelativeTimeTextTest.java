package dev.cruddur.admin.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.domain.SortKeyTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RelativeTimeTextTest {
    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");

    @Test
    void minutesHoursDaysThenADate() {
        assertThat(RelativeTimeText.of(NOW.minusSeconds(20), NOW, ZoneOffset.UTC)).isEqualTo("just now");
        assertThat(RelativeTimeText.of(NOW.minus(Duration.ofMinutes(3)), NOW, ZoneOffset.UTC)).isEqualTo("3m");
        assertThat(RelativeTimeText.of(NOW.minus(Duration.ofHours(5)), NOW, ZoneOffset.UTC)).isEqualTo("5h");
        assertThat(RelativeTimeText.of(NOW.minus(Duration.ofDays(2)), NOW, ZoneOffset.UTC)).isEqualTo("2d");
        assertThat(RelativeTimeText.of(NOW.minus(Duration.ofDays(10)), NOW, ZoneOffset.UTC)).isEqualTo("Nov 15");
        assertThat(RelativeTimeText.of(Instant.parse("2025-03-01T10:00:00Z"), NOW, ZoneOffset.UTC)).isEqualTo("Mar 1, 2025");
        assertThat(RelativeTimeText.of(NOW.plusSeconds(30), NOW, ZoneOffset.UTC)).isEqualTo("just now");
    }

    @Test
    void tooltipTellsLocalUtcAndTheRawSortKey() {
        SortKeyTime t = SortKeyTime.parse("2026-11-25T08:15:00.000000+00:00");
        String tip = RelativeTimeText.tooltip(t, ZoneId.of("Asia/Kolkata"));
        assertThat(tip).contains("Wednesday 25 November 2026, 13:45:00 (Asia/Kolkata)")
                .contains("2026-11-25 08:15:00.000000 UTC").contains("sk: 2026-11-25T08:15:00.000000+00:00");
        assertThat(RelativeTimeText.clock(t, ZoneId.of("Asia/Kolkata"))).isEqualTo("13:45");
        assertThat(RelativeTimeText.tooltip(SortKeyTime.parse("2023-04-15T13:15:19.922515"), ZoneOffset.UTC)).contains("naive");
        assertThat(RelativeTimeText.tooltip(SortKeyTime.parse("garbage"), ZoneOffset.UTC)).contains("Not a readable timestamp");
    }
}
