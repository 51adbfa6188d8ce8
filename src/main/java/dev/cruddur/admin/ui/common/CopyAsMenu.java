package dev.cruddur.admin.ui.common;

import dev.cruddur.admin.app.browse.ItemCopyAs;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * A "Copy as" submenu for one item: a line per language, each putting the snippet on the clipboard
 * and saying "Copied". The item's editor, the Browser's selected row and the transcript's message use it.
 */
public final class CopyAsMenu {
    private CopyAsMenu() {}

    /**
     * @param title   the submenu's text, e.g. "GetItem as" (what the "Copied" note names: the words before " as",
     *                after a "…: " lead-in such as "Selected item: ")
     * @param idStem  the items' ids are {@code idStem + "-" + language}, e.g. {@code item-get-python}
     * @param render  the snippet in a language, or empty when there is nothing to copy (the view model says why)
     * @param anchor  where the "Copied" note shows
     */
    public static Menu of(String title, String idStem, Function<ItemCopyAs.Language, Optional<String>> render, Supplier<Node> anchor) {
        Menu menu = new Menu(title, Icons.of(Material2AL.CONTENT_PASTE));
        menu.setId(idStem);
        for (ItemCopyAs.Language language : ItemCopyAs.Language.values()) {
            MenuItem item = new MenuItem(language.label(), Icons.of(Material2AL.CODE));
            item.setId(idStem + "-" + language.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            item.setOnAction(e -> render.apply(language).ifPresent(text ->
                    Copied.copy(text, "Copied " + what(title) + " as " + article(language) + language.label(), anchor.get())));
            menu.getItems().add(item);
        }
        return menu;
    }

    private static String what(String title) {
        String named = title.contains(": ") ? title.substring(title.indexOf(": ") + 2) : title;
        return named.endsWith(" as") ? named.substring(0, named.length() - 3) : named;
    }

    private static String article(ItemCopyAs.Language language) {
        return language == ItemCopyAs.Language.AWS_CLI ? "an " : "";
    }
}
