package dev.cruddur.admin.app.connect;

import dev.cruddur.admin.domain.TableKeys;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The connection the window opens with: {@code -Dcruddur.endpoint=URL} (or {@code CRUDDUR_ENDPOINT})
 * overrides the saved profiles for this run, with {@code -Dcruddur.table}/{@code CRUDDUR_TABLE};
 * otherwise the profile used last.
 */
public final class StartupConnection {
    private StartupConnection() {}

    public static Optional<ConnectionProfile> override(Map<String, String> env, Properties props) {
        String url = props.getProperty("cruddur.endpoint", env.get("CRUDDUR_ENDPOINT"));
        if (url == null || url.isBlank()) return Optional.empty();
        String table = props.getProperty("cruddur.table", env.getOrDefault("CRUDDUR_TABLE", TableKeys.DEFAULT_TABLE));
        return Optional.of(ConnectionProfile.local("Override", url.strip(), table));
    }

    /** A user to view as at start ({@code -Dcruddur.viewer=handle}), for screenshots and tests. */
    public static Optional<String> viewer(Map<String, String> env, Properties props) {
        return Optional.ofNullable(props.getProperty("cruddur.viewer", env.get("CRUDDUR_VIEWER"))).filter(s -> !s.isBlank());
    }
}
