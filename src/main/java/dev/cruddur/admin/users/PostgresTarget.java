package dev.cruddur.admin.users;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where Cruddur's Postgres is, and with which password. The password comes from the URL only when
 * the URL came from the environment (Cruddur's {@code CONNECTION_URL}); else from {@code PGPASSWORD}
 * or {@code ~/.pgpass} ({@code PGPASSFILE}). It is never saved, printed or logged: {@link #toString()}
 * and {@link #describe()} leave it out.
 *
 * @param production from {@code PROD_CONNECTION_URL}: shown as such (every connection is read-only anyway)
 * @param parameters extra URL query parameters passed to the driver (for example {@code sslmode})
 */
public record PostgresTarget(String host, int port, String database, String user, Optional<String> password,
                             String passwordSource, boolean production, Map<String, String> parameters) {
    public static final int DEFAULT_PORT = 5432;

    public PostgresTarget {
        host = host == null || host.isBlank() ? "localhost" : host.strip();
        if (port <= 0 || port > 65535) throw new IllegalArgumentException("port " + port + " is not a TCP port");
        user = user == null || user.isBlank() ? "postgres" : user.strip();
        database = database == null || database.isBlank() ? user : database.strip();
        password = password == null ? Optional.empty() : password;
        passwordSource = password.isEmpty() ? "none" : passwordSource;
        parameters = Map.copyOf(parameters == null ? Map.of() : parameters);
    }

    /** Host, port, database and user, the password from {@code PGPASSWORD} or the password file. */
    public static PostgresTarget of(String host, int port, String database, String user, Map<String, String> env) {
        PostgresTarget bare = new PostgresTarget(host, port, database, user, Optional.empty(), "none", false, Map.of());
        return bare.withPasswordFrom(env);
    }

    /**
     * A URL (see {@link #parseUrl}) or libpq's keyword form, {@code host=db port=5432 dbname=cruddur
     * user=postgres} (values may be single-quoted): how a profile gives host, port, database and user.
     */
    public static PostgresTarget parse(String spec, Map<String, String> env, boolean passwordAllowed, boolean production) {
        if (spec == null || spec.isBlank() || spec.contains("://") || !spec.contains("=")) {
            return parseUrl(spec, env, passwordAllowed, production);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\w+)\\s*=\\s*('(?:[^'\\\\]|\\\\.)*'|\\S+)").matcher(spec.strip());
        int at = 0;
        while (m.find()) {
            if (!spec.strip().substring(at, m.start()).isBlank()) throw new IllegalArgumentException("'" + masked(spec) + "' is not host=… port=… dbname=… user=….");
            String value = m.group(2);
            if (value.startsWith("'")) value = value.substring(1, value.length() - 1).replaceAll("\\\\(.)", "$1");
            fields.put(m.group(1), value);
            at = m.end();
        }
        if (!spec.strip().substring(at).isBlank()) throw new IllegalArgumentException("'" + masked(spec) + "' is not host=… port=… dbname=… user=….");
        Optional<String> password = Optional.ofNullable(fields.remove("password"));
        if (password.isPresent() && !passwordAllowed) {
            throw new IllegalArgumentException("Leave the password out: it is read from ~/.pgpass or PGPASSWORD, never saved.");
        }
        int port;
        try {
            port = Integer.parseInt(fields.getOrDefault("port", Integer.toString(DEFAULT_PORT)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port=" + fields.get("port") + " is not a port number.");
        }
        String host = fields.remove("host");
        String database = fields.remove("dbname");
        String user = fields.remove("user");
        fields.remove("port");
        PostgresTarget target = new PostgresTarget(host, port, database, user, password, password.isPresent() ? "the connection string" : "none",
                production, fields);
        return password.isPresent() ? target : target.withPasswordFrom(env);
    }

    /**
     * A {@code postgresql://user[:password]@host[:port]/db[?param=value]} (or {@code postgres://},
     * {@code jdbc:postgresql://}) URL. A password in the URL is taken only when {@code passwordAllowed}
     * (a URL from the environment); else the URL is refused, so a saved profile never holds one.
     */
    public static PostgresTarget parseUrl(String url, Map<String, String> env, boolean passwordAllowed, boolean production) {
        if (url == null || url.isBlank()) throw new IllegalArgumentException("Give a postgresql:// URL.");
        String text = url.strip();
        if (text.startsWith("jdbc:")) text = text.substring(5);
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + masked(url) + "' is not a postgresql:// URL.");
        }
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw new IllegalArgumentException("'" + masked(url) + "' is not a postgresql:// URL (e.g. postgresql://postgres@localhost:5432/cruddur).");
        }
        String user = null;
        Optional<String> password = Optional.empty();
        String info = uri.getRawUserInfo();
        if (info != null) {
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            if (colon >= 0) {
                if (!passwordAllowed) {
                    throw new IllegalArgumentException("Leave the password out of the URL: it is read from ~/.pgpass or PGPASSWORD, never saved.");
                }
                password = Optional.of(decode(info.substring(colon + 1)));
            }
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        Map<String, String> parameters = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (key.equals("password")) throw new IllegalArgumentException("Leave the password out of the URL: it is read from ~/.pgpass or PGPASSWORD.");
                if (key.equals("user")) user = value;
                else parameters.put(key, value);
            }
        }
        PostgresTarget target = new PostgresTarget(uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(),
                decode(path), user, password, password.isPresent() ? "the URL" : "none", production, parameters);
        return password.isPresent() ? target : target.withPasswordFrom(env);
    }

    /**
     * Cruddur's own variable: {@code PROD_CONNECTION_URL} when {@code production}, else {@code CONNECTION_URL}.
     * Empty when it is not set.
     */
    public static Optional<PostgresTarget> fromEnvironment(Map<String, String> env, boolean production) {
        String variable = production ? "PROD_CONNECTION_URL" : "CONNECTION_URL";
        String url = env.get(variable);
        if (url == null || url.isBlank()) return Optional.empty();
        try {
            return Optional.of(parseUrl(url, env, true, production));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(variable + ": " + e.getMessage());
        }
    }

    /** The same target with the password from {@code PGPASSWORD}, else the password file, else none. */
    public PostgresTarget withPasswordFrom(Map<String, String> env) {
        String fromEnv = env.get("PGPASSWORD");
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return new PostgresTarget(host, port, database, user, Optional.of(fromEnv), "PGPASSWORD", production, parameters);
        }
        Path file = PasswordFile.location(env);
        Optional<String> fromFile = PasswordFile.lookup(file, host, port, database, user);
        return new PostgresTarget(host, port, database, user, fromFile, fromFile.isPresent() ? file.toString() : "none", production, parameters);
    }

    /** {@code user@host:port/database}: what to show; never the password. */
    public String describe() {
        return user + "@" + host + ":" + port + "/" + database;
    }

    /** The same target as a URL without its password, for a saved profile. */
    public String urlWithoutPassword() {
        StringBuilder url = new StringBuilder("postgresql://").append(user).append('@').append(host).append(':').append(port)
                .append('/').append(database);
        if (!parameters.isEmpty()) {
            url.append('?');
            parameters.forEach((k, v) -> url.append(k).append('=').append(v).append('&'));
            url.setLength(url.length() - 1);
        }
        return url.toString();
    }

    @Override
    public String toString() {
        return "PostgresTarget[" + describe() + ", password from " + passwordSource + (production ? ", production" : "") + "]";
    }

    /** A URL fit to print: its password replaced by {@code ***}. */
    public static String masked(String url) {
        return url == null ? "" : url.replaceAll("(//[^:/@]*):[^@/]*@", "$1:***@").replaceAll("(?i)(password\\s*=\\s*)('[^']*'|[^&\\s]*)", "$1***");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
