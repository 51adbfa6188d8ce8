package dev.cruddur.admin.ui.time;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * A searchable list of IANA zones: typing filters it (any part of the id, "kathm" finds
 * Asia/Kathmandu), Enter or a click picks. What was typed is only taken when it is a zone; a
 * partial text picks the first match.
 */
final class ZonePicker extends ComboBox<String> {
    private final FilteredList<String> filtered =
            new FilteredList<>(FXCollections.observableArrayList(TimeConversionViewModel.ZONE_IDS));
    private Consumer<ZoneId> onPick = z -> {};
    private boolean clearAfterPick;
    private boolean adjusting;
    private ZoneId current;

    ZonePicker(String id, String prompt) {
        setId(id);
        setEditable(true);
        setPromptText(prompt);
        setItems(filtered);
        setVisibleRowCount(12);
        getEditor().textProperty().addListener((o, a, text) -> {
            if (adjusting) return;
            String q = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
            filtered.setPredicate(q.isEmpty() || TimeConversionViewModel.ZONE_IDS.contains(text)
                    ? null : zone -> zone.toLowerCase(Locale.ROOT).contains(q));
            if (getEditor().isFocused() && !q.isEmpty() && !filtered.isEmpty() && !isShowing()) show();
        });
        // Enter is ours: the ComboBox's own commit would take a partial text as the value
        getEditor().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                e.consume();
                pick(getEditor().getText());
                hide();
            }
        });
        // a click in the list, or the text committed as focus leaves: only a whole zone id counts then,
        // so clicking away from a half-typed name does not change the zone behind the user's back
        valueProperty().addListener((o, a, value) -> {
            if (adjusting || value == null) return;
            Optional<ZoneId> zone = TimeConversionViewModel.zoneOf(value).filter(z -> TimeConversionViewModel.ZONE_IDS.contains(value));
            if (zone.isPresent()) {
                show(clearAfterPick ? null : zone.get());
                onPick.accept(zone.get());
            } else {
                show(current);
            }
        });
    }

    /** Told of each zone picked. */
    void setOnPick(Consumer<ZoneId> onPick) {
        this.onPick = onPick;
    }

    /** After a pick the field empties (for "add a zone"), instead of showing the zone (for "the zone"). */
    void setClearAfterPick(boolean clear) {
        this.clearAfterPick = clear;
    }

    /** Shows {@code zone} as the current choice without telling anyone. */
    void show(ZoneId zone) {
        adjusting = true;
        current = zone;
        try {
            filtered.setPredicate(null);
            setValue(zone == null ? null : zone.getId());
            getEditor().setText(zone == null ? "" : zone.getId());
        } finally {
            adjusting = false;
        }
    }

    /** The first zone id containing {@code text} (any case; a space stands for an underscore). */
    static Optional<String> firstMatch(String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        String q = text.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
        return TimeConversionViewModel.ZONE_IDS.stream().filter(z -> z.toLowerCase(Locale.ROOT).equals(q)).findFirst()
                .or(() -> TimeConversionViewModel.ZONE_IDS.stream().filter(z -> z.toLowerCase(Locale.ROOT).contains(q)).findFirst());
    }

    /** Picks what {@code text} names: the zone itself, else the first zone containing it. */
    void pick(String text) {
        Optional<ZoneId> zone = TimeConversionViewModel.zoneOf(text).or(() -> firstMatch(text).flatMap(TimeConversionViewModel::zoneOf));
        if (zone.isEmpty()) return;
        show(clearAfterPick ? null : zone.get());
        onPick.accept(zone.get());
    }
}
