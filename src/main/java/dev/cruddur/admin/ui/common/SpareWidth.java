package dev.cruddur.admin.ui.common;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * Gives a table's spare width to one column. A table with the unconstrained resize policy keeps its
 * columns at their preferred widths, which on a wide window leaves the message column cut and the
 * right of the table empty; a constrained policy would squeeze many columns instead of scrolling.
 * This grows one column (the named one, else the last) to fill the width the others leave, and
 * never shrinks it below the width it was made with, so many columns still scroll sideways.
 */
public final class SpareWidth {
    private static final String BASE = SpareWidth.class.getName() + ".base";

    private final TableView<?> table;
    private final String preferred;

    private SpareWidth(TableView<?> table, String preferred) {
        this.table = table;
        this.preferred = preferred;
    }

    /** From now on, the column titled {@code preferred} (else the last column) takes the table's spare width. */
    public static void giveTo(TableView<?> table, String preferred) {
        SpareWidth spare = new SpareWidth(table, preferred);
        // after each layout pass the widths and the vertical scroll bar are known; a changed
        // width asks for one more pass, after which nothing changes and this stops
        table.needsLayoutProperty().addListener((o, was, needs) -> {
            if (!needs) spare.fill();
        });
    }

    private void fill() {
        java.util.List<TableColumn<?, ?>> columns = new java.util.ArrayList<>(table.getVisibleLeafColumns());
        if (columns.isEmpty() || table.getWidth() <= 0) return;
        TableColumn<?, ?> target = columns.get(columns.size() - 1);
        for (TableColumn<?, ?> c : columns) if (preferred.equals(c.getText())) target = c;
        double others = 0;
        for (TableColumn<?, ?> c : columns) {
            if (c == target) continue;
            // a column that took the spare width before gives it back
            if (c.getProperties().get(BASE) instanceof Double base && c.getPrefWidth() > base) c.setPrefWidth(base);
            others += c.getWidth();
        }
        TableColumn<?, ?> grown = target;
        double base = (Double) grown.getProperties().computeIfAbsent(BASE, k -> grown.getPrefWidth());
        double inside = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset() - verticalBarWidth() - 1;
        double wanted = Math.max(base, Math.floor(inside - others));
        if (Math.abs(target.getPrefWidth() - wanted) >= 1) target.setPrefWidth(wanted);
    }

    private double verticalBarWidth() {
        for (Node n : table.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL && bar.isVisible()) return bar.getWidth();
        }
        return 0;
    }
}
