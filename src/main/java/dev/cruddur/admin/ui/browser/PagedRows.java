package dev.cruddur.admin.ui.browser;

import dev.cruddur.admin.store.ItemBrowser;
import dev.cruddur.admin.ui.common.BackgroundTasks;
import dev.cruddur.admin.ui.common.PlainErrors;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.ObservableList;

/**
 * Results read a page at a time, as the Items and PartiQL tabs both show them: each page's items
 * appended as rows, the attributes seen as columns in the order first seen, and the pages and
 * capacity so far. One place, so paging reads and counts the same in both tabs.
 */
final class PagedRows {
    private final ObservableList<ItemBrowserViewModel.Row> rows;
    private final ObservableList<String> columns;
    private int pages;
    private double capacity;
    private boolean capacityReported;

    PagedRows(ObservableList<ItemBrowserViewModel.Row> rows, ObservableList<String> columns) {
        this.rows = rows;
        this.columns = columns;
    }

    /**
     * Reads one page off the FX thread; its result is taken only while {@code stillCurrent} holds
     * (a new run or connection since makes it stale), and {@code loading} is true meanwhile.
     */
    static <P> void load(BackgroundTasks tasks, BackgroundTasks.Work<P> read, BooleanSupplier stillCurrent,
            ReadOnlyBooleanWrapper loading, Consumer<P> accept, Consumer<String> failed) {
        loading.set(true);
        tasks.run(read, (P page) -> {
            if (!stillCurrent.getAsBoolean()) return;
            loading.set(false);
            accept.accept(page);
        }, failure -> {
            if (!stillCurrent.getAsBoolean()) return;
            loading.set(false);
            failed.accept(PlainErrors.describe(failure));
        });
    }

    /**
     * Appends a page's items; {@code leading} (the keys) are the first columns when there are none yet.
     * Returns every attribute seen so far.
     */
    Set<String> add(List<ItemBrowser.BrowsedItem> items, Optional<Double> consumed, Collection<String> leading) {
        pages++;
        consumed.ifPresent(c -> {
            capacityReported = true;
            capacity += c;
        });
        LinkedHashSet<String> seen = new LinkedHashSet<>(columns);
        if (seen.isEmpty()) seen.addAll(leading);
        List<ItemBrowserViewModel.Row> added = new ArrayList<>(items.size());
        for (ItemBrowser.BrowsedItem item : items) {
            seen.addAll(item.values().keySet());
            added.add(new ItemBrowserViewModel.Row(item.values(), item.dynamoJson()));
        }
        if (!seen.equals(new LinkedHashSet<>(columns))) columns.setAll(seen);
        rows.addAll(added);
        return seen;
    }

    void clear() {
        rows.clear();
        columns.clear();
        pages = 0;
        capacity = 0;
        capacityReported = false;
    }

    int pages() {
        return pages;
    }

    /** The capacity the pages reported, when any did (DynamoDB Local and dynalite may not). */
    Optional<Double> capacity() {
        return capacityReported ? Optional.of(capacity) : Optional.empty();
    }
}
