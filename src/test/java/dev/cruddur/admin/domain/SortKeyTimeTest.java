package dev.cruddur.admin.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SortKeyTimeTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026-11-25T08:15:00.000000+00:00 | 2026-11-25T08:15:00Z        | CANONICAL",
            "2023-04-15T13:15:19.922515+00:00 | 2023-04-15T13:15:19.922515Z | CANONICAL",
            "2023-04-15T13:15:19.922515       | 2023-04-15T13:15:19.922515Z | NAIVE",
            "2023-04-15 13:15:19.922515       | 2023-04-15T13:15:19.922515Z | NAIVE",
            "2023-04-15 13:15:19.922515+00    | 2023-04-15T13:15:19.922515Z | POSTGRES_TZ",
            "2023-04-15 13:15:19-04           | 2023-04-15T17:15:19Z        | POSTGRES_TZ",
            "2023-04-15 13:15:19+05:30        | 2023-04-15T07:45:19Z        | POSTGRES_TZ",
            "2023-04-15T13:15:19Z             | 2023-04-15T13:15:19Z        | UTC_Z",
            "2023-04-15T13:15:19.5+00:00      | 2023-04-15T13:15:19.5Z      | OFFSET",
            "2023-04-15T09:15:19.922515-04:00 | 2023-04-15T13:15:19.922515Z | OFFSET",
            "2023-04-15T13:15:19.123456789Z   | 2023-04-15T13:15:19.123456789Z | UTC_Z",
            "'Sat, 15 Apr 2023 13:15:19 GMT'  | 2023-04-15T13:15:19Z        | HTTP_DATE",
    })
    void readsEveryFormOfCruddursStack(String raw, String instant, SortKeyTime.Form form) {
        SortKeyTime t = SortKeyTime.parse(raw);
        assertThat(t.form()).isEqualTo(form);
        assertThat(t.instant()).contains(Instant.parse(instant));
    }

    @ParameterizedTest
    @CsvSource({"hello", "2023-02-30T10:00:00Z", "''", "2023-13-01 00:00:00"})
    void unreadableValuesAreFlaggedNotThrown(String raw) {
        SortKeyTime t = SortKeyTime.parse(raw);
        assertThat(t.readable()).isFalse();
        assertThat(t.form()).isEqualTo(SortKeyTime.Form.UNREADABLE);
    }

    @Test
    void canonicalFormHasSixDigitsAndPlusZero() {
        assertThat(SortKeyTime.canonical(Instant.parse("2026-11-25T08:15:00Z"))).isEqualTo("2026-11-25T08:15:00.000000+00:00");
        assertThat(SortKeyTime.canonical(Instant.parse("1999-12-31T23:59:59.9999999Z"))).isEqualTo("1999-12-31T23:59:59.999999+00:00");
        assertThat(SortKeyTime.parse("2023-04-15T13:15:19.922515").canonicalForm()).contains("2023-04-15T13:15:19.922515+00:00");
    }
}
