package dev.cruddur.admin.ui.shell;

import java.util.function.Supplier;
import org.kordamp.ikonli.Ikon;

/** A pane of the navigation rail: an id, a title, an icon and how to build its view. */
public record AppPane(String id, String title, Ikon icon, Supplier<PaneView> view) {}
