package dev.cruddur.admin.app.connect;

import dev.cruddur.admin.users.PostgresTarget;
import java.util.Map;

/**
 * How the command line and the window name Cruddur's Postgres: Cruddur's own variable
 * ({@code CONNECTION_URL}, or {@code PROD_CONNECTION_URL} for production), or a
 * {@code postgresql://} URL whose password, if any, comes from {@code PGPASSWORD} or {@code ~/.pgpass}.
 */
public final class PostgresSpec {
    public static final String DEV_VARIABLE = "CONNECTION_URL";
    public static final String PROD_VARIABLE = "PROD_CONNECTION_URL";

    private PostgresSpec() {}

    /** The target named by {@code spec}; an {@link IllegalArgumentException} says in plain words what is wrong. */
    public static PostgresTarget resolve(String spec, Map<String, String> env) {
        if (spec == null || spec.isBlank()) throw new IllegalArgumentException("Give a postgresql:// URL, CONNECTION_URL or PROD_CONNECTION_URL.");
        String s = spec.strip();
        if (s.equals(DEV_VARIABLE) || s.equals(PROD_VARIABLE)) {
            boolean production = s.equals(PROD_VARIABLE);
            return PostgresTarget.fromEnvironment(env, production)
                    .orElseThrow(() -> new IllegalArgumentException(s + " is not set."));
        }
        // a URL typed on the command line may carry a password, as Cruddur's own variables do
        return PostgresTarget.parse(s, env, true, false);
    }
}
