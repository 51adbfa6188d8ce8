package dev.cruddur.admin.ui.common;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.util.Callback;

/**
 * Gives a table's spare width to one column. A table with the unconstrained resize policy keeps its
 * columns at their preferred widths, which on a wide window leaves the message column cut and the
 * right of the table empty; a constrained policy would squeeze many columns instead of scrolling.
 * This grows one column (the named one, else the last) to fill the width the others leave, and
 * never shrinks it below the width it was made with, so many columns still scroll sideways.
 *
 * <p>A column the user sizes (dragging its header's edge, or a double click there) keeps the
 * user's width from then on, window resizes included, as a spreadsheet keeps a width set by hand:
 * the spare width is then left empty rather than undo what the user just did. The other columns
 * still fill the table as before.
 */
public final class SpareWidth {
    private static final String BASE = SpareWidth.class.getName() + ".base";
    private static final String BY_USER = SpareWidth.class.getName() + ".byUser";

    private final TableView<?> table;
    private final String preferred;
    /** The table's vertical scroll bar, found once per skin (a lookup at every layout pass walks the whole table). */
    private ScrollBar verticalBar;

    private SpareWidth(TableView<?> table, String preferred) {
        this.table = table;
        this.preferred = preferred;
    }

    /**
     * From now on, the column titled {@code preferred} (else the last column) takes the table's spare
     * width. Sets the table's resize policy: the unconstrained one, which also tells this which
     * columns the user has sized.
     */
    public static <S> void giveTo(TableView<S> table, String preferred) {
        SpareWidth spare = new SpareWidth(table, preferred);
        Callback<TableView.ResizeFeatures, Boolean> unconstrained = TableView.UNCONSTRAINED_RESIZE_POLICY;
        // the policy is called with a column only for a user's resize (a drag or double click on the
        // header's edge); the table's own width changes call it without one
        table.setColumnResizePolicy(features -> {
            if (features.getColumn() != null) features.getColumn().getProperties().put(BY_USER, Boolean.TRUE);
            return unconstrained.call(features);
        });
        table.skinProperty().addListener((o, was, skin) -> spare.verticalBar = null);
        // after each layout pass the widths and the vertical scroll bar are known; a changed
        // width asks for one more pass, after which nothing changes and this stops
        table.needsLayoutProperty().addListener((o, was, needs) -> {
            if (!needs) spare.fill();
        });
    }

    /** Whether the user has sized this column by hand (it then keeps that width). */
    public static boolean sizedByUser(TableColumn<?, ?> column) {
        return Boolean.TRUE.equals(column.getProperties().get(BY_USER));
    }

    private void fill() {
        java.util.List<TableColumn<?, ?>> columns = new java.util.ArrayList<>(table.getVisibleLeafColumns());
        if (columns.isEmpty() || table.getWidth() <= 0) return;
        TableColumn<?, ?> target = columns.get(columns.size() - 1);
        for (TableColumn<?, ?> c : columns) if (preferred.equals(c.getText())) target = c;
        if (sizedByUser(target)) return;
        double others = 0;
        for (TableColumn<?, ?> c : columns) {
            if (c == target) continue;
            // a column that took the spare width before gives it back (unless the user has sized it since)
            if (c.getProperties().get(BASE) instanceof Double base && c.getPrefWidth() > base && !sizedByUser(c)) c.setPrefWidth(base);
            others += c.getWidth();
        }
        TableColumn<?, ?> grown = target;
        double base = (Double) grown.getProperties().computeIfAbsent(BASE, k -> grown.getPrefWidth());
        double inside = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset() - verticalBarWidth() - 1;
        double wanted = Math.max(base, Math.floor(inside - others));
        if (Math.abs(target.getPrefWidth() - wanted) >= 1) target.setPrefWidth(wanted);
    }

    private double verticalBarWidth() {
        if (verticalBar == null || verticalBar.getScene() == null) verticalBar = findVerticalBar();
        return verticalBar != null && verticalBar.isVisible() ? verticalBar.getWidth() : 0;
    }

    private ScrollBar findVerticalBar() {
        for (Node n : table.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL) return bar;
        }
        return null;
    }
}
