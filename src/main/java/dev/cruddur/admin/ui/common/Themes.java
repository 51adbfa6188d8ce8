package dev.cruddur.admin.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/** AtlantaFX Primer, light or dark, for the whole application; our own CSS uses its colour variables. */
public final class Themes {
    public static final String APP_CSS = "/dev/cruddur/admin/ui/cruddur.css";

    private Themes() {}

    public static void apply(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheetBSS() : new PrimerLight().getUserAgentStylesheetBSS());
    }

    public static String appStylesheet() {
        return Themes.class.getResource(APP_CSS).toExternalForm();
    }
}
