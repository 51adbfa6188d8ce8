package dev.cruddur.admin.users;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * One read-only JDBC connection to a {@link PostgresTarget}, opened on first use and again after it
 * broke; every failure said in plain words. Calls are serialised (a background thread at a time).
 */
final class PostgresSession implements AutoCloseable {
    private final PostgresTarget target;
    private Connection connection;

    PostgresSession(PostgresTarget target) {
        this.target = target;
    }

    PostgresTarget target() {
        return target;
    }

    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    synchronized <T> T call(Work<T> work) {
        try {
            if (connection == null || connection.isClosed()) connection = connect();
            return work.run(connection);
        } catch (SQLException e) {
            if (isConnectionLost(e)) closeQuietly();
            throw new UsersException(describe(e), e);
        }
    }

    private Connection connect() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", target.user());
        target.password().ifPresent(p -> props.setProperty("password", p));
        props.setProperty("connectTimeout", "5");
        props.setProperty("loginTimeout", "5");
        props.setProperty("socketTimeout", "30");
        props.setProperty("ApplicationName", "cruddur-admin");
        // the server itself refuses any write: this tool only reads Cruddur's Postgres
        props.setProperty("readOnly", "true");
        props.setProperty("readOnlyMode", "always");
        target.parameters().forEach(props::setProperty);
        String host = target.host().contains(":") ? "[" + target.host() + "]" : target.host();
        String database = java.net.URLEncoder.encode(target.database(), java.nio.charset.StandardCharsets.UTF_8);
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + target.port() + "/" + database, props);
    }

    private static boolean isConnectionLost(SQLException e) {
        String state = e.getSQLState();
        return state == null || state.startsWith("08") || state.startsWith("57P");
    }

    /** A failure in plain words, naming where and what; never the password. */
    String describe(SQLException e) {
        String where = target.describe();
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        Throwable cause = rootCause(e);
        if (state.equals("28P01") || state.equals("28000") && e.getMessage() != null && e.getMessage().contains("password")) {
            return "Postgres refused the password for '" + target.user() + "' at " + target.host() + ":" + target.port()
                    + " (password from " + target.passwordSource() + ").";
        }
        if (state.equals("28000")) return "Postgres at " + target.host() + ":" + target.port() + " refused '" + target.user() + "': " + firstLine(e);
        if (state.equals("3D000")) return "There is no database '" + target.database() + "' at " + target.host() + ":" + target.port() + ".";
        if (state.equals("42P01")) {
            return "There is no table public.users in " + where + ": is this Cruddur's database (its schema loaded)?";
        }
        if (state.equals("42703")) return "public.users in " + where + " is not Cruddur's: " + firstLine(e);
        if (cause instanceof ConnectException) return "Cannot reach Postgres at " + target.host() + ":" + target.port() + ": connection refused.";
        if (cause instanceof UnknownHostException) return "Cannot reach Postgres: unknown host '" + target.host() + "'.";
        if (cause instanceof NoRouteToHostException || cause instanceof SocketTimeoutException) {
            return "Cannot reach Postgres at " + target.host() + ":" + target.port() + ": no answer.";
        }
        if (state.startsWith("08")) return "Cannot reach Postgres at " + target.host() + ":" + target.port() + ": " + firstLine(e);
        return "Postgres (" + where + "): " + firstLine(e);
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t;
    }

    private static String firstLine(SQLException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private void closeQuietly() {
        try {
            if (connection != null) connection.close();
        } catch (SQLException ignored) {
            // already broken
        }
        connection = null;
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }
}
