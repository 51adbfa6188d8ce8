package dev.cruddur.admin.app;

import java.nio.file.Path;
import java.util.Map;

/** Where the app keeps its files, by the XDG base directory rules. */
public final class UserDirectories {
    public static final String APP = "cruddur-admin";

    private UserDirectories() {}

    /** {@code $XDG_CONFIG_HOME/cruddur-admin}, else {@code ~/.config/cruddur-admin}. */
    public static Path config(Map<String, String> env) {
        return base(env, "XDG_CONFIG_HOME", ".config");
    }

    /** {@code $XDG_DATA_HOME/cruddur-admin}, else {@code ~/.local/share/cruddur-admin}. */
    public static Path data(Map<String, String> env) {
        return base(env, "XDG_DATA_HOME", ".local/share");
    }

    private static Path base(Map<String, String> env, String variable, String fallback) {
        String xdg = env.get(variable);
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) return Path.of(xdg, APP);
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home).resolve(fallback).resolve(APP);
    }
}
