package dev.cruddur.admin.ui.shell;

import dev.cruddur.admin.ui.MainViewModel;
import java.util.function.Function;
import org.kordamp.ikonli.Ikon;

/** A pane of the navigation rail: an id, a title, an icon and how to build its view. */
public record AppPane(String id, String title, Ikon icon, Function<MainViewModel, PaneView> view) {}
