package dev.cruddur.admin;

import dev.cruddur.admin.cli.CruddurCommand;

/**
 * The jar's entry point. It must not extend {@code Application}: launched from the classpath,
 * such a main class makes the JDK refuse to start ("JavaFX runtime components are missing").
 * With arguments it runs a command and never touches JavaFX.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            dev.cruddur.admin.ui.DesktopApp.launchWindow(args);
        } else {
            CruddurCommand.main(args);
        }
    }
}
