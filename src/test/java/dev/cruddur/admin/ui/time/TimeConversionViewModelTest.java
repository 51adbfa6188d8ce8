package dev.cruddur.admin.ui.time;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.app.time.TimePanePreferences;
import dev.cruddur.admin.time.RenderedForm;
import dev.cruddur.admin.time.SeedAnswers;
import dev.cruddur.admin.time.TimeParser;
import dev.cruddur.admin.ui.common.BackgroundTasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The conversion panel's view model without the toolkit: parsing, the grid, the zones and their file. */
class TimeConversionViewModelTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC);
    @TempDir
    Path config;
    private final SimpleStringProperty selectedSk = new SimpleStringProperty();

    private TimeConversionViewModel vm() {
        return new TimeConversionViewModel(BackgroundTasks.inline(), CLOCK, new TimePanePreferences(config), selectedSk);
    }

    private static String value(TimeConversionViewModel vm, String label) {
        return vm.forms().stream().filter(f -> f.label().equals(label)).map(RenderedForm::value).findFirst().orElse(null);
    }

    @Test
    void postgresValueIsRecognisedAndGivesTheCanonicalSortKey() {
        TimeConversionViewModel vm = vm();
        vm.inputProperty().set("2023-04-15 13:15:19.922515+00");
        assertThat(vm.recognisedProperty().get()).isEqualTo("Postgres timestamptz");
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(value(vm, "Canonical sort key")).isEqualTo("2023-04-15T13:15:19.922515+00:00");
        assertThat(value(vm, "In America/New_York")).isEqualTo("2023-04-15T09:15:19.922515-04:00");
        assertThat(vm.answers()).extracting(a -> a.question()).contains(SeedAnswers.POSTGRES, SeedAnswers.LUXON);
    }

    @Test
    void naiveValueIsReadInTheAssumedZone() {
        TimeConversionViewModel vm = vm();
        vm.inputProperty().set("2023-04-15 13:15:19.922515");
        assertThat(value(vm, "Canonical sort key")).isEqualTo("2023-04-15T13:15:19.922515+00:00");
        vm.assumedZoneProperty().set(ZoneId.of("America/New_York"));
        assertThat(vm.recognisedProperty().get()).contains("no offset, read in America/New_York");
        assertThat(value(vm, "Canonical sort key")).isEqualTo("2023-04-15T17:15:19.922515+00:00");
    }

    @Test
    void aTimeInADstGapNamesBothCandidates() {
        TimeConversionViewModel vm = vm();
        vm.assumedZoneProperty().set(ZoneId.of("America/New_York"));
        vm.inputProperty().set("2026-03-08 02:30:00");
        assertThat(vm.dstNoteProperty().get()).contains("does not exist in America/New_York")
                .contains("2026-03-08T07:30:00Z").contains("2026-03-08T06:30:00Z");
    }

    @Test
    void anEpochSaysItsGuess() {
        TimeConversionViewModel vm = vm();
        vm.inputProperty().set("1681564519922");
        assertThat(vm.recognisedProperty().get()).isEqualTo("epoch milliseconds");
        assertThat(vm.guessProperty().get()).isNotEmpty();
        assertThat(value(vm, "Canonical sort key")).isEqualTo("2023-04-15T13:15:19.922000+00:00");
    }

    @Test
    void invalidInputShowsTheParsersMessageAndKeepsTheLastGridMarkedStale() {
        TimeConversionViewModel vm = vm();
        vm.inputProperty().set("2023-04-15 13:15:19.922515+00");
        List<RenderedForm> good = List.copyOf(vm.forms());
        vm.inputProperty().set("next tuesday");
        assertThat(vm.errorProperty().get()).startsWith("Not a timestamp").contains(TimeParser.EXPECTED);
        assertThat(vm.staleProperty().get()).isTrue();
        assertThat(vm.forms()).isEqualTo(good);
        assertThat(vm.recognisedProperty().get()).isEqualTo("Postgres timestamptz");
        vm.inputProperty().set("2023-04-15T13:15:19Z");
        assertThat(vm.staleProperty().get()).isFalse();
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    void displayZonesAreRememberedAcrossRestarts() throws Exception {
        TimeConversionViewModel first = vm();
        first.addDisplayZone(ZoneId.of("Asia/Kathmandu"));
        first.removeDisplayZone(ZoneId.of("Europe/London"));
        first.assumedZoneProperty().set(ZoneId.of("Australia/Sydney"));
        assertThat(Files.readString(config.resolve(TimePanePreferences.FILE_NAME))).contains("Asia/Kathmandu");

        TimeConversionViewModel again = vm();
        assertThat(again.displayZones()).containsExactly(ZoneId.of("America/New_York"), ZoneId.of("Asia/Kathmandu"));
        assertThat(again.assumedZoneProperty().get()).isEqualTo(ZoneId.of("Australia/Sydney"));
        again.inputProperty().set("2023-04-15 13:15:19.922515+00");
        assertThat(value(again, "In Asia/Kathmandu")).isEqualTo("2023-04-15T19:00:19.922515+05:45");
        assertThat(value(again, "In Europe/London")).isNull();
    }

    @Test
    void anUnreadableZonesFileGivesTheDefaults() throws Exception {
        Files.writeString(config.resolve(TimePanePreferences.FILE_NAME), "{ not json");
        TimeConversionViewModel vm = vm();
        assertThat(vm.displayZones()).containsExactly(ZoneId.of("America/New_York"), ZoneId.of("Europe/London"));
        assertThat(vm.assumedZoneProperty().get()).isEqualTo(ZoneId.of("UTC"));
    }

    @Test
    void nowAndTheSelectedMessagesSortKeyAreOneClickInputs() {
        TimeConversionViewModel vm = vm();
        vm.useNow();
        assertThat(vm.inputProperty().get()).isEqualTo("2026-11-25T09:00:00.000000+00:00");
        assertThat(vm.recognisedProperty().get()).startsWith("canonical sort key");

        vm.useSelectedSortKey();
        assertThat(vm.noticeProperty().get()).contains("No message is selected");
        assertThat(vm.inputProperty().get()).isEqualTo("2026-11-25T09:00:00.000000+00:00");
        selectedSk.set("2023-04-15T13:15:19.922515");
        vm.useSelectedSortKey();
        assertThat(vm.inputProperty().get()).isEqualTo("2023-04-15T13:15:19.922515");
        assertThat(vm.noticeProperty().get()).isEmpty();
        assertThat(vm.recognisedProperty().get()).contains("naive ISO 8601");
    }

    @Test
    void zoneNamesAreFoundByAnyPartAndUtcComesFirst() {
        assertThat(TimeConversionViewModel.ZONE_IDS.get(0)).isEqualTo("UTC");
        assertThat(TimeConversionViewModel.ZONE_IDS).contains("Asia/Kathmandu", "America/New_York");
        assertThat(TimeConversionViewModel.zoneOf("Asia/Kathmandu")).contains(ZoneId.of("Asia/Kathmandu"));
        assertThat(TimeConversionViewModel.zoneOf("Mars/Olympus")).isEmpty();
    }
}
