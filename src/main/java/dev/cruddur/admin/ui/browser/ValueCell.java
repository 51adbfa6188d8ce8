package dev.cruddur.admin.ui.browser;

import atlantafx.base.theme.Styles;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/**
 * A cell of the item table: the value rendered by its type (a style class per type), and, when it
 * is a timestamp or an epoch number, its date in the chosen zone on a second line and in the tooltip.
 */
final class ValueCell extends TableCell<ItemBrowserViewModel.Row, ItemBrowserViewModel.Row> {
    private static final String[] TYPE_CLASSES = {"value-s", "value-n", "value-bool", "value-null", "value-json", "value-b"};
    private final String attribute;
    private final Supplier<ZoneId> zone;
    private final Label value = new Label();
    private final Label date = new Label();
    private final VBox box = new VBox(0, value, date);
    private final Tooltip tooltip = new Tooltip();

    ValueCell(String attribute, Supplier<ZoneId> zone) {
        this.attribute = attribute;
        this.zone = zone;
        getStyleClass().add("value-cell");
        value.getStyleClass().add("value-text");
        date.getStyleClass().addAll("value-date", Styles.TEXT_SMALL);
        date.managedProperty().bind(date.visibleProperty());
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    @Override
    protected void updateItem(ItemBrowserViewModel.Row row, boolean empty) {
        super.updateItem(row, empty);
        value.getStyleClass().removeAll(TYPE_CLASSES);
        if (empty || row == null) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
        Map<String, Object> values = row.values();
        if (!values.containsKey(attribute)) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
        Object v = values.get(attribute);
        String type = ValueText.typeOf(v);
        value.setText(ValueText.cell(values, attribute));
        value.getStyleClass().add(switch (type) {
            case "N" -> "value-n";
            case "BOOL" -> "value-bool";
            case "NULL" -> "value-null";
            case "B" -> "value-b";
            case "S" -> "value-s";
            default -> "value-json";
        });
        Optional<String> asDate = ValueText.date(v, zone.get());
        date.setVisible(asDate.isPresent());
        date.setText(asDate.orElse(""));
        setGraphic(box);
        String full = ValueText.of(v);
        tooltip.setText(attribute + " (" + type + ")\n" + (full.length() > 2000 ? full.substring(0, 2000) + "…" : full)
                + asDate.map(d -> "\n" + d).orElse(""));
        setTooltip(tooltip);
    }
}
